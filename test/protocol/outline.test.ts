import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ServerUnderTest } from './lspClient';

const POST = [
  '---',
  'title: "DevConf notes"',
  '---',
  '',
  '## Day 1',
  '',
  '### Tracing without tears (Ada Lovelace, Example Corp)',
  '',
  '[Video Link](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=95)',
  '',
  'Notes.',
  '',
].join('\n');

interface Symbol {
  name: string;
  kind: number;
  detail?: string;
  children?: Symbol[];
  location?: { uri: string };
  containerName?: string;
}

describe('outline features over stdio', () => {
  let server: ServerUnderTest;
  let root: string;
  let uri: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'talkdown-outline-'));
    mkdirSync(join(root, '_posts'));
    mkdirSync(join(root, 'node_modules'));
    writeFileSync(join(root, '_posts', '2024-02-03-fosdem.md'), '## [Rust in the kernel](https://video.fosdem.org/2024/k1/rust.webm) - Grace Hopper\n\nText.\n');
    writeFileSync(join(root, 'node_modules', 'readme.md'), '## [Not a post](https://youtu.be/ZyXwVuTsRqP)\n');
    // A cycle: the walk must still end.
    symlinkSync(root, join(root, '_posts', 'loop'), 'dir');
    uri = pathToFileURL(join(root, '_posts', '2024-03-01-devconf.md')).href;
    server = new ServerUnderTest();
    const result = (await server.initialize(pathToFileURL(root).href)) as { capabilities: Record<string, unknown> };
    assert.equal(result.capabilities.documentSymbolProvider, true);
    assert.equal(result.capabilities.foldingRangeProvider, true);
    assert.equal(result.capabilities.hoverProvider, true);
    assert.equal(result.capabilities.workspaceSymbolProvider, true);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: POST } });
  });

  after(async () => {
    if (server.process.exitCode === null) await server.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers documentSymbol right after opening, with talks nested in sections', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Symbol[];
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['Front matter', 2], ['Day 1', 3]]);
    const [talk] = symbols[1].children!;
    assert.deepEqual([talk.name, talk.kind, talk.detail], ['Tracing without tears', 24, 'Ada Lovelace · Example Corp · YouTube']);
  });

  it('answers foldingRange', async () => {
    const ranges = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as { startLine: number; endLine: number }[];
    assert.deepEqual(ranges.map((r) => [r.startLine, r.endLine]), [[0, 2], [4, 10], [6, 10]]);
  });

  it('answers hover on a video link', async () => {
    const result = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 2 } })) as {
      contents: { kind: string; value: string };
    };
    assert.equal(result.contents.kind, 'markdown');
    assert.match(result.contents.value, /Ada Lovelace \(Example Corp\)/);
    assert.match(result.contents.value, /`AbCdEfGhIjK` at 1:35/);
    const nothing = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 1 } });
    assert.equal(nothing, null);
  });

  it('answers workspace/symbol from open documents and files on disk', async () => {
    const query = async (q: string) => (await server.connection.sendRequest('workspace/symbol', { query: q })) as Symbol[];
    assert.deepEqual((await query('lovelace')).map((s) => [s.name, s.location?.uri]), [['Tracing without tears', uri]]);
    // The folder is indexed in the background after `initialized`.
    let found: Symbol[] = [];
    for (let i = 0; i < 100 && found.length === 0; i++) {
      found = await query('rust');
      if (found.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(found.map((s) => [s.name, s.containerName]), [['Rust in the kernel', 'Grace Hopper · FOSDEM video']]);
    assert.deepEqual(await query('not a post'), []);
  });

  it('reflects an edit in the outline and in workspace symbols', async () => {
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 6, character: 4 }, end: { line: 6, character: 11 } }, text: 'Metrics' }],
    });
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as Symbol[];
    assert.equal(symbols[1].children![0].name, 'Metrics without tears');
    const found = (await server.connection.sendRequest('workspace/symbol', { query: 'metrics' })) as Symbol[];
    assert.deepEqual(found.map((s) => s.name), ['Metrics without tears']);
  });

  it('returns empty results for a document it does not know', async () => {
    const other = 'file:///nowhere/unknown.md';
    assert.deepEqual(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: other } }), []);
    assert.deepEqual(await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: other } }), []);
    assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 0 } }), null);
  });
});
