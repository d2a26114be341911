import type { PhrasingContent, RootContent } from 'mdast';
import type { ParsedSection } from '../markdown';
import { MemoKey } from '../../session/state';
import type { Span } from '../../text';
import type { DocumentModel, Section } from '../document';
import { sectionDefinitions } from '../extracted';
import type { OutlineNode, OutlineSection, Talk, TalkLink, VideoLink } from './types';
import type { UrlReading } from './videoUrls';

/** A top-level block of the body, with the section it is parsed in. */
export interface Block {
  node: RootContent;
  section: Section;
  span: Span;
  /** What is read of the block once per parse of its section. */
  facts: BlockFacts;
}

/** Where a talk's video, slides and page links are collected; the first of each kind counts. */
export interface LinkTargets {
  video?: VideoLink;
  slides?: TalkLink;
  page?: TalkLink;
}

/** One reading of a document's talks: its blocks, its link definitions and what was found so far. */
export interface Extraction {
  readonly model: DocumentModel;
  readonly blocks: readonly Block[];
  /** The blocks that are lists of three items or more, by index, in order. */
  readonly lists: readonly number[];
  /** The first definition of each label, by identifier. */
  readonly definitions: ReadonlyMap<string, string>;
  /**
   * The definitions as one key (labels and URLs): what is kept per section for one set of
   * definitions is read again when a URL changes too, not only a label.
   */
  readonly definitionsKey: string;
  readonly talks: Talk[];
  readonly sections: OutlineSection[];
  readonly root: OutlineNode[];
  /** Whether some heading is a talk: then bold lines need evidence of their own. */
  hasHeadingTalks: boolean;
  /** What URLs read as, for this reading: shared by sections whose parse has no readings yet. */
  readonly urls: Map<string, UrlReading>;
  /** The last section whose kept flattenings were looked up, and those: readings go section by section. */
  flattened?: { parsed: ParsedSection; kept: WeakMap<readonly PhrasingContent[], unknown> };
}

/** An open heading while the tree is built: what the blocks under it belong to. */
export interface Container {
  node: OutlineSection | Talk | undefined;
  depth: number;
  /** A section heading with no body of its own, followed by talks at its level: it groups them. */
  label: boolean;
  /** The heading's plain text, which tells whether its lists are lists of talks. */
  headingText?: string;
}

/** The body's blocks (front matter left out) and its link definitions. */
export function newExtraction(model: DocumentModel): Extraction {
  const definitions = new Map<string, string>();
  for (const section of model.sections) {
    for (const link of sectionDefinitions(section.parsed)) {
      if (link.kind === 'definition' && link.identifier && link.url !== undefined && !definitions.has(link.identifier)) {
        definitions.set(link.identifier, link.url);
      }
    }
  }
  const blocks: Block[] = [];
  const lists: number[] = [];
  const fmEnd = model.frontMatter?.span.end ?? 0;
  for (const section of model.sections) {
    // A section where it was before has the same blocks: read once, kept with its parse.
    const own = section.parsed.memo.get(SECTION_BLOCKS, [section, fmEnd], () => sectionBlocks(section, fmEnd));
    for (const i of own.lists) lists.push(blocks.length + i);
    for (let i = 0; i < own.blocks.length; i++) blocks.push(own.blocks[i]);
  }
  let definitionsKey = model.definitionsKey;
  for (const [identifier, url] of definitions) definitionsKey += `\u0002${identifier}\u0003${url}`;
  return { model, blocks, lists, definitions, definitionsKey, talks: [], sections: [], root: [], hasHeadingTalks: false, urls: new Map() };
}

/** The blocks of one section, front matter left out, and which of them are lists of three items or more. */
const SECTION_BLOCKS = new MemoKey<{ blocks: readonly Block[]; lists: readonly number[] }>('talks: section blocks');

/** A block as its section's parse has it, in the section's own offsets, and what was read of it. */
export interface BlockFacts {
  node: RootContent;
  start: number;
  end: number;
  /** A list of three items or more: what a talk's notes may list other talks in. */
  list: boolean;
  /** Whether the list is one of links to videos or slides, for one set of definitions (see `videoLists`). */
  linkList?: { definitionsKey: string; value: boolean };
}

/** A parse's top-level blocks, in its section's own offsets: read once per parse. */
const RELATIVE_BLOCKS = new MemoKey<readonly BlockFacts[]>('talks: relative blocks');

function sectionBlocks(section: Section, fmEnd: number): { blocks: Block[]; lists: number[] } {
  const parsed = section.parsed;
  const relative = parsed.memo.get(RELATIVE_BLOCKS, [], () => {
    const found: BlockFacts[] = [];
    for (const node of parsed.root.children) {
      if (node.type === 'yaml' || (node.type as string) === 'toml') continue;
      const list = node.type === 'list' && node.children.length >= 3;
      found.push({ node, start: (node.position?.start.offset ?? 0) - parsed.prefixLength, end: (node.position?.end.offset ?? 0) - parsed.prefixLength, list });
    }
    return found;
  });
  const base = section.span.start;
  const blocks: Block[] = [];
  const lists: number[] = [];
  for (const r of relative) {
    if (r.end + base <= fmEnd) continue;
    if (r.list) lists.push(blocks.length);
    blocks.push({ node: r.node, section, span: { start: r.start + base, end: r.end + base }, facts: r });
  }
  return { blocks, lists };
}

/** Adds a node to its parent's children, or to the top level. A talk holds only talks. */
export function attach(x: Extraction, node: OutlineNode, parent: OutlineSection | Talk | undefined): void {
  if (!parent) x.root.push(node);
  else if (parent.kind === 'section') parent.children.push(node);
  else if (node.kind === 'talk') parent.children.push(node);
}

/** The span of the title inside the heading, or the heading's content when markup splits it. */
export function titleSpan(model: DocumentModel, title: string, content: Span): Span {
  if (title) {
    // The first writing at or after the start; one that runs past the end means none inside.
    const at = model.text.indexOf(title, content.start);
    if (at !== -1 && at + title.length <= content.end) return { start: at, end: at + title.length };
  }
  return content;
}

/** Moves an end offset back over trailing whitespace, so that a span ends on its last character. */
export function trimEnd(model: DocumentModel, start: number, end: number): number {
  const text = model.text;
  let e = Math.min(end, text.length);
  while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
  return e;
}

/** What `/\s/` matches, by code: ASCII whitespace first, the rest of Unicode's by the expression. */
function isSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code >= 0x80 && (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff);
}
