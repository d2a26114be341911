import { rootOf } from '../site/generator';
import type { Workspace } from '../workspace';

/** The team's word list, kept in the repository beside the site. */
export const WORDS_FILE = '.talkdown/words.txt';

/** How many folders above a post are searched when it has no workspace folder. */
const MAX_DEPTH = 8;

interface Lists {
  /** The word-list files that apply, nearest first. */
  files: string[];
  words: Set<string>;
  key: string;
}

// Word lists by file, and which lists apply to a folder; both kept until `forgetWordLists`
// (the server calls it when a watched file changes; the CLI reads each list once).
const caches = new WeakMap<Workspace, { generation: number; files: Map<string, string[] | undefined>; folders: Map<string, Lists> }>();
let generation = 0;

/** Forgets every word list read, so that the next check reads them again. */
export function forgetWordLists(): void {
  generation++;
}

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

/** The words of every `.talkdown/words.txt` between the document and its workspace folder. */
export function wordListsFor(workspace: Workspace, uri: string): { words: ReadonlySet<string>; key: string; files: readonly string[] } {
  let cache = caches.get(workspace);
  if (!cache || cache.generation !== generation) {
    cache = { generation, files: new Map(), folders: new Map() };
    caches.set(workspace, cache);
  }
  const { files, folders } = cache;
  const folder = folderOf(uri);
  const known = folders.get(folder);
  if (known) return known;
  const found: string[] = [];
  const words = new Set<string>();
  for (const dir of foldersUp(workspace, uri)) {
    const file = `${dir}/${WORDS_FILE}`;
    let list = files.get(file);
    if (!files.has(file)) {
      const text = workspace.readText(file);
      list = text === undefined ? undefined : parseWordList(text.slice(0, 2_000_000));
      files.set(file, list);
    }
    if (!list) continue;
    found.push(file);
    for (const w of list) words.add(w.toLowerCase());
  }
  const lists: Lists = { files: found, words, key: `${generation}:${found.join('|')}:${words.size}` };
  folders.set(folder, lists);
  return lists;
}

/**
 * Where "add to the workspace dictionary" writes: the nearest existing word list, else a new
 * one in the workspace folder (or, for a loose file, beside it).
 */
export function wordListTarget(workspace: Workspace, uri: string): string {
  const existing = wordListsFor(workspace, uri).files[0];
  if (existing) return existing;
  const root = rootOf(workspace, uri) ?? folderOf(uri);
  return `${root}/${WORDS_FILE}`;
}
