import matter from 'gray-matter';
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError as JsonParseError } from 'jsonc-parser';
import { getStaticTOMLValue, parseTOML, type AST as TomlAst } from 'toml-eslint-parser';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Span } from '../text';

export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

export type FrontMatterProblemKind =
  | 'syntax'
  | 'duplicate-key'
  | 'unclosed'
  | 'executable'
  | 'unknown-language'
  | 'not-a-mapping'
  | 'too-large';

export interface FrontMatterProblem {
  kind: FrontMatterProblemKind;
  span: Span;
  message: string;
  /** A known remedy, for quick fixes: the span is a value to put in quotes. */
  remedy?: 'quote-value';
}

/** A key of the front matter, with where its key and value are written. */
export interface FrontMatterEntry {
  /** Keys from the top level down; array indexes are numbers. */
  path: (string | number)[];
  keySpan: Span;
  valueSpan: Span;
}

export interface FrontMatter {
  /** Undefined when the block names a language Talkdown does not parse. */
  format: FrontMatterFormat | undefined;
  /** The language tag after the opening delimiter (`---yaml`), or ''. */
  languageTag: string;
  /** The whole block, delimiters included. */
  span: Span;
  /** The text between the delimiters. */
  contentSpan: Span;
  /** That text itself. */
  raw: string;
  closed: boolean;
  data: Record<string, unknown>;
  entries: FrontMatterEntry[];
  problems: FrontMatterProblem[];
}

/** Front matter larger than this is not parsed: no real post has it, and parsers slow down. */
export const MAX_FRONT_MATTER = 256 * 1024;

/** Languages that gray-matter would evaluate as code. Front matter is data; these never run. */
const EXECUTABLE_LANGUAGES: ReadonlySet<string> = new Set([
  'js',
  'javascript',
  'coffee',
  'coffeescript',
  'cson',
  'ts',
  'typescript',
]);

interface Opening {
  format: FrontMatterFormat | undefined;
  languageTag: string;
  /** End of the opening line, line break included. */
  contentStart: number;
  closing: RegExp;
  delimiter: '---' | '+++' | '{';
}

// A closing line is between line breaks (`\n`, `\r`), not at U+2028 or U+2029 as `^`/`$` with `m` would allow.
const YAML_CLOSE = /(?<=^|[\n\r])(?:---|\.\.\.)[ \t]*(?=[\n\r]|$)/g;
const TOML_CLOSE = /(?<=^|[\n\r])\+\+\+[ \t]*(?=[\n\r]|$)/g;
const JSON_CLOSE = /(?<=^|[\n\r])\}[ \t]*(?=[\n\r]|$)/g;

function readOpening(text: string, start: number): Opening | undefined {
  const lineEnd = nextLineBreak(text, start);
  const firstLine = text.slice(start, lineEnd.at);
  const contentStart = lineEnd.after;
  const dashes = /^---(?!-)[ \t]*([A-Za-z][\w-]*)?[ \t]*$/.exec(firstLine);
  if (dashes) {
    const languageTag = dashes[1] ?? '';
    const lang = languageTag.toLowerCase();
    const format: FrontMatterFormat | undefined =
      lang === '' || lang === 'yaml' || lang === 'yml'
        ? 'yaml'
        : lang === 'toml' || lang === 'json'
          ? lang
          : undefined;
    return { format, languageTag, contentStart, closing: YAML_CLOSE, delimiter: '---' };
  }
  if (/^\+\+\+[ \t]*$/.test(firstLine)) {
    return { format: 'toml', languageTag: '', contentStart, closing: TOML_CLOSE, delimiter: '+++' };
  }
  // Hugo's JSON front matter is an object that opens the file and closes with `}` alone on a line.
  // `{{` opens a shortcode or template tag, not JSON.
  if (/^\{(?!\{)/.test(firstLine)) {
    return { format: 'json', languageTag: '', contentStart: start, closing: JSON_CLOSE, delimiter: '{' };
  }
  return undefined;
}

/** Where the `}` that closes an object opened at the start of the line is, when only blanks follow it; else -1. */
function oneLineObjectEnd(line: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (--depth === 0) return /^[ \t]*$/.test(line.slice(i + 1)) ? i : -1;
    }
  }
  return -1;
}

function nextLineBreak(text: string, from: number): { at: number; after: number } {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return { at: i, after: i + 1 };
    if (c === 13) return { at: i, after: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
  }
  return { at: text.length, after: text.length };
}

/**
 * Finds and parses the front matter that opens `text` at `start` (after a BOM).
 * Returns undefined when the document has none. Never throws, never evaluates code.
 */
export function parseFrontMatter(text: string, start: number): FrontMatter | undefined {
  const opening = readOpening(text, start);
  if (!opening) return undefined;

  const closing = opening.closing;
  closing.lastIndex = opening.delimiter === '{' ? nextLineBreak(text, start).after : opening.contentStart;
  const openingLineEnd = nextLineBreak(text, start).at;
  // A one-line JSON object, `{ "title": "x" }`, closes on its own line.
  const oneLine = opening.delimiter === '{' ? oneLineObjectEnd(text.slice(start, openingLineEnd)) : -1;
  const close: { index: number; 0: string } | null =
    oneLine !== -1 ? { index: start + oneLine, 0: text.slice(start + oneLine, openingLineEnd) } : closing.exec(text);

  if (!close) {
    const fm = emptyFrontMatter(text, opening, { start, end: text.length }, { start: opening.contentStart, end: text.length });
    fm.closed = false;
    const delimiterText = opening.delimiter === '{' ? '}' : opening.delimiter;
    fm.problems.push({
      kind: 'unclosed',
      span: { start, end: opening.delimiter === '{' ? start + 1 : openingLineEnd },
      message:
        `Front matter opened here is never closed: add a line with \`${delimiterText}\` after it. ` +
        'Until then the site generator treats the whole file as front matter or as text.',
    });
    return fm;
  }

  const closeLineEnd = close.index + close[0].length;
  const blockEnd = nextLineBreak(text, closeLineEnd).after;
  const contentEnd =
    opening.delimiter === '{' ? closeLineEnd : Math.max(opening.contentStart, close.index);
  const fm = emptyFrontMatter(text, opening, { start, end: blockEnd }, { start: opening.contentStart, end: contentEnd });
  const tagSpan = {
    start: start + 3 + (text.slice(start + 3, openingLineEnd).length - text.slice(start + 3, openingLineEnd).trimStart().length),
    end: openingLineEnd,
  };

  if (opening.format === undefined) {
    const lang = opening.languageTag.toLowerCase();
    fm.problems.push(
      EXECUTABLE_LANGUAGES.has(lang)
        ? {
            kind: 'executable',
            span: trimSpan(text, tagSpan),
            message: `Front matter in ${opening.languageTag} is code, and Talkdown never runs it. Write it as YAML, TOML or JSON.`,
          }
        : {
            kind: 'unknown-language',
            span: trimSpan(text, tagSpan),
            message: `Unknown front-matter language "${opening.languageTag}": expected yaml, toml or json.`,
          },
    );
    return fm;
  }

  if (contentEnd - opening.contentStart > MAX_FRONT_MATTER) {
    fm.problems.push({
      kind: 'too-large',
      span: { start, end: openingLineEnd },
      message: `Front matter of ${Math.round((contentEnd - opening.contentStart) / 1024)} KB was not checked: Talkdown parses front matter up to ${MAX_FRONT_MATTER / 1024} KB.`,
    });
    return fm;
  }

  if (opening.format === 'json' && opening.delimiter === '{') {
    guarded(fm, () => parseJsonInto(fm, text.slice(start, contentEnd), start));
    return fm;
  }

  // gray-matter splits the block from its delimiters and language tag. It is given only the
  // block (so it never copies a large document) and options (so it caches nothing), and its
  // engines are replaced so that nothing can be evaluated. Values are then read by parsers
  // that keep positions, from exactly the text gray-matter found.
  const block = text.slice(start, blockEnd);
  let file: ReturnType<typeof matter>;
  try {
    file = matter(block, {
      language: opening.format,
      delimiters: opening.delimiter === '+++' ? '+++' : '---',
      engines: safeEngines(),
    } as Parameters<typeof matter>[1]);
  } catch {
    // gray-matter ends the opening line at `\n` only: after a lone `\r` it takes the next line
    // for a language name (`---\rtitle: x`), and throws.
    fm.problems.push({
      kind: 'syntax',
      span: { start, end: openingLineEnd },
      message: 'This front matter could not be read: its opening line ends with a lone carriage return, which site generators do not read as a line break.',
    });
    return fm;
  }
  if (file.matter.trim() === '') return fm; // an empty block

  // With CRLF line ends, gray-matter leaves the `\r` of the last line on the block; YAML would
  // read it as content after a flow collection (`tags: [a, b]\r`).
  const content = file.matter.endsWith('\r') ? file.matter.slice(0, -1) : file.matter;
  const base = start + block.indexOf(content, opening.delimiter.length);
  guarded(fm, () => {
    if (opening.format === 'yaml') parseYamlInto(fm, content, base);
    else if (opening.format === 'toml') parseTomlInto(fm, content, base);
    else parseJsonInto(fm, content, base);
  });
  return fm;
}

/**
 * Parsers recurse; a pathological block (thousands of nested arrays) can exhaust the stack.
 * That is reported like any other unparseable front matter instead of escaping.
 */
function guarded(fm: FrontMatter, parse: () => void): void {
  try {
    parse();
  } catch (error) {
    fm.data = {};
    fm.entries = [];
    fm.problems.push({
      kind: 'syntax',
      span: { start: fm.span.start, end: fm.contentSpan.start },
      message:
        error instanceof RangeError
          ? 'This front matter is nested too deeply to be read.'
          : `This front matter could not be read: ${(error as Error).message}`,
    });
  }
}

/**
 * Engines for gray-matter: data engines that leave parsing to the positioned parsers, and,
 * for every language gray-matter would `eval`, one that refuses.
 */
function safeEngines(): Record<string, unknown> {
  const data = { parse: () => ({}) };
  const refuse = {
    parse(): never {
      throw new Error('Talkdown never evaluates front matter');
    },
  };
  return { yaml: data, toml: data, json: data, js: refuse, javascript: refuse, coffee: refuse, coffeescript: refuse, cson: refuse };
}

function emptyFrontMatter(text: string, opening: Opening, span: Span, contentSpan: Span): FrontMatter {
  return {
    format: opening.format,
    languageTag: opening.languageTag,
    span,
    contentSpan,
    raw: text.slice(contentSpan.start, contentSpan.end),
    closed: true,
    data: {},
    entries: [],
    problems: [],
  };
}

function trimSpan(text: string, span: Span, base = 0): Span {
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
function visibleSpan(text: string, start: number, end: number, base: number): Span {
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

function addDuplicateProblems(fm: FrontMatter): void {
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

// ---------------------------------------------------------------- YAML

/** Aliases beyond this count are a resource-exhaustion attack, not a blog post. */
const MAX_YAML_ALIASES = 100;

function parseYamlInto(fm: FrontMatter, content: string, base: number): void {
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

// ---------------------------------------------------------------- TOML

function parseTomlInto(fm: FrontMatter, content: string, base: number): void {
  let ast: TomlAst.TOMLProgram;
  try {
    ast = parseTOML(content, { tomlVersion: '1.0.0' });
  } catch (error) {
    const e = error as { message: string; index?: number };
    const index = typeof e.index === 'number' ? e.index : 0;
    fm.problems.push({
      kind: /multiple times/.test(e.message) ? 'duplicate-key' : 'syntax',
      span: tomlErrorSpan(content, index, base),
      message: /multiple times/.test(e.message)
        ? 'Duplicate key in TOML: a key (or table) is defined more than once.'
        : `Invalid TOML: ${e.message}.`,
    });
    return;
  }
  const top = ast.body[0];
  for (const item of top.body) {
    if (item.type === 'TOMLKeyValue') {
      collectTomlKeyValue(item, [], base, fm.entries);
    } else {
      const path = item.resolvedKey.map((k) => k);
      fm.entries.push({ path, keySpan: spanOf(item.key.range, base), valueSpan: spanOf(item.range, base) });
      for (const kv of item.body) collectTomlKeyValue(kv, path, base, fm.entries);
    }
  }
  // Values are read from the same AST: one parse, one truth.
  const data = getStaticTOMLValue(ast) as unknown;
  fm.data = isRecord(data) ? data : {};
}

/** Covers the token at the error, so that the squiggle is on the offending text. */
function tomlErrorSpan(content: string, index: number, base: number): Span {
  const i = Math.max(0, Math.min(index, content.length));
  const rest = /^[^\s=\[\]{},"']+/.exec(content.slice(i, i + 200));
  if (rest || (i < content.length && !/[\r\n]/.test(content[i]))) {
    return visibleSpan(content, i, i + (rest ? rest[0].length : 0), base);
  }
  // At the end of a line (an unterminated string, a missing value): cover the value
  // written so far on that line, or the whole line.
  const lineStart = content.lastIndexOf('\n', i - 1) + 1;
  const equals = content.indexOf('=', lineStart);
  const from = equals !== -1 && equals < i ? equals + 1 : lineStart;
  const span = trimSpan(content, { start: from, end: i }, base);
  return span.end > span.start ? span : visibleSpan(content, i, i, base);
}

function collectTomlKeyValue(kv: TomlAst.TOMLKeyValue, parent: (string | number)[], base: number, out: FrontMatterEntry[]): void {
  const path = [...parent, ...kv.key.keys.map((k) => (k.type === 'TOMLBare' ? k.name : k.value))];
  out.push({ path, keySpan: spanOf(kv.key.range, base), valueSpan: spanOf(kv.value.range, base) });
  if (kv.value.type === 'TOMLInlineTable') {
    for (const child of kv.value.body) collectTomlKeyValue(child, path, base, out);
  }
}

function spanOf(range: [number, number], base: number): Span {
  return { start: base + range[0], end: base + range[1] };
}


// ---------------------------------------------------------------- JSON

function parseJsonInto(fm: FrontMatter, content: string, base: number): void {
  const errors: JsonParseError[] = [];
  const tree = parseTree(content, errors, { allowTrailingComma: false, disallowComments: true });
  for (const error of errors) {
    fm.problems.push({
      kind: 'syntax',
      span: visibleSpan(content, error.offset, error.offset + error.length, base),
      message: `Invalid JSON: ${describeJsonError(printParseErrorCode(error.error))}.`,
    });
  }
  if (errors.length > 0 || !tree) return;
  if (tree.type !== 'object') {
    fm.problems.push({
      kind: 'not-a-mapping',
      span: visibleSpan(content, tree.offset, tree.offset + tree.length, base),
      message: 'Front matter must be a JSON object of keys to values.',
    });
    return;
  }
  collectJsonEntries(tree, [], base, fm.entries);
  addDuplicateProblems(fm);
  try {
    const data = JSON.parse(content) as unknown;
    fm.data = isRecord(data) ? data : {};
  } catch {
    // parseTree accepted it, so JSON.parse can only fail on what parseTree reported already.
  }
}

function collectJsonEntries(node: JsonNode, path: (string | number)[], base: number, out: FrontMatterEntry[]): void {
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || !value) continue;
      const keyPath = [...path, String(key.value)];
      out.push({ path: keyPath, keySpan: spanOf([key.offset, key.offset + key.length], base), valueSpan: spanOf([value.offset, value.offset + value.length], base) });
      collectJsonEntries(value, keyPath, base, out);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, index) => collectJsonEntries(child, [...path, index], base, out));
  }
}

const JSON_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace `}` was expected',
  CloseBracketExpected: 'a closing bracket `]` was expected',
  EndOfFileExpected: 'unexpected text after the object',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function describeJsonError(code: string): string {
  return JSON_ERROR_TEXT[code] ?? code;
}

function firstLineLength(text: string): number {
  const i = text.search(/\r?\n/);
  return i === -1 ? text.length : i;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
