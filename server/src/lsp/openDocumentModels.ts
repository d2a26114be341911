import type { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel, DEFAULT_SETTINGS, type DocumentModel } from '../core';

/**
 * The model of an open document's current version: the one diagnostics last built when it
 * is current, or one built now (reusing the previous model's unchanged sections), so that
 * an outline asked for right after an edit is never stale.
 */
export class OpenDocumentModels {
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
