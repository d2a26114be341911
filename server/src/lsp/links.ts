import type { CancellationToken, Connection, DocumentLink, Location } from 'vscode-languageserver';
import { definitionAt, documentLinkTargets, linkCompletions, linkContext, referencesAt, type LinkContext, type Session } from '../core';
import { guarded } from './guard';
import type { ModelOf } from './openDocumentModels';
import type { Providers } from './providers';
import type { SettingsCache } from './settings';

/** Completion triggers for links: paths after `](` and `/`, anchors after `#`, footnotes after `^`, posts after `{% post_url `. */
export const LINK_TRIGGERS = ['(', '/', '#', '^', ' '];

/**
 * Document links, go to definition, find references and completions for links. Handlers
 * fetch the current model and delegate to the core (`core/links/`); the link family's quick
 * fixes are served by the rules' code-action handler.
 */
export function registerLinkFeatures(
  connection: Connection,
  providers: Providers,
  getModel: ModelOf,
  settings: SettingsCache,
  session: Session,
): void {
  const contextFor = async (uri: string, token: CancellationToken | undefined): Promise<LinkContext | undefined> => {
    const model = await getModel(uri, token);
    return model && !model.skipped ? linkContext(model, await settings.get(uri), session) : undefined;
  };

  connection.onDocumentLinks((params, token) =>
    guarded(connection, 'document links', [] as DocumentLink[], async () => {
      const ctx = await contextFor(params.textDocument.uri, token);
      if (!ctx) return [];
      return documentLinkTargets(ctx).map((t) => ({
        range: ctx.model.lines.range(t.span),
        target: t.line === undefined ? t.uri : `${t.uri}#L${t.line + 1}`,
        tooltip: t.tooltip,
      }));
    }),
  );

  connection.onDefinition((params, token) =>
    guarded(connection, 'definition', [] as Location[], async () => {
      const ctx = await contextFor(params.textDocument.uri, token);
      if (!ctx) return [];
      const offset = ctx.model.lines.offsetAt(params.position);
      return definitionAt(ctx, offset).map((d) => ({
        uri: d.uri,
        range: d.span ? ctx.model.lines.range(d.span) : { start: { line: d.line ?? 0, character: 0 }, end: { line: d.line ?? 0, character: 0 } },
      }));
    }),
  );

  connection.onReferences((params, token) =>
    guarded(connection, 'references', [] as Location[], async () => {
      const ctx = await contextFor(params.textDocument.uri, token);
      if (!ctx) return [];
      const offset = ctx.model.lines.offsetAt(params.position);
      return referencesAt(ctx, offset, params.context.includeDeclaration).map((span) => ({ uri: ctx.model.uri, range: ctx.model.lines.range(span) }));
    }),
  );

  providers.completion('links', async (params, token) => {
    const ctx = await contextFor(params.textDocument.uri, token);
    if (!ctx) return null;
    const items = linkCompletions(ctx, ctx.model.lines.offsetAt(params.position));
    if (!items) return null;
    return items.map((item) => ({
      label: item.label,
      kind: item.kind as 17,
      detail: item.detail,
      sortText: item.sortText,
      textEdit: { range: ctx.model.lines.range(item.span), newText: item.insertText },
      // A folder completes to `name/`: ask again for its files.
      command: item.kind === 19 ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
    }));
  });
}
