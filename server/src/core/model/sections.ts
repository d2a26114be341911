import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

/**
 * A line scan that cuts a document into sections: a section starts at an ATX heading
 * (`#` in the first column) and runs to the next one. Each section then parses on its own
 * to the same tree a whole-document parse gives, because an unindented ATX heading closes
 * every open block (paragraph, list, quote, table, footnote). The scan only has to know
 * where such a line is *not* a heading: inside fenced code and inside HTML blocks.
 * When unsure it does not cut, which is always safe: a larger section parses the same.
 *
 * The same scan notes the labels of link and footnote definitions, because a reference
 * resolves against definitions anywhere in the document.
 */
export interface SectionScan {
  /** Offsets where sections start; the first is always `from`. */
  starts: number[];
  /** Link definitions: normalised identifier, a raw label, and the sections that define it. */
  definitions: Map<string, DefinitionLabel>;
  /** Footnote definitions, likewise. */
  footnotes: Map<string, DefinitionLabel>;
}

export interface DefinitionLabel {
  label: string;
  sections: Set<number>;
}

type HtmlEnd = RegExp | 'blank';

// `s`: an info string may hold any character, U+2028 too.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/s;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const HTML_RAW = /^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_COMMENT = /^ {0,3}<!--/;
const HTML_PI = /^ {0,3}<\?/;
const HTML_CDATA = /^ {0,3}<!\[CDATA\[/;
const HTML_DECL = /^ {0,3}<![A-Za-z]/;
const HTML_OTHER = /^ {0,3}<\/?[A-Za-z]/;
// HTML blocks that end at a blank line: one of these tags, which may interrupt a paragraph…
const HTML_BLOCK_TAG =
  /^ {0,3}<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;
// …or any other tag alone on its line, which may not (written strictly: when unsure, it is not one).
const HTML_TAG_LINE =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/;
// The characters a definition line can start with: its bracket, or a quote or list marker.
const MAY_OPEN_DEFINITION = /[\[>*+\-0-9]/;
// A definition can sit inside quotes and list items; its label has no unescaped brackets.
const DEFINITION = /^ {0,3}(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]{0,4})*\[(\^?)((?:[^\\\[\]]|\\.){1,999})\]:/;

/**
 * `skip`: stretches (from a line start to a line start, in order) that are sections of their
 * own and are not read: the scan cuts before and after each, and starts afresh after it.
 */
export function scanSections(text: string, from: number, skip: readonly { start: number; end: number }[] = [], stopAt?: (start: number) => boolean): SectionScan {
  const starts = [from];
  const definitions = new Map<string, DefinitionLabel>();
  const footnotes = new Map<string, DefinitionLabel>();
  // Where a fence or an HTML block opens, with its opening line's indentation.
  let fence: { char: string; length: number; indent: number } | undefined;
  let html: HtmlEnd | undefined;
  let htmlIndent = 0;
  // Whether the open HTML block surely is one: a `<tag` line that may be text (after a
  // paragraph line, or with text after the tag) is read as one until a blank line, but a
  // fence or an HTML comment inside may then be real, and the scan stops cutting.
  let htmlSure = true;
  let afterText = false;
  // The scan does not track list items. A fence or an HTML block opened indented may belong
  // to one, and then a less indented line ends it; or it may not, and the line is inside it.
  // Past such a line the scan cannot tell code from text, so it stops cutting.
  let unsure = false;
  // Definitions cannot interrupt a paragraph: only look for one where a block may start.
  let blockMayStart = true;

  let lineStart = from;
  const n = text.length;
  // A lone `\r` ends a line as `\n` and `\r\n` do: a fence after one is a fence.
  let nextCr = text.indexOf('\r', from);
  let skipped = 0;
  while (lineStart < n) {
    if (skipped < skip.length && lineStart >= skip[skipped].start) {
      const { start, end } = skip[skipped++];
      if (start > from && starts[starts.length - 1] !== start) starts.push(start);
      if (end < n) starts.push(end);
      lineStart = end;
      fence = undefined;
      html = undefined;
      unsure = false;
      afterText = false;
      blockMayStart = true;
      continue;
    }
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    let contentEnd = lineEnd;
    if (nextCr !== -1 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    if (nextCr !== -1 && nextCr < lineEnd) {
      contentEnd = nextCr;
      if (nextCr + 1 < lineEnd) lineEnd = nextCr;
    }
    // Most lines are prose: their first character rules out every construct, so lines are
    // only sliced and matched when that character could open one.
    let first = lineStart;
    while (first < contentEnd && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const blank = first === contentEnd;
    const indented = first - lineStart > 3;
    const c = text.charCodeAt(first);
    const line = (): string => text.slice(lineStart, contentEnd);

    // Whether the line above was paragraph text (or a definition, which a paragraph holds).
    const textAbove: boolean = afterText;
    afterText = false;
    const openIndent = fence ? fence.indent : html ? htmlIndent : 0;
    if (openIndent > 0 && !blank && indentOf(text, lineStart, first) < openIndent) unsure = true;

    if (fence) {
      if (!indented && (c === 96 || c === 126)) {
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line());
        if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
      }
      blockMayStart = true;
    } else if (html) {
      if (!htmlSure && !blank && (((c === 96 || c === 126) && FENCE_OPEN.test(line())) || (c === 60 && htmlBlockEnd(line()) instanceof RegExp))) unsure = true;
      if (html === 'blank' ? blank : html.test(line())) html = undefined;
      blockMayStart = true;
    } else if (blank) {
      blockMayStart = true;
    } else if (indented) {
      // Indented code, or a continuation line: neither cuts nor defines.
      afterText = textAbove;
    } else if ((c === 96 || c === 126) && (fence = fenceAt(line(), first - lineStart)) !== undefined) {
      blockMayStart = true;
    } else if (c === 35 /* # */ && first === lineStart && ATX.test(line())) {
      if (lineStart > from && !unsure) {
        starts.push(lineStart);
        // After a cut the scan's state is as at its start: a caller that knows the rest stops it.
        if (stopAt?.(lineStart)) return { starts, definitions, footnotes };
      }
      blockMayStart = true;
    } else if (c === 60 /* < */ && (html = htmlBlockEnd(line())) !== undefined) {
      // An HTML block may end on its opening line (`<!-- note -->`).
      if (html !== 'blank' && html.test(line().replace(/^ {0,3}<[!?]?/, ''))) html = undefined;
      htmlIndent = first - lineStart;
      htmlSure = html !== 'blank' || HTML_BLOCK_TAG.test(line()) || (!textAbove && HTML_TAG_LINE.test(line()));
      blockMayStart = html === undefined;
    } else {
      afterText = true;
      const def = blockMayStart && MAY_OPEN_DEFINITION.test(text[first]) ? DEFINITION.exec(line()) : null;
      if (def) {
        const id = normalizeIdentifier(def[2]).toLowerCase();
        const map = def[1] ? footnotes : definitions;
        if (id) {
          const known = map.get(id);
          if (known) known.sections.add(starts.length - 1);
          else map.set(id, { label: def[2], sections: new Set([starts.length - 1]) });
        }
        blockMayStart = true;
      } else {
        blockMayStart = false;
      }
    }
    lineStart = lineEnd + 1;
  }
  return { starts, definitions, footnotes };
}

/** The fence a line opens; undefined for a line of text that starts with backticks or tildes (`` `` ``). */
function fenceAt(line: string, indent: number): { char: string; length: number; indent: number } | undefined {
  const open = FENCE_OPEN.exec(line);
  if (!open || (open[1][0] === '`' && open[2].includes('`'))) return undefined;
  return { char: open[1][0], length: open[1].length, indent };
}

/** The indentation of a line in columns, tabs to the next multiple of four. */
function indentOf(text: string, lineStart: number, first: number): number {
  let width = 0;
  for (let i = lineStart; i < first; i++) width = text.charCodeAt(i) === 9 ? width + 4 - (width % 4) : width + 1;
  return width;
}

function htmlBlockEnd(line: string): HtmlEnd | undefined {
  if (HTML_RAW.test(line)) return /<\/(?:script|pre|style|textarea)>/i;
  if (HTML_COMMENT.test(line)) return /-->/;
  if (HTML_PI.test(line)) return /\?>/;
  // micromark ends CDATA at `]]>` only after an even run of `]` (`]]]>` goes on, `]]]]>` ends).
  if (HTML_CDATA.test(line)) return /(?:^|[^\]])(?:\]\])+>/;
  if (HTML_DECL.test(line)) return />/;
  if (HTML_OTHER.test(line)) return 'blank';
  return undefined;
}

/**
 * The scan of an edited text from the scan of its earlier version and what the edit left as it
 * was (`sharedEnds`). After a cut the scan is in the state it starts in, so it is run again from
 * the last cut before the edit, and stopped at the first cut past it that the earlier scan made
 * too (where the texts agree again): the rest is the earlier scan's, moved by the edit's length.
 * Undefined when that does not hold (the edit is in the first section, or a definition was in
 * the stretch read again): then the whole text is scanned.
 */
export function rescanSections(text: string, earlier: { scan: SectionScan; length: number; ends: { prefix: number; suffix: number } }): SectionScan | undefined {
  const { scan: old, ends } = earlier;
  const delta = text.length - earlier.length;
  // The last cut whose heading line the edit left whole.
  const changedLine = ends.prefix === 0 ? 0 : text.lastIndexOf('\n', ends.prefix - 1) + 1;
  let i = old.starts.length - 1;
  while (i > 0 && old.starts[i] >= changedLine) i--;
  if (i === 0) return undefined;
  const tailFrom = text.length - ends.suffix;
  let j = -1;
  const part = scanSections(text, old.starts[i], [], (start) => {
    if (start < tailFrom) return false;
    j = indexOf(old.starts, start - delta);
    return j !== -1;
  });
  const oldEnd = j === -1 ? old.starts.length : j;
  // A definition in the earlier version's stretch read again: its first label is not known.
  for (const map of [old.definitions, old.footnotes]) for (const d of map.values()) for (const k of d.sections) if (k >= i && k < oldEnd) return undefined;
  const starts = old.starts.slice(0, i);
  for (const start of part.starts) starts.push(start);
  if (j !== -1) for (let k = j + 1; k < old.starts.length; k++) starts.push(old.starts[k] + delta);
  // Earlier sections from j on follow the stretch read again, whose last cut is the j-th's.
  const shift = i + part.starts.length - 1 - j;
  const merge = (before: Map<string, DefinitionLabel>, read: Map<string, DefinitionLabel>): Map<string, DefinitionLabel> => {
    const out = new Map<string, DefinitionLabel>();
    const moved = (d: DefinitionLabel) => [...d.sections].filter((k) => k >= oldEnd).map((k) => k + shift);
    // In the order of first definitions, as one scan gives them.
    for (const [id, d] of before) {
      const kept = [...d.sections].filter((k) => k < i);
      if (kept.length > 0) out.set(id, { label: d.label, sections: new Set([...kept, ...moved(d)]) });
    }
    for (const [id, d] of read) {
      const sections = [...d.sections].map((k) => k + i);
      const known = out.get(id);
      if (known) for (const k of sections) known.sections.add(k);
      else out.set(id, { label: d.label, sections: new Set(sections) });
    }
    for (const [id, d] of before) {
      if ([...d.sections].some((k) => k < i)) continue;
      const known = out.get(id);
      if (known) for (const k of moved(d)) known.sections.add(k);
      else out.set(id, { label: d.label, sections: new Set(moved(d)) });
    }
    return out;
  };
  return { starts, definitions: merge(old.definitions, part.definitions), footnotes: merge(old.footnotes, part.footnotes) };
}

function indexOf(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] === value) return mid;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
