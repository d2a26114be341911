/**
 * The core's only window onto files. The language server backs it with open documents
 * and the file system, the CLI with the file system, tests with memory.
 */
export interface Workspace {
  /** Folders that hold the site, as URIs without a trailing slash. */
  readonly roots: readonly string[];
  /** Reads a file's text, or undefined when it does not exist or cannot be read. */
  readText(uri: string): string | undefined;
  /** Whether a file or directory exists. */
  exists(uri: string): boolean;
  /**
   * Writes a file's text, creating its folders as needed; false when it cannot. Workspaces
   * that cannot write (a read-only view) leave it out.
   */
  writeText?(uri: string, text: string): boolean;
}

/** A workspace held in memory: for tests and for single documents with no folder. */
export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, string>();

  constructor(
    files: Record<string, string> = {},
    readonly roots: readonly string[] = [],
  ) {
    for (const [uri, text] of Object.entries(files)) this.files.set(uri, text);
  }

  set(uri: string, text: string): void {
    this.files.set(uri, text);
  }

  writeText(uri: string, text: string): boolean {
    this.files.set(uri, text);
    return true;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  readText(uri: string): string | undefined {
    return this.files.get(uri);
  }

  exists(uri: string): boolean {
    if (this.files.has(uri)) return true;
    const prefix = uri.endsWith('/') ? uri : uri + '/';
    for (const key of this.files.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }
}
