import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { ensureBuilt } from '../support/build';
import { summarizeFindings, TEAM_FINDINGS, TEAM_POST } from '../support/teamBlog';
import { ServerUnderTest } from './lspClient';

ensureBuilt();

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const SITE = join(EXAMPLES, 'team-blog');
const POST = join(EXAMPLES, ...TEAM_POST);

/** The same .talkdown/config.jsonc gives the same findings in the CLI and in any LSP client. */
describe('one project configuration, one verdict', () => {
  it('talkdown lint reports the team’s findings', () => {
    const result = spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli.js'), 'lint', '--format', 'json', '--root', SITE, SITE], { encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    const [file] = JSON.parse(result.stdout) as { diagnostics: { range: { start: { line: number } }; code: string; severity: number }[] }[];
    assert.deepEqual(summarizeFindings(file.diagnostics.map((d) => ({ line: d.range.start.line, code: d.code, severity: d.severity }))), summarizeFindings(TEAM_FINDINGS));
  });

  it('a bare LSP client, with no settings of its own, gets the same findings', async () => {
    const server = new ServerUnderTest();
    try {
      await server.initialize(pathToFileURL(SITE).href, undefined, {});
      const uri = pathToFileURL(POST).href;
      const published = server.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'spelling/likely-typo'));
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(POST, 'utf8') } });
      const { diagnostics } = await published;
      assert.deepEqual(summarizeFindings(diagnostics.map((d) => ({ line: d.range.start.line, code: String(d.code), severity: d.severity ?? 0 }))), summarizeFindings(TEAM_FINDINGS));
    } finally {
      server.kill();
    }
  });
});
