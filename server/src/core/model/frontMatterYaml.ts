/** YAML front matter: values, the entries' positions, and errors where they are. */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { addDuplicateProblems, firstLineLength, isRecord, nextLineBreak, trimSpan, visibleSpan } from './frontMatterSpans';
import type { FrontMatter, FrontMatterEntry } from './frontMatterTypes';

/** Aliases beyond this count are a resource-exhaustion attack, not a blog post. */
const MAX_YAML_ALIASES = 100;

export function parseYamlInto(fm: FrontMatter, content: string, base: number): void {
  // YAML 1.1 is what Jekyll (Psych) speaks: timestamps are dates.
  const doc = parseDocument(content, { version: '1.1', prettyErrors: false, uniqueKeys: false, strict: true });
  for (const error of doc.errors) {
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
