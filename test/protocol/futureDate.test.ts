import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from '../support/build';
import { ServerUnderTest } from './lspClient';

ensureBuilt();

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** front-matter/future-date on the real clock, in the CLI and through the language server. */
describe('front-matter/future-date', () => {
  let dir: string;
  const post = '---\ntitle: "KubeCon recap"\ndate: 2999-11-15\n---\n\nNotes.\n';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-future-'));
    for (const [site, config] of [['plain', 'title: x\n'], ['future', 'title: x\nfuture: true\n']]) {
      mkdirSync(join(dir, site, '_posts'), { recursive: true });
      writeFileSync(join(dir, site, '_config.yml'), config);
      writeFileSync(join(dir, site, '_posts', '2024-11-15-kubecon.md'), post);
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('talkdown lint warns of a post Jekyll will not publish, unless the site sets future: true', () => {
    const plain = spawnSync(process.execPath, [CLI, 'lint', '--root', join(dir, 'plain'), join(dir, 'plain')], { encoding: 'utf8' });
    assert.match(plain.stdout, /_posts\/2024-11-15-kubecon\.md:3:7 warning front-matter\/future-date Jekyll will not publish this post until 2999-11-15/);
    const future = spawnSync(process.execPath, [CLI, 'lint', '--root', join(dir, 'future'), join(dir, 'future')], { encoding: 'utf8' });
    assert.doesNotMatch(future.stdout, /future-date/);
  });

  it('the language server reports it with a fix that sets today’s date', async () => {
    const server = new ServerUnderTest();
    try {
      await server.initialize(pathToFileURL(join(dir, 'plain')).href);
      const uri = pathToFileURL(join(dir, 'plain', '_posts', '2024-11-15-kubecon.md')).href;
      const published = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'front-matter/future-date'));
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: post } });
      const diagnostic = (await published).diagnostics.find((d) => d.code === 'front-matter/future-date')!;
      const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as {
        title: string;
        edit?: { changes: Record<string, { newText: string }[]> };
      }[];
      const today = new Date();
      const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      assert.ok(actions.some((a) => a.edit?.changes[uri]?.some((e) => e.newText === day)), JSON.stringify(actions));
    } finally {
      server.kill();
    }
  });
});
