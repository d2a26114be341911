import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, screenshot, waitForDiagnostics, workspaceFile } from './helpers';

const FOSDEM = ['jekyll-blog', '_posts', '2024-02-05-fosdem-recap.md'];
const KUBECON = ['jekyll-blog', '_posts', '2024-11-15-kubecon-na-recap.md'];
const RUSTWEEK = ['zola-blog', 'content', 'blog', 'rustweek-notes.md'];

describe('diagnostics in the editor', () => {
  before(async () => {
    await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the front-matter error of a broken recap at its line, in the Problems panel', async () => {
    const uri = workspaceFile(...FOSDEM);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [diagnostic, ...rest] = await waitForDiagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(rest, []);
    assert.equal(diagnostic.code && typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code, 'front-matter/syntax');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line, 2);
    assert.equal(diagnostic.range.start.character, 7);
    assert.equal(document.getText(diagnostic.range), 'FOSDEM 2024: a weekend of devrooms');
    assert.match(String((diagnostic.code as { target: vscode.Uri }).target), /docs\/rules\/front-matter\/syntax\.md$/);

    await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (process.env.TALKDOWN_SCREENSHOT_DIR) {
      // The runner that set the folder takes the picture; a missing one is a failure.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.ok(await screenshot('problems'), 'the runner did not take the screenshot');
    }
  });

  it('clears the error when the title is quoted, and brings it back on undo', async () => {
    const uri = workspaceFile(...FOSDEM);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, (d) => d.length === 1);
    const line = document.lineAt(2);
    await editor.edit((edit) => {
      edit.insert(new vscode.Position(2, 7), '"');
      edit.insert(line.range.end, '"');
    });
    await waitForDiagnostics(uri, (d) => d.length === 0);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].range.start.line === 2);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports an unclosed TOML block in the Zola example', async () => {
    const uri = workspaceFile(...RUSTWEEK);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const [diagnostic] = await waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal((diagnostic.code as { value: string }).value, 'front-matter/unclosed');
    assert.equal(diagnostic.range.start.line, 0);
  });

  it('gives a clean recap no diagnostics', async () => {
    const uri = workspaceFile(...KUBECON);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Wait for the server to have seen the file: a broken edit must then be reported.
    const document = await vscode.workspace.openTextDocument(uri);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'talkdown'), []);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, document.lineAt(0).range, '---js');
    await vscode.workspace.applyEdit(edit);
    const [diagnostic] = await waitForDiagnostics(uri, (d) => d.length > 0);
    assert.equal((diagnostic.code as { value: string }).value, 'front-matter/executable');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('applies a per-rule severity from the settings', async () => {
    const uri = workspaceFile(...FOSDEM);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error);
    const config = vscode.workspace.getConfiguration('talkdown', uri);
    await config.update('rules', { 'front-matter/syntax': 'warning' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Warning);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, (d) => d.length === 1 && d[0].severity === vscode.DiagnosticSeverity.Error);
  });
});
