/** Spans and small helpers shared by the front-matter readers. */
import type { Span } from '../text';
import type { FrontMatter, FrontMatterEntry } from './frontMatterTypes';

export function nextLineBreak(text: string, from: number): { at: number; after: number } {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { at: i, after: i + 1 };
    if (c === 13) return { at: i, after: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { at: text.length, after: text.length };
}

export function trimSpan(text: string, span: Span, base = 0): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start: base + start, end: base + end };
}

/**
 * Makes a parser's error position something a user can see: an empty span widens to the
 * character at it; a position at a line break (a value missing at the end of a line) moves
 * back onto the last word of that line.
 */
export function visibleSpan(text: string, start: number, end: number, base: number): Span {
  const atBreak = start >= text.length || text[start] === '\n' || text[start] === '\r';
  if (atBreak) {
    let wordEnd = start;
    while (wordEnd > 0 && /[ \t\r]/.test(text[wordEnd - 1])) wordEnd--;
    let wordStart = wordEnd;
    while (wordStart > 0 && !/\s/.test(text[wordStart - 1])) wordStart--;
    if (wordStart < wordEnd) return { start: base + wordStart, end: base + wordEnd };
    return { start: base + start, end: base + start };
  }
  return { start: base + start, end: base + Math.max(end, start + 1) };
}

export function addDuplicateProblems(fm: FrontMatter): void {
  const seen = new Map<string, FrontMatterEntry>();
  for (const entry of fm.entries) {
    const key = JSON.stringify(entry.path);
    const first = seen.get(key);
    if (first) {
      fm.problems.push({
        kind: 'duplicate-key',
        span: entry.keySpan,
        message: `Duplicate key "${entry.path.join('.')}": it is already set above, and only one value can win.`,
      });
    } else {
      seen.set(key, entry);
    }
  }
}

export function spanOf(range: [number, number], base: number): Span {
  return { start: base + range[0], end: base + range[1] };
}


export function firstLineLength(text: string): number {
  const i = text.search(/\r?\n/);
  return i === -1 ? text.length : i;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
