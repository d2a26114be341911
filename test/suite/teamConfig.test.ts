import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { summarizeFindings, TEAM_FINDINGS, TEAM_POST } from '../support/teamBlog';
import { activate, waitForDiagnostics, workspaceFile } from './helpers';

describe('the project configuration in VS Code', () => {
  before(async () => {
    await activate();
  });

  it('gives the findings the CLI and every LSP client give for the same site', async () => {
    const uri = workspaceFile(...TEAM_POST);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    // VS Code numbers severities from 0 (Error); LSP and the CLI from 1.
    const found = diagnostics.map((d) => ({ line: d.range.start.line, code: String(typeof d.code === 'object' ? d.code.value : d.code), severity: d.severity + 1 }));
    assert.deepEqual(summarizeFindings(found), summarizeFindings(TEAM_FINDINGS));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
