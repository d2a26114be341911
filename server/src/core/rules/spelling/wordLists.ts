import type { Session } from '../../session/session';
import { SessionKey, type FileEvent } from '../../session/state';
import { rootOf } from '../../site/generator';
import type { Workspace } from '../../workspace';

/** The team's word list, kept in the repository beside the site. */
export const WORDS_FILE = '.talkdown/words.txt';

/** How many folders above a post are searched when it has no workspace folder. */
const MAX_DEPTH = 8;

/** The word lists that apply to a folder. */
export interface WordLists {
  /** The word-list files that apply, nearest first. */
  readonly files: readonly string[];
  readonly words: ReadonlySet<string>;
}

/**
 * A word list changed, or a folder came or went (with a word list inside, maybe): the lists
 * read so far no longer hold. Folder events name the folder, whose last segment has no dot.
 */
export function touchesWordLists(event: FileEvent): boolean {
  if (event.uri.endsWith(`/${WORDS_FILE}`) || event.uri.endsWith('/.talkdown')) return true;
  const name = event.uri.slice(event.uri.lastIndexOf('/') + 1);
  return event.kind !== 'changed' && !name.includes('.');
}

/** Word lists by file, and which lists apply to a folder; kept until a word-list or folder event. */
const WORD_LISTS = new SessionKey('spelling.wordLists', () => ({ files: new Map<string, string[] | undefined>(), folders: new Map<string, WordLists>() }), {
  files: touchesWordLists,
});

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** The folders from the document's up to its workspace folder (or a few levels up). */
function foldersUp(workspace: Workspace, uri: string): string[] {
  const root = rootOf(workspace, uri);
  const out: string[] = [];
  let folder = folderOf(uri);
  for (let i = 0; i < 32 && folder.includes('/'); i++) {
    out.push(folder);
    if (root ? folder === root || !folder.startsWith(root) : out.length >= MAX_DEPTH) break;
    const next = folderOf(folder);
    if (next === folder || next.endsWith(':') || next.endsWith('/')) break;
    folder = next;
  }
  return out;
}

/** Reads a word list: one word per line; `#` starts a comment. */
export function parseWordList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const word = line.replace(/#.*$/, '').trim();
    if (word && word.length <= 100 && !word.includes('\u0000')) out.push(word.replace(/’/g, "'"));
  }
  return out;
}

/**
 * The words of every `.talkdown/words.txt` between the document and its workspace folder. The
 * same object comes back until an event drops the session's lists.
 */
export function wordListsFor(session: Session, uri: string): WordLists {
  const { files, folders } = session.state(WORD_LISTS);
  const folder = folderOf(uri);
  const known = folders.get(folder);
  if (known) return known;
  const found: string[] = [];
  const words = new Set<string>();
  for (const dir of foldersUp(session.workspace, uri)) {
    const file = `${dir}/${WORDS_FILE}`;
    let list = files.get(file);
    if (!files.has(file)) {
      const text = session.workspace.readText(file);
      list = text === undefined ? undefined : parseWordList(text.slice(0, 2_000_000));
      files.set(file, list);
    }
    if (!list) continue;
    found.push(file);
    for (const w of list) words.add(w.toLowerCase());
  }
  const lists: WordLists = { files: found, words };
  folders.set(folder, lists);
  return lists;
}

/**
 * Where "add to the workspace dictionary" writes: the nearest existing word list, else a new
 * one in the workspace folder (or, for a loose file, beside it).
 */
export function wordListTarget(session: Session, uri: string): string {
  const existing = wordListsFor(session, uri).files[0];
  if (existing) return existing;
  const root = rootOf(session.workspace, uri) ?? folderOf(uri);
  return `${root}/${WORDS_FILE}`;
}
