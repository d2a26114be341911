import matter from 'gray-matter';
import { Memo } from '../session/state';
import type { Span } from '../text';
import { parseJsonInto } from './frontMatterJson';
import { nextLineBreak, trimSpan } from './frontMatterSpans';
import { parseTomlInto } from './frontMatterToml';
import type { FrontMatter, FrontMatterFormat } from './frontMatterTypes';
import { parseYamlInto } from './frontMatterYaml';

export type { FrontMatter, FrontMatterEntry, FrontMatterFormat, FrontMatterProblem, FrontMatterProblemKind } from './frontMatterTypes';

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

// Closing lines, searched from a position (`lastIndex`): each parse makes its own, so that no
// regular expression's state is shared between documents. A closing line is between line
// breaks (`\n`, `\r`), not at U+2028 or U+2029 as `^`/`$` with `m` would allow.
const YAML_CLOSE = () => /(?<=^|[\n\r])(?:---|\.\.\.)[ \t]*(?=[\n\r]|$)/g;
const TOML_CLOSE = () => /(?<=^|[\n\r])\+\+\+[ \t]*(?=[\n\r]|$)/g;
const JSON_CLOSE = () => /(?<=^|[\n\r])\}[ \t]*(?=[\n\r]|$)/g;

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
    return { format, languageTag, contentStart, closing: YAML_CLOSE(), delimiter: '---' };
  }
  if (/^\+\+\+[ \t]*$/.test(firstLine)) {
    return { format: 'toml', languageTag: '', contentStart, closing: TOML_CLOSE(), delimiter: '+++' };
  }
  // Hugo's JSON front matter is an object that opens the file and closes with `}` alone on a line.
  // `{{` opens a shortcode or template tag, not JSON.
  if (/^\{(?!\{)/.test(firstLine)) {
    return { format: 'json', languageTag: '', contentStart: start, closing: JSON_CLOSE(), delimiter: '{' };
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
    memo: new Memo(),
  };
}

