import type { Connection, DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel, DEFAULT_SETTINGS, type DocumentModel } from '../core';
import { documentSymbols, foldingRanges, workspaceSymbols } from '../core/features/outline';
import type { TalkIndex } from '../core/features/talkIndex';
import { guarded } from './guard';

/**
 * The outline features: document symbols, folding and workspace symbols. Each
 * handler fetches the model, returns empty when there is none, and delegates to the core;
 * an error is logged and answered with an empty result, never thrown at the client.
 */
export function registerOutlineFeatures(
  connection: Connection,
  getModel: (uri: string) => DocumentModel | undefined,
  index: TalkIndex,
  /** Open documents, whose editor text the index should reflect before a workspace query. */
  openDocuments: () => Iterable<string> = () => [],
): void {
  const guard = <T>(what: string, empty: T, run: () => T) => guarded(connection, what, empty, run);

  // The core's symbol kinds are LSP's numbers, typed as plain numbers there.
  connection.onDocumentSymbol((params) =>
    guard('document symbols', [], () => {
      const model = getModel(params.textDocument.uri);
      return (model ? documentSymbols(model) : []) as DocumentSymbol[];
    }),
  );

  connection.onFoldingRanges((params) =>
    guard('folding ranges', [], () => {
      const model = getModel(params.textDocument.uri);
      return model ? foldingRanges(model) : [];
    }),
  );

  connection.onWorkspaceSymbol((params) =>
    guard('workspace symbols', [], () => {
      // Open documents may have changed since they were indexed: refresh those first.
      for (const uri of openDocuments()) {
        const model = getModel(uri);
        if (model && index.versionOf(uri) !== model.version) index.updateFromModel(model);
      }
      return workspaceSymbols(index, params.query) as SymbolInformation[];
    }),
  );
}

/**
 * The model of an open document's current version: the one diagnostics last built when it
 * is current, or one built now (reusing the previous model's unchanged sections), so that
 * an outline asked for right after an edit is never stale.
 */
export class CurrentModels {
  private readonly built = new Map<string, DocumentModel>();

  constructor(
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    private readonly analysed: (uri: string) => DocumentModel | undefined,
    private readonly maxFileSize = DEFAULT_SETTINGS.maxFileSize,
  ) {}

  get(uri: string): DocumentModel | undefined {
    const document = this.getDocument(uri);
    if (!document) {
      this.built.delete(uri);
      return undefined;
    }
    const last = this.analysed(uri);
    if (last && last.version === document.version) {
      this.built.delete(uri);
      return last;
    }
    const cached = this.built.get(uri);
    if (cached && cached.version === document.version) return cached;
    const model = buildModel(document, { previous: cached ?? last, maxFileSize: this.maxFileSize });
    this.built.set(uri, model);
    return model;
  }

  /** The model this built for a version the diagnostics had not analysed yet, if any. */
  builtModel(uri: string): DocumentModel | undefined {
    return this.built.get(uri);
  }

  forget(uri: string): void {
    this.built.delete(uri);
  }
}
