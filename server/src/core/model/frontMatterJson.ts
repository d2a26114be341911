/** JSON front matter: values, the entries' positions, and errors where they are. */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError as JsonParseError } from 'jsonc-parser';
import { addDuplicateProblems, isRecord, spanOf, visibleSpan } from './frontMatterSpans';
import type { FrontMatter, FrontMatterEntry } from './frontMatterTypes';

export function parseJsonInto(fm: FrontMatter, content: string, base: number): void {
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
