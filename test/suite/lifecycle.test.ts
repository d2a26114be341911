import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, until, waitForDiagnostics, workspaceFile } from './helpers';

const FOSDEM = ['jekyll-blog', '_posts', '2024-02-05-fosdem-recap.md'];

describe('server lifecycle', () => {
  it('restarts a crashed server, keeps the user’s unsaved text, and diagnoses again', async () => {
    const api = await activate();
    const uri = workspaceFile(...FOSDEM);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    // A workspace edit applies whichever editor is active; the test needs the edit to be made.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(document.lineCount, 0), '\nAn unsaved line.\n');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
    assert.ok(document.isDirty, 'the edit is unsaved');
    const textBefore = document.getText();
    await waitForDiagnostics(uri, (d) => d.length === 1);

    const pid = api.serverPid();
    assert.ok(pid, 'the server has a pid');
    process.kill(pid, 'SIGKILL');
    const newPid = await until(() => {
      const p = api.serverPid();
      return p && p !== pid ? p : undefined;
    }, 'the server to restart');
    assert.notEqual(newPid, pid);

    assert.equal(document.getText(), textBefore, 'the text changed');
    assert.ok(document.isDirty, 'the unsaved edit was lost');
    // The restarted server sees the open document again and reports on it.
    await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].range.start.line === 2);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('restarts on the Talkdown: Restart Server command', async () => {
    const api = await activate();
    const before = api.serverPid();
    await vscode.commands.executeCommand('talkdown.restartServer');
    await api.ready();
    const after = await until(() => api.serverPid(), 'a running server');
    assert.notEqual(after, before);
    const uri = workspaceFile(...FOSDEM);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri, (d) => d.length === 1);
  });

  it('contributes its commands and settings', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('talkdown.restartServer'));
    assert.ok(commands.includes('talkdown.showOutput'));
    const config = vscode.workspace.getConfiguration('talkdown');
    assert.deepEqual(config.get('rules'), {});
    assert.equal(config.get('maxFileSize'), 5_000_000);
    assert.equal(config.get('trace.server'), 'off');
  });
});
