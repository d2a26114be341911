import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { buildModel, DEFAULT_SETTINGS, extractTalks, isMarkdownFile, WALK_POLICY, type DocumentModel, type TalkIndex } from '../core';
import { walkFilesSync } from './walk';
import { decodeUtf8, toPath, toUri } from './workspace';

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
 * Indexes the talks of every Markdown file under a folder, by the one walk policy (dot-folders,
 * dependencies and build output skipped; a symbolic link followed once per real folder).
 * Reads are synchronous (a promise per file cost more than the reading), in slices of a few
 * files that yield to the event loop, so the server keeps answering while it runs.
 */
export async function indexWorkspaceFolder(
  rootPath: string,
  index: TalkIndex,
  buildModelFor: ModelBuilder = buildModelFromText,
  options: IndexFolderOptions = {},
): Promise<IndexFolderResult> {
  const result: IndexFolderResult = { files: 0, talks: 0 };
  const policy = { ...WALK_POLICY, maxFiles: options.maxFiles ?? 20_000 };
  for (const path of walkFilesSync([rootPath], { policy, signal: options.signal, accept: isMarkdownFile })) {
    result.talks += indexFileSync(path, index, buildModelFor, options.isOpen);
    if (++result.files % FILES_PER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return result;
}

/** Files indexed between two yields to the event loop: a few milliseconds of work. */
const FILES_PER_SLICE = 8;

/** indexFile, with synchronous reads, for the walk. */
function indexFileSync(path: string, index: TalkIndex, buildModelFor: ModelBuilder, isOpen: (uri: string) => boolean = () => false): number {
  const uri = toUri(path);
  if (isOpen(uri)) return 0;
  try {
    const info = statSync(path);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) {
      index.remove(uri);
      return 0;
    }
    return indexText(uri, decodeUtf8(readFileSync(path)), index, buildModelFor);
  } catch {
    index.remove(uri);
    return 0;
  }
}

function indexText(uri: string, text: string, index: TalkIndex, buildModelFor: ModelBuilder): number {
  const model = buildModelFor(uri, text);
  const { talks } = extractTalks(model);
  index.update(uri, talks, model.lines);
  return talks.length;
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
    return indexText(uri, decodeUtf8(await readFile(path)), index, buildModelFor);
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
