/**
 * Which files are posts' Markdown and which folders a walk skips: one policy for the CLI, the
 * server's indexes, the file watcher and the core's own listings.
 */

/** Extensions of Markdown files, lower case, with the dot. */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdx', '.mdown', '.mkd'];

/** The same, as a glob for file watchers. */
export const MARKDOWN_GLOB = '**/*.{md,markdown,mdx,mdown,mkd}';

const MARKDOWN_FILE = /\.(?:md|markdown|mdx|mdown|mkd)$/i;

/** Whether a file name, path or URI names a Markdown file. */
export function isMarkdownFile(name: string): boolean {
  return MARKDOWN_FILE.test(name);
}

/** The file name without its Markdown extension. */
export function stripMarkdownExtension(name: string): string {
  return name.replace(MARKDOWN_FILE, '');
}

export interface WalkPolicy {
  /** Folders never entered: dependencies and build output. Dot-folders are skipped too. */
  readonly skippedFolders: ReadonlySet<string>;
  /** How deep below the starting folder a walk goes. */
  readonly maxDepth: number;
  /** A walk stops after this many files: a site is thousands of files, not a node_modules. */
  readonly maxFiles: number;
}

export const WALK_POLICY: WalkPolicy = {
  skippedFolders: new Set(['node_modules', 'bower_components', '_site', 'resources', 'vendor', 'target']),
  maxDepth: 16,
  maxFiles: 50_000,
};

/** Whether a walk enters a folder of this name. Symbolic links are followed once per real folder. */
export function entersFolder(name: string, policy: WalkPolicy = WALK_POLICY): boolean {
  return !name.startsWith('.') && !policy.skippedFolders.has(name);
}
