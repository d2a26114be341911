import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, waitForDiagnostics, workspaceFile } from './helpers';

const KUBECON = ['jekyll-blog', '_posts', '2024-11-15-kubecon-na-recap.md'];
const IMAGE = ['jekyll-blog', 'assets', 'images', 'adoption-curve.png'];

const codeOf = (d: vscode.Diagnostic) => (d.code && typeof d.code === 'object' ? d.code.value : d.code);

describe('links in the editor', () => {
  before(async () => {
    await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a deleted image makes the post that shows it report the missing file; restored, the finding goes', async () => {
    const uri = workspaceFile(...KUBECON);
    const image = workspaceFile(...IMAGE);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, (d) => d.length === 0);
    const bytes = await vscode.workspace.fs.readFile(image);
    await vscode.workspace.fs.delete(image);
    try {
      const found = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'link/no-such-file'));
      const missing = found.find((x) => codeOf(x) === 'link/no-such-file')!;
      assert.equal(document.getText(missing.range), '/assets/images/adoption-curve.png');
      assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
    } finally {
      await vscode.workspace.fs.writeFile(image, bytes);
    }
    await waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it('Ctrl+click targets: the image file and the post a post_url names', async () => {
    const uri = workspaceFile(...KUBECON);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitForDiagnostics(uri, (d) => d.length === 0);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const targets = links.map((l) => l.target?.path ?? '');
    assert.ok(targets.some((t) => t.endsWith('/assets/images/adoption-curve.png')), targets.join('\n'));
    assert.ok(targets.some((t) => t.endsWith('/_posts/2024-03-22-kubecon-eu-paris.md')), targets.join('\n'));
  });
});
