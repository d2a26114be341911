import type { Connection } from 'vscode-languageserver';
import type { AnalysisSession, Settings } from '../core';

/**
 * The editor's `talkdown.*` settings, asked per document through `workspace/configuration`
 * (so that folder and language overrides apply) or, for a client that has no such request,
 * taken from `workspace/didChangeConfiguration`. The session lays the project's
 * `.talkdown/config.jsonc` over them.
 */
export class SettingsCache {
  private readonly asked = new Map<string, Promise<void>>();
  supportsConfiguration = false;

  constructor(
    private readonly connection: Connection,
    private readonly session: AnalysisSession,
  ) {}

  async get(uri: string): Promise<Settings> {
    if (this.supportsConfiguration) {
      let asked = this.asked.get(uri);
      if (!asked) {
        asked = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'talkdown' }).then(
          (raw: unknown) => this.session.setEditorSettings(raw ?? undefined, uri),
          () => undefined,
        );
        this.asked.set(uri, asked);
      }
      await asked;
    }
    return this.session.settingsFor(uri);
  }

  /** The settings a client pushed with `workspace/didChangeConfiguration` (its `talkdown` section). */
  pushed(settings: unknown): void {
    if (this.supportsConfiguration) return;
    const section = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>).talkdown : undefined;
    this.session.setEditorSettings(section);
  }

  forget(uri: string): void {
    this.asked.delete(uri);
    this.session.forgetDocument(uri);
  }

  clear(): void {
    this.asked.clear();
    this.session.settingsChanged();
  }
}
