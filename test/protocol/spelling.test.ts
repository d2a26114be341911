import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { ServerUnderTest } from './lspClient';

describe('spelling over LSP', () => {
  let server: ServerUnderTest;
  let dir: string;
  let root: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-spelling-'));
    mkdirSync(join(dir, '_posts'));
    writeFileSync(join(dir, '_config.yml'), 'title: Hallway notes\n');
    root = pathToFileURL(dir).href;
    server = new ServerUnderTest();
    const result = (await server.initialize(root)) as { capabilities: { executeCommandProvider: { commands: string[] } } };
    assert.ok(result.capabilities.executeCommandProvider.commands.includes('talkdown.spelling.addToWorkspaceDictionary'));
  });

  after(() => {
    if (server.process.exitCode === null) server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const uri = () => `${root}/_posts/2024-11-15-kubecon.md`;
  const text = [
    '---',
    'title: KubeCon notes',
    '---',
    '',
    'The performnce of the scheduler was great, and the the demo worked.',
    'We also met Zorblatt from a small startup.',
    '',
  ].join('\n');

  async function actionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
    return (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
  }

  it('publishes a typo, a repeat and an unknown word, with quick fixes for each', async () => {
    const published = server.diagnostics(uri(), (p) => p.diagnostics.length > 0);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]), [
      ['spelling/likely-typo', 2, 4, 4, 14],
      ['spelling/repeated-word', 2, 4, 51, 54],
      ['spelling/unknown-word', 4, 5, 12, 20],
    ]);

    const typo = await actionsFor(diagnostics[0]);
    assert.equal(typo[0].title, 'Change to "performance"');
    assert.equal(typo[0].isPreferred, true);
    assert.deepEqual(typo[0].edit?.changes?.[uri()], [{ range: diagnostics[0].range, newText: 'performance' }]);
    assert.ok(typo.slice(1).every((a) => !a.isPreferred));
    const titles = typo.map((a) => a.title);
    assert.ok(titles.includes('Add "performnce" to the workspace dictionary'));
    assert.ok(titles.includes('Add "performnce" to the user dictionary'));
    assert.ok(titles.includes('Ignore "performnce" in this document'));
    const user = typo.find((a) => a.title.includes('user dictionary'))!;
    assert.deepEqual(user.command, { title: 'Add to the user dictionary', command: 'talkdown.spelling.addToUserDictionary', arguments: ['performnce', uri()] });
    const ignore = typo.find((a) => a.title.startsWith('Ignore'))!;
    assert.deepEqual(ignore.edit?.changes?.[uri()], [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '<!-- talkdown-words: performnce -->\n' }]);

    const repeat = await actionsFor(diagnostics[1]);
    assert.deepEqual(repeat.map((a) => [a.title, a.isPreferred]), [['Remove the repeated "the"', true]]);
    assert.deepEqual(repeat[0].edit?.changes?.[uri()], [{ range: { start: { line: 4, character: 50 }, end: { line: 4, character: 54 } }, newText: '' }]);
  });

  it('adds a word to .talkdown/words.txt and re-checks the open documents', async () => {
    const { diagnostics } = server.published.filter((p) => p.uri === uri()).at(-1)!;
    const unknown = diagnostics.find((d) => d.code === 'spelling/unknown-word')!;
    const add = (await actionsFor(unknown)).find((a) => a.title.includes('workspace dictionary'))!;
    const republished = server.diagnostics(uri(), (p) => !p.diagnostics.some((d) => d.code === 'spelling/unknown-word'));
    await server.connection.sendRequest('workspace/executeCommand', { command: add.command!.command, arguments: add.command!.arguments });
    await republished;
    assert.match(readFileSync(join(dir, '.talkdown', 'words.txt'), 'utf8'), /^Zorblatt$/m);
  });

  it('re-reads the word list when it changes on disk', async () => {
    writeFileSync(join(dir, '.talkdown', 'words.txt'), 'Zorblatt\nperformnce\n');
    const republished = server.diagnostics(uri(), (p) => !p.diagnostics.some((d) => d.code === 'spelling/likely-typo'));
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${root}/.talkdown/words.txt`, type: 2 }] });
    const { diagnostics } = await republished;
    assert.deepEqual(diagnostics.map((d) => d.code), ['spelling/repeated-word']);
  });

  it('takes the user words from the settings', async () => {
    writeFileSync(join(dir, '.talkdown', 'words.txt'), '');
    server.settings = { spelling: { words: ['Zorblatt', 'performnce'] } };
    const republished = server.diagnostics(uri(), (p) => p.diagnostics.length === 1);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${root}/.talkdown/words.txt`, type: 2 }] });
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const { diagnostics } = await republished;
    assert.deepEqual(diagnostics.map((d) => d.code), ['spelling/repeated-word']);
  });
});
