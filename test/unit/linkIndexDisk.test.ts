import { sessionFor } from '../support/session';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LinkIndex } from '../../server/src/core/links/linkIndex';
import { fillLinkIndex, updateLinkIndex } from '../../server/src/node/linkIndex';
import { URI } from 'vscode-uri';
import { analyze, DEFAULT_SETTINGS } from '../../server/src/core';
import { LINK_INDEX } from '../../server/src/core/links/context';
import { canonicalUri } from '../../server/src/core/links/uri';
import { NodeWorkspace } from '../../server/src/node/workspace';
import { source } from './util';

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
    // A folder moved in: what it holds is indexed, nested folders too.
    mkdirSync(join(dir, 'gallery', 'day-1'), { recursive: true });
    writeFileSync(join(dir, 'gallery', 'day-1', 'keynote.png'), '');
    assert.equal(await updateLinkIndex(index, pathToFileURL(join(dir, 'gallery')).href, false), true);
    assert.ok(index.exists(`${root}/gallery/day-1/keynote.png`));
    // Build output and dot-folders: ignored.
    mkdirSync(join(dir, '_site'), { recursive: true });
    writeFileSync(join(dir, '_site', 'index.html'), '');
    assert.equal(await updateLinkIndex(index, pathToFileURL(join(dir, '_site', 'index.html')).href, false), false);
    assert.equal(await updateLinkIndex(index, `${root}/.git/index`, false), false);
    // Outside the roots: ignored.
    assert.equal(await updateLinkIndex(index, 'file:///elsewhere/x.png', false), false);
  });

  it('the editor\'s URIs and the disk\'s name the same files, even with + ( ) @ , & = ! and spaces', async () => {
    const site = join(dir, 'c++ blog (v2) @me, a&b=c!');
    mkdirSync(join(site, '_posts'), { recursive: true });
    mkdirSync(join(site, 'assets'));
    writeFileSync(join(site, '_config.yml'), 'title: x\nplugins: [jekyll-relative-links]\n');
    writeFileSync(join(site, 'assets', 'a.png'), '');
    writeFileSync(join(site, '_posts', '2023-01-01-a.md'), '---\ntitle: A\n---\n## Hi\n');
    const text = '---\ntitle: B\n---\n![a](/assets/a.png) [x](./2023-01-01-a.md#hi) [y]({% post_url 2023-01-01-a %}) [z](./2023-01-01-a.md#nope)\n';
    writeFileSync(join(site, '_posts', '2023-01-02-b.md'), text);
    // The editor writes URIs as vscode-uri does: `c%2B%2B%20blog%20%28v2%29%20%40me%2C…`.
    const editorRoot = URI.file(site).toString();
    const editorDoc = URI.file(join(site, '_posts', '2023-01-02-b.md')).toString();
    assert.notEqual(editorRoot, pathToFileURL(site).href);
    const workspace = new NodeWorkspace([editorRoot]);
    const index = new LinkIndex(workspace);
    const session = sessionFor(workspace);
    session.provide(LINK_INDEX, index);
    await fillLinkIndex(index, [editorRoot]);
    const { findings } = analyze(session, source(text, editorDoc), { settings: DEFAULT_SETTINGS });
    assert.deepEqual(
      findings.filter((f) => f.code.startsWith('link/')).map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`),
      ['link/missing-anchor ./2023-01-01-a.md#nope'],
    );
    // Node's form of the same file is the same key.
    assert.ok(index.exists(pathToFileURL(join(site, 'assets', 'a.png')).href));
    assert.ok(index.exists(`${editorRoot}/assets/a.png`));
  });

  it('one canonical form: segments re-encoded, Windows drive letters in lower case', () => {
    assert.equal(canonicalUri('file:///C:/Users/me/c++%20blog/a.md'), 'file:///c%3A/Users/me/c%2B%2B%20blog/a.md');
    assert.equal(canonicalUri('file:///c%3A/Users/me/c%2B%2B%20blog/a.md'), 'file:///c%3A/Users/me/c%2B%2B%20blog/a.md');
    assert.equal(canonicalUri('file:///C%3a/x/caf%c3%a9.png'), 'file:///c%3A/x/caf%C3%A9.png');
    assert.equal(canonicalUri('file:///tmp/plain/a.md'), 'file:///tmp/plain/a.md');
    assert.equal(canonicalUri('file:///tmp/100%/(a).md'), 'file:///tmp/100%25/%28a%29.md');
  });

  it('the CLI\'s index: files named with spaces and accents can be linked, encoded or not', () => {
    const site = join(dir, 'cli site');
    mkdirSync(join(site, '_posts'), { recursive: true });
    mkdirSync(join(site, 'assets', 'img'), { recursive: true });
    writeFileSync(join(site, '_config.yml'), 'title: x\nplugins: [jekyll-relative-links]\n');
    writeFileSync(join(site, 'assets', 'img', 'my image.png'), '');
    writeFileSync(join(site, 'assets', 'img', 'café.png'), '');
    const text = [
      '---', 'title: B', '---',
      '![a](/assets/img/my%20image.png) ![b](</assets/img/my image.png>) ![d](/assets/img/café.png) ![e](/assets/img/caf%C3%A9.png)',
      '<img src="/assets/img/my image.png"> ![f](/assets/img/cafe.png)', '',
    ].join('\n');
    const rootUri = pathToFileURL(site).href;
    const workspace = new NodeWorkspace([rootUri]);
    const { findings } = analyze(sessionFor(workspace), source(text, `${rootUri}/_posts/2023-01-02-b.md`), { settings: DEFAULT_SETTINGS });
    assert.deepEqual(
      findings.filter((f) => f.code.startsWith('link/')).map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`),
      ['link/no-such-file /assets/img/cafe.png'],
    );
  });
});
