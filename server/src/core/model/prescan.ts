import type { Span } from '../text';
import type { ParsedSection } from './markdown';

/**
 * A cheap scan that bounds what one section costs to parse. The analysis deadline is checked
 * between sections, so a single section must never take long: micromark's inline parse slows
 * down on paragraphs dense with markup (100,000 lines of `*a`, of `[`, of footnote references)
 * and any parse (of blank lines too) takes time in proportion to the text. Blocks (runs of
 * non-blank lines) that hold more markup characters or more text than any post needs are not
 * parsed, and neither is the rest of a section once it has passed a section's budget: each
 * becomes a section of its own with an empty tree, and the text after it starts a new one.
 */

/** A block (a run of non-blank lines) holding more markup characters than this is not parsed. */
export const MAX_BLOCK_MARKUP = 5_000;
/** A block longer than this many characters is not parsed. */
export const MAX_BLOCK_LENGTH = 100_000;
/** Once a section has this many characters (blank lines too), or MAX_SECTION_MARKUP markup characters, the rest of it is not parsed. */
export const MAX_SECTION_LENGTH = 100_000;
export const MAX_SECTION_MARKUP = 10_000;
/** Lines cost a parse even when blank: a block, or a section, of more lines than this is cut likewise. */
export const MAX_SECTION_LINES = 4_000;
/** Each block costs the parser a fixed share: a section of more blocks (paragraphs, lists) than this is cut likewise. */
export const MAX_SECTION_BLOCKS = 1_000;

/** A stretch of the text left unparsed by the scan, and why. */
export interface SkippedBlock extends Span {
  reason: 'dense-markup' | 'long-block' | 'long-section';
  /** The block's markup characters (or the section's, for `long-section`). */
  markup: number;
}

/** The characters that open or close inline constructs: emphasis, links, code, HTML, strikethrough. */
function isMarkup(c: number): boolean {
  return c === 42 /* * */ || c === 95 /* _ */ || c === 91 /* [ */ || c === 93 /* ] */ || c === 96 /* ` */ || c === 60 /* < */ || c === 126 /* ~ */;
}

/**
 * Finds the blocks and section tails over the limits in each section of `text` (sections
 * starting at `starts`, the body from `bodyStart`). Each span runs from a line start to a line
 * start (or the end of the text).
 */
export function costlyBlocks(text: string, starts: readonly number[], bodyStart: number): SkippedBlock[] {
  const skipped: SkippedBlock[] = [];
  for (let s = 0; s < starts.length; s++) {
    const end = s + 1 < starts.length ? starts[s + 1] : text.length;
    const from = Math.max(starts[s], bodyStart);
    // A section this short is below every limit (a block takes two characters at least).
    if (end - from <= 2 * MAX_SECTION_BLOCKS) continue;
    scanSection(text, afterHeading(text, from, end), end, skipped);
  }
  return skipped;
}

function scanSection(text: string, from: number, end: number, skipped: SkippedBlock[]): void {
  // The part of the section parsed as one: from its start, or from the end of a skipped block.
  let pieceMarkup = 0;
  let pieceLines = 0;
  let pieceBlocks = 0;
  // Characters of non-blank lines: a masked line (see mask.ts) is blank, and costs as one.
  let pieceLength = 0;
  let blockStart = -1;
  let blockMarkup = 0;
  let blockLines = 0;
  /** Ends the piece with a skipped tail from `at` to the section's end. */
  const tail = (at: number): void => {
    skipped.push({ start: at, end, reason: 'long-section', markup: pieceMarkup });
  };
  for (let at = from; at < end; ) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const next = Math.min(lineEnd + 1, end);
    let blankLine = true;
    let markup = 0;
    for (let i = at; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (isMarkup(c)) markup++;
      else if (blankLine && c !== 32 && c !== 9 && c !== 13) blankLine = false;
    }
    if (markup > 0) blankLine = false;
    if (!blankLine && blockStart === -1) {
      blockStart = at;
      blockMarkup = 0;
      blockLines = 0;
    }
    blockMarkup += markup;
    pieceLines++;
    if (!blankLine) pieceLength += next - at;
    if (blockStart !== -1) blockLines++;
    const blockEnds = blankLine || next === end;
    if (blockStart !== -1 && blockEnds) {
      const blockEnd = blankLine ? at : next;
      if (blockMarkup > MAX_BLOCK_MARKUP || blockEnd - blockStart > MAX_BLOCK_LENGTH || blockLines > MAX_SECTION_LINES) {
        skipped.push({ start: blockStart, end: blockEnd, reason: blockMarkup > MAX_BLOCK_MARKUP ? 'dense-markup' : 'long-block', markup: blockMarkup });
        pieceMarkup = 0;
        pieceLines = blankLine ? 1 : 0;
        pieceLength = 0;
        pieceBlocks = 0;
      } else if (pieceMarkup + blockMarkup > MAX_SECTION_MARKUP) {
        return tail(blockStart);
      } else {
        pieceMarkup += blockMarkup;
        pieceBlocks++;
      }
      blockStart = -1;
    }
    // Blank lines cost a parse too: a piece past the length budget ends at a line start.
    if (blockStart === -1 && (pieceLength > MAX_SECTION_LENGTH || pieceLines > MAX_SECTION_LINES || pieceBlocks > MAX_SECTION_BLOCKS) && next < end) return tail(next);
    at = next;
  }
}

/** Where a section's text starts after its ATX heading line, which is always parsed. */
function afterHeading(text: string, from: number, end: number): number {
  if (!/^#{1,6}(?:[ \t\r\n]|$)/.test(text.slice(from, from + 8))) return from;
  const lineEnd = text.indexOf('\n', from);
  return lineEnd === -1 || lineEnd >= end ? end : lineEnd + 1;
}

/** Makes each run of unparsed sections one section, in place (`spans` run parallel to `parsed`). */
export function mergeUnparsed(parsed: ParsedSection[], spans: Span[]): void {
  let to = 0;
  for (let i = 0; i < parsed.length; i++) {
    if (to > 0 && parsed[i].unparsed && parsed[to - 1].unparsed) {
      spans[to - 1] = { start: spans[to - 1].start, end: spans[i].end };
      continue;
    }
    parsed[to] = parsed[i];
    spans[to] = spans[i];
    to++;
  }
  parsed.length = to;
  spans.length = to;
}
