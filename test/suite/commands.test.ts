import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, until, workspaceFile } from './helpers';

const KUBECON = ['jekyll-blog', '_posts', '2024-11-15-kubecon-na-recap.md'];
const RUSTWEEK = ['zola-blog', 'content', 'blog', 'rustweek-notes.md'];

async function open(parts: string[]): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(...parts)));
}

describe('recap commands', () => {
  const created: vscode.Uri[] = [];

  before(async () => {
    await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created.splice(0)) await vscode.workspace.fs.delete(uri);
  });

  it('contributes both commands, and hides the built-in Markdown headings from the Outline view and breadcrumbs', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('talkdown.newRecapPost'));
    assert.ok(commands.includes('talkdown.insertTalk'));
    const contributed = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.commands as { command: string; category: string }[];
    for (const id of ['talkdown.newRecapPost', 'talkdown.insertTalk']) {
      assert.equal(contributed.find((c) => c.command === id)?.category, 'Talkdown');
    }
    // Markdown's headings are String symbols, Talkdown uses none: with these defaults the
    // Outline view and breadcrumbs show Talkdown's talk outline alone.
    const markdown = { languageId: 'markdown' };
    assert.equal(vscode.workspace.getConfiguration('outline', markdown).get('showStrings'), false);
    assert.equal(vscode.workspace.getConfiguration('breadcrumbs', markdown).get('showStrings'), false);
    assert.equal(vscode.workspace.getConfiguration('outline', { languageId: 'plaintext' }).get('showStrings'), true);
  });

  it('creates a Jekyll post in _posts/ with a dated name and Jekyll front matter, and opens it', async () => {
    await open(KUBECON);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('talkdown.newRecapPost', { conference: 'DevConf.CZ 2025', date: '2025-06-12' });
    created.push(uri);
    assert.equal(uri.toString(), workspaceFile('jekyll-blog', '_posts', '2025-06-12-devconf-cz-2025-recap.md').toString());
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor.document.getText(), '---\nlayout: post\ntitle: "DevConf.CZ 2025 recap"\ndate: 2025-06-12\ntags: [conference]\n---\n\n');
    assert.equal(editor.selection.active.line, 7);
    // The server reads its front matter: one outline entry, named by the title and date.
    const detail = await until(async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return symbols.find((s) => s.kind === vscode.SymbolKind.Module && s.name === 'Front matter')?.detail;
    }, 'the front matter of the new post in the outline');
    assert.equal(detail, 'DevConf.CZ 2025 recap · 2025-06-12');
  });

  it('creates a Zola post in content/blog/ with TOML front matter', async () => {
    await open(RUSTWEEK);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('talkdown.newRecapPost', { conference: 'RustConf 2025', date: '2025-09-02' });
    created.push(uri);
    assert.equal(uri.toString(), workspaceFile('zola-blog', 'content', 'blog', 'rustconf-2025-recap.md').toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.equal(text, '+++\ntitle = "RustConf 2025 recap"\ndate = 2025-09-02\n\n[taxonomies]\ntags = ["conference"]\n+++\n\n');
  });

  it('inserts a talk in the post’s style, and the outline lists it with its speakers', async () => {
    const editor = await open(KUBECON);
    // The empty line that ends Day 1, before `## Day 2`.
    assert.equal(editor.document.lineAt(32).text, '## Day 2: networking and observability');
    editor.selection = new vscode.Selection(31, 0, 31, 0);
    const talk = await vscode.commands.executeCommand<string>('talkdown.insertTalk', {
      title: 'Multi-tenant clusters',
      speakers: 'Dee Goel, Acme Cloud',
      videoUrl: 'https://youtu.be/MnOpQrStUvW',
    });
    // The first talk of the post is a link heading, so the new one is too.
    assert.equal(talk, '### [Multi-tenant clusters](https://youtu.be/MnOpQrStUvW) (Dee Goel, Acme Cloud)\n');
    assert.equal(editor.document.lineAt(32).text, '### [Multi-tenant clusters](https://youtu.be/MnOpQrStUvW) (Dee Goel, Acme Cloud)');
    assert.equal(editor.document.lineAt(33).text, '');
    assert.equal(editor.document.lineAt(34).text, '## Day 2: networking and observability');
    const day1 = await until(async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      const section = symbols.find((s) => s.name === 'Day 1: platforms' && s.kind === vscode.SymbolKind.Namespace);
      return section && section.children.length === 3 ? section : undefined;
    }, 'the inserted talk in the outline');
    const added = day1.children[2];
    assert.equal(added.kind, vscode.SymbolKind.Event);
    assert.equal(added.name, 'Multi-tenant clusters');
    assert.equal(added.detail, 'Dee Goel · Acme Cloud · YouTube');
  });
});
