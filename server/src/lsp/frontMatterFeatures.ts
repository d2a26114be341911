import {
  CodeActionKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { DocumentModel, Workspace } from '../core';
import { frontMatterCompletions, frontMatterFixes } from '../core/frontMatter';
import type { Providers } from './providers';
import type { SettingsCache } from './settings';

/** Trigger characters for front-matter completions: after a key, in a list, in quotes. */
export const FRONT_MATTER_TRIGGERS = [':', '=', '[', ',', '"', "'", '-', ' '];

/**
 * Quick fixes and completions for front matter. Each handler fetches the current model,
 * returns empty when there is none, and delegates to the core; errors are logged, never thrown.
 */
export function registerFrontMatterFeatures(
  providers: Providers,
  getModel: (uri: string) => DocumentModel | undefined,
  settings: SettingsCache,
  workspace: () => Workspace,
): void {
  providers.codeAction('front-matter', async (params) => {
    const uri = params.textDocument.uri;
    const model = getModel(uri);
    if (!model) return [];
    const ours = params.context.diagnostics.filter((d) => d.source === 'talkdown' && typeof d.code === 'string' && d.code.startsWith('front-matter/'));
    if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const range = { start: model.lines.offsetAt(params.range.start), end: model.lines.offsetAt(params.range.end) };
    const codes = ours.length > 0 ? new Set(ours.map((d) => String(d.code))) : undefined;
    const fixes = frontMatterFixes(model, await settings.get(uri), workspace(), range, { codes });
    return fixes.map((fix): CodeAction => {
      const findingRange = model.lines.range(fix.findingSpan);
      const diagnostics: Diagnostic[] = ours.filter((d) => d.code === fix.code && sameRange(d.range, findingRange));
      const edits: LspTextEdit[] = fix.edits.map((e) => ({ range: model.lines.range(e.span), newText: e.newText }));
      return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: fix.isPreferred, edit: { changes: { [uri]: edits } } };
    });
  });

  providers.completion('front-matter', async (params) => {
    const uri = params.textDocument.uri;
    const model = getModel(uri);
    if (!model) return null;
    const offset = model.lines.offsetAt(params.position);
    const items = frontMatterCompletions(model, offset, { settings: await settings.get(uri), workspace: workspace() });
    return (
      items?.map(({ range, ...item }): CompletionItem =>
        // The core's kinds and formats are LSP's numbers, typed as plain numbers there.
        (range ? { ...item, textEdit: { range, newText: item.insertText } } : item) as CompletionItem,
      ) ?? null
    );
  });
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
