/** TOML front matter: values, the entries' positions, and errors where they are. */
import { getStaticTOMLValue, parseTOML, type AST as TomlAst } from 'toml-eslint-parser';
import type { Span } from '../text';
import { isRecord, spanOf, trimSpan, visibleSpan } from './frontMatterSpans';
import type { FrontMatter, FrontMatterEntry } from './frontMatterTypes';

/** Duplicated keys set aside to read the rest of a block, at most. */
const MAX_DUPLICATES = 20;

export function parseTomlInto(fm: FrontMatter, content: string, base: number): void {
  let ast: TomlAst.TOMLProgram | undefined;
  let text = content;
  for (let attempt = 0; !ast; attempt++) {
    try {
      ast = parseTOML(text, { tomlVersion: '1.0.0' });
    } catch (error) {
      const e = error as { message: string; index?: number };
      const index = typeof e.index === 'number' ? e.index : 0;
      const duplicate = /multiple times/.test(e.message);
      // After a key set aside, a failure is the duplicate's (a multi-line value cut short).
      if (attempt > 0 && !duplicate) break;
      fm.problems.push({
        kind: duplicate ? 'duplicate-key' : 'syntax',
        span: tomlErrorSpan(content, index, base),
        message: duplicate ? 'Duplicate key in TOML: a key (or table) is defined more than once.' : `Invalid TOML: ${e.message}.`,
      });
      // A repeated `key = value` line is blanked, keeping every offset, so that the other keys are read and checked.
      const blanked = duplicate && attempt < MAX_DUPLICATES ? withoutKeyLine(text, index) : undefined;
      if (blanked === undefined) break;
      text = blanked;
    }
  }
  if (!ast) {
    fm.entries.length = 0;
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

/** The text with the `key = value` line at `index` written as spaces; undefined for a table header. */
function withoutKeyLine(text: string, index: number): string | undefined {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = nextLineEnd(text, index);
  if (!/^\s*[^\s\[#=][^=]*=/.test(text.slice(start, end))) return undefined;
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function nextLineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const end = lf === -1 ? text.length : lf;
  return end > from && text[end - 1] === '\r' ? end - 1 : end;
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
