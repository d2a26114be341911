import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { buildModel, DEFAULT_SETTINGS, extractTalks, type DocumentModel, type TalkIndex } from '../core';
import { decodeUtf8, toPath, toUri } from './workspace';

const MARKDOWN_EXTENSIONS: ReadonlySet<string> = new Set(['.md', '.markdown']);
/** Folders that hold dependencies or tool state, never posts. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'bower_components']);
/** Files this large (in bytes) are not read: UTF-8 takes at most 3 bytes per UTF-16 unit here. */
const MAX_FILE_BYTES = DEFAULT_SETTINGS.maxFileSize * 3;

export type ModelBuilder = (uri: string, text: string) => DocumentModel;

export interface IndexFolderOptions {
  /** Stops the walk when set; what was indexed stays. */
  signal?: { readonly isCancellationRequested: boolean };
  /** Documents the editor has open: their editor text, not the disk's, is what counts. */
  isOpen?: (uri: string) => boolean;
  /** Stop after this many files: a folder of a million notes should not pin the server. */
  maxFiles?: number;
}

export interface IndexFolderResult {
  files: number;
  talks: number;
}

export const buildModelFromText: ModelBuilder = (uri, text) =>
  buildModel({ uri, version: 0, getText: () => text }, { maxFileSize: DEFAULT_SETTINGS.maxFileSize });

/**
 * Indexes the talks of every Markdown file under a folder. Dot-folders and dependency
 * folders are skipped; symbolic links are followed once per real folder, so a cycle ends.
 * Yields to the event loop between files, so the server keeps answering while it runs.
 */
export async function indexWorkspaceFolder(
  rootPath: string,
  index: TalkIndex,
  buildModelFor: ModelBuilder = buildModelFromText,
  options: IndexFolderOptions = {},
): Promise<IndexFolderResult> {
  const result: IndexFolderResult = { files: 0, talks: 0 };
  const maxFiles = options.maxFiles ?? 20_000;
  const seen = new Set<string>();
  const folders = [rootPath];
  while (folders.length > 0) {
    if (options.signal?.isCancellationRequested || result.files >= maxFiles) break;
    const folder = folders.pop()!;
    const real = await realpath(folder).catch(() => undefined);
    if (!real || seen.has(real)) continue;
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : -1)); // popped in name order
    for (const entry of entries) {
      const path = join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => undefined);
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDirectory) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) folders.push(path);
      } else if (isFile && MARKDOWN_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        if (result.files >= maxFiles || options.signal?.isCancellationRequested) break;
        const talks = await indexFile(path, index, buildModelFor, options.isOpen);
        result.files++;
        result.talks += talks;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  }
  return result;
}

/** Re-reads one file into the index (or removes it when it is gone); returns its talk count. */
export async function indexFile(
  pathOrUri: string,
  index: TalkIndex,
  buildModelFor: ModelBuilder = buildModelFromText,
  isOpen: (uri: string) => boolean = () => false,
): Promise<number> {
  const path = pathOrUri.startsWith('file:') ? toPath(pathOrUri) : pathOrUri;
  if (!path) return 0;
  const uri = toUri(path);
  if (isOpen(uri)) return 0;
  try {
    const info = await stat(path);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) {
      index.remove(uri);
      return 0;
    }
    const model = buildModelFor(uri, decodeUtf8(await readFile(path)));
    const { talks } = extractTalks(model);
    index.update(uri, talks, model.lines);
    return talks.length;
  } catch {
    index.remove(uri);
    return 0;
  }
}

/** Indexes every workspace root (given as file URIs), logging what it could not do. */
export async function indexWorkspaceRoots(
  rootUris: readonly string[],
  index: TalkIndex,
  options: IndexFolderOptions & { log?: (message: string) => void } = {},
): Promise<void> {
  for (const rootUri of rootUris) {
    const rootPath = toPath(rootUri);
    if (!rootPath) continue;
    try {
      await indexWorkspaceFolder(rootPath, index, buildModelFromText, options);
    } catch (error) {
      options.log?.(`Talkdown could not index ${rootUri}: ${(error as Error).stack ?? String(error)}`);
    }
  }
}
