import { sessionFor } from '../support/session';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS, resolveSettings, type Settings } from '../../server/src/core';
import { frontMatterCompletions, frontMatterHover } from '../../server/src/core/frontMatter';
import { detectGenerator, isPost, siteOf } from '../../server/src/core/site/generator';
import { ListingMemoryWorkspace } from '../support/workspace';
import { lines, source, summarize } from './util';

/** A site of each kind, as the few files that identify it. */
export const SITES = {
  jekyll: { 'file:///jk/_config.yml': 'title: Hallway notes\n', 'file:///jk/_layouts/post.html': '{{ content }}', 'file:///jk/_layouts/default.html': '' },
  hugo: { 'file:///hg/hugo.toml': 'baseURL = "https://example.dev/"\n' },
  zola: { 'file:///zl/config.toml': 'base_url = "https://example.dev"\n' },
  eleventy: { 'file:///el/eleventy.config.js': 'export default {};\n' },
  astro: { 'file:///as/astro.config.mjs': 'export default {};\n' },
  hexo: { 'file:///hx/_config.yml': '# Hexo Configuration\nnew_post_name: :title.md\n' },
} as const;

export function siteWorkspace(files: Record<string, string>): ListingMemoryWorkspace {
  const roots = [...new Set(Object.keys(files).map((uri) => /^file:\/\/\/[^/]+/.exec(uri)![0]))];
  return new ListingMemoryWorkspace(files, roots);
}

export function check(text: string, uri: string, workspace: ListingMemoryWorkspace, settings: Partial<Settings> = {}): string[] {
  const found = analyze(sessionFor(workspace), source(text, uri), { settings: { ...DEFAULT_SETTINGS, ...settings } });
  return summarize(text, found);
}

describe('site generator detection', () => {
  it('recognises each generator from its files', () => {
    for (const [name, files] of Object.entries(SITES)) {
      const ws = siteWorkspace(files);
      assert.equal(detectGenerator(ws, ws.roots[0]).generator, name);
    }
    const hugoConfig = siteWorkspace({ 'file:///h2/config.yaml': 'baseURL: https://x.dev\n' });
    assert.equal(detectGenerator(hugoConfig, 'file:///h2').generator, 'hugo');
    const posts = siteWorkspace({ 'file:///j2/_posts/2024-01-01-a.md': '' });
    assert.equal(detectGenerator(posts, 'file:///j2').generator, 'jekyll');
    const plain = siteWorkspace({ 'file:///g/README.md': '# x' });
    assert.equal(detectGenerator(plain, 'file:///g').generator, 'generic');
  });

  it('lets talkdown.site.generator override detection', () => {
    const ws = siteWorkspace(SITES.jekyll);
    const text = lines('---', 'title: x', 'date: FIXME', '---', '');
    const settings = resolveSettings({ site: { generator: 'zola' } });
    assert.equal(settings.site?.generator, 'zola');
    assert.deepEqual(resolveSettings({ site: { generator: 'wordpress' } }).site, undefined);
    // As Zola, a YAML block is checked against Zola's schema: `date` is required of a post.
    const found = check(text, 'file:///jk/content/x.md', ws, settings);
    assert.deepEqual(found, ['front-matter/placeholder@2:6-2:11 "FIXME"']);
  });

  it('knows which files are posts', () => {
    const site = { generator: 'hugo' as const, root: 'file:///hg', reason: '' };
    assert.equal(isPost(site, 'file:///hg/content/posts/kubecon/index.md'), true);
    assert.equal(isPost(site, 'file:///hg/content/posts/_index.md'), false);
    assert.equal(isPost(site, 'file:///hg/README.md'), false);
    // talkdown.site.postFolders replaces the generator's conventions.
    const settings = resolveSettings({ site: { postFolders: ['notes', './blog/'] } });
    assert.equal(isPost(site, 'file:///hg/notes/a.md', settings), true);
    assert.equal(isPost(site, 'file:///hg/blog/b.md', settings), true);
    assert.equal(isPost(site, 'file:///hg/content/posts/c.md', settings), false);
  });

  it('finds the site in a sub-folder of the workspace folder, nearest first', () => {
    const ws = new ListingMemoryWorkspace(
      {
        'file:///repo/README.md': '# Sites',
        'file:///repo/jekyll-blog/_config.yml': 'title: x\n',
        'file:///repo/zola-blog/config.toml': 'base_url = "https://x.dev"\n',
        'file:///repo/zola-blog/content/blog/notes.md': '',
      },
      ['file:///repo'],
    );
    assert.deepEqual(siteOf(sessionFor(ws), 'file:///repo/jekyll-blog/_posts/2024-01-01-a.md'), { generator: 'jekyll', root: 'file:///repo/jekyll-blog', reason: 'found _config.yml' });
    const zola = siteOf(sessionFor(ws), 'file:///repo/zola-blog/content/blog/notes.md');
    assert.equal(zola.generator, 'zola');
    assert.equal(zola.root, 'file:///repo/zola-blog');
    assert.equal(siteOf(sessionFor(ws), 'file:///repo/README.md').generator, 'generic');
    // Hugo's archetypes are templates: their front matter is template code, not TOML.
    const hugo = siteWorkspace({ ...SITES.hugo, 'file:///hg/archetypes/default.md': '' });
    const archetype = lines('+++', "title = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'", 'date = {{ .Date }}', '+++', '');
    assert.deepEqual(check(archetype, 'file:///hg/archetypes/default.md', hugo), []);
    assert.equal(check(archetype, 'file:///hg/content/posts/a.md', hugo)[0].split('@')[0], 'front-matter/syntax');
    // A missing post front matter is found in the nested Jekyll site.
    assert.deepEqual(check('# Day 1\n', 'file:///repo/jekyll-blog/_posts/2024-01-01-a.md', ws).map((f) => f.split('@')[0]), ['front-matter/missing']);
  });
});

describe('front-matter schema findings, Jekyll', () => {
  const ws = siteWorkspace({
    ...SITES.jekyll,
    'file:///jk/_posts/2024-01-01-a.md': lines('---', 'title: A', 'tags: [kubernetes, go]', '---', ''),
    'file:///jk/_posts/2024-01-02-b.md': lines('---', 'title: B', 'tags: kubernetes ebpf', '---', ''),
    'file:///jk/_posts/2024-01-03-c.md': lines('---', 'title: C', 'tags: [kubernetes]', '---', ''),
  });
  const post = 'file:///jk/_posts/2024-11-15-kubecon.md';

  it('accepts a correct post, with its date in the file name only', () => {
    assert.deepEqual(check(lines('---', 'layout: post', 'title: "KubeCon: day 1"', 'tags: kubernetes go', 'custom_thing: 3', '---', '# Hi', ''), post, ws), []);
    assert.deepEqual(check(lines('---', 'title: x', 'date: 2024-11-15 09:30:00 -0500', 'categories: [a, b]', '---', ''), post, ws), []);
  });

  it('reports an unknown key close to a known one, on the key', () => {
    assert.deepEqual(check(lines('---', 'title: x', 'catagories: [a]', '---', ''), post, ws), [
      'front-matter/unknown-key@2:0-2:10 "catagories"',
    ]);
  });

  it('reports wrong types on the value, and list items one by one', () => {
    assert.deepEqual(check(lines('---', 'title: x', 'published: maybe', 'tags: [go, 2024]', '---', ''), post, ws), [
      'front-matter/wrong-type@2:11-2:16 "maybe"',
      'front-matter/wrong-type@3:11-3:15 "2024"',
    ]);
  });

  it('reports impossible dates that YAML would read anyway, and unreadable ones', () => {
    assert.deepEqual(check(lines('---', 'title: x', 'date: 2024-13-45', '---', ''), post, ws), ['front-matter/invalid-date@2:6-2:16 "2024-13-45"']);
    assert.deepEqual(check(lines('---', 'title: x', "date: '15/11/2024'", '---', ''), post, ws), [
      'front-matter/invalid-date@2:6-2:18 "\'15/11/2024\'"',
    ]);
  });

  it('reports a missing title on the opening line, an empty title on the value', () => {
    assert.deepEqual(check(lines('---', 'tags: [go]', '---', ''), post, ws), ['front-matter/missing-field@0:0-0:3 "---"']);
    assert.deepEqual(check(lines('---', 'title: ""', '---', ''), post, ws), ['front-matter/empty-title@1:7-1:9 "\\"\\""']);
  });

  it('reports a date that disagrees with the file name', () => {
    assert.deepEqual(check(lines('---', 'title: x', 'date: 2024-11-16 09:00:00 -0500', '---', ''), post, ws), [
      'front-matter/filename-date-mismatch@2:6-2:31 "2024-11-16 09:00:00 -0500"',
    ]);
  });

  it('reports a post without front matter, and not a page', () => {
    assert.deepEqual(check(lines('## Day 1', 'text', ''), post, ws), ['front-matter/missing@0:0-0:8 "## Day 1"']);
    assert.deepEqual(check(lines('## About', ''), 'file:///jk/about.md', ws), []);
  });

  it('reports placeholders instead of an invalid date', () => {
    assert.deepEqual(check(lines('---', 'title: x', 'date: FIXME', '---', ''), 'file:///jk/_posts/notes.md', ws), ['front-matter/placeholder@2:6-2:11 "FIXME"']);
  });

  it('reports a tag that looks like a misspelling of one used across the site', () => {
    assert.deepEqual(check(lines('---', 'title: x', 'tags: [kuberentes, go, rust]', '---', ''), post, ws), [
      'front-matter/similar-tag@2:7-2:17 "kuberentes"',
    ]);
    assert.deepEqual(check(lines('---', 'title: x', 'tags: Kubernetes', '---', ''), post, ws), ['front-matter/similar-tag@2:6-2:16 "Kubernetes"']);
  });

  it('applies talkdown.frontMatter.required', () => {
    const settings = resolveSettings({ frontMatter: { required: ['description'] } });
    assert.deepEqual(check(lines('---', 'title: x', '---', ''), post, ws, settings), ['front-matter/missing-field@0:0-0:3 "---"']);
  });
});

describe('front-matter schema findings, Hugo, Zola and others', () => {
  it('Hugo with YAML: date required, lists of strings, booleans', () => {
    const ws = siteWorkspace(SITES.hugo);
    const uri = 'file:///hg/content/posts/kubecon.md';
    assert.deepEqual(check(lines('---', 'title: x', 'date: 2024-11-15T09:30:00-05:00', 'aliases: [/old/]', 'draft: true', '---', ''), uri, ws), []);
    assert.deepEqual(check(lines('---', 'title: x', 'date: Fri, 15 Nov 2024 09:30:00 -0500', 'slug: k', '---', ''), uri, ws), []);
    assert.deepEqual(check(lines('---', 'title: x', 'draft: "no"', 'tags: go', '---', ''), uri, ws), [
      'front-matter/missing-field@0:0-0:3 "---"',
      'front-matter/wrong-type@2:7-2:11 "\\"no\\""',
      'front-matter/wrong-type@3:6-3:8 "go"',
    ]);
  });

  it('Hugo with TOML and JSON', () => {
    const ws = siteWorkspace(SITES.hugo);
    const uri = 'file:///hg/content/posts/kubecon.md';
    assert.deepEqual(check(lines('+++', 'title = "x"', 'date = 2024-11-15', 'tags = ["a"]', '+++', ''), uri, ws), []);
    assert.deepEqual(check(lines('+++', 'title = "x"', 'date = 2024-11-15', 'tags = ["a", 1]', '+++', ''), uri, ws), ['front-matter/wrong-type@3:13-3:14 "1"']);
    assert.deepEqual(check(lines('{', '  "title": "x",', '  "date": "2024-11-31"', '}', ''), uri, ws), ['front-matter/invalid-date@2:10-2:22 "\\"2024-11-31\\""']);
  });

  it('Zola: taxonomies and extra tables, unknown top-level keys are errors', () => {
    const ws = siteWorkspace(SITES.zola);
    const uri = 'file:///zl/content/blog/devconf.md';
    const ok = lines('+++', 'title = "Notes"', 'date = 2024-03-02', '[taxonomies]', 'tags = ["rust"]', '[extra]', 'toc = true', '+++', '');
    assert.deepEqual(check(ok, uri, ws), []);
    assert.deepEqual(check(lines('+++', 'title = "Blog"', 'sort_by = "date"', '+++', ''), 'file:///zl/content/blog/_index.md', ws), []);
    const bad = lines('+++', 'title = "Notes"', 'date = 2024-03-02', 'toc = true', 'tittle = "x"', '[taxonomies]', 'tags = "rust"', '+++', '');
    const found = analyze(sessionFor(ws), source(bad, uri), { settings: DEFAULT_SETTINGS }).findings;
    assert.deepEqual(summarize(bad, { model: undefined as never, findings: found }), [
      'front-matter/unknown-key@3:0-3:3 "toc"',
      'front-matter/unknown-key@4:0-4:6 "tittle"',
      'front-matter/wrong-type@6:7-6:13 "\\"rust\\""',
    ]);
    assert.equal(found[0].severity, 1);
    assert.match(found[1].message, /did you mean "title"/);
  });

  it('Eleventy, Astro and Hexo', () => {
    assert.deepEqual(check(lines('---', 'title: x', 'date: Last Modified', '---', ''), 'file:///el/posts/a.md', siteWorkspace(SITES.eleventy)), []);
    assert.deepEqual(check(lines('---', 'pubDate: 2024-11-15', '---', ''), 'file:///as/src/content/blog/a.md', siteWorkspace(SITES.astro)), [
      'front-matter/missing-field@0:0-0:3 "---"',
    ]);
    const hexo = siteWorkspace(SITES.hexo);
    assert.deepEqual(check(lines('title: x', 'date: 2024-11-15 10:00:00', '---', 'Body', ''), 'file:///hx/source/_posts/a.md', hexo), []);
    assert.deepEqual(check(lines('---', 'title: x', 'date: 2024-11-15', 'categories: [[a, b], c]', '---', ''), 'file:///hx/source/_posts/a.md', hexo), []);
  });

  it('reports nothing new for files outside a site', () => {
    assert.deepEqual(check(lines('---', 'title: x', 'whatever: [1]', '---', '# x', ''), 'file:///loose/notes.md', new ListingMemoryWorkspace()), []);
  });
});

describe('user schemas', () => {
  const files = { ...SITES.hugo, 'file:///hg/fm.schema.json': JSON.stringify({ type: 'object', required: ['title', 'speaker'], properties: { speaker: { type: 'string', description: 'Who spoke.' } } }) };
  const uri = 'file:///hg/content/posts/a.md';

  it('replaces the built-in schema', () => {
    const settings = resolveSettings({ frontMatter: { schema: 'fm.schema.json' } });
    assert.deepEqual(check(lines('---', 'title: x', 'speaker: 3', '---', ''), uri, siteWorkspace(files), settings), ['front-matter/wrong-type@2:9-2:10 "3"']);
  });

  it('gives one clear finding naming the setting when the schema is missing or invalid', () => {
    for (const [path, extra] of [['nope.json', {}], ['bad.json', { 'file:///hg/bad.json': '{ "type": 12' }], ['wrong.json', { 'file:///hg/wrong.json': '{"type": "thing"}' }]] as const) {
      const settings = resolveSettings({ frontMatter: { schema: path } });
      const found = analyze(sessionFor(siteWorkspace({ ...files, ...extra })), source(lines('---', 'title: x', 'date: 2024-01-01', '---', ''), uri), { settings: { ...DEFAULT_SETTINGS, ...settings } }).findings;
      assert.deepEqual(found.map((f) => f.code), ['front-matter/invalid-schema'], path);
      assert.match(found[0].message, /talkdown\.frontMatter\.schema/);
    }
  });
});

describe('bad input stays fast and safe', () => {
  const ws = siteWorkspace(SITES.zola);
  it('50,000 keys, a large block and deep nesting finish with findings', () => {
    const many = '+++\n' + Array.from({ length: 3_000 }, (_, i) => `k${i} = ${i}`).join('\n') + '\n+++\n';
    const found = analyze(sessionFor(ws), source(many, 'file:///zl/content/a.md'), { settings: DEFAULT_SETTINGS }).findings;
    assert.equal(found.filter((f) => f.code === 'front-matter/unknown-key').length, 50);
    const huge = '+++\n' + Array.from({ length: 50_000 }, (_, i) => `k${i} = ${i}`).join('\n') + '\n+++\n';
    assert.deepEqual(analyze(sessionFor(ws), source(huge, 'file:///zl/content/a.md'), { settings: DEFAULT_SETTINGS }).findings.map((f) => f.code), ['front-matter/too-large']);
    const yaml = '---\ntitle: x\n' + Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\n---\n';
    assert.ok(analyze(sessionFor(ws), source(yaml, 'file:///zl/content/b.md'), { settings: DEFAULT_SETTINGS }).findings.length >= 1);
    const deep = '---\ntitle: x\ndate: 2024-01-01\nextra: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n---\n';
    assert.ok(analyze(sessionFor(ws), source(deep, 'file:///zl/content/c.md'), { settings: DEFAULT_SETTINGS }).findings.length >= 1);
  });
});

describe('completion and hover', () => {
  const ws = siteWorkspace({
    ...SITES.jekyll,
    'file:///jk/_posts/2024-01-01-a.md': lines('---', 'title: A', 'tags: [kubernetes, go]', '---', ''),
    'file:///jk/_posts/2024-01-02-b.md': lines('---', 'title: B', 'tags: [kubernetes]', '---', ''),
  });
  const model = (text: string, uri = 'file:///jk/_posts/2024-11-15-x.md') => analyze(sessionFor(ws), source(text, uri), { settings: DEFAULT_SETTINGS }).model;

  it('offers the generator’s keys with documentation, leaving out those present', () => {
    const text = lines('---', 'title: x', 'ta', '---', '');
    const items = frontMatterCompletions(model(text), text.indexOf('ta\n') + 2, { session: sessionFor(ws) })!;
    assert.ok(items.some((i) => i.label === 'tags' && i.insertText === 'tags: ' && i.documentation));
    assert.ok(!items.some((i) => i.label === 'title'));
  });

  it('offers layouts and the site’s tags, most used first', () => {
    const text = lines('---', 'layout: ', 'tags: [go, ', '---', '');
    const layouts = frontMatterCompletions(model(text), text.indexOf('layout: ') + 8, { session: sessionFor(ws) })!;
    assert.deepEqual(layouts.map((i) => i.label), ['default', 'post']);
    const tags = frontMatterCompletions(model(text), text.indexOf('[go, ') + 5, { session: sessionFor(ws) })!;
    assert.deepEqual(tags.map((i) => [i.label, i.detail]), [['kubernetes', 'used in 2 posts']]);
    const zola = siteWorkspace({ ...SITES.zola, 'file:///zl/content/a.md': lines('+++', 'title = "a"', '[taxonomies]', 'tags = ["rust"]', '+++', '') });
    const toml = lines('+++', 'title = "b"', '[taxonomies]', 'tags = [', '+++', '');
    const zm = analyze(sessionFor(zola), source(toml, 'file:///zl/content/b.md'), { settings: DEFAULT_SETTINGS }).model;
    assert.deepEqual(frontMatterCompletions(zm, toml.indexOf('= [') + 3, { session: sessionFor(zola) })!.map((i) => i.insertText), ['"rust"']);
  });

  it('shows a key’s documentation on hover', () => {
    const text = lines('---', 'permalink: /x/', '---', '');
    const hover = frontMatterHover(model(text), text.indexOf('permalink') + 2, { session: sessionFor(ws) });
    assert.ok(hover);
    assert.match(hover.contents.value, /^\*\*permalink\*\* · Jekyll/);
    assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
    assert.equal(frontMatterHover(model(text), text.indexOf('/x/'), { session: sessionFor(ws) }), null);
  });
});
