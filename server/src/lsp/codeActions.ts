import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import { codeFixes, commandIds, runCommand, type AnalysisSession, type FindingRef } from '../core';
import type { ModelOf } from './openDocumentModels';
import type { Providers } from './providers';
import type { SettingsCache } from './settings';

/**
 * Quick fixes of every rule family, and the commands they offer, routed to the core. Only the
 * diagnostics whose range meets the requested range are fixed, so the first action at the
 * cursor belongs to the finding under it.
 */
export function registerRuleFixes(
  providers: Providers,
  getModel: ModelOf,
  settings: SettingsCache,
  session: AnalysisSession,
  refresh: () => void,
): void {
  providers.codeAction('rules', async (params, token) => {
    if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const uri = params.textDocument.uri;
    const model = await getModel(uri, token);
    if (!model) return [];
    const ours = params.context.diagnostics.filter((d) => d.source === 'talkdown' && typeof d.code === 'string' && meets(d.range, params.range));
    if (ours.length === 0) return [];
    const refs: FindingRef[] = ours.map((d) => ({
      code: String(d.code),
      span: { start: model.lines.offsetAt(d.range.start), end: model.lines.offsetAt(d.range.end) },
      message: typeof d.message === 'string' ? d.message : d.message.value,
      data: (d.data as { finding?: unknown } | undefined)?.finding,
    }));
    const range = { start: model.lines.offsetAt(params.range.start), end: model.lines.offsetAt(params.range.end) };
    const context = { model, settings: await settings.get(uri), session, workspace: session.workspace };
    return codeFixes(context, range, refs).map((fix): CodeAction => {
      const diagnostics: Diagnostic[] = ours.filter((d, i) => d.code === fix.code && refs[i].span.start === fix.findingSpan.start && refs[i].span.end === fix.findingSpan.end);
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: fix.isPreferred };
      if (fix.edits.length > 0) action.edit = { changes: { [uri]: fix.edits.map((e) => ({ range: model.lines.range(e.span), newText: e.newText })) } };
      if (fix.command) action.command = { title: fix.command.title, command: fix.command.id, arguments: fix.command.arguments };
      return action;
    });
  });

  for (const id of commandIds()) {
    providers.command(id, (args) => {
      const result = runCommand(session, id, args);
      if (result.wrote?.length) session.filesChanged(result.wrote.map((file) => ({ uri: file, kind: 'changed' as const })));
      refresh();
      return result;
    });
  }
}

/** Whether two ranges share a position (an empty range at a finding's edge meets it). */
function meets(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}
