import type { Settings } from '../settings';
import type { Workspace } from '../workspace';
import type { Clock } from './clock';
import type { InputKey, SessionKey } from './state';

/**
 * What one analysis session owns: the workspace it reads, the clock, the settings, and the
 * state each rule family keeps (dictionary, link index, site facts, caches). The server, the
 * CLI and the tests each create one and pass it to every analysis.
 */
export interface Session {
  readonly workspace: Workspace;
  readonly clock: Clock;
  /** Base URI of the rule pages; a code `a/b` links to `<base>/a/b.md`. */
  readonly docsBaseUri: string;
  /** The resolved settings for a document. */
  settingsFor(uri: string): Settings;
  /** A family's state: created on first use, dropped by the events its key names. */
  state<T>(key: SessionKey<T>): T;
  /** What the adapter gave the session for `key`, if anything. */
  input<T>(key: InputKey<T>): T | undefined;
}

export interface SessionOptions {
  workspace: Workspace;
  clock: Clock;
  /** The editor's (or the command line's) settings for documents that have none of their own. */
  settings?: unknown;
  docsBaseUri?: string;
  /** What the adapter provides: a dictionary loader, a link index it keeps current… */
  inputs?: Iterable<readonly [InputKey<unknown>, unknown]>;
}

/** Where rule pages live relative to the project; adapters pass an absolute URI instead. */
export const DEFAULT_DOCS_BASE = 'docs/rules';
