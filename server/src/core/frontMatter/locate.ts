import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { parseTOML } from 'toml-eslint-parser';
import { isScalar, parseDocument } from 'yaml';
import type { FrontMatter, FrontMatterEntry } from '../model/frontMatter';
import { MemoKey } from '../session/state';
import type { Span } from '../text';

export type Path = readonly (string | number)[];

export function samePath(a: Path, b: Path): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

const ENTRY_INDEX = new MemoKey<Map<string, FrontMatterEntry>>('front-matter/entry-index');

/** The entry of a key; the first one when a key is duplicated. Indexed: a block may have 50,000 keys. */
export function entryAt(fm: FrontMatter, path: Path): FrontMatterEntry | undefined {
  const index = fm.memo.get(ENTRY_INDEX, [fm.entries], () => {
    const byPath = new Map<string, FrontMatterEntry>();
    for (const entry of fm.entries) {
      const key = JSON.stringify(entry.path);
      if (!byPath.has(key)) byPath.set(key, entry);
    }
    return byPath;
  });
  return index.get(JSON.stringify(path));
}

/**
 * Where the value at `path` is written. Keys are in the model's entries; items of a list of
 * scalars are not, and are found by parsing the front matter again (only for findings, so
 * only when something is wrong). Falls back to the nearest enclosing value.
 */
export function valueSpanAt(fm: FrontMatter, path: Path): Span {
  const entry = entryAt(fm, path);
  if (entry) return entry.valueSpan;
  const found = path.length > 0 && typeof path[path.length - 1] === 'number' ? itemSpan(fm, path) : undefined;
  if (found) return found;
  for (let n = path.length - 1; n > 0; n--) {
    const parent = entryAt(fm, path.slice(0, n));
    if (parent) return parent.valueSpan;
  }
  return openingLine(fm);
}

/** The key at `path`, or the value when it has no key (a list item). */
export function keySpanAt(fm: FrontMatter, path: Path): Span {
  return entryAt(fm, path)?.keySpan ?? valueSpanAt(fm, path);
}

/** The opening delimiter: where findings about the block as a whole go. */
export function openingLine(fm: FrontMatter): Span {
  // `---` and `+++` are three characters; a JSON block opens with `{`.
  const delimiter = fm.contentSpan.start === fm.span.start ? 1 : 3;
  return { start: fm.span.start, end: fm.span.start + delimiter };
}

function itemSpan(fm: FrontMatter, path: Path): Span | undefined {
  try {
    if (fm.format === 'yaml') {
      const doc = parseDocument(fm.raw, { version: '1.1', keepSourceTokens: false, logLevel: 'silent' });
      const node = doc.getIn(path as (string | number)[], true);
      if (isScalar(node) && node.range) return { start: fm.contentSpan.start + node.range[0], end: fm.contentSpan.start + node.range[1] };
      return undefined;
    }
    if (fm.format === 'json') {
      const tree = parseTree(fm.raw);
      const node = tree && findNodeAtLocation(tree, path as (string | number)[]);
      return node ? { start: fm.contentSpan.start + node.offset, end: fm.contentSpan.start + node.offset + node.length } : undefined;
    }
    if (fm.format === 'toml') {
      // TOML lists are written inline: read the list alone, as the value of a one-line document.
      const list = entryAt(fm, path.slice(0, -1));
      if (!list) return undefined;
      const prefix = 'x = ';
      const listText = fm.raw.slice(list.valueSpan.start - fm.contentSpan.start, list.valueSpan.end - fm.contentSpan.start);
      const ast = parseTOML(prefix + listText);
      const kv = ast.body[0].body[0];
      if (kv?.type !== 'TOMLKeyValue' || kv.value.type !== 'TOMLArray') return undefined;
      const item = kv.value.elements[path[path.length - 1] as number];
      if (!item) return undefined;
      return { start: list.valueSpan.start + item.range[0] - prefix.length, end: list.valueSpan.start + item.range[1] - prefix.length };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
