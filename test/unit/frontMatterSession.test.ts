import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS } from '../../server/src/core';
import { frontMatterCompletions } from '../../server/src/core/frontMatter';
import { siteOf } from '../../server/src/core/site/generator';
import { ListingMemoryWorkspace } from '../support/workspace';
import { sessionFor } from '../support/session';
import { lines, source } from './util';

/** A workspace that counts what is read from it. */
class CountingWorkspace extends ListingMemoryWorkspace {
  reads = 0;
  override readText(uri: string): string | undefined {
    this.reads++;
    return super.readText(uri);
  }
  override exists(uri: string): boolean {
    this.reads++;
    return super.exists(uri);
  }
  override list(dirUri: string): readonly string[] | undefined {
    this.reads++;
    return super.list(dirUri);
  }
}

const POST = 'file:///jk/_posts/2024-11-15-recap.md';

function site(): CountingWorkspace {
  return new CountingWorkspace(
    {
      'file:///jk/_config.yml': 'title: Hallway notes\n',
      'file:///jk/_layouts/post.html': '{{ content }}',
      'file:///jk/_posts/2024-01-01-a.md': lines('---', 'title: A', 'tags: [kubernetes]', '---', ''),
      'file:///jk/_posts/2024-01-02-b.md': lines('---', 'title: B', 'tags: [kubernetes]', '---', ''),
    },
    ['file:///jk'],
  );
}

describe('front matter and site facts in the session', () => {
  it('after the first analysis of a site, a keystroke reads no file and lists no folder', () => {
    const workspace = site();
    const session = sessionFor(workspace);
    const text = lines('---', 'title: Recap', 'tags: [kubernetis]', 'layout: ', '---', '', '# Day 1', '');
    const first = analyze(session, source(text, POST), { settings: DEFAULT_SETTINGS });
    assert.ok(first.findings.some((f) => f.code === 'front-matter/similar-tag'));
    frontMatterCompletions(first.model, text.indexOf('layout: ') + 8, { session });
    workspace.reads = 0;
    const edited = text.replace('# Day 1', '# Day 1!');
    const second = analyze(session, source(edited, POST, 2), { settings: DEFAULT_SETTINGS, previous: first.model });
    assert.ok(second.findings.some((f) => f.code === 'front-matter/similar-tag'));
    const layouts = frontMatterCompletions(second.model, edited.indexOf('layout: ') + 8, { session })!;
    assert.deepEqual(layouts.map((i) => i.label), ['post']);
    assert.equal(workspace.reads, 0);
  });

  it('a Markdown file event drops the site terms; a configuration event drops the detection', () => {
    const workspace = site();
    const session = sessionFor(workspace);
    const text = lines('---', 'title: Recap', 'tags: [kubernetis]', '---', '');
    const similar = () => analyze(session, source(text, POST), { settings: DEFAULT_SETTINGS }).findings.filter((f) => f.code === 'front-matter/similar-tag').length;
    assert.equal(similar(), 1);
    workspace.delete('file:///jk/_posts/2024-01-02-b.md');
    assert.equal(similar(), 1, 'nothing changed for the session until it hears of it');
    session.filesChanged([{ uri: 'file:///jk/_posts/2024-01-02-b.md', kind: 'deleted' }]);
    assert.equal(similar(), 0);

    const hugo = new CountingWorkspace({ 'file:///hg/content/posts/a.md': '' }, ['file:///hg']);
    const hugoSession = sessionFor(hugo);
    const generator = () => siteOf(hugoSession, 'file:///hg/content/posts/a.md').generator;
    assert.equal(generator(), 'generic');
    hugo.set('file:///hg/hugo.toml', 'baseURL = "https://x.dev/"\n');
    hugo.reads = 0;
    assert.equal(generator(), 'generic', 'detection is not repeated until the session hears of the file');
    assert.equal(hugo.reads, 0);
    hugoSession.filesChanged([{ uri: 'file:///hg/hugo.toml', kind: 'created' }]);
    assert.equal(generator(), 'hugo');
  });
});
