import { applyEdits, modify, parse } from 'jsonc-parser';
import type { Session } from '../session/session';
import { configsFor, rootFor } from './discovery';
import { CONFIG_FILE } from './projectConfig';

/**
 * The configuration file's text with `word` added to `spelling.words`, keeping its comments and
 * layout; a new file when there is none. Unchanged when the word is there already.
 */
export function withSpellingWord(text: string | undefined, word: string): string {
  const base = text === undefined || text.trim() === '' ? '{\n}\n' : text;
  const data = parse(base, [], { allowTrailingComma: true }) as { spelling?: { words?: unknown } } | undefined;
  const words = Array.isArray(data?.spelling?.words) ? (data.spelling.words as unknown[]) : [];
  if (words.includes(word)) return base;
  const eol = base.includes('\r\n') ? '\r\n' : '\n';
  const edits = modify(base, ['spelling', 'words', words.length], word, { formattingOptions: { insertSpaces: true, tabSize: 2, eol }, isArrayInsertion: true });
  return applyEdits(base, edits);
}

/** Where a document's own words go: the nearest configuration file, else a new one in its workspace folder. */
export function wordsConfigTarget(session: Session, uri: string): string {
  const nearest = configsFor(session, uri).at(-1);
  if (nearest) return nearest.uri;
  return `${rootFor(session, uri) ?? uri.slice(0, uri.lastIndexOf('/'))}/${CONFIG_FILE}`;
}
