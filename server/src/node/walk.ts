import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { entersFolder, WALK_POLICY, type WalkPolicy } from '../core';

export interface WalkOptions {
  policy?: WalkPolicy;
  signal?: { readonly isCancellationRequested: boolean };
  /** Which files to yield (all by default). */
  accept?: (name: string) => boolean;
}

/**
 * The files under folders, in name order, by the one walk policy: dot-files and dot-folders, dependencies and
 * build output skipped, a symbolic link followed once per real folder (so a cycle ends), at
 * most `maxDepth` deep and `maxFiles` files. Yields paths; `truncated` tells whether it stopped.
 * It reads folders synchronously (far faster than a promise per entry); callers that must stay
 * responsive yield to the event loop between the files it gives them.
 */
export function* walkFilesSync(folders: readonly string[], options: WalkOptions = {}): Generator<string, { truncated: boolean }> {
  const policy = options.policy ?? WALK_POLICY;
  const seen = new Set<string>();
  let files = 0;
  for (const rootPath of folders) {
    const stack: { path: string; depth: number }[] = [{ path: rootPath, depth: 0 }];
    while (stack.length > 0) {
      if (options.signal?.isCancellationRequested) return { truncated: true };
      const { path: folder, depth } = stack.pop()!;
      const real = attempt(() => realpathSync(folder));
      if (!real || seen.has(real)) continue;
      seen.add(real);
      const entries = (attempt(() => readdirSync(folder, { withFileTypes: true })) ?? []).sort(byName);
      const subfolders: { path: string; depth: number }[] = [];
      for (const entry of entries) {
        const path = join(folder, entry.name);
        const kind = kindOf(entry, () => attempt(() => statSync(path)));
        if (kind === 'folder') {
          if (depth < policy.maxDepth && entersFolder(entry.name, policy)) subfolders.push({ path, depth: depth + 1 });
        } else if (kind === 'file' && !entry.name.startsWith('.') && (options.accept?.(entry.name) ?? true)) {
          if (files >= policy.maxFiles) return { truncated: true };
          files++;
          yield path;
        }
      }
      stack.push(...subfolders.reverse());
    }
  }
  return { truncated: false };
}

function kindOf(entry: Dirent, target: () => { isDirectory(): boolean; isFile(): boolean } | undefined): 'folder' | 'file' | undefined {
  if (entry.isSymbolicLink()) {
    const t = target();
    return t?.isDirectory() ? 'folder' : t?.isFile() ? 'file' : undefined;
  }
  return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : undefined;
}

function byName(a: Dirent, b: Dirent): number {
  return a.name.localeCompare(b.name);
}

function attempt<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch {
    return undefined;
  }
}
