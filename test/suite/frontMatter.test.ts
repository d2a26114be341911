import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, talkdownDiagnostics, until, waitForDiagnostics, workspaceFile } from './helpers';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const frontMatterFindings = (uri: vscode.Uri) => talkdownDiagnostics(uri).filter((d) => codeOf(d).startsWith('front-matter/'));

/** The quick fixes the editor offers for one diagnostic, through the code-action API. */
async function fixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  )) ?? [];
  // The API command returns actions without their diagnostics: they are the fixes offered at
  // the diagnostic's range, which is what a user sees in the light bulb there.
  return actions.filter((a): a is vscode.CodeAction => 'edit' in a && !!a.edit);
}

/**
 * Applies the preferred (else the first) fix of each front-matter finding in turn, as a user
 * clicking through the light bulb would, until none is left. Returns the codes it fixed.
 */
async function fixEverything(uri: vscode.Uri, unfixable: ReadonlySet<string>): Promise<string[]> {
  const fixed: string[] = [];
  for (let round = 0; round < 20; round++) {
    const [first] = frontMatterFindings(uri).filter((d) => !unfixable.has(codeOf(d)));
    if (!first) return fixed;
    const fixes = await fixesFor(uri, first);
    const fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
    assert.ok(fix, `no quick fix for ${codeOf(first)}: ${first.message}`);
    const before = frontMatterFindings(uri).length;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), `the edit of "${fix.title}" was not applied`);
    fixed.push(codeOf(first));
    // The server re-checks the edited text: that finding is gone, and no new one came.
    await until(() => (frontMatterFindings(uri).length < before ? true : undefined), `"${fix.title}" to clear ${codeOf(first)}`);
  }
  throw new Error('front-matter findings kept coming back');
}

describe('front-matter quick fixes in the editor', () => {
  before(async () => {
    await activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the detected site generator in the language status item', async () => {
    const api = await activate();
    for (const [path, generator, label] of [
      [['jekyll-blog', '_posts', '2024-11-15-kubecon-na-recap.md'], 'jekyll', 'Jekyll'],
      [['hugo-blog', 'content', 'posts', 'gophercon-2024.md'], 'hugo', 'Hugo'],
      [['zola-blog', 'content', 'blog', 'devconf-notes.md'], 'zola', 'Zola'],
    ] as const) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(...path)));
      const site = await until(async () => {
        const s = await api.site();
        return s?.generator === generator ? s : undefined;
      }, `the ${label} site`);
      assert.equal(site.isPost, true);
      assert.match(api.statusText(), new RegExp(`Talkdown · ${label}$`));
    }
  });

  it('quotes a title whose colon broke YAML', async () => {
    const uri = workspaceFile('jekyll-blog', '_posts', '2024-02-05-fosdem-recap.md');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x) === 'front-matter/syntax'));
    const fixes = await fixesFor(uri, diagnostic);
    const quote = fixes.find((f) => f.isPreferred);
    assert.ok(quote, `no preferred fix among ${fixes.map((f) => f.title).join(', ')}`);
    await vscode.workspace.applyEdit(quote.edit!);
    assert.equal(document.lineAt(2).text, 'title: "FOSDEM 2024: a weekend of devrooms"');
    await waitForDiagnostics(uri, (d) => d.filter((x) => codeOf(x).startsWith('front-matter/')).length === 0);
  });

  // Findings that only the writer can resolve: a placeholder's real value, a date that never was.
  const sites: [string, string[], string[], string[]][] = [
    [
      'Jekyll',
      ['jekyll-blog', '_posts', '2024-06-20-devopsdays-recap.md'],
      ['front-matter/duplicate-key', 'front-matter/unknown-key', 'front-matter/empty-title', 'front-matter/filename-date-mismatch', 'front-matter/placeholder', 'front-matter/similar-tag'],
      ['front-matter/placeholder'],
    ],
    ['Jekyll, no front matter', ['jekyll-blog', '_posts', '2024-09-10-platformcon-notes.md'], ['front-matter/missing'], []],
    [
      'Hugo (TOML)',
      ['hugo-blog', 'content', 'posts', 'srecon-notes.md'],
      ['front-matter/unknown-key', 'front-matter/wrong-type', 'front-matter/invalid-date', 'front-matter/placeholder'],
      ['front-matter/invalid-date', 'front-matter/placeholder'],
    ],
    ['Zola', ['zola-blog', 'content', 'blog', 'fosdem-2025.md'], ['front-matter/missing-field'], []],
    ['Zola, unclosed', ['zola-blog', 'content', 'blog', 'rustweek-notes.md'], ['front-matter/unclosed'], []],
  ];

  for (const [site, path, codes, unfixable] of sites) {
    it(`fixes every front-matter finding of the ${site} example until it re-validates clean`, async () => {
      const uri = workspaceFile(...path);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const found = await waitForDiagnostics(uri, (d) => d.some((x) => codeOf(x).startsWith('front-matter/')));
      for (const code of codes) assert.ok(found.some((d) => codeOf(d) === code), `${code} is not shown; have ${found.map(codeOf).join(', ')}`);
      const fixed = await fixEverything(uri, new Set(unfixable));
      assert.ok(fixed.length >= 1);
      assert.deepEqual(frontMatterFindings(uri).map(codeOf).sort(), [...unfixable].sort());
    });
  }
});
