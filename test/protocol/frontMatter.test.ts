import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { ServerUnderTest } from './lspClient';

describe('front matter over LSP', () => {
  let server: ServerUnderTest;
  let dir: string;
  let root: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-fm-'));
    mkdirSync(join(dir, '_posts'));
    mkdirSync(join(dir, '_layouts'));
    writeFileSync(join(dir, '_config.yml'), 'title: Hallway notes\n');
    writeFileSync(join(dir, '_layouts', 'post.html'), '{{ content }}\n');
    writeFileSync(join(dir, '_posts', '2024-01-01-a.md'), '---\ntitle: A\ntags: [kubernetes]\n---\n');
    writeFileSync(join(dir, '_posts', '2024-01-02-b.md'), '---\ntitle: B\ntags: [kubernetes, ebpf]\n---\n');
    root = pathToFileURL(dir).href;
    server = new ServerUnderTest();
    const result = (await server.initialize(root)) as { capabilities: { codeActionProvider: unknown; completionProvider: { triggerCharacters: string[] } } };
    assert.ok(result.capabilities.codeActionProvider);
    assert.ok(result.capabilities.completionProvider.triggerCharacters.includes(':'));
  });

  after(() => {
    if (server.process.exitCode === null) server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers a preferred quick fix for a misspelled key, and for a misspelled tag', async () => {
    const uri = `${root}/_posts/2024-11-15-kubecon.md`;
    const text = '---\ntitle: KubeCon\ncatagories: [conferences]\ntags: [kuberentes]\n---\n\n## Day 1\n';
    const published = server.diagnostics(uri, (p) => p.diagnostics.length > 0);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d: Diagnostic) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['front-matter/unknown-key', 2, 0, 10],
      ['front-matter/similar-tag', 3, 7, 17],
    ]);
    for (const [diagnostic, newText] of [[diagnostics[0], 'categories'], [diagnostics[1], 'kubernetes']] as const) {
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'quickfix');
      assert.equal(actions[0].isPreferred, true);
      assert.deepEqual(actions[0].diagnostics, [diagnostic]);
      assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: diagnostic.range, newText }]);
    }
  });

  it('answers talkdown/site with the detected generator', async () => {
    const site = await server.connection.sendRequest('talkdown/site', { uri: `${root}/_posts/2024-11-15-kubecon.md` });
    assert.deepEqual(site, {
      generator: 'jekyll',
      label: 'Jekyll',
      root,
      reason: 'found _config.yml',
      isPost: true,
      postsDir: `${root}/_posts`,
      talkStyle: 'link-heading',
      talkDepth: 3,
    });
    const page = (await server.connection.sendRequest('talkdown/site', { uri: `${root}/about.md` })) as { isPost: boolean };
    assert.equal(page.isPost, false);
  });

  it('completes keys, layouts and the site’s tags', async () => {
    const uri = `${root}/_posts/2024-11-16-notes.md`;
    const text = '---\ntitle: Notes\nlayout: \ntags: [\n\n---\n';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const complete = async (line: number, character: number) => {
      const result = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[] | CompletionList | null;
      return (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
    };
    assert.deepEqual(await complete(2, 8), ['post']);
    assert.deepEqual(await complete(3, 7), ['kubernetes', 'ebpf']);
    const keys = await complete(4, 0);
    assert.ok(keys.includes('date') && !keys.includes('title'));
    assert.deepEqual(await complete(5, 0), []); // on the closing delimiter: nothing
  });
});
