import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { Memo } from '../session/state';

// One frozen processor for the life of the process: building it costs more than a small parse.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).freeze();

/** Parses Markdown into mdast with positions; offsets are relative to `text`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/**
 * A section parsed on its own. A reference resolves only when its definition is in the same
 * parse, so definitions that live in other sections are given as stand-ins, written before
 * the section (or after it, for the first section, whose front matter must come first).
 * Nodes from the stand-ins are dropped; offsets in `root` are relative to the section text
 * plus `prefixLength`.
 */
export interface ParsedSection {
  readonly text: string;
  readonly root: Root;
  readonly prefixLength: number;
  /** The definition labels this parse was given, as a key: equal keys give equal trees. */
  readonly standInKey: string;
  /** What rules derive from this parse (tokens, links, verdicts), kept as long as it is reused. */
  readonly memo: Memo;
  /** Not parsed (a deadline passed): the tree is empty and the parse is never reused. */
  readonly unparsed?: boolean;
  /** Parsed as followed by another section (see `parseSection`): reused only where it still is. */
  readonly followed: boolean;
}

export interface StandIns {
  definitions: string[];
  footnotes: string[];
}

export function standInKey(standIns: StandIns): string {
  return standIns.definitions.join('\u0000') + '\u0001' + standIns.footnotes.join('\u0000');
}

/**
 * `followed`: another section comes after this one, and so an ATX heading. A parse of the text
 * alone would end its last blocks at the end of the text, where micromark gives a block left
 * open in a list item, a quote or a footnote (a fence, an HTML comment) the last line ending
 * too, and positions past a blank line; the heading that follows in the document closes them
 * one line ending earlier. So the text is parsed followed by a heading (`#`), dropped after.
 */
export function parseSection(text: string, standIns: StandIns, first: boolean, followed = false): ParsedSection {
  const key = standInKey(standIns);
  // The first section starts after the document's byte-order mark. A U+FEFF there is text,
  // which micromark would drop as a mark: it is given a mark to drop first.
  const bom = first && text.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
  const closer = followed && /[\n\r]$/.test(text) ? '#\n' : '';
  const section = (root: Root, prefixLength: number): ParsedSection => ({ text, root, prefixLength, standInKey: key, memo: new Memo(), followed });
  if (standIns.definitions.length === 0 && standIns.footnotes.length === 0) {
    const root = parseMarkdown(bom + text + closer);
    if (closer) root.children = root.children.filter((node) => startOf(node) < text.length);
    return section(root, 0);
  }
  const lines = [
    ...standIns.definitions.map((label) => `[${label}]: #`),
    ...standIns.footnotes.map((label) => `[^${label}]: .`),
  ].join('\n');
  if (first) {
    const root = parseMarkdown(bom + text + (closer ? closer + '\n' : '\n\n') + lines + '\n');
    root.children = root.children.filter((node) => startOf(node) < text.length);
    return section(root, 0);
  }
  const prefix = lines + '\n\n';
  const root = parseMarkdown(prefix + text + closer);
  root.children = root.children.filter((node) => startOf(node) >= prefix.length && startOf(node) < prefix.length + text.length);
  return section(root, prefix.length);
}

function startOf(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}
