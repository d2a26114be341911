import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { entersFolder, isPageSource, MAX_PAGE_CHARS, WALK_POLICY, type LinkIndex } from '../core';
import { walkFilesSync } from './walk';
import { decodeUtf8, toPath, toUri } from './workspace';


export interface FillOptions {
  signal?: { readonly isCancellationRequested: boolean };
  maxFiles?: number;
  /** The editor's text of open documents, which wins over the disk's. */
  openText?: (uri: string) => string | undefined;
}

/**
 * Fills a link index from the disk: every file's name, and each Markdown file's headings and
 * address fields. Dot-folders, dependencies and build output are skipped; a symbolic link is
 * followed once per real folder, so a cycle ends; the walk stops at `maxFiles`. Yields to the
 * event loop every few files, so the server keeps answering.
 */
export async function fillLinkIndex(index: LinkIndex, roots: readonly string[], options: FillOptions = {}): Promise<{ files: number; truncated: boolean }> {
  const result = await fillFolders(index, roots.map((root) => toPath(root)).filter((path): path is string => path !== undefined), options);
  index.ready = true;
  return result;
}

/** The walk behind fillLinkIndex, for whole roots and for a folder that appears later. */
async function fillFolders(index: LinkIndex, folders: readonly string[], options: FillOptions): Promise<{ files: number; truncated: boolean }> {
  const policy = options.maxFiles === undefined ? WALK_POLICY : { ...WALK_POLICY, maxFiles: options.maxFiles };
  const walk = walkFilesSync(folders, { policy, signal: options.signal });
  let files = 0;
  let sinceYield = 0;
  for (;;) {
    const next = walk.next();
    if (next.done) return { files, truncated: next.value.truncated };
    const path = next.value;
    files++;
    const uri = toUri(path);
    index.setFile(uri, isPageSource(path) ? (options.openText?.(uri) ?? readPage(path)) : undefined);
    // Reads are synchronous (much faster than a promise per file), in slices that yield to
    // the event loop, so the server keeps answering while it indexes.
    if (++sinceYield >= 128) {
      sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

function readPage(path: string): string {
  try {
    if (statSync(path).size > MAX_PAGE_CHARS * 3) return '';
    return decodeUtf8(readFileSync(path));
  } catch {
    return '';
  }
}

function tryOr<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

/**
 * Applies one file event to the index: a created or changed file is (re)read, a deleted one
 * (or a deleted folder's files) removed. Returns whether the index changed.
 */
export async function updateLinkIndex(index: LinkIndex, uri: string, deleted: boolean, openText?: (uri: string) => string | undefined): Promise<boolean> {
  const root = index.roots.map((r) => r.replace(/\/$/, '')).find((r) => uri.startsWith(r + '/'));
  if (!root) return false;
  // Build output and tool folders (a `jekyll serve` rewriting _site/) are not indexed.
  if (uri.slice(root.length + 1).split('/').slice(0, -1).some((part) => !entersFolder(part)) || basename(uri).startsWith('.')) return false;
  const path = toPath(uri);
  if (!path) return false;
  if (deleted) {
    index.removeFile(uri);
    return true;
  }
  const info = tryOr(() => statSync(path), undefined);
  if (!info) {
    index.removeFile(uri);
    return true;
  }
  if (info.isDirectory()) {
    // A folder created or moved in: index what it holds.
    await fillFolders(index, [path], { openText });
    return true;
  }
  if (!info.isFile()) return false;
  index.setFile(uri, isPageSource(path) ? (openText?.(uri) ?? readPage(path)) : undefined);
  return true;
}
