import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from '../core';

/**
 * `talkdown.*` settings resolved per document through `workspace/configuration`, so that
 * folder and language overrides apply. Promises are cached per URI and dropped when the
 * configuration changes.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<Settings>>();
  supportsConfiguration = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<Settings> {
    if (!this.supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'talkdown' })
        .then(resolveSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
