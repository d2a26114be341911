import type { Connection, DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { documentSymbols, foldingRanges, workspaceSymbols, type TalkIndex } from '../core';
import { guarded } from './guard';
import type { ModelOf } from './openDocumentModels';

/**
 * The outline features: document symbols, folding and workspace symbols. Each
 * handler fetches the model, returns empty when there is none, and delegates to the core;
 * an error is logged and answered with an empty result, never thrown at the client.
 */
export function registerOutlineFeatures(
  connection: Connection,
  getModel: ModelOf,
  index: TalkIndex,
  /** Open documents, whose editor text the index should reflect before a workspace query. */
  openDocuments: () => Iterable<string> = () => [],
): void {
  const guard = <T>(what: string, empty: T, run: () => Promise<T>) => guarded(connection, what, empty, run);

  // The core's symbol kinds are LSP's numbers, typed as plain numbers there.
  connection.onDocumentSymbol((params, token) =>
    guard('document symbols', [], async () => {
      const model = await getModel(params.textDocument.uri, token);
      return (model ? documentSymbols(model) : []) as DocumentSymbol[];
    }),
  );

  connection.onFoldingRanges((params, token) =>
    guard('folding ranges', [], async () => {
      const model = await getModel(params.textDocument.uri, token);
      return model ? foldingRanges(model) : [];
    }),
  );

  connection.onWorkspaceSymbol((params, token) =>
    guard('workspace symbols', [], async () => {
      // Open documents may have changed since they were indexed: refresh those first.
      for (const uri of openDocuments()) {
        const model = await getModel(uri, token);
        if (model && index.versionOf(uri) !== model.version) index.updateFromModel(model);
      }
      return workspaceSymbols(index, params.query) as SymbolInformation[];
    }),
  );
}
