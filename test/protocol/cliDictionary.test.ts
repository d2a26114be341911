import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from '../support/build';

ensureBuilt();

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const DICTIONARY = join(__dirname, '..', '..', 'dist', 'dictionaries', 'en.dict');

/** The bundled CLI, which reads the dictionary while it loads (cli/launch.ts). */
function talkdown(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60_000, env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('talkdown lint and its dictionary', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-cli-dictionary-'));
    writeFileSync(join(dir, 'post.md'), '---\ntitle: Notes\n---\n# Day 1\n\nThe keynote was about perfromance and the the scheduler.\n');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('checks spelling with the dictionary it read while loading, and with one given by TALKDOWN_DICTIONARY', () => {
    const envs: Record<string, string>[] = [{}, { TALKDOWN_DICTIONARY: DICTIONARY }];
    for (const env of envs) {
      const { stdout, stderr } = talkdown(['lint', 'post.md'], dir, env);
      assert.equal(stderr, '');
      assert.match(stdout, /post\.md:6:\d+ \w+ spelling\/likely-typo .*perfromance/);
      assert.doesNotMatch(stdout, /dictionary-unavailable/);
    }
  });

  it('says once that spelling is not checked when the dictionary cannot be read, and checks the rest', () => {
    const { code, stdout, stderr } = talkdown(['lint', 'post.md'], dir, { TALKDOWN_DICTIONARY: join(dir, 'no-such.dict') });
    assert.equal(stderr, '');
    assert.notEqual(code, 2);
    const lines = stdout.split('\n').filter((l) => l.includes('spelling/'));
    assert.deepEqual(lines.map((l) => l.split(' ')[2]), ['spelling/dictionary-unavailable', 'spelling/repeated-word']);
    assert.match(stdout, /the dictionary cannot be read \(ENOENT/);
  });
});
