import { watch, type FSWatcher } from 'chokidar';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type ClientCapabilities, type Connection, type FileEvent as LspFileEvent } from 'vscode-languageserver';
import { entersFolder, WALK_POLICY, type FileEvent } from '../core';
import { toPath } from '../node/workspace';

const KINDS = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;

/** Changes seen by the server's own watcher are sent on together after this pause. */
const BATCH_MS = 50;

/**
 * Files created, changed or deleted outside the editor. A client that can register file
 * watchers is asked to watch every file of the workspace; for one that cannot, the server
 * watches the workspace folders itself (chokidar), by the same walk policy as its indexes.
 */
export class FileWatching {
  private mode: 'client' | 'server' | 'none' = 'none';
  private watcher: FSWatcher | undefined;
  private pending: FileEvent[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly onEvents: (events: FileEvent[]) => void | Promise<void>,
  ) {
    connection.onDidChangeWatchedFiles(({ changes }) => this.onEvents(changes.map(fromLsp)));
  }

  /** Decides, from the client's capabilities, who watches. */
  initialize(capabilities: ClientCapabilities): void {
    this.mode = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true ? 'client' : 'server';
  }

  /** After `initialized`: registers the watcher with the client, or starts the server's own. */
  async start(roots: readonly string[]): Promise<void> {
    if (this.mode === 'client') {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
      return;
    }
    const paths = roots.map(toPath).filter((p): p is string => p !== undefined);
    if (this.mode !== 'server' || paths.length === 0) return;
    this.watcher = watch(paths, {
      ignoreInitial: true,
      depth: WALK_POLICY.maxDepth,
      // Dot-folders, dependencies and build output, as the indexes skip them.
      ignored: (path, stats) => stats?.isDirectory() === true && paths.every((root) => root !== path) && !entersFolder(basename(path)),
    });
    const queue = (kind: FileEvent['kind']) => (path: string) => this.queue({ uri: pathToFileURL(path).href, kind });
    this.watcher.on('add', queue('created')).on('addDir', queue('created')).on('change', queue('changed')).on('unlink', queue('deleted')).on('unlinkDir', queue('deleted'));
    this.watcher.on('error', (error) => this.connection.console.error(`Talkdown: the file watcher failed: ${String(error)}`));
    await new Promise<void>((resolve) => this.watcher!.once('ready', () => resolve()));
  }

  /** Who watches: the client, the server itself, or nobody yet. */
  get watchedBy(): 'client' | 'server' | 'none' {
    return this.mode;
  }

  async dispose(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher?.close();
  }

  private queue(event: FileEvent): void {
    this.pending.push(event);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const events = this.pending;
      this.pending = [];
      void this.onEvents(events);
    }, BATCH_MS);
  }
}

function fromLsp(change: LspFileEvent): FileEvent {
  return { uri: change.uri, kind: KINDS[change.type] ?? 'changed' };
}
