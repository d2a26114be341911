import { entersFolder } from '../files';
import { encodeSegment } from '../links/uri';

import type { Workspace } from '../workspace';

/**
 * A workspace that can list a folder. Listing is optional: without it, site-wide features
 * (tags used across the site, layouts) have nothing to offer, and everything else works.
 */
export interface ListingWorkspace extends Workspace {
  /**
   * The names in a folder as the file system spells them (not percent-encoded), each folder
   * name ending with `/`; undefined when the folder does not exist or cannot be read.
   */
  list(dirUri: string): readonly string[] | undefined;
}

export function canList(workspace: Workspace): workspace is ListingWorkspace {
  return typeof (workspace as Partial<ListingWorkspace>).list === 'function';
}

export interface WalkLimits {
  /** Stop after this many files: a site is hundreds of posts, not a node_modules. */
  maxFiles: number;
  maxDepth: number;
}

/** The files under a folder, depth first, as URIs; empty when the workspace cannot list. */
export function walkFiles(workspace: Workspace, dirUri: string, limits: WalkLimits = { maxFiles: 5000, maxDepth: 8 }): string[] {
  const found: string[] = [];
  if (!canList(workspace)) return found;
  const visit = (dir: string, depth: number): void => {
    const names = workspace.list(dir);
    if (!names) return;
    for (const name of names) {
      if (found.length >= limits.maxFiles) return;
      if (name.startsWith('.')) continue;
      if (name.endsWith('/')) {
        if (depth < limits.maxDepth && entersFolder(name.slice(0, -1))) visit(`${dir}/${encodeSegment(name.slice(0, -1))}`, depth + 1);
      } else {
        found.push(`${dir}/${encodeSegment(name)}`);
      }
    }
  };
  visit(dirUri.replace(/\/$/, ''), 0);
  return found;
}
