/**
 * Positions and ranges in the shape LSP uses (0-based lines, UTF-16 code units),
 * declared here so that the core depends on no protocol package.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** An offset span [start, end) into a document's text, in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** The text the core analyses. `version` lets callers reuse work across edits. */
export interface TextSource {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/**
 * Maps offsets to line/character positions. JavaScript strings are UTF-16, so
 * string offsets already are the code units LSP counts; `\r\n`, `\n` and `\r`
 * all end a line, as in LSP.
 */
export class LineIndex {
  private readonly starts: number[];
  /** Whether the text has a carriage return (then lines are found one character at a time). */
  private readonly returns: boolean;

  /**
   * The lines of `text`. Given the index of an earlier version and what the edit left as it was
   * (`sharedEnds`), only the edited stretch is read: the lines before it are the same, and those
   * after it moved by the edit's length.
   */
  constructor(
    private readonly text: string,
    earlier?: { lines: LineIndex; ends: { prefix: number; suffix: number } },
  ) {
    const incremental = earlier !== undefined && !earlier.lines.returns;
    this.returns = incremental ? text.slice(earlier.ends.prefix, text.length - earlier.ends.suffix).includes('\r') : text.indexOf('\r') !== -1;
    if (incremental && !this.returns) {
      this.starts = LineIndex.edited(earlier.lines, text, earlier.ends);
      return;
    }
    const starts = [0];
    const n = text.length;
    if (!this.returns) {
      // The common case, and the fast one: indexOf is much faster than a char loop.
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) {
          starts.push(i + 1);
        }
      }
    }
    this.starts = starts;
  }

  /** Line starts of a text without carriage returns, from an earlier version's: the edited stretch is read again. */
  private static edited(earlier: LineIndex, text: string, ends: { prefix: number; suffix: number }): number[] {
    const before = earlier.starts;
    const oldLength = earlier.text.length;
    const delta = text.length - oldLength;
    const starts: number[] = [];
    let k = 0;
    // A line starts after a line feed: those before the edit are where they were.
    while (k < before.length && before[k] <= ends.prefix) starts.push(before[k++]);
    const changedEnd = text.length - ends.suffix;
    for (let nl = text.indexOf('\n', ends.prefix); nl !== -1 && nl < changedEnd; nl = text.indexOf('\n', nl + 1)) starts.push(nl + 1);
    // Those after it moved with it.
    const tailFrom = oldLength - ends.suffix + 1;
    while (k < before.length && before[k] < tailFrom) k++;
    while (k < before.length) starts.push(before[k++] + delta);
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of a line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a line break belongs at the end of its line.
    return { line: lo, character: Math.min(o, this.lineEnd(lo)) - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.lineStart(position.line);
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  range(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/**
 * The same characters, sharing no storage with the text they were cut from. V8 keeps a slice
 * of 13 characters or more as a view onto the whole string, so an index that keeps a few
 * headings of each of thousands of files would otherwise keep every file's text.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Characters compared at once while two versions of a text are matched: a native comparison of two slices. */
const CHUNK = 4096;

/**
 * How many characters two versions of a text share at the start and at the end (the two never
 * overlap): what an edit left as it was.
 */
export function sharedEnds(before: string, after: string): { prefix: number; suffix: number } {
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + CHUNK <= max && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const room = max - prefix;
  while (suffix + CHUNK <= room && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) suffix += CHUNK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

