import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ListingWorkspace } from '../core';

/** Files larger than this are never read into memory by the workspace. */
const MAX_READ = 20 * 1024 * 1024;

/**
 * The file system as the core sees it. `overlay` gives the text of documents open in an
 * editor, which wins over what is on disk.
 */
export class NodeWorkspace implements ListingWorkspace {
  constructor(
    public roots: readonly string[],
    private readonly overlay: (uri: string) => string | undefined = () => undefined,
  ) {}

  readText(uri: string): string | undefined {
    const open = this.overlay(uri);
    if (open !== undefined) return open;
    const path = toPath(uri);
    if (!path) return undefined;
    try {
      if (statSync(path).size > MAX_READ) return undefined;
      return decodeUtf8(readFileSync(path));
    } catch {
      return undefined;
    }
  }

  /** A folder's names, folders with a trailing `/`; undefined when it cannot be read. */
  list(dirUri: string): readonly string[] | undefined {
    const path = toPath(dirUri);
    if (!path) return undefined;
    try {
      return readdirSync(path, { withFileTypes: true }).map((d) => (d.isDirectory() ? d.name + '/' : d.name));
    } catch {
      return undefined;
    }
  }

  /** Writes a file on disk, creating its folders; false when it cannot. */
  writeText(uri: string, text: string): boolean {
    const path = toPath(uri);
    if (!path) return false;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return true;
    } catch {
      return false;
    }
  }

  exists(uri: string): boolean {
    if (this.overlay(uri) !== undefined) return true;
    const path = toPath(uri);
    return path !== undefined && existsSync(path);
  }
}

export function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function toUri(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * Decodes as editors do: a BOM is dropped, and bytes that are not UTF-8 become U+FFFD,
 * which the core reports where they are.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}
