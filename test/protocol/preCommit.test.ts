import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from '../support/build';

ensureBuilt();

const ROOT = join(__dirname, '..', '..');

function hasPreCommit(): boolean {
  return spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** The hook this repository publishes, run by the real pre-commit on a site's staged posts. */
describe('the pre-commit hook', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(() => {
    assert.ok(hasPreCommit(), 'pre-commit is not installed: apt-get install -y pre-commit (.ci/run does this)');
    dir = mkdtempSync(join(tmpdir(), 'talkdown-hook-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    // `talkdown` on the PATH, as an installed CLI would be.
    writeFileSync(join(bin, 'talkdown'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist', 'cli.js')}" "$@"\n`);
    chmodSync(join(bin, 'talkdown'), 0o755);
    env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, PRE_COMMIT_HOME: join(dir, 'cache'), GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    const site = join(dir, 'site');
    mkdirSync(join(site, '_posts'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: site, env, encoding: 'utf8' });
    git('init', '-q');
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    writeFileSync(join(site, '.pre-commit-config.yaml'), `repos:\n  - repo: ${ROOT}\n    rev: ${rev}\n    hooks:\n      - id: talkdown\n`);
    writeFileSync(join(site, '_config.yml'), 'title: Recaps\n');
    writeFileSync(join(site, 'notes.txt'), 'title: a: b\n');
    git('add', '.');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = () => spawnSync('pre-commit', ['run'], { cwd: join(dir, 'site'), env, encoding: 'utf8', timeout: 120_000 });

  it('fails on a staged post with an error, and passes once it is fixed', () => {
    const post = join(dir, 'site', '_posts', '2024-11-15-kubecon.md');
    writeFileSync(post, '---\ntitle: Keynote: eBPF everywhere\n---\n\n## Day one\n');
    execFileSync('git', ['add', '.'], { cwd: join(dir, 'site'), env });
    const failed = run();
    assert.equal(failed.status, 1, failed.stdout + failed.stderr);
    assert.match(failed.stdout, /talkdown lint\.+Failed/);
    assert.match(failed.stdout, /_posts\/2024-11-15-kubecon\.md:2:8 error front-matter\/syntax/);

    writeFileSync(post, '---\ntitle: "Keynote: eBPF everywhere"\n---\n\n## Day one\n');
    execFileSync('git', ['add', '.'], { cwd: join(dir, 'site'), env });
    const passed = run();
    assert.equal(passed.status, 0, passed.stdout + passed.stderr);
    assert.match(passed.stdout, /talkdown lint\.+Passed/);
  });
});
