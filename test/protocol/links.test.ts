import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentLink, Location } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { ServerUnderTest } from './lspClient';

const POST = [
  '---',
  'title: Recap',
  '---',
  '# Recap',
  '',
  '## Keynote',
  '',
  '![Diagram](/assets/diagram.png) and [the earlier post]({% post_url 2024-01-01-earlier %}#day-two).',
  'See [the keynote](#keynote), [the slides][deck] and a note[^n].',
  '',
  '[deck]: https://example.dev/deck',
  '',
  '[^n]: The note.',
  '',
].join('\n');

/** Links over the protocol, against a Jekyll site on disk. */
describe('links over the protocol', () => {
  let server: ServerUnderTest;
  let dir: string;
  let root: string;
  let uri: string;
  let lines: string[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-links-'));
    mkdirSync(join(dir, '_posts'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, '_config.yml'), 'title: x\n');
    writeFileSync(join(dir, 'assets', 'diagram.png'), '');
    writeFileSync(join(dir, 'assets', 'photo.jpg'), '');
    writeFileSync(join(dir, '_posts', '2024-01-01-earlier.md'), '---\ntitle: Earlier\n---\n# Earlier\n\n## Day two\n');
    root = pathToFileURL(dir).href;
    uri = `${root}/_posts/2024-02-02-recap.md`;
    writeFileSync(join(dir, '_posts', '2024-02-02-recap.md'), POST);
    lines = POST.split('\n');
    server = new ServerUnderTest();
    await server.initialize(root);
    const clean = server.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: POST } });
    await clean;
  });

  after(() => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const at = (line: number, text: string, delta = 1) => ({ line, character: lines[line].indexOf(text) + delta });

  it('document links for site-root images, generator syntax and same-post anchors', async () => {
    const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes(`${root}/assets/diagram.png`), JSON.stringify(targets));
    assert.ok(targets.includes(`${root}/_posts/2024-01-01-earlier.md`), JSON.stringify(targets));
    assert.ok(targets.includes(`${uri}#L6`), JSON.stringify(targets));
    const image = links.find((l) => l.target?.endsWith('diagram.png'))!;
    assert.deepEqual(image.range, { start: { line: 7, character: 11 }, end: { line: 7, character: 30 } });
  });

  it('go to definition and find references for footnotes and reference links', async () => {
    const footnote = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at(8, '[^n]') })) as Location[];
    assert.deepEqual(footnote.map((l) => l.range.start), [{ line: 12, character: 0 }]);
    const reference = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at(8, '[deck]') })) as Location[];
    assert.deepEqual(reference.map((l) => l.range.start.line), [10]);
    const refs = (await server.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 12, character: 2 }, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(refs.map((l) => l.range.start).sort((a, b) => a.line - b.line), [{ line: 8, character: lines[8].indexOf('[^n]') }, { line: 12, character: 0 }]);
    const file = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: at(7, 'diagram.png') })) as Location[];
    assert.deepEqual(file.map((l) => l.uri), [`${root}/assets/diagram.png`]);
  });

  it('completes paths after ](, anchors after # and footnote labels after [^', async () => {
    const edited = POST.replace('# Recap\n', '# Recap\n\n![x](/assets/) [y](#) [^\n');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
    const labels = async (line: number, character: number) => {
      const result = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as CompletionItem[] | CompletionList | null;
      const items = Array.isArray(result) ? result : (result?.items ?? []);
      return items.map((i) => i.label);
    };
    const line = edited.split('\n')[5];
    assert.deepEqual(await labels(5, line.indexOf('/assets/') + 8), ['diagram.png', 'photo.jpg']);
    assert.deepEqual(await labels(5, line.indexOf('(#)') + 2), ['#recap', '#keynote']);
    assert.deepEqual(await labels(5, line.length), ['n']);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: POST }] });
  });

  it('a deleted image shows as missing, with a fix to the closest file; restored, the finding goes', async () => {
    const image = join(dir, 'assets', 'diagram.png');
    unlinkSync(image);
    const missing = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'link/no-such-file'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(image).href, type: 3 }] });
    const { diagnostics } = await missing;
    const finding = diagnostics.find((d) => d.code === 'link/no-such-file')!;
    assert.deepEqual(finding.range, { start: { line: 7, character: 11 }, end: { line: 7, character: 30 } });

    // The closest existing image of the site, written from the root as the link was.
    writeFileSync(join(dir, 'assets', 'diagrams.png'), '');
    const moved = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'link/no-such-file'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'assets', 'diagrams.png')).href, type: 1 }] });
    const again = (await moved).diagnostics.find((d) => d.code === 'link/no-such-file') as Diagnostic;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: again.range, context: { diagnostics: [again] } })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Change to /assets/diagrams.png']);
    assert.equal(actions[0].edit?.changes?.[uri][0].newText, '/assets/diagrams.png');

    writeFileSync(image, '');
    const cleared = server.diagnostics(uri, (p) => p.diagnostics.length === 0);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(image).href, type: 1 }] });
    await cleared;
  });

  it('a deleted folder takes its files along', async () => {
    const folder = join(dir, 'assets');
    rmSync(folder, { recursive: true, force: true });
    const missing = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'link/no-such-file'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(folder).href, type: 3 }] });
    await missing;
  });
});

/** A site in a folder whose name the editor and Node encode differently (`c%2B%2B` and `c++`). */
describe('links over the protocol: a folder named with + ( ) and spaces', () => {
  let server: ServerUnderTest;
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-links-'));
  });

  after(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('local links resolve with the editor\'s URIs', async () => {
    const site = join(dir, 'c++ blog (2023)');
    mkdirSync(join(site, '_posts'), { recursive: true });
    mkdirSync(join(site, 'assets'));
    writeFileSync(join(site, '_config.yml'), 'title: x\nplugins: [jekyll-relative-links]\n');
    writeFileSync(join(site, 'assets', 'a.png'), '');
    writeFileSync(join(site, '_posts', '2023-01-01-a.md'), '---\ntitle: A\n---\n## Hi\n');
    const text = '---\ntitle: B\n---\n![a](/assets/a.png) [x](./2023-01-01-a.md#hi) [y]({% post_url 2023-01-01-a %}) [z](/assets/gone.png)\n';
    writeFileSync(join(site, '_posts', '2023-01-02-b.md'), text);
    const root = URI.file(site).toString();
    const uri = URI.file(join(site, '_posts', '2023-01-02-b.md')).toString();
    assert.ok(root.includes('c%2B%2B%20blog%20%282023%29'));
    server = new ServerUnderTest();
    await server.initialize(root);
    const done = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'link/no-such-file'));
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await done;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['link/no-such-file'],
    );
    assert.equal(diagnostics[0].range.start.character, text.split('\n')[3].indexOf('/assets/gone.png'));
  });
});
