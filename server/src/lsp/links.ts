import {
  CodeActionKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentLink,
  type Location,
} from 'vscode-languageserver';
import type { DocumentModel, Session, Workspace } from '../core';
import { LINK_CODES, linkContext, type LinkContext, type LinkFixData } from '../core/links/check';
import { definitionAt, documentLinkTargets, linkCompletions, linkFixes, referencesAt } from '../core/links/navigation';
import { guarded } from './guard';
import type { Providers } from './providers';
import type { SettingsCache } from './settings';

/** Completion triggers for links: paths after `](` and `/`, anchors after `#`, footnotes after `^`, posts after `{% post_url `. */
export const LINK_TRIGGERS = ['(', '/', '#', '^', ' '];

const OUR_CODES: ReadonlySet<string> = new Set(LINK_CODES);

/**
 * Document links, go to definition, find references, completions and quick fixes for links.
 * Handlers fetch the current model and delegate to the core (`core/links/`).
 */
export function registerLinkFeatures(
  connection: Connection,
  providers: Providers,
  getModel: (uri: string) => DocumentModel | undefined,
  settings: SettingsCache,
  workspace: () => Workspace,
  session?: Session,
): void {
  const contextFor = async (uri: string): Promise<LinkContext | undefined> => {
    const model = getModel(uri);
    return model && !model.skipped ? linkContext(model, await settings.get(uri), workspace(), session) : undefined;
  };

  connection.onDocumentLinks((params) =>
    guarded(connection, 'document links', [] as DocumentLink[], async () => {
      const ctx = await contextFor(params.textDocument.uri);
      if (!ctx) return [];
      return documentLinkTargets(ctx).map((t) => ({
        range: ctx.model.lines.range(t.span),
        target: t.line === undefined ? t.uri : `${t.uri}#L${t.line + 1}`,
        tooltip: t.tooltip,
      }));
    }),
  );

  connection.onDefinition((params) =>
    guarded(connection, 'definition', [] as Location[], async () => {
      const ctx = await contextFor(params.textDocument.uri);
      if (!ctx) return [];
      const offset = ctx.model.lines.offsetAt(params.position);
      return definitionAt(ctx, offset).map((d) => ({
        uri: d.uri,
        range: d.span ? ctx.model.lines.range(d.span) : { start: { line: d.line ?? 0, character: 0 }, end: { line: d.line ?? 0, character: 0 } },
      }));
    }),
  );

  connection.onReferences((params) =>
    guarded(connection, 'references', [] as Location[], async () => {
      const ctx = await contextFor(params.textDocument.uri);
      if (!ctx) return [];
      const offset = ctx.model.lines.offsetAt(params.position);
      return referencesAt(ctx, offset, params.context.includeDeclaration).map((span) => ({ uri: ctx.model.uri, range: ctx.model.lines.range(span) }));
    }),
  );

  providers.completion('links', async (params) => {
    const ctx = await contextFor(params.textDocument.uri);
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

  providers.codeAction('links', async (params) => {
    if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const ours = params.context.diagnostics.filter((d) => d.source === 'talkdown' && typeof d.code === 'string' && OUR_CODES.has(d.code));
    if (ours.length === 0) return [];
    const ctx = await contextFor(params.textDocument.uri);
    if (!ctx) return [];
    const actions: CodeAction[] = [];
    for (const diagnostic of ours) {
      const span = { start: ctx.model.lines.offsetAt(diagnostic.range.start), end: ctx.model.lines.offsetAt(diagnostic.range.end) };
      const data = (diagnostic.data as { finding?: LinkFixData } | undefined)?.finding;
      for (const fix of linkFixes(ctx, String(diagnostic.code), span, data)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic as Diagnostic],
          isPreferred: fix.isPreferred,
          edit: { changes: { [ctx.model.uri]: fix.edits.map((e) => ({ range: ctx.model.lines.range(e.span), newText: e.newText })) } },
        });
      }
    }
    return actions;
  });
}
