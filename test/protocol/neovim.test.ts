import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ensureBuilt } from '../support/build';
import { summarizeFindings, TEAM_FINDINGS, TEAM_POST } from '../support/teamBlog';

ensureBuilt();

const ROOT = join(__dirname, '..', '..');

/** The standalone server in a real Neovim (Debian's), as its README snippet sets it up. */
describe('Talkdown in Neovim', () => {
  it('shows the same findings as the CLI and VS Code, and the talk outline', () => {
    assert.equal(spawnSync('nvim', ['--version']).status, 0, 'nvim is not installed: apt-get install -y neovim (.ci/run does this)');
    const dir = mkdtempSync(join(tmpdir(), 'talkdown-nvim-'));
    try {
      const out = join(dir, 'out.json');
      const result = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'support', 'neovim.lua')}`], {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          XDG_STATE_HOME: dir,
          XDG_DATA_HOME: dir,
          TALKDOWN_POST: join(ROOT, 'examples', ...TEAM_POST),
          TALKDOWN_ROOT: join(ROOT, 'examples', 'team-blog'),
          TALKDOWN_OUT: out,
          TALKDOWN_NODE: process.execPath,
          TALKDOWN_SERVER: join(ROOT, 'dist', 'server.js'),
        },
      });
      assert.equal(result.status, 0, result.stderr + result.stdout);
      const shown = JSON.parse(readFileSync(out, 'utf8')) as { diagnostics: { line: number; code: string; severity: number; source: string }[]; symbols: string[]; messages: string[] };
      assert.deepEqual(summarizeFindings(shown.diagnostics), summarizeFindings(TEAM_FINDINGS));
      assert.ok(shown.diagnostics.every((d) => d.source === 'talkdown'));
      assert.ok(shown.symbols.some((name) => /Golden paths/.test(name)), shown.symbols.join(' | '));
      assert.deepEqual(shown.messages.filter((m) => /error|fail/i.test(m)), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
