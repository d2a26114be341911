import { SymbolKind } from './symbolKind';
import type { TalkIndex } from './talkIndex';
import type { Range } from '../text';

export interface WorkspaceSymbol {
  name: string;
  kind: number;
  location: { uri: string; range: Range };
  /** The talk's detail (speakers · affiliations · host), shown beside its name. */
  containerName?: string;
}

/** Talks across the workspace whose title, speaker or affiliation matches the query. */
export function workspaceSymbols(index: TalkIndex, query: string, limit?: number): WorkspaceSymbol[] {
  return index.query(query, limit).map((t) => ({
    name: t.name,
    kind: SymbolKind.Event,
    location: { uri: t.uri, range: t.range },
    ...(t.detail ? { containerName: t.detail } : {}),
  }));
}
