import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startLinkServer, type LinkServer } from '../support/linkServer';
import { ensureBuilt } from '../support/build';

ensureBuilt();

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

describe('talkdown lint --external', () => {
  let site: LinkServer;
  let dir: string;
  // Not spawnSync: the test's own web server must keep answering while the CLI runs.
  const talkdown = async (args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
        cwd: dir,
        env: { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') },
        timeout: 30_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  before(async () => {
    site = await startLinkServer();
    dir = mkdtempSync(join(tmpdir(), 'talkdown-cli-external-'));
    writeFileSync(
      join(dir, 'post.md'),
      `# Notes\n\n[Video](${site.origin}/ok) · [Slides](${site.origin}/missing)\n\n[Page](${site.origin}/moved) and [again](${site.origin}/ok#t=10)\n`,
    );
  });

  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks nothing without --external', async () => {
    const { code, stdout } = await talkdown(['lint', 'post.md']);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.deepEqual(site.log, []);
  });

  it('reports broken and moved links, and caches the answers on disk', async () => {
    const first = await talkdown(['lint', '--external', 'post.md']);
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(first.stdout.trim().split('\n'), [
      `post.md:3:${`[Video](${site.origin}/ok) · [Slides](`.length + 1} warning link/external-broken Broken link: ${site.origin}/missing answers 404 (not found). Find where the page moved, or link an archived copy.`,
      `post.md:5:8 info link/external-redirect Moved permanently (301): ${site.origin}/moved now lives at ${site.origin}/ok. Link the new address.`,
    ]);
    assert.match(first.stderr, /checked 3 external links \(5 requests/);
    assert.ok(existsSync(join(dir, 'cache', 'talkdown', 'external-links.json')));

    site.log.length = 0;
    const second = await talkdown(['lint', '--external', 'post.md']);
    assert.equal(second.stdout, first.stdout);
    assert.match(second.stderr, /\(0 requests, the rest from the cache\)/);
    assert.deepEqual(site.log, []);
  });
});
