import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import {
  CHECK_EXTERNAL_LINKS_REQUEST,
  WORKSPACE_TRUST_NOTIFICATION,
  type CheckExternalLinksParams,
  type CheckExternalLinksResult,
} from '../../server/src/protocol';

let nextToken = 0;

/**
 * Talkdown: Check External Links, on the active Markdown document (or the document given as
 * an argument): a progress notification with the server's counts and a Cancel button that
 * cancels the server's request, then a summary. Resolves to the server's counts, or
 * undefined when nothing was checked.
 */
export function registerExternalLinks(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('talkdown.checkExternalLinks', (uri?: vscode.Uri | string) => checkExternalLinks(client(), uri)),
    // The server checks nothing until it hears that the workspace is trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client()?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true })),
  );
}

async function checkExternalLinks(client: LanguageClient | undefined, target?: vscode.Uri | string): Promise<CheckExternalLinksResult | undefined> {
  const document = target ? await vscode.workspace.openTextDocument(typeof target === 'string' ? vscode.Uri.parse(target) : target) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Talkdown: Check External Links needs a Markdown post open in the editor.');
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Talkdown checks external links only in a trusted workspace: it would send requests to every site the post links to.');
    return undefined;
  }
  if (!client) {
    void vscode.window.showWarningMessage('Talkdown: the language server is not running.');
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(document.uri);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking the external links of ${name}`, cancellable: true },
    async (progress, cancellation) => {
      const workDoneToken = `talkdown-external-${++nextToken}`;
      let percentage = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const report = value as WorkDoneProgressBegin | WorkDoneProgressReport;
        const next = report.percentage ?? percentage;
        progress.report({ message: report.message, increment: next - percentage });
        percentage = next;
      });
      try {
        const params: CheckExternalLinksParams = { uri: document.uri.toString(), workDoneToken };
        return await client.sendRequest<CheckExternalLinksResult>(CHECK_EXTERNAL_LINKS_REQUEST, params, cancellation);
      } catch (error) {
        if (cancellation.isCancellationRequested) return 'cancelled' as const;
        throw error;
      } finally {
        listener.dispose();
      }
    },
  );
  if (result === 'cancelled') {
    void vscode.window.showInformationMessage('Talkdown: external link check cancelled.');
    return undefined;
  }
  if (result.refused === 'untrusted') {
    void vscode.window.showWarningMessage('Talkdown checks external links only in a trusted workspace.');
    return result;
  }
  void vscode.window.showInformationMessage(`Talkdown: ${summary(result)}`);
  return result;
}

/** "12 external links checked: 10 fine, 1 moved, 1 broken." */
export function summary(result: CheckExternalLinksResult): string {
  if (result.total === 0) return 'this post has no external links.';
  const parts = [
    [result.ok, 'fine'],
    [result.moved, 'moved'],
    [result.broken, 'broken'],
    [result.unreachable, 'unreachable'],
    [result.unknown, 'not telling (the site refuses robots)'],
  ]
    .filter(([count]) => (count as number) > 0)
    .map(([count, what]) => `${count} ${what}`);
  return `${result.total} external link${result.total === 1 ? '' : 's'} checked: ${parts.join(', ')}.`;
}
