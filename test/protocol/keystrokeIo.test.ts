import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ServerUnderTest } from './lspClient';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The language server reads the site once, then keeps what the rules need: a keystroke, however
 * long after the last one, reads no file and lists no folder. A preload counts every call.
 */
describe('a keystroke touches no file', () => {
  let server: ServerUnderTest;
  let dir: string;
  let log: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-io-'));
    mkdirSync(join(dir, '_posts'));
    mkdirSync(join(dir, '.talkdown'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, '_config.yml'), 'title: Recaps\nfuture: false\n');
    writeFileSync(join(dir, '.talkdown', 'words.txt'), 'Kueue\n');
    writeFileSync(join(dir, 'assets', 'stage.png'), '');
    writeFileSync(join(dir, 'schema.json'), JSON.stringify({ type: 'object', properties: { title: { type: 'string' } } }));
    for (const [name, tag] of [['2024-01-01-a', 'kubernetes'], ['2024-02-01-b', 'kubernetes'], ['2024-03-01-c', 'ebpf']]) {
      writeFileSync(join(dir, '_posts', `${name}.md`), `---\ntitle: "${name}"\ntags: [${tag}]\n---\n\n## Day one\n\nNotes.\n`);
    }
    // Outside the site, so that writing it is no change the server could notice.
    log = join(mkdtempSync(join(tmpdir(), 'talkdown-io-log-')), 'fs.log');
    writeFileSync(log, '');
    server = new ServerUnderTest({ execArgv: ['--require', join(__dirname, '..', 'support', 'countFs.cjs')], env: { TALKDOWN_FS_LOG: log } });
    server.settings = { frontMatter: { schema: 'schema.json' } };
    // As VS Code does: the client watches files for the server.
    await server.initialize(pathToFileURL(dir).href, undefined, {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
    });
  });

  after(() => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('after the first analysis, edits far apart in time read nothing from disk', async () => {
    const uri = pathToFileURL(join(dir, '_posts', '2024-11-15-open.md')).href;
    const text = '---\ntitle: "Open"\ntags: [kuberentes]\n---\n\n## [A talk](https://youtu.be/AbCdEfGhIjK)\n\n![Stage](/assets/stage.png) and [a post]({% post_url 2024-01-01-a %}).\n\nKueue was great.\n';
    let version = 1;
    const first = server.diagnostics(uri);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    await first;
    // The server indexes the site in the background: wait until it has finished with the disk.
    let size = -1;
    for (let i = 0; i < 50 && size !== readFileSync(log, 'utf8').length; i++) {
      size = readFileSync(log, 'utf8').length;
      await sleep(200);
    }
    const settled = readFileSync(log, 'utf8').length;
    assert.ok(settled > 0, 'the preload records the first reads');

    const edit = async (pause: number) => {
      await sleep(pause);
      version++;
      const published = server.diagnostics(uri, (p) => p.version === version);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'x' }],
      });
      return published;
    };
    for (let i = 0; i < 10; i++) await edit(0);
    // Past any cache that might once have expired on a timer.
    await edit(2600);
    const last = await edit(10_500);
    assert.ok(last.diagnostics.some((d) => d.code === 'front-matter/similar-tag'), 'the site facts are still known');
    const reads = readFileSync(log, 'utf8').slice(settled);
    assert.equal(reads, '', `a keystroke read from disk:\n${reads}`);
  });
});
