import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, type CodeAction, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { closedPort, startLinkServer, type LinkServer } from '../support/linkServer';
import { ServerUnderTest } from './lspClient';

const external = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => String(d.code).startsWith('link/external-'));

describe('external links over LSP', () => {
  let site: LinkServer;
  let dir: string;
  let root: string;
  let port: number;
  const servers: ServerUnderTest[] = [];

  const start = async (init: unknown, settings: Record<string, unknown>) => {
    const server = new ServerUnderTest();
    servers.push(server);
    server.settings = settings;
    await server.initialize(root, init);
    return server;
  };
  const open = (server: ServerUnderTest, uri: string, text: string) =>
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });

  before(async () => {
    site = await startLinkServer();
    port = await closedPort();
    dir = mkdtempSync(join(tmpdir(), 'talkdown-external-'));
    root = pathToFileURL(dir).href;
  });

  after(async () => {
    for (const server of servers) if (server.process.exitCode === null) server.kill();
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks open documents in the background and publishes findings on the exact URLs, with a fix for a moved page', async () => {
    const storagePath = join(dir, 'storage');
    const server = await start({ workspaceTrusted: true, storagePath }, { links: { external: true } });
    const uri = `${root}/recap.md`;
    const text = [
      '# KubeCon notes',
      '',
      `### [Keynote](${site.origin}/ok)`,
      '',
      `[Slides](${site.origin}/moved#page-3) and [video](<${site.origin}/missing>)`,
      '',
      `Down: <http://127.0.0.1:${port}/talk>, mail: [me](mailto:me@example.com)`,
      '',
      `\`${site.origin}/gone\` is code, and so is [this](${site.origin}/gone) in a fence:`,
      '',
      '```',
      `[x](${site.origin}/gone)`,
      '```',
      '',
    ].join('\n');
    const published = server.diagnostics(uri, (p) => external(p).length >= 4);
    await open(server, uri, text);
    const diagnostics = external(await published);
    const line = (n: number) => text.split('\n')[n];
    const at = (d: Diagnostic) => [d.code, d.severity, line(d.range.start.line).slice(d.range.start.character, d.range.end.character)];
    assert.deepEqual(diagnostics.map(at), [
      ['link/external-redirect', 3, `${site.origin}/moved#page-3`],
      ['link/external-broken', 2, `${site.origin}/missing`],
      ['link/external-unreachable', 2, `http://127.0.0.1:${port}/talk`],
      ['link/external-broken', 2, `${site.origin}/gone`],
    ]);
    assert.match(String(diagnostics[1].message), /answers 404 \(not found\)/);
    assert.match(String(diagnostics[2].message), /refused the connection/);
    const moved = diagnostics[0];
    assert.ok(moved.codeDescription?.href.endsWith('docs/rules/link/external-redirect.md'));
    // Code spans and fences are never checked: /gone was asked once (HEAD, then GET to be
    // sure), for the real link.
    assert.deepEqual(site.log.filter((l) => l.endsWith('/gone')), ['HEAD /gone', 'GET /gone']);

    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: moved.range,
      context: { diagnostics: [moved] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit?.changes?.[uri], [{ range: moved.range, newText: `${site.origin}/ok#page-3` }]);

    // The results went to the cache file in the storage folder the client gave.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    const cache = JSON.parse(readFileSync(join(storagePath, 'external-links.json'), 'utf8'));
    assert.equal(cache.entries[`${site.origin}/missing`].result.code, 404);
  });

  it('sends nothing while the workspace is untrusted, and starts when the client trusts it', async () => {
    const server = await start({ storagePath: join(dir, 'untrusted') }, { links: { external: true } });
    const uri = `${root}/untrusted.md`;
    site.log.length = 0;
    const first = server.diagnostics(uri);
    await open(server, uri, `[a](${site.origin}/delay/10/untrusted)\n`);
    assert.deepEqual(external(await first), []);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual(site.log, [], 'no request from an untrusted workspace');
    const refused = await server.connection.sendRequest('talkdown/checkExternalLinks', { uri });
    assert.deepEqual(refused, { total: 0, ok: 0, moved: 0, broken: 0, unreachable: 0, unknown: 0, refused: 'untrusted' });
    assert.deepEqual(site.log, []);

    const published = server.diagnostics(uri, (p) => site.log.length > 0 && p.diagnostics.length === 0, 8000);
    await server.connection.sendNotification('talkdown/workspaceTrust', { trusted: true });
    await published;
    assert.deepEqual(site.log, ['HEAD /delay/10/untrusted']);
  });

  it('checks on demand with the setting off, reporting progress, and refreshes the findings', async () => {
    const server = await start({ workspaceTrusted: true, storagePath: join(dir, 'demand') }, {});
    const uri = `${root}/demand.md`;
    const first = server.diagnostics(uri);
    await open(server, uri, `[a](${site.origin}/ok) [b](${site.origin}/missing) [c](${site.origin}/moved) [d](${site.origin}/forbidden)\n`);
    assert.deepEqual(external(await first), [], 'off by default');
    site.log.length = 0;
    const progress: unknown[] = [];
    server.connection.onNotification('$/progress', (p: { token: string; value: unknown }) => {
      if (p.token === 'check-1') progress.push(p.value);
    });
    const published = server.diagnostics(uri, (p) => external(p).length === 2);
    const result = await server.connection.sendRequest('talkdown/checkExternalLinks', { uri, workDoneToken: 'check-1' });
    assert.deepEqual(result, { total: 4, ok: 1, moved: 1, broken: 1, unreachable: 0, unknown: 1 });
    assert.deepEqual(external(await published).map((d) => d.code), ['link/external-broken', 'link/external-redirect']);
    assert.deepEqual(progress[0], { kind: 'begin', title: 'Checking external links', cancellable: true, message: '0/4', percentage: 0 });
    assert.equal((progress.at(-1) as { kind: string }).kind, 'end');
    assert.ok(progress.some((p) => (p as { message?: string }).message?.startsWith('4/4 checked, 1 broken or unreachable, 1 moved')), JSON.stringify(progress));
    // On demand means asking again, whatever is cached.
    assert.ok(site.log.includes('HEAD /ok'));
  });

  it('stops the requests in flight when the client cancels', async () => {
    const server = await start({ workspaceTrusted: true, storagePath: join(dir, 'cancel') }, {});
    const uri = `${root}/cancel.md`;
    const first = server.diagnostics(uri);
    await open(server, uri, Array.from({ length: 8 }, (_, i) => `[t${i}](${site.origin}/delay/3000/c${i})`).join('\n') + '\n');
    await first;
    site.log.length = 0;
    const source = new CancellationTokenSource();
    const started = Date.now();
    const request = server.connection.sendRequest('talkdown/checkExternalLinks', { uri }, source.token);
    setTimeout(() => source.cancel(), 300);
    await assert.rejects(request, (error: { code?: number }) => error.code === -32800);
    assert.ok(Date.now() - started < 2000, 'cancelled at once, not after the slow answers');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Two per host at a time: the other six were never sent.
    assert.equal(site.log.length, 2, site.log.join(', '));
  });
});
