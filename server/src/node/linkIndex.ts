import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { type LinkIndex, MARKDOWN_FILE, MAX_INDEXED_FILES, MAX_PAGE_CHARS, SKIPPED_FOLDERS } from '../core/links/linkIndex';
import { decodeUtf8, toPath, toUri } from './workspace';

const MAX_DEPTH = 16;

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
  const maxFiles = options.maxFiles ?? MAX_INDEXED_FILES;
  let files = 0;
  let truncated = false;
  const seen = new Set<string>();
  let sinceYield = 0;
  for (const rootPath of folders) {
    const stack: { path: string; depth: number }[] = [{ path: rootPath, depth: 0 }];
    while (stack.length > 0) {
      if (options.signal?.isCancellationRequested) return { files, truncated: true };
      const { path: folder, depth } = stack.pop()!;
      const real = tryOr(() => realpathSync(folder), undefined);
      if (!real || seen.has(real)) continue;
      seen.add(real);
      const entries = tryOr<Dirent[]>(() => readdirSync(folder, { withFileTypes: true }), []);
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const path = join(folder, entry.name);
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          const target = tryOr(() => statSync(path), undefined);
          isDirectory = target?.isDirectory() ?? false;
          isFile = target?.isFile() ?? false;
        }
        if (isDirectory) {
          if (depth < MAX_DEPTH && !SKIPPED_FOLDERS.has(entry.name)) stack.push({ path, depth: depth + 1 });
          continue;
        }
        if (!isFile) continue;
        if (files >= maxFiles) {
          truncated = true;
          break;
        }
        files++;
        const uri = toUri(path);
        if (MARKDOWN_FILE.test(entry.name)) {
          index.setFile(uri, options.openText?.(uri) ?? readPage(path));
        } else {
          index.setFile(uri);
        }
        // Reads are synchronous (much faster than a promise per file), in slices that
        // yield to the event loop, so the server keeps answering while it indexes.
        if (++sinceYield >= 128) {
          sinceYield = 0;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      }
      if (truncated) break;
    }
  }
  return { files, truncated };
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
  if (uri.slice(root.length + 1).split('/').some((part) => part.startsWith('.') || SKIPPED_FOLDERS.has(part))) return false;
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
  index.setFile(uri, MARKDOWN_FILE.test(path) ? (openText?.(uri) ?? readPage(path)) : undefined);
  return true;
}
