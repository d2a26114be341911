import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startLinkServer, type LinkServer } from '../support/linkServer';
import { EXTENSION_ID, activate, clickNotificationButton, waitForDiagnostics, workspaceFile } from './helpers';

const codeOf = (d: vscode.Diagnostic) => (d.code && typeof d.code === 'object' ? d.code.value : d.code);
const external = (ds: vscode.Diagnostic[]) => ds.filter((d) => String(codeOf(d)).startsWith('link/external-'));

describe('external links in the editor (against a web server the test starts)', () => {
  let site: LinkServer;
  const file = workspaceFile('external-links-check.md');

  before(async () => {
    await activate();
    site = await startLinkServer();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('talkdown').update('links.external', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    await site.close();
  });

  it('declares the command, and the setting as restricted in untrusted workspaces', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
      contributes: { commands: { command: string; title: string }[] };
      capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
    };
    assert.equal(manifest.contributes.commands.find((c) => c.command === 'talkdown.checkExternalLinks')?.title, 'Check External Links');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['talkdown.links.external']);
    assert.equal(vscode.workspace.getConfiguration('talkdown').get('links.external'), false);
  });

  it('Check External Links checks the active post, shows the findings, and the moved link’s fix applies', async () => {
    const text = `# Notes\n\n### [Keynote](${site.origin}/ok)\n\n[Slides](${site.origin}/missing) · [Video](${site.origin}/moved)\n`;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    site.log.length = 0;

    const result = await vscode.commands.executeCommand('talkdown.checkExternalLinks');
    assert.deepEqual(result, { total: 3, ok: 1, moved: 1, broken: 1, unreachable: 0, unknown: 0 });
    for (const asked of ['HEAD /ok', 'HEAD /missing', 'HEAD /moved']) assert.ok(site.log.includes(asked), `${asked} not in ${site.log.join(', ')}`);

    const diagnostics = external(await waitForDiagnostics(file, (ds) => external(ds).length === 2));
    const broken = diagnostics.find((d) => codeOf(d) === 'link/external-broken')!;
    const moved = diagnostics.find((d) => codeOf(d) === 'link/external-redirect')!;
    assert.equal(editor.document.getText(broken.range), `${site.origin}/missing`);
    assert.equal(broken.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(editor.document.getText(moved.range), `${site.origin}/moved`);
    assert.equal(moved.severity, vscode.DiagnosticSeverity.Information);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', file, moved.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Link the new address'));
    assert.ok(fix?.edit, `no fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(editor.document.getText().includes(`[Video](${site.origin}/ok)`));
  });

  it('the progress notification’s Cancel button stops the server’s requests', async () => {
    const editor = vscode.window.activeTextEditor!;
    const slow = Array.from({ length: 6 }, (_, i) => `[Slow ${i}](${site.origin}/delay/8000/cancel-${i})`).join('\n');
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), `\n${slow}\n`));
    site.log.length = 0;
    const started = Date.now();
    const running = vscode.commands.executeCommand('talkdown.checkExternalLinks');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The notification is in the list whether or not the window shows it as a toast.
    await vscode.commands.executeCommand('notifications.showList');
    const clicked = await clickNotificationButton('Cancel');
    await vscode.commands.executeCommand('notifications.hideList');
    if (clicked === 'no runner') {
      // test-electron has no browser to click with: the check runs to its end instead.
      assert.equal(((await running) as { total: number }).total, 8);
      await vscode.commands.executeCommand('undo');
      return;
    }
    assert.equal(clicked, 'clicked');
    assert.equal(await running, undefined, 'a cancelled check has no result');
    assert.ok(Date.now() - started < 8000, 'cancelled before the slow answers came');
    // Two requests per host at a time: the other slow links were never asked for.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(site.log.filter((l) => l.includes('/cancel-')).length, 2, site.log.join(', '));
    await vscode.commands.executeCommand('undo');
  });

  it('with talkdown.links.external on, checks a link added while typing, without the command', async () => {
    await vscode.workspace.getConfiguration('talkdown').update('links.external', true, vscode.ConfigurationTarget.Workspace);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), file.toString());
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, `\n[Archive](${site.origin}/gone)\n`));
    const diagnostics = await waitForDiagnostics(file, (ds) => external(ds).some((d) => d.message.includes('/gone')), 20_000);
    const gone = external(diagnostics).find((d) => d.message.includes('/gone'))!;
    assert.equal(codeOf(gone), 'link/external-broken');
    assert.equal(editor.document.getText(gone.range), `${site.origin}/gone`);
    assert.ok(site.log.includes('HEAD /gone'));
  });
});
