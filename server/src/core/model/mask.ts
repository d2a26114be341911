import type { Span } from '../text';

/**
 * Lines longer than this are read as blank: Markdown parsers slow down sharply on very long
 * lines (a million characters of prose takes seconds), and no post needs one.
 */
export const MAX_LINE_LENGTH = 10_000;

/**
 * Lines holding more nested quote and list markers than this, or indented further than
 * MAX_INDENT columns, are read as blank: the parser's cost grows with the square of the
 * nesting, and the tree walks with its depth; no post nests that deep.
 */
export const MAX_NESTING = 32;
export const MAX_INDENT = 128;

/**
 * Blanks out lines over MAX_LINE_LENGTH and lines nested deeper than MAX_NESTING (or indented
 * past MAX_INDENT), keeping every offset where it was.
 */
export function maskLines(text: string, earlier?: { masking: Masking; text: string; ends: { prefix: number; suffix: number } }): Masking {
  let masks: Mask[];
  if (earlier) {
    // Lines wholly before or after what the edit changed are masked as they were.
    const { prefix, suffix } = earlier.ends;
    const delta = text.length - earlier.text.length;
    const from = prefix === 0 ? 0 : text.lastIndexOf('\n', prefix - 1) + 1;
    const changedEnd = text.length - suffix;
    const lineEnd = text.indexOf('\n', changedEnd);
    const to = lineEnd === -1 ? text.length : lineEnd;
    masks = earlier.masking.masks.filter((m) => m.end < from);
    scanLines(text, from, to, masks);
    for (const m of earlier.masking.masks) if (m.start > to - delta) masks.push({ start: m.start + delta, end: m.end + delta, deep: m.deep });
  } else {
    masks = [];
    scanLines(text, 0, text.length, masks);
  }
  const longLines = masks.filter((m) => !m.deep).map((m) => ({ start: m.start, end: m.end }));
  const deepLines = masks.filter((m) => m.deep).map((m) => ({ start: m.start, end: m.end }));
  if (masks.length === 0) return { masked: text, longLines, deepLines, masks };
  const parts: string[] = [];
  let at = 0;
  for (const line of masks) {
    parts.push(text.slice(at, line.start), line.deep ? deepMask(line.end - line.start) : ' '.repeat(line.end - line.start));
    at = line.end;
  }
  parts.push(text.slice(at));
  return { masked: parts.join(''), longLines, deepLines, masks };
}

/** A line read as blank: too long, or nested too deep. */
interface Mask extends Span {
  deep: boolean;
}

/** The text with its unparseable lines blanked, which lines those are, and all of them in order. */
export interface Masking {
  masked: string;
  longLines: Span[];
  deepLines: Span[];
  readonly masks: readonly Mask[];
}

/** Masks the lines that start in [from, to] (`to`: the end of the last line read). */
function scanLines(text: string, from: number, to: number, into: Mask[]): void {
  const n = text.length;
  let start = from;
  while (start <= to && start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    if (end - start > MAX_LINE_LENGTH) into.push({ start, end, deep: false });
    else if (tooDeep(text, start, end)) into.push({ start, end, deep: true });
    start = end + 1;
  }
}

/**
 * What stands in for a line nested too deeply: not blanks, which every open container would
 * scan again, but a line indented by four, which closes them (or continues a paragraph) and
 * holds no word, link or markup (no-break spaces).
 */
function deepMask(length: number): string {
  return length <= 4 ? ' '.repeat(length) : '    ' + '\u00a0'.repeat(length - 4);
}

/** Whether a line opens with more container markers (`>`, `-`, `1.`) or indentation than is parsed. */
function tooDeep(text: string, start: number, end: number): boolean {
  let depth = 0;
  let columns = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      columns += c === 9 ? 4 : 1;
      i++;
    } else if (c === 62 /* > */) {
      depth++;
      i++;
    } else if ((c === 45 || c === 42 || c === 43) /* - * + */ && isSpace(text.charCodeAt(i + 1))) {
      depth++;
      i += 2;
    } else if (c >= 48 && c <= 57) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const d = text.charCodeAt(j);
      if (!((d === 46 || d === 41) && isSpace(text.charCodeAt(j + 1)))) break;
      depth++;
      i = j + 2;
    } else break;
    if (depth > MAX_NESTING || columns > MAX_INDENT) return true;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

