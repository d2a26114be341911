import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { SERVER, ServerUnderTest } from './lspClient';

const URI = 'file:///site/_posts/2024-11-15-kubecon-recap.md';
const BROKEN = '---\ntitle: Keynote: eBPF everywhere\ndate: 2024-11-15\n---\n\n## Day 1\n';

describe('language server over stdio', () => {
  let server: ServerUnderTest;

  before(async () => {
    server = new ServerUnderTest();
    const result = (await server.initialize('file:///site')) as { capabilities: { textDocumentSync: { change: number } }; serverInfo: { name: string } };
    assert.equal(result.capabilities.textDocumentSync.change, 2, 'incremental sync');
    assert.equal(result.serverInfo.name, 'talkdown');
  });

  after(async () => {
    if (server.process.exitCode === null) server.kill();
  });

  it('publishes a front-matter diagnostic for an opened document', async () => {
    const published = server.diagnostics(URI);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'markdown', version: 1, text: BROKEN },
    });
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d.source, 'talkdown');
    assert.equal(d.code, 'front-matter/syntax');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 31 } });
    assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/front-matter\/syntax\.md$/);
  });

  it('applies incremental changes and clears the diagnostic once the value is quoted', async () => {
    const cleared = server.diagnostics(URI, (p) => p.version === 3);
    // Two quick edits: the last version's findings are the last published.
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 7 }, end: { line: 1, character: 7 } }, text: '"' }],
    });
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: { start: { line: 1, character: 32 }, end: { line: 1, character: 32 } }, text: '"' }],
    });
    const { diagnostics } = await cleared;
    assert.deepEqual(diagnostics, []);
    // Version 2 may be analysed when the second edit has not arrived yet (the pipe may deliver
    // them apart); it is never published once version 3 is known, so the last word is version 3's.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const mine = server.published.filter((p) => p.uri === URI);
    assert.equal(mine[mine.length - 1].version, 3, 'a stale version was published after the newer one');
  });

  it('reports an unclosed block after a whole-document change', async () => {
    const published = server.diagnostics(URI, (p) => p.version === 4);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 4 },
      contentChanges: [{ text: '---\ntitle: "x"\n\n## Day 1\n' }],
    });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.end.character]), [['front-matter/unclosed', 0, 3]]);
  });

  it('re-reads settings per resource when the configuration changes', async () => {
    server.settings = { rules: { 'front-matter/unclosed': 'warning' } };
    const published = server.diagnostics(URI, (p) => p.diagnostics[0]?.severity === 2);
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const { diagnostics } = await published;
    assert.equal(diagnostics[0].code, 'front-matter/unclosed');
    server.settings = {};
  });

  it('survives bad input: emoji, CRLF, BOM, invalid text, a huge line', async () => {
    const uri = 'file:///site/bad.md';
    const text = '\uFEFF---\r\ntitle: 🎤🎤 Keynote: x\r\n---\r\n' + 'z'.repeat(1_000_000) + '\r\n\uFFFD\r\n';
    const published = server.diagnostics(uri);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['document/invalid-encoding', 'document/long-line', 'front-matter/syntax']);
    const yaml = diagnostics.find((d) => d.code === 'front-matter/syntax')!;
    assert.equal(yaml.range.start.line, 1);
  });

  it('clears diagnostics when a document closes', async () => {
    const cleared = server.diagnostics(URI, (p) => p.diagnostics.length === 0);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await cleared;
  });

  it('shuts down and exits cleanly', async () => {
    assert.equal(await server.shutdown(), 0);
  });
});

describe('talkdown-language-server command line', () => {
  it('explains itself when started without a transport', () => {
    const result = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /no transport given/);
    assert.match(result.stderr, /--stdio/);
  });
});
