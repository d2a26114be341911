import type { Nodes, Parents, Root } from 'mdast';
import type { ParsedSection } from '../model/markdown';
import { MemoKey } from '../session/state';

/** How deep the prose walk goes into nested blocks and inlines. */
const MAX_DEPTH = 200;

/** One word of prose, in offsets of its section's text. */
export interface Token {
  text: string;
  /** The text in lower case, straight apostrophes. */
  lower: string;
  /** Starts with a lower-case letter: an ordinary word, for language detection. */
  ordinary: boolean;
  start: number;
  end: number;
  /** Tokens of one paragraph, heading or table cell share a block number. */
  block: number;
  /** The first word of a sentence, a heading, a list item or a table cell. */
  sentenceStart: boolean;
  inHeading: boolean;
  /** Inside parentheses of a heading: `(Jordan Doe, Example Corp)`. */
  inHeadingParens: boolean;
  /** In the text of a link: often a project's or a person's name. */
  inLinkText: boolean;
  /** The only word of a link's text (`[conmon](…)`): a project's or a person's name. */
  soleLinkWord?: boolean;
}

export interface SectionProse {
  tokens: Token[];
  /** The section's text with everything that is not prose blanked out, offsets kept. */
  masked: string;
  /** Blocks, by number: their span and whether they are headings. */
  blocks: { start: number; end: number }[];
}

/** Words longer than this are never checked: no English word is, and long runs cost time. */
export const MAX_WORD_LENGTH = 40;

// What is never prose, wherever it stands (blanked before words are read, offsets kept).
export const NOT_PROSE: RegExp[] = [
  /\{\{<[\s\S]{0,2000}?>\}\}|\{\{%[\s\S]{0,2000}?%\}\}|\{%[\s\S]{0,2000}?%\}|\{\{[\s\S]{0,2000}?\}\}|\{#[\s\S]{0,2000}?#\}/g, // shortcodes, Liquid, Nunjucks
  /\b(?:[a-z][a-z0-9+.-]{1,15}):\/\/[^\s<>()[\]]*|\b(?:mailto|tel|urn|doi):[^\s<>()[\]]+|\bwww\.[^\s<>()[\]]+/gi, // URLs
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, // email addresses
  /(?:^|(?<=[\s("'`]))(?:~|\.{1,2})?\/[\w.@~+-]+(?:\/[\w.@~+-]*)*|\b[\w.-]+(?:\/[\w.-]+){2,}/gm, // paths (dotted names: see readText)
  /(?<![\w:]):[a-z0-9_+-]{1,40}:(?![\w:])/g, // :emoji:
  /(?<![\w&])#[\w-]+/g, // hashtags, issue numbers
  /^@def\s[^\n]*/gm, // Franklin page variables (`@def title = "…"`)
  /(?<![\w.])@[\w-]+/g, // handles
  /&#?\w{1,10};/g, // entities (apostrophes are decoded first: see APOSTROPHE_ENTITY)
  /\b\d[\d.,]*\s?(?:[kKMGTP]i?B|[kMG]bps|[mµμn]?s|ms|min|h|hrs?|[kKM]|x|rps|qps|fps|[GM]Hz|px|r?em|vCPUs?|cores?|nodes?|pods?|%)\b/g, // numbers with units
];

const BLANK = (m: string): string => m.replace(/[^\r\n]/g, ' ');

/** An apostrophe written as an HTML entity (`I&#39;m`): read as an apostrophe, the rest of the entity as FILLER. */
const APOSTROPHE_ENTITY = /&(?:#39|#x27|apos|rsquo|#8217);/gi;
/** Stands for the characters of an entity that are not its letter; a word keeps them out of its text. */
export const FILLER = '\uE000';

/** The text with everything that is never prose blanked out, offsets kept. */
export function maskNonProse(text: string): string {
  let out = text.includes('&') ? text.replace(APOSTROPHE_ENTITY, (m) => `'${FILLER.repeat(m.length - 1)}`) : text;
  NOT_PROSE.forEach((re, i) => {
    // Most expressions need one character to match at all: skip them when it is absent.
    const needs = NEEDS[i];
    if (needs === undefined || out.includes(needs)) out = out.replace(re, BLANK);
  });
  return out;
}

// The character each of NOT_PROSE needs, in order (undefined: none in particular).
const NEEDS: (string | undefined)[] = ['{', undefined, '@', '/', ':', '#', '@', '@', '&', undefined];

const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}_'’\uE000]*/gu;
/** Digits or underscores (identifiers, versions) or text decoded with the wrong encoding. */
const NOT_A_WORD = /[\p{N}_]|[ÃÂâ][\u0080-\u00BF\u2018-\u201E\u20AC]|\uFFFD/u;

// A section's prose, kept as long as its parse is: an edit re-reads only the sections it touches.
const PROSE = new MemoKey<SectionProse>('spelling.prose');

/** The words of a section's prose, read from its tree: code, HTML, URLs and markup are left out. */
export function sectionProse(parsed: ParsedSection): SectionProse {
  return parsed.memo.get(PROSE, [], () => readProse(parsed));
}

function readProse(parsed: ParsedSection): SectionProse {
  const offset = parsed.prefixLength;
  // Offsets in the tree count the stand-in prefix; the masked text is the section's own.
  const masked = maskNonProse(parsed.text);
  const tokens: Token[] = [];
  const blocks: { start: number; end: number }[] = [];
  let block = -1;
  let inHeading = false;
  let linkDepth = 0;

  const readText = (from: number, to: number): void => {
    from -= offset;
    to -= offset;
    if (from < 0 || to > masked.length || to <= from) return;
    WORD.lastIndex = from;
    for (let m = WORD.exec(masked); m !== null && m.index < to; m = WORD.exec(masked)) {
      let word = m.index + m[0].length > to ? m[0].slice(0, to - m.index) : m[0];
      const start = m.index;
      // Trailing apostrophes close a quotation or a plural possessive (`speakers'`).
      const last = word.charCodeAt(word.length - 1);
      if (last === 39 || last === 0x2019 || last === 0xe000) word = word.replace(/['’\uE000]+$/, '');
      // The word's length as written; its text leaves out what stands for an entity's other characters.
      const raw = word.length;
      if (word.includes(FILLER)) word = word.replace(/\uE000/g, '');
      if (word.length === 0 || word.length > MAX_WORD_LENGTH) continue;
      const ascii = isAsciiWord(word);
      if (!ascii && NOT_A_WORD.test(word)) continue;
      // A word glued to markup-like characters is an identifier, not prose (`foo_bar`, `a=b`).
      const before = masked.charAt(start - 1);
      const after = masked.charAt(start + raw);
      if (before === '=' || after === '=' || before === '\\' || before === '$' || before === '%' || after === '(') continue;
      // Part of a dotted name: a file (`values.yaml`), a domain (`solo.io`), a package (`node.js`).
      // A product named by its domain (`Spinnaker.io`) is still read, as a name.
      const domain = after === '.' && /^\.(?:io|js|dev|app|ai|sh|cloud|com|net|org)(?![\w.-])/.test(masked.slice(start + raw, start + raw + 8)) && !(before === '.' && isNameChar(masked.charCodeAt(start - 2)));
      if (!domain && ((after === '.' && isNameChar(masked.charCodeAt(start + raw + 1))) || (before === '.' && isNameChar(masked.charCodeAt(start - 2))))) continue;
      // A command-line flag (`-Wreturn-std-move`, `--verbose`).
      if (before === '-' && (start < 2 || /[\s([`'"-]/.test(masked.charAt(start - 2)))) continue;
      // A suffix of a version or an identifier with digits (`v1.2.3-beta`, `k8s-native`).
      if (before === '-' && isDigit(masked.charCodeAt(start - 2))) continue;
      // Next to a character that could not be decoded, the word is a fragment.
      const next = after.charCodeAt(0);
      if (before === '\uFFFD' || after === '\uFFFD' || (next >= 0x80 && next <= 0xbf)) continue;
      const lower = word.toLowerCase();
      tokens.push({
        ...(domain ? { soleLinkWord: true } : {}),
        text: word,
        lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower,
        ordinary: word.length >= 2 && (ascii ? word.charCodeAt(0) >= 97 : /^\p{Ll}/u.test(word)),
        start,
        end: start + raw,
        block,
        sentenceStart: isSentenceStart(masked, start, blocks[block]?.start ?? 0),
        inHeading,
        inHeadingParens: inHeading && insideParens(masked, blocks[block]?.start ?? 0, start),
        inLinkText: linkDepth > 0,
      });
    }
  };

  const walk = (node: Nodes, depth = 0): void => {
    // Prose nested deeper than this (a list in a list, a thousand times) is not prose anyone
    // wrote by hand; stopping keeps the walk from exhausting the stack.
    if (depth > MAX_DEPTH) return;
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'footnoteReference':
      case 'break':
      case 'thematicBreak':
        return;
      case 'text':
        if (node.position) readText(node.position.start.offset ?? 0, node.position.end.offset ?? 0);
        return;
      case 'image':
      case 'imageReference': {
        if (!node.position || !node.alt) return;
        const start = (node.position.start.offset ?? 0) + 2;
        const close = parsed.text.indexOf(']', start - offset);
        if (close === -1) return;
        const first = tokens.length;
        readText(start, close + offset);
        // Alt text of one word names the picture (`![schwag](…)`), like a link of one word.
        if (tokens.length === first + 1 && !/\s/.test(masked.slice(start - offset, close))) tokens[first].soleLinkWord = true;
        return;
      }
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const start = (node.position?.start.offset ?? 0) - offset;
        blocks.push({ start, end: (node.position?.end.offset ?? 0) - offset });
        block = blocks.length - 1;
        inHeading = node.type === 'heading';
        for (const child of node.children) walk(child as Nodes, depth + 1);
        inHeading = false;
        return;
      }
      case 'link':
      case 'linkReference':
        linkDepth++;
        const first = tokens.length;
        for (const child of node.children) walk(child as Nodes, depth + 1);
        // A link text of one word, hyphens and all (`[conmon-rs](…)`), names a project.
        const start = (node.position?.start.offset ?? 0) - offset;
        const close = masked.indexOf(']', start);
        if (tokens.length > first && close !== -1 && !/\s/.test(masked.slice(start + 1, close))) {
          for (let k = first; k < tokens.length; k++) tokens[k].soleLinkWord = true;
        }
        linkDepth--;
        return;
      default:
        if ('children' in node) for (const child of (node as Parents).children) walk(child as Nodes, depth + 1);
    }
  };
  walk(parsed.root as Root);
  return { tokens, masked, blocks };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A letter, digit, `_` or `-` (ASCII, or any non-ASCII letter): what dotted names are made of. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || (c > 127 && /\p{L}/u.test(String.fromCharCode(c)));
}

/** Only ASCII letters and apostrophes: the common case, checked without regular expressions. */
function isAsciiWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 32;
    if (!((c >= 97 && c <= 122) || c === 39)) return false;
  }
  return true;
}

/** Whether a word opens a sentence: nothing but markup and quotes since `. ! ?` or the block's start. */
function isSentenceStart(text: string, at: number, blockStart: number): boolean {
  for (let i = at - 1; i >= blockStart && i >= at - 200; i--) {
    const c = text.charCodeAt(i);
    // . ! ? : — –
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2014 || c === 0x2013) return true;
    // Spaces, markup and opening quotes: look further back.
    if (c <= 32 || SKIPPED_BEFORE_SENTENCE.has(c)) continue;
    return false;
  }
  return true;
}

const SKIPPED_BEFORE_SENTENCE: ReadonlySet<number> = new Set([...'*_~"\'“‘([>#|-'].map((ch) => ch.charCodeAt(0)));

function insideParens(text: string, from: number, at: number): boolean {
  const before = text.slice(from, at);
  return before.lastIndexOf('(') > before.lastIndexOf(')');
}

/** Splits `camelCase`, `PascalCase` and `HTTPServer` into their parts. */
export function splitCompound(word: string): string[] {
  return word.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/u).filter((p) => p.length > 0);
}
