import type { Connection } from 'vscode-languageserver';
import { configFindings, configsOf, type AnalysisSession, type ProjectConfig } from '../core';
import { toDiagnostic } from './convert';

/**
 * Publishes the findings of the `.talkdown/config.jsonc` files that apply to open posts, on
 * those files. A file is published again only when the session read it anew.
 */
export class ConfigFilePublisher {
  private readonly published = new Map<string, ProjectConfig>();

  constructor(
    private readonly connection: Connection,
    private readonly session: AnalysisSession,
  ) {}

  update(openUris: Iterable<string>): void {
    const current = new Map(configsOf(this.session, openUris).map((config) => [config.uri, config]));
    for (const [uri, config] of current) {
      if (this.published.get(uri) === config) continue;
      this.published.set(uri, config);
      void this.connection.sendDiagnostics({ uri, diagnostics: configFindings(this.session, config).map(toDiagnostic) });
    }
    for (const uri of [...this.published.keys()]) {
      if (current.has(uri)) continue;
      this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }
}
