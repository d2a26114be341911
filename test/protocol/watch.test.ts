import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ServerUnderTest } from './lspClient';

/** Files changed on disk reach the server as workspace/didChangeWatchedFiles. */
describe('file changes outside the editor', () => {
  let server: ServerUnderTest;
  let dir: string;
  let root: string;
  const post = (name: string, tag: string, talk: string) =>
    `---\ntitle: "${name}"\ntags: [${tag}]\n---\n\n## [${talk}](https://www.youtube.com/watch?v=AbCdEfGhIjK) (Ada Lovelace, Example Corp)\n`;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-watch-'));
    mkdirSync(join(dir, '_posts'));
    writeFileSync(join(dir, '_config.yml'), 'title: x\n');
    writeFileSync(join(dir, '_posts', '2024-01-01-a.md'), post('A', 'kubernetes', 'Operators in anger'));
    root = pathToFileURL(dir).href;
    server = new ServerUnderTest();
    await server.initialize(root);
  });

  after(() => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-checks open posts when another post’s tags change, and indexes new talks', async () => {
    const uri = `${root}/_posts/2024-11-15-open.md`;
    const opened = server.diagnostics(uri);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: post('Open', 'kuberentes', 'Open talk') },
    });
    // One other post is not yet a convention: no similar-tag finding.
    assert.deepEqual((await opened).diagnostics.map((d) => d.code), []);

    const second = join(dir, '_posts', '2024-02-02-b.md');
    writeFileSync(second, post('B', 'kubernetes', 'Karpenter in practice'));
    const rechecked = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'front-matter/similar-tag'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(second).href, type: 1 }] });
    await rechecked;

    const found = async () => (await server.connection.sendRequest('workspace/symbol', { query: 'karpenter' })) as { name: string }[];
    const deadline = Date.now() + 10_000;
    let symbols = await found();
    while (symbols.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      symbols = await found();
    }
    assert.deepEqual(symbols.map((s) => s.name), ['Karpenter in practice']);

    unlinkSync(second);
    const cleared = server.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(second).href, type: 3 }] });
    await cleared;
    assert.deepEqual(await found(), []);
  });
});
