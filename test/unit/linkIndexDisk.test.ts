import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LinkIndex } from '../../server/src/core/links/linkIndex';
import { fillLinkIndex, updateLinkIndex } from '../../server/src/node/linkIndex';
import { NodeWorkspace } from '../../server/src/node/workspace';

/** The index filled from a real folder: cycles, huge folders, events. */
describe('link index on disk', () => {
  let dir: string;
  let root: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-linkindex-'));
    root = pathToFileURL(dir).href;
    mkdirSync(join(dir, '_posts'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, '_config.yml'), 'title: x\n');
    writeFileSync(join(dir, '_posts', '2024-01-01-a.md'), '---\ntitle: A\n---\n# Alpha\n');
    writeFileSync(join(dir, 'assets', 'logo.png'), '');
    // A cycle through symbolic links: assets/loop -> the site itself.
    symlinkSync(dir, join(dir, 'assets', 'loop'));
    symlinkSync(join(dir, 'assets', 'missing-target'), join(dir, 'assets', 'dangling'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks a symlink cycle once and ends', async () => {
    const index = new LinkIndex(new NodeWorkspace([root]));
    const { files } = await fillLinkIndex(index, [root]);
    assert.equal(files, 3);
    assert.ok(index.exists(`${root}/assets/logo.png`));
    assert.deepEqual([...(index.page(`${root}/_posts/2024-01-01-a.md`)?.anchors ?? [])], ['alpha']);
  });

  it('a folder of 100,000 files is indexed up to the limit, in bounded time', async () => {
    const big = join(dir, 'dump');
    mkdirSync(big);
    for (let i = 0; i < 100_000; i++) writeFileSync(join(big, `f${i}.txt`), '');
    const index = new LinkIndex(new NodeWorkspace([root]));
    const started = performance.now();
    const result = await fillLinkIndex(index, [root], { maxFiles: 20_000 });
    assert.ok(performance.now() - started < 20_000);
    assert.equal(result.truncated, true);
    assert.equal(result.files, 20_000);
    rmSync(big, { recursive: true, force: true });
  });

  it('file events add and remove files, and a deleted folder takes its files', async () => {
    const index = new LinkIndex(new NodeWorkspace([root]));
    await fillLinkIndex(index, [root]);
    const photo = join(dir, 'assets', 'photo.jpg');
    writeFileSync(photo, '');
    assert.equal(await updateLinkIndex(index, pathToFileURL(photo).href, false), true);
    assert.ok(index.exists(`${root}/assets/photo.jpg`));
    rmSync(join(dir, 'assets'), { recursive: true, force: true });
    await updateLinkIndex(index, `${root}/assets`, true);
    assert.equal(index.exists(`${root}/assets/photo.jpg`), false);
    assert.equal(index.exists(`${root}/assets/logo.png`), false);
    // Build output and dot-folders: ignored.
    mkdirSync(join(dir, '_site'), { recursive: true });
    writeFileSync(join(dir, '_site', 'index.html'), '');
    assert.equal(await updateLinkIndex(index, pathToFileURL(join(dir, '_site', 'index.html')).href, false), false);
    assert.equal(await updateLinkIndex(index, `${root}/.git/index`, false), false);
    // Outside the roots: ignored.
    assert.equal(await updateLinkIndex(index, 'file:///elsewhere/x.png', false), false);
  });
});
