import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, waitForDiagnostics, workspaceFile } from './helpers';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => 'title' in a && 'kind' in a);
}

describe('spelling in the editor', () => {
  const post = workspaceFile('hugo-blog', 'content', 'posts', 'spelling-in-the-editor.md');
  const words = workspaceFile('hugo-blog', '.talkdown', 'words.txt');
  let original: Uint8Array;

  before(async () => {
    await activate();
    original = await vscode.workspace.fs.readFile(words);
    const text = ['---', 'title: "Notes"', 'date: 2025-04-02', '---', '', 'We met Zorblatt at the booth, and the performnce of the demo was good.', ''].join('\n');
    await vscode.workspace.fs.writeFile(post, new TextEncoder().encode(text));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(words, original);
    await vscode.workspace.fs.delete(post);
    await vscode.workspace.getConfiguration('talkdown.spelling').update('words', undefined, vscode.ConfigurationTarget.Global);
  });

  it('"Add to the workspace dictionary" writes .talkdown/words.txt and the finding disappears', async () => {
    await vscode.window.showTextDocument(post);
    const found = await waitForDiagnostics(post, (ds) => ds.some((d) => codeOf(d) === 'spelling/unknown-word'));
    const unknown = found.find((d) => codeOf(d) === 'spelling/unknown-word')!;
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Hint);
    const add = (await actionsAt(post, unknown.range)).find((a) => a.title === 'Add "Zorblatt" to the workspace dictionary');
    assert.ok(add?.command, 'the quick fix is offered');
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    await waitForDiagnostics(post, (ds) => !ds.some((d) => codeOf(d) === 'spelling/unknown-word'));
    const list = new TextDecoder().decode(await vscode.workspace.fs.readFile(words));
    assert.match(list, /^Zorblatt$/m);
  });

  it('the preferred fix of a typo replaces it, and "Add to the user dictionary" sets talkdown.spelling.words', async () => {
    const found = await waitForDiagnostics(post, (ds) => ds.some((d) => codeOf(d) === 'spelling/likely-typo'));
    const typo = found.find((d) => codeOf(d) === 'spelling/likely-typo')!;
    assert.equal(typo.severity, vscode.DiagnosticSeverity.Warning);
    const actions = await actionsAt(post, typo.range);
    const preferred = actions.find((a) => a.isPreferred);
    assert.equal(preferred?.title, 'Change to "performance"');
    const user = actions.find((a) => a.title === 'Add "performnce" to the user dictionary');
    assert.ok(user?.command);
    await vscode.commands.executeCommand(user.command.command, ...(user.command.arguments ?? []));
    assert.deepEqual(vscode.workspace.getConfiguration('talkdown.spelling').get('words'), ['performnce']);
    await waitForDiagnostics(post, (ds) => !ds.some((d) => codeOf(d) === 'spelling/likely-typo'));
    await vscode.workspace.getConfiguration('talkdown.spelling').update('words', undefined, vscode.ConfigurationTarget.Global);
    const again = await waitForDiagnostics(post, (ds) => ds.some((d) => codeOf(d) === 'spelling/likely-typo'));
    const fix = (await actionsAt(post, again.find((d) => codeOf(d) === 'spelling/likely-typo')!.range)).find((a) => a.isPreferred)!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await waitForDiagnostics(post, (ds) => !ds.some((d) => codeOf(d) === 'spelling/likely-typo'));
    assert.match(vscode.window.activeTextEditor!.document.getText(), /the performance of the demo/);
  });
});
