import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, screenshot, sleep, until, waitForDiagnostics, workspaceFile } from './helpers';

const KUBECON = ['jekyll-blog', '_posts', '2024-11-15-kubecon-na-recap.md'];
const SUMMIT = ['jekyll-blog', '_posts', '2024-10-08-open-infra-summit-notes.md'];
const DEVOPSDAYS = ['jekyll-blog', '_posts', '2024-06-20-devopsdays-recap.md'];
/** The kinds of Talkdown's symbols; the built-in Markdown extension gives its headings as strings. */
const TALKDOWN_KINDS = new Set([vscode.SymbolKind.Module, vscode.SymbolKind.Namespace, vscode.SymbolKind.Event]);

/** Talkdown's talks among all providers' symbols (the built-in Markdown extension adds its headings). */
function talks(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [...(s.kind === vscode.SymbolKind.Event ? [s] : []), ...talks(s.children)]);
}

function hoverText(hovers: vscode.Hover[]): string[] {
  return hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n'));
}

describe('talk outline in the editor', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    await activate();
    // Earlier tests leave editors and the Problems panel open; the picture shows this post alone.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    uri = workspaceFile(...KUBECON);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the talks by their clean titles, as events with their speakers', async () => {
    // The server answers once it has the document; until then only Markdown's headings come back.
    const symbols = await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return talks(found ?? []).length > 0 ? found : undefined;
    }, 'Talkdown document symbols');
    assert.deepEqual(
      talks(symbols).map((t) => [t.name, t.detail]),
      [
        ['Paved roads that people actually want to drive on', 'Jordan Doe, Sam Rivera · Example Corp, Acme Cloud · YouTube'],
        ['Karpenter at scale', 'Priya Natarajan · Example Corp · YouTube'],
        ['Cilium and eBPF without the magic', 'Robin Vogel · Example Networks · YouTube'],
        ['OpenTelemetry collectors in production', 'Alex Kim'],
      ],
    );
    // Talks sit in their day's section; the front matter lists its fields.
    const day1 = symbols.find((s) => s.name === 'Day 1: platforms' && s.kind === vscode.SymbolKind.Namespace);
    assert.deepEqual(day1?.children.map((c) => c.name), ['Paved roads that people actually want to drive on', 'Karpenter at scale']);
    // The front matter is one entry, named by its title and date; its fields are not listed.
    const frontMatter = symbols.find((s) => s.kind === vscode.SymbolKind.Module);
    assert.deepEqual([frontMatter?.name, frontMatter?.detail, frontMatter?.children.length], ['Front matter', 'KubeCon NA 2024: the talks I keep thinking about · 2024-11-15', 0]);
    const karpenter = talks(symbols)[1];
    assert.equal(document.lineAt(karpenter.selectionRange.start.line).text, '### Karpenter at scale (Priya Natarajan, Example Corp)');
  });

  it('shows the talks in the Outline view', async () => {
    // Give the Outline view the whole side bar, so the picture shows every talk; the views
    // go back afterwards.
    const moved = ['workbench.explorer.fileView', 'timeline'];
    await vscode.commands.executeCommand('vscode.moveViews', { viewIds: moved, destinationId: 'workbench.view.search' });
    try {
      await vscode.commands.executeCommand('outline.focus');
      await vscode.commands.executeCommand('outline.expand');
      const editor = await vscode.window.showTextDocument(document);
      // The cursor in a talk: the Outline view highlights it and the breadcrumbs name it.
      editor.selection = new vscode.Selection(24, 4, 24, 4);
      editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      await sleep(1500);
      if (process.env.TALKDOWN_SCREENSHOT_DIR) {
        assert.ok(await screenshot('outline'), 'the runner did not take the screenshot');
      }
    } finally {
      await vscode.commands.executeCommand('vscode.moveViews', { viewIds: moved, destinationId: 'workbench.view.explorer' });
    }
  });

  it('hovers a talk heading with its title, speakers and video id', async () => {
    const heading = document.lineAt(24);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, heading.range.start.translate(0, 6));
    const text = hoverText(hovers).find((t) => t.includes('Karpenter at scale'));
    assert.ok(text, `no Talkdown hover among ${JSON.stringify(hoverText(hovers))}`);
    assert.match(text, /Priya Natarajan \(Example Corp\)/);
    assert.match(text, /YouTube video `ZyXwVuTsRqP`/);
    assert.match(text, /\[Slides\]\(https:\/\/speakerdeck\.com\/example\/karpenter-at-scale\)/);
  });

  it('hovers a video link with its timestamp', async () => {
    const line = document.lineAt(34);
    assert.match(line.text, /^### TALK: \[Cilium/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(34, line.text.indexOf('youtube')));
    const text = hoverText(hovers).find((t) => t.includes('Cilium and eBPF without the magic'));
    assert.ok(text, `no Talkdown hover among ${JSON.stringify(hoverText(hovers))}`);
    assert.match(text, /YouTube video `QwErTyUiOp1` at 1:35/);
  });

  it('folds the front matter, the days and the talks', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    const folds = ranges.map((r) => `${r.start}-${r.end}`);
    for (const expected of ['0-6', '12-30', '14-22', '24-30', '32-45', '34-38', '40-45']) {
      assert.ok(folds.includes(expected), `no fold ${expected} among ${folds.join(', ')}`);
    }
  });

  it('finds the Karpenter talk from the workspace symbol search', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'karpenter');
    const found = symbols.filter((s) => s.kind === vscode.SymbolKind.Event);
    assert.deepEqual(
      found.map((s) => [s.name, s.containerName, s.location.uri.toString(), s.location.range.start.line]),
      [['Karpenter at scale', 'Priya Natarajan · Example Corp · YouTube', uri.toString(), 24]],
    );
  });
});

describe('a long recap as a person sees it', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;

  before(async () => {
    await activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    uri = workspaceFile(...SUMMIT);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives the front matter of ten fields as one entry, and the talks right after it', async () => {
    const symbols = await until(async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return talks(found ?? []).length >= 16 ? found : undefined;
    }, 'Talkdown document symbols of the long recap');
    const top = symbols.filter((s) => TALKDOWN_KINDS.has(s.kind));
    assert.deepEqual([top[0].name, top[0].kind, top[0].children.length], ['Front matter', vscode.SymbolKind.Module, 0]);
    assert.equal(top[0].detail, 'Open Infra Summit 2024: sixteen talks in two days · 2024-10-08');
    assert.equal(top.filter((s) => s.kind === vscode.SymbolKind.Module).length, 1);
    // Straight after it: the first day's section, whose first entries are talks.
    assert.deepEqual([top[1].name, top[1].kind], ['Day 1: running the platform', vscode.SymbolKind.Namespace]);
    assert.deepEqual(
      top[1].children.map((c) => [c.name, c.kind]),
      ['Upgrades nobody notices', 'The boring control plane', 'Quotas as a product', 'Cheap clusters for every branch'].map((name) => [name, vscode.SymbolKind.Event]),
    );
    assert.deepEqual(top.slice(1).map((s) => s.name), ['Day 1: running the platform', 'Day 1: storage', 'Day 2: networking', 'Day 2: observability', 'Closing thoughts']);
    assert.equal(talks(top).length, 16);
  });

  it('shows the talks in the Outline view without scrolling past the front matter', async () => {
    const moved = ['workbench.explorer.fileView', 'timeline'];
    await vscode.commands.executeCommand('vscode.moveViews', { viewIds: moved, destinationId: 'workbench.view.search' });
    try {
      await vscode.commands.executeCommand('outline.focus');
      await vscode.commands.executeCommand('outline.expand');
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      editor.revealRange(editor.selection, vscode.TextEditorRevealType.AtTop);
      await sleep(1500);
      if (process.env.TALKDOWN_SCREENSHOT_DIR) {
        assert.ok(await screenshot('outline-long-recap'), 'the runner did not take the screenshot');
      }
    } finally {
      await vscode.commands.executeCommand('vscode.moveViews', { viewIds: moved, destinationId: 'workbench.view.explorer' });
    }
  });

  it('lists a post’s problems in reading order, front matter first, without hints', async () => {
    const problems = workspaceFile(...DEVOPSDAYS);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(problems));
    const found = await waitForDiagnostics(problems, (d) => d.some((x) => codeOf(x).startsWith('spelling/')));
    const lines = found.map((d) => d.range.start.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b), 'findings are in reading order');
    const firstBody = found.findIndex((d) => !codeOf(d).startsWith('front-matter/'));
    assert.ok(firstBody > 0 && found.slice(firstBody).every((d) => !codeOf(d).startsWith('front-matter/')), JSON.stringify(found.map(codeOf)));
    assert.ok(found.some((d) => codeOf(d).startsWith('front-matter/') && d.severity === vscode.DiagnosticSeverity.Error));
    assert.deepEqual(found.filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).map(codeOf), []);
  });
});

function codeOf(d: vscode.Diagnostic): string {
  return String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
}
