import { DEFAULT_SETTINGS, type Settings } from '../settings';
import type { Workspace } from '../workspace';
import type { Clock } from './clock';
import { InputKey, SessionKey, type FileEvent } from './state';

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
  /** Settings for documents that have none of their own. */
  settings?: Settings;
  docsBaseUri?: string;
  /** What the adapter provides: a dictionary loader, a link index it keeps current… */
  inputs?: Iterable<readonly [InputKey<unknown>, unknown]>;
}

/** Where rule pages live relative to the project; adapters pass an absolute URI instead. */
export const DEFAULT_DOCS_BASE = 'docs/rules';

export class AnalysisSession implements Session {
  readonly workspace: Workspace;
  readonly clock: Clock;
  readonly docsBaseUri: string;
  private defaults: Settings | undefined;
  private readonly perDocument = new Map<string, Settings>();
  private readonly states = new Map<SessionKey<unknown>, unknown>();
  private readonly inputs = new Map<InputKey<unknown>, unknown>();
  private readonly listeners: ((event: FileEvent | 'settings') => void)[] = [];

  constructor(options: SessionOptions) {
    this.workspace = options.workspace;
    this.clock = options.clock;
    this.defaults = options.settings;
    this.docsBaseUri = options.docsBaseUri ?? DEFAULT_DOCS_BASE;
    for (const [key, value] of options.inputs ?? []) this.inputs.set(key, value);
  }

  settingsFor(uri: string): Settings {
    return this.perDocument.get(uri) ?? this.defaults ?? DEFAULT_SETTINGS;
  }

  /** Sets the settings of one document (the server resolves them per resource), or the defaults. */
  setSettings(settings: Settings, uri?: string): void {
    if (uri === undefined) this.defaults = settings;
    else this.perDocument.set(uri, settings);
  }

  /** Forgets a closed document's settings. */
  forgetDocument(uri: string): void {
    this.perDocument.delete(uri);
  }

  state<T>(key: SessionKey<T>): T {
    if (this.states.has(key)) return this.states.get(key) as T;
    const value = key.create();
    this.states.set(key, value);
    return value;
  }

  input<T>(key: InputKey<T>): T | undefined {
    return this.inputs.get(key) as T | undefined;
  }

  provide<T>(key: InputKey<T>, value: T): void {
    this.inputs.set(key, value);
  }

  /** Files were created, changed or deleted: state that depends on them is dropped. */
  filesChanged(events: readonly FileEvent[]): void {
    if (events.length === 0) return;
    for (const key of [...this.states.keys()]) {
      const filter = key.invalidatedBy.files;
      if (filter === true || (filter && events.some(filter))) this.states.delete(key);
    }
    for (const event of events) for (const listener of this.listeners) listener(event);
  }

  /** Settings changed: every document's settings are resolved again, and state built on them dropped. */
  settingsChanged(): void {
    this.perDocument.clear();
    for (const key of [...this.states.keys()]) if (key.invalidatedBy.settings) this.states.delete(key);
    for (const listener of this.listeners) listener('settings');
  }

  /** Hears of the events the session is told of (the server re-checks open documents). */
  onEvent(listener: (event: FileEvent | 'settings') => void): void {
    this.listeners.push(listener);
  }
}

