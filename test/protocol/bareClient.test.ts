import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { ServerUnderTest } from './lspClient';

/**
 * A client with no optional capability: no workspace/configuration, no dynamic registration,
 * no watched files, no work-done progress, no applyEdit. Every feature works or says why not.
 */
describe('the server with a client that offers nothing optional', () => {
  let server: ServerUnderTest;
  let dir: string;
  let root: string;
  const messages: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-bare-'));
    mkdirSync(join(dir, '_posts'));
    writeFileSync(join(dir, '_config.yml'), 'title: x\n');
    root = pathToFileURL(dir).href;
    server = new ServerUnderTest();
    server.connection.onNotification('window/showMessage', (p: { message: string }) => {
      messages.push(p.message);
    });
    // Asked anyway, it would fail the test: the client has no such request.
    server.connection.onRequest('workspace/configuration', () => {
      throw new Error('workspace/configuration was requested from a client without it');
    });
    await server.initialize(root, undefined, {});
  });

  after(() => {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const uri = () => `${root}/_posts/2024-11-15-recap.md`;
  const text = '---\ntitle: "Recap"\n---\n\n## Keynote\n\nA great talkk and a keynotte.\n\n![Stage](/assets/stage.png)\n';

  it('registers nothing dynamically, and publishes diagnostics', async () => {
    const published = server.diagnostics(uri(), (p) => p.diagnostics.length > 0);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'markdown', version: 1, text } });
    const codes = (await published).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('spelling/likely-typo') && codes.includes('link/no-such-file'), codes.join());
    assert.deepEqual(server.registrations, []);
  });

  it('takes its settings from workspace/didChangeConfiguration', async () => {
    const quiet = server.diagnostics(uri(), (p) => !p.diagnostics.some((d) => String(d.code).startsWith('spelling/')));
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { talkdown: { rules: { spelling: 'off' } } } });
    await quiet;
    const back = server.diagnostics(uri(), (p) => p.diagnostics.some((d) => String(d.code).startsWith('spelling/')));
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { talkdown: {} } });
    await back;
  });

  it('watches the site itself: a file created outside the editor clears "no such file"', async () => {
    const cleared = server.diagnostics(uri(), (p) => !p.diagnostics.some((d) => d.code === 'link/no-such-file'), 15_000);
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'stage.png'), '');
    await cleared;
  });

  it('offers only the fixes of the finding under the cursor', async () => {
    const { diagnostics } = server.published.filter((p) => p.uri === uri()).at(-1)!;
    const typos = diagnostics.filter((d) => d.code === 'spelling/likely-typo');
    assert.equal(typos.length, 2);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: typos[0].range,
      context: { diagnostics: diagnostics as Diagnostic[] },
    })) as CodeAction[];
    assert.ok(actions.length > 0);
    assert.ok(actions.every((a) => a.diagnostics?.every((d) => d.range.start.character === typos[0].range.start.character)), JSON.stringify(actions.map((a) => a.title)));
    assert.equal(actions[0].title, 'Change to "talk"');
  });

  it('runs every command it offers; one it cannot complete says why', async () => {
    const added = (await server.connection.sendRequest('workspace/executeCommand', { command: 'talkdown.spelling.addToWorkspaceDictionary', arguments: [uri(), 'keynotte'] })) as { ok: boolean };
    assert.equal(added.ok, true);
    assert.match(readFileSync(join(dir, '.talkdown', 'words.txt'), 'utf8'), /^keynotte$/m);
    const user = (await server.connection.sendRequest('workspace/executeCommand', { command: 'talkdown.spelling.addToUserDictionary', arguments: ['talkk', uri()] })) as { ok: boolean; message: string };
    assert.equal(user.ok, false);
    assert.match(user.message, /add "talkk" to "spelling": \{ "words": \[\.\.\.\] \} in .*\.talkdown\/config\.jsonc/);
    assert.ok(messages.some((m) => m.includes('"talkk"')));
  });

  it('answers outline, hover, completion and links without optional capabilities', async () => {
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri() } })) as unknown[];
    assert.ok(symbols.length > 0);
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 1, character: 2 } });
    await server.connection.sendRequest('textDocument/completion', { textDocument: { uri: uri() }, position: { line: 8, character: 10 } });
    const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uri() } })) as unknown[];
    assert.ok(Array.isArray(links));
  });
});

describe('the server with a client that can apply edits', () => {
  it('adds a user-dictionary word to the project configuration through workspace/applyEdit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkdown-edit-'));
    mkdirSync(join(dir, '.talkdown'));
    writeFileSync(join(dir, '.talkdown', 'config.jsonc'), '{\n  // ours\n  "rules": {}\n}\n');
    const root = pathToFileURL(dir).href;
    const server = new ServerUnderTest();
    const edits: unknown[] = [];
    server.connection.onRequest('workspace/applyEdit', (params: unknown) => {
      edits.push(params);
      return { applied: true };
    });
    try {
      await server.initialize(root, undefined, { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } });
      const result = (await server.connection.sendRequest('workspace/executeCommand', { command: 'talkdown.spelling.addToUserDictionary', arguments: ['Kueue', `${root}/post.md`] })) as { ok: boolean };
      assert.equal(result.ok, true);
      const [edit] = edits as { edit: { changes: Record<string, { newText: string }[]> } }[];
      const newText = edit.edit.changes[`${root}/.talkdown/config.jsonc`][0].newText;
      assert.equal(newText, '{\n  // ours\n  "rules": {},\n  "spelling": {\n    "words": [\n      "Kueue"\n    ]\n  }\n}\n');
    } finally {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
