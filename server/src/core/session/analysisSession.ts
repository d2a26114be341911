import { settingsFor } from '../config/discovery';
import type { Settings } from '../settings';
import type { Workspace } from '../workspace';
import type { Clock } from './clock';
import { DEFAULT_DOCS_BASE, type Session, type SessionOptions } from './session';
import type { FileEvent, InputKey, SessionKey } from './state';

export class AnalysisSession implements Session {
  readonly workspace: Workspace;
  readonly clock: Clock;
  readonly docsBaseUri: string;
  private defaults: unknown;
  private readonly perDocument = new Map<string, unknown>();
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

  /** The project's configuration files over the editor's settings for the document, resolved. */
  settingsFor(uri: string): Settings {
    return settingsFor(this, uri, this.perDocument.get(uri) ?? this.defaults);
  }

  /**
   * The editor's settings for one document (the server asks the client per resource), or for
   * every document without its own. Resolved settings built on the old ones are dropped.
   */
  setEditorSettings(settings: unknown, uri?: string): void {
    const before = uri === undefined ? this.defaults : this.perDocument.get(uri);
    if (before === settings) return;
    if (uri === undefined) this.defaults = settings;
    else this.perDocument.set(uri, settings);
    this.dropState((key) => key.invalidatedBy.settings === true);
  }

  /** Forgets a closed document: its settings, and what each family's state keeps for it. */
  forgetDocument(uri: string): void {
    this.perDocument.delete(uri);
    for (const [key, value] of this.states) key.perDocument.forget?.(value, uri);
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
    this.dropState((key) => key.invalidatedBy.settings === true);
    for (const listener of this.listeners) listener('settings');
  }

  private dropState(test: (key: SessionKey<unknown>) => boolean): void {
    for (const key of [...this.states.keys()]) if (test(key)) this.states.delete(key);
  }

  /** Hears of the events the session is told of (the server re-checks open documents). */
  onEvent(listener: (event: FileEvent | 'settings') => void): void {
    this.listeners.push(listener);
  }
}

