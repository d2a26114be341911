import type { Heading as MdHeading, Nodes, Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { MemoKey } from '../session/state';
import type { Span } from '../text';
import type { ParsedSection } from './markdown';
import type { DefinitionLabel } from './sections';

// What a section's tree holds that points somewhere, read once per parse in the section's own
// offsets, and placed in document offsets only when a reader asks for the whole document's.

export type LinkKind =
  | 'link'
  | 'image'
  | 'linkReference'
  | 'imageReference'
  | 'definition'
  | 'footnoteReference'
  | 'footnoteDefinition';

/** Anything that points somewhere: a URL, or a label that a definition resolves. */
export interface LinkInfo {
  kind: LinkKind;
  span: Span;
  /** The destination, for links, images and definitions. */
  url?: string;
  /** The normalised label, for references and definitions. */
  identifier?: string;
  sectionIndex: number;
  node: Nodes;
}

export interface HeadingInfo {
  depth: number;
  /** The heading's plain text, without markup. */
  text: string;
  span: Span;
  sectionIndex: number;
  node: MdHeading;
}

/** Footnote references and definitions (also among a document's links). */
export interface Footnotes {
  readonly references: readonly LinkInfo[];
  readonly definitions: readonly LinkInfo[];
}

/** Where a section is: what placing its headings and links needs. */
interface Placement {
  index: number;
  span: Span;
  parsed: ParsedSection;
}

function shift(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

export interface Extracted {
  headings: Omit<HeadingInfo, 'sectionIndex'>[];
  links: Omit<LinkInfo, 'sectionIndex'>[];
  /** The link and footnote definitions among `links`. */
  definitions: Omit<LinkInfo, 'sectionIndex'>[];
}

// A parsed section's headings and links, in its own offsets; kept as long as the parse is.
const EXTRACTED = new MemoKey<Extracted>('headings and links');

/** A parsed section's links, in its own offsets (its text's offset 0), in document order. */
export function sectionLinkInfos(parsed: ParsedSection): readonly RelativeLink[] {
  return extract(parsed).links;
}

/** A parsed section's link and footnote definitions, in its own offsets. */
export function sectionDefinitions(parsed: ParsedSection): readonly RelativeLink[] {
  return extract(parsed).definitions;
}

/** A link of a section, in the section's own offsets. */
export type RelativeLink = Omit<LinkInfo, 'sectionIndex'>;

export function extract(parsed: ParsedSection): Extracted {
  return parsed.memo.get(EXTRACTED, [], () => extractFrom(parsed));
}

function extractFrom(parsed: ParsedSection): Extracted {
  const result: Extracted = { headings: [], links: [], definitions: [] };
  const rel = (node: Nodes): Span => ({
    start: (node.position?.start.offset ?? 0) - parsed.prefixLength,
    end: (node.position?.end.offset ?? 0) - parsed.prefixLength,
  });
  // Links GFM makes of URLs in text after the parse (`[https://…]`, a reference that did not
  // resolve) have no position: each is found in the text, after what precedes it.
  const after = new Map<Parents, number>();
  const locate = (node: Nodes, index: number | undefined, parent: Parents | undefined): Span => {
    if (node.position || !parent?.position || index === undefined) return rel(node);
    let from = parent.position.start.offset ?? 0;
    for (let i = index - 1; i >= 0; i--) {
      const end = parent.children[i].position?.end.offset;
      if (end !== undefined) {
        from = end;
        break;
      }
    }
    from = Math.max(from, after.get(parent) ?? 0);
    const value = toString(node);
    const found = value ? written(parsed.text, value, from - parsed.prefixLength) : undefined;
    if (!found || found.end > (parent.position.end.offset ?? 0) - parsed.prefixLength) return rel(parent);
    after.set(parent, found.end + parsed.prefixLength);
    return found;
  };
  visit(parsed.root as Root, (node, index, parent) => {
    switch (node.type) {
      case 'heading':
        result.headings.push({ depth: node.depth, text: toString(node), span: rel(node), node });
        break;
      case 'link':
      case 'image':
        result.links.push({ kind: node.type, url: node.url, span: locate(node, index, parent), node });
        break;
      case 'definition': {
        const link = { kind: node.type, url: node.url, identifier: node.identifier, span: rel(node), node };
        result.links.push(link);
        result.definitions.push(link);
        break;
      }
      case 'linkReference':
      case 'imageReference':
      case 'footnoteReference':
        result.links.push({ kind: node.type, identifier: node.identifier, span: rel(node), node });
        break;
      case 'footnoteDefinition': {
        const link = { kind: node.type, identifier: node.identifier, span: rel(node), node };
        result.links.push(link);
        result.definitions.push(link);
        break;
      }
    }
  });
  return result;
}

export function placeSections(sections: readonly Placement[], extracted: readonly Extracted[]): { headings: HeadingInfo[]; links: LinkInfo[]; footnotes: Footnotes } {
  const headings: HeadingInfo[] = [];
  const links: LinkInfo[] = [];
  for (const section of sections) {
    // A section where it was before has the same headings and links: placed once, kept with its parse.
    const placed = section.parsed.memo.get(PLACED, [section], () => place(extracted[section.index], section));
    for (const h of placed.headings) headings.push(h);
    for (const l of placed.links) links.push(l);
  }
  const footnotes = {
    references: links.filter((l) => l.kind === 'footnoteReference'),
    definitions: links.filter((l) => l.kind === 'footnoteDefinition'),
  };
  return { headings, links, footnotes };
}

const PLACED = new MemoKey<{ headings: HeadingInfo[]; links: LinkInfo[] }>('placed headings and links');

function place(found: Extracted, section: Placement): { headings: HeadingInfo[]; links: LinkInfo[] } {
  // Extracted spans are relative to the section's own text (the stand-in prefix is already
  // taken off), so they move by the section's start, not by its tree delta.
  const start = section.span.start;
  const index = section.index;
  // Built field by field: object spread here is several times slower on large posts.
  const headings = found.headings.map((h): HeadingInfo => ({ depth: h.depth, text: h.text, span: shift(h.span, start), sectionIndex: index, node: h.node }));
  const links = found.links.map((l): LinkInfo => ({ kind: l.kind, span: shift(l.span, start), url: l.url, identifier: l.identifier, sectionIndex: index, node: l.node }));
  return { headings, links };
}

export function realDefinitions(extracted: Extracted[]): {
  definitions: Map<string, DefinitionLabel>;
  footnotes: Map<string, DefinitionLabel>;
} {
  const definitions = new Map<string, DefinitionLabel>();
  const footnotes = new Map<string, DefinitionLabel>();
  extracted.forEach((e, index) => {
    for (const link of e.definitions) {
      const map = link.kind === 'definition' ? definitions : footnotes;
      const id = link.identifier ?? '';
      const label = (link.node as { label?: string | null }).label ?? id;
      const known = map.get(id);
      if (known) known.sections.add(index);
      else map.set(id, { label, sections: new Set([index]) });
    }
  });
  return { definitions, footnotes };
}


/**
 * Where `value`, text the parser read, is first written in `text` from `from` on: as it is, or
 * as the parser reads it back: with backslashes before its punctuation (`https\://…` reads as
 * `https://…`), `&amp;`, `&lt;`, `&gt;` or `&quot;` for its character, a NUL for U+FFFD.
 */
function written(text: string, value: string, from: number): Span | undefined {
  let source = '';
  for (const c of value) {
    const literal = c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const entity = ENTITIES[c];
    if (c === '\uFFFD') source += '[\\uFFFD\\u0000]';
    else if (/[!-/:-@[-`{-~]/.test(c)) source += entity ? `(?:\\\\?${literal}|${entity})` : `\\\\?${literal}`;
    else source += literal;
  }
  const pattern = new RegExp(source, 'g');
  pattern.lastIndex = Math.max(0, from);
  const m = pattern.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
