/** YAML front matter: values, the entries' positions, and errors where they are. */
import { isMap, isScalar, isSeq, parseDocument, visit, type Node as YamlNode, type ScalarTag, type Tags } from 'yaml';
import { addDuplicateProblems, firstLineLength, isRecord, nextLineBreak, trimSpan, visibleSpan } from './frontMatterSpans';
import type { FrontMatter, FrontMatterEntry } from './frontMatterTypes';

/** Aliases beyond this count are a resource-exhaustion attack, not a blog post. */
const MAX_YAML_ALIASES = 100;

export function parseYamlInto(fm: FrontMatter, content: string, base: number): void {
  // YAML 1.1 is what Jekyll (Psych) speaks: timestamps are dates.
  // Warnings (an unknown tag) are not errors of the post, and a library never writes to the console.
  const doc = parseDocument(content, { version: '1.1', prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'silent', customTags: withBinaryText });
  for (const error of doc.errors) {
    const quote = /^Missing closing (["'])quote/.exec(error.message);
    if (error.code === 'MISSING_CHAR' && quote) {
      // YAML reads on to the end of the block looking for the closing quote; the mistake is where it opens.
      const open = openQuoteAt(doc.contents, error.pos[0], quote[1], content);
      if (open !== undefined) {
        fm.problems.push({
          kind: 'syntax',
          span: trimSpan(content, { start: open, end: nextLineBreak(content, open).at }, base),
          message: `Invalid YAML: the ${quote[1] === '"' ? 'double' : 'single'} quote that opens this value is never closed, so YAML reads the lines after it as part of the value. Close the quote at the end of the value.`,
        });
        continue;
      }
    }
    if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
      // `title: Keynote: the future` — the most common YAML mistake in posts. Cover the value.
      const lineStart = content.lastIndexOf('\n', error.pos[0] - 1) + 1;
      const lineEnd = nextLineBreak(content, error.pos[0]).at;
      const colon = content.indexOf(': ', lineStart);
      const valueStart = colon !== -1 && colon < error.pos[0] ? colon + 2 : error.pos[0];
      fm.problems.push({
        kind: 'syntax',
        span: trimSpan(content, { start: valueStart, end: lineEnd }, base),
        message: 'Invalid YAML: this value holds ": ", which YAML reads as a nested key. Put the value in quotes.',
        remedy: 'quote-value',
      });
      continue;
    }
    fm.problems.push({
      kind: 'syntax',
      span: visibleSpan(content, error.pos[0], error.pos[1], base),
      message: `Invalid YAML: ${error.message}`,
    });
  }
  if (doc.errors.length > 0) return;

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return;
  if (!isMap(root)) {
    const range = (root as YamlNode).range ?? [0, content.length];
    fm.problems.push({
      kind: 'not-a-mapping',
      span: visibleSpan(content, range[0], range[1], base),
      message: 'Front matter must be a mapping of keys to values (`title: …`).',
    });
    return;
  }
  collectYamlEntries(root, [], base, fm.entries);
  addDuplicateProblems(fm);
  try {
    const data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown;
    fm.data = isRecord(data) ? data : {};
  } catch (error) {
    fm.problems.push({
      kind: 'syntax',
      span: { start: fm.contentSpan.start, end: fm.contentSpan.start + firstLineLength(content) },
      message: `Invalid YAML: ${(error as Error).message}.`,
    });
  }
}

/**
 * `!binary` values, as WordPress exports write some dates: Ruby's YAML (so Jekyll) reads them
 * as the text they encode. Text that is not base64 of UTF-8 is kept as written.
 */
const BINARY_TEXT: ScalarTag[] = ['!binary', 'tag:yaml.org,2002:binary'].map((tag) => ({
  tag,
  default: false,
  resolve: (source: string) => decodeBase64Text(source) ?? source,
}));

function withBinaryText(tags: Tags): Tags {
  return [...BINARY_TEXT, ...tags.filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:binary')];
}

function decodeBase64Text(source: string): string | undefined {
  const compact = source.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  try {
    const bytes = Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Where the quoted scalar left open at `pos` starts: the offset of its opening quote. */
function openQuoteAt(root: unknown, pos: number, quote: string, content: string): number | undefined {
  let found: number | undefined;
  if (root === null || typeof root !== 'object') return undefined;
  visit(root as YamlNode, {
    Scalar(_, node) {
      const range = node.range;
      if (!range || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || content[range[0]] !== quote) return;
      if (range[0] < pos && pos <= range[2] + 1 && (found === undefined || range[0] > found)) found = range[0];
    },
  });
  return found;
}

function collectYamlEntries(node: unknown, path: (string | number)[], base: number, out: FrontMatterEntry[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (!key || !isScalar(key) || !key.range) continue;
      const keyPath = [...path, String(key.value)];
      const value = pair.value as YamlNode | null;
      const keySpan = { start: base + key.range[0], end: base + key.range[1] };
      const valueSpan = value?.range
        ? { start: base + value.range[0], end: base + value.range[1] }
        : { start: keySpan.end, end: keySpan.end };
      out.push({ path: keyPath, keySpan, valueSpan });
      if (value && (isMap(value) || isSeq(value))) collectYamlEntries(value, keyPath, base, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (isMap(item) || isSeq(item)) collectYamlEntries(item, [...path, index], base, out);
    });
  }
}
