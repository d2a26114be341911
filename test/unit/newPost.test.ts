import { sessionFor, testSession } from '../support/session';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frontMatterCompletions } from '../../server/src/core/frontMatter';
import { analyze, buildModel, DEFAULT_SETTINGS, fixedClock } from '../../server/src/core';
import {
  frontMatterText,
  insertStyleFor,
  isIsoDate,
  newPostText,
  postPath,
  postTitle,
  slugify,
  talkText,
  type GeneratorName,
  type InsertStyle,
} from '../../server/src/core/features/newPost';
import { extractTalks } from '../../server/src/core/model/talks';
import { isPost, siteOf } from '../../server/src/core/site/generator';
import { ListingMemoryWorkspace } from '../support/workspace';
import { lines, source, summarize } from './util';

/** The one file that identifies each kind of site. */
const SITE_CONFIG: Record<Exclude<GeneratorName, 'generic'>, [string, string]> = {
  jekyll: ['_config.yml', 'title: Hallway notes\n'],
  hugo: ['hugo.toml', 'baseURL = "https://example.dev/"\n'],
  zola: ['config.toml', 'base_url = "https://example.dev"\n'],
  eleventy: ['eleventy.config.js', 'export default {};\n'],
  astro: ['astro.config.mjs', 'export default {};\n'],
  hexo: ['_config.yml', '# Hexo Configuration\nnew_post_name: :title.md\n'],
};

const POST = { conference: 'KubeCon + CloudNativeCon Europe 2025', date: '2025-04-04' };

describe('new recap post', () => {
  it('makes file-name slugs from any conference name', () => {
    assert.equal(slugify('KubeCon + CloudNativeCon Europe 2025 recap'), 'kubecon-cloudnativecon-europe-2025-recap');
    assert.equal(slugify('Journées Réseaux: São Paulo'), 'journees-reseaux-sao-paulo');
    assert.equal(slugify('🎉🎉'), 'recap');
    assert.equal(slugify('x'.repeat(500)).length, 80);
    assert.equal(postTitle('  FOSDEM   2025 '), 'FOSDEM 2025 recap');
    assert.equal(postTitle('Notes from RustWeek'), 'Notes from RustWeek');
  });

  it('accepts only real calendar dates', () => {
    assert.ok(isIsoDate('2024-02-29'));
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-5', 'tomorrow', '2024-11-15T10:00']) assert.ok(!isIsoDate(bad), bad);
  });

  it('puts the post where each generator looks for posts, named its way', () => {
    assert.equal(postPath('jekyll', POST), '_posts/2025-04-04-kubecon-cloudnativecon-europe-2025-recap.md');
    assert.equal(postPath('hugo', POST), 'content/posts/kubecon-cloudnativecon-europe-2025-recap.md');
    assert.equal(postPath('zola', POST), 'content/blog/kubecon-cloudnativecon-europe-2025-recap.md');
    assert.equal(postPath('eleventy', POST), 'posts/kubecon-cloudnativecon-europe-2025-recap.md');
    assert.equal(postPath('astro', POST), 'src/content/blog/kubecon-cloudnativecon-europe-2025-recap.md');
    assert.equal(postPath('hexo', POST), 'source/_posts/kubecon-cloudnativecon-europe-2025-recap.md');
    assert.equal(postPath('generic', POST), 'posts/kubecon-cloudnativecon-europe-2025-recap.md');
  });

  it('writes front matter that the generator detected for the site accepts, with no findings', () => {
    for (const [generator, [config, configText]] of Object.entries(SITE_CONFIG) as [GeneratorName, [string, string]][]) {
      const root = `file:///${generator}-site`;
      const uri = `${root}/${postPath(generator, POST)}`;
      const text = newPostText(generator, POST) + 'A day of talks.\n';
      const workspace = new ListingMemoryWorkspace({ [`${root}/${config}`]: configText, [uri]: text }, [root]);
      const site = siteOf(sessionFor(workspace), uri);
      assert.equal(site.generator, generator);
      assert.ok(isPost(site, uri), `${generator}: ${uri} is not where posts go`);
      const analysis = analyze(sessionFor(workspace), source(text, uri), { settings: DEFAULT_SETTINGS });
      assert.deepEqual(summarize(text, analysis), [], `${generator}:\n${text}`);
      const fm = analysis.model.frontMatter;
      assert.ok(fm, `${generator}: no front matter`);
      assert.equal(fm.data.title, 'KubeCon + CloudNativeCon Europe 2025 recap', generator);
    }
  });

  it('quotes titles so that quotes, colons and backslashes survive in YAML and TOML', () => {
    const post = { conference: 'Go: "the" \\ conf #1', date: '2024-06-01' };
    assert.match(frontMatterText('jekyll', post), /^title: "Go: \\"the\\" \\\\ conf #1 recap"$/m);
    assert.match(frontMatterText('zola', post), /^title = "Go: \\"the\\" \\\\ conf #1 recap"$/m);
    for (const generator of ['jekyll', 'zola'] as const) {
      const text = newPostText(generator, post);
      const analysis = analyze(sessionFor(new ListingMemoryWorkspace({}, [])), source(text, `file:///x/${postPath(generator, post)}`), { settings: DEFAULT_SETTINGS });
      assert.equal(analysis.model.frontMatter?.data.title, 'Go: "the" \\ conf #1 recap', generator);
    }
  });
});

describe('insert talk', () => {
  const TALK = { title: 'Scaling [beta] schedulers', speakers: 'Ada Lovelace, Example Corp; Alan Turing', videoUrl: 'https://youtu.be/AbCdEfGhIjK' };

  /** The talks of a post after `inserted` is appended to it. */
  function readBack(post: string, inserted: string) {
    const text = `${post}\n${inserted}`;
    const model = buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    return extractTalks(model).talks;
  }

  it('follows the style most of the post uses, else a link heading', () => {
    assert.equal(insertStyleFor(['prefixed', 'link-heading', 'prefixed']), 'prefixed');
    assert.equal(insertStyleFor(['speakers-in-parentheses', 'bold', 'bold', 'bold']), 'speakers-in-parentheses');
    assert.equal(insertStyleFor(['speaker-suffix', 'link-heading']), 'speaker-suffix');
    assert.equal(insertStyleFor(['list-item', 'small-speaker']), 'link-heading');
    assert.equal(insertStyleFor([]), 'link-heading');
  });

  const EXISTING: Record<InsertStyle, string> = {
    'link-heading': '### [Paved roads](https://youtu.be/aBcDeFgHiJk) (Jo Doe, Acme)',
    prefixed: '### TALK: [Paved roads](https://youtu.be/aBcDeFgHiJk) (Jo Doe, Acme)',
    'speakers-in-parentheses': '### Paved roads (Jo Doe, Acme)\n\n[Video](https://youtu.be/aBcDeFgHiJk)',
    'speaker-suffix': '### Paved roads - Jo Doe\n\n[Video](https://youtu.be/aBcDeFgHiJk)',
  };

  for (const [style, existing] of Object.entries(EXISTING) as [InsertStyle, string][]) {
    it(`writes a talk the talk model reads back in the ${style} style`, () => {
      const post = lines('---', 'title: "A recap"', '---', '', '## Day 1', '', existing, '', 'Notes.', '');
      const before = readBack(post, '');
      assert.equal(insertStyleFor(before.map((t) => t.style)), style);
      const speakers = style === 'speaker-suffix' ? 'Ada Lovelace' : TALK.speakers;
      const talks = readBack(post, talkText(style, { ...TALK, speakers }, before[0].depth));
      assert.equal(talks.length, 2);
      const added = talks[1];
      assert.equal(added.style, style);
      assert.equal(added.title, 'Scaling [beta] schedulers');
      assert.equal(added.depth, 3);
      assert.equal(added.section?.title, 'Day 1');
      assert.equal(added.video?.id, 'AbCdEfGhIjK');
      assert.deepEqual(
        added.speakers,
        style === 'speaker-suffix' ? [{ name: 'Ada Lovelace' }] : [{ name: 'Ada Lovelace', affiliation: 'Example Corp' }, { name: 'Alan Turing' }],
      );
    });
  }

  it('writes a plain heading when there is no video, on one line whatever the input', () => {
    assert.equal(talkText('link-heading', { title: ' Two\nlines ', speakers: '', videoUrl: '' }, 2), '## Two lines\n');
    assert.equal(talkText('speaker-suffix', { title: '', speakers: 'Ada', videoUrl: '' }, 9), '###### Talk title - Ada\n');
  });
});

describe('front-matter completion for a new post', () => {
  const now = new Date(2024, 10, 15);
  for (const [generator, files, uri, opening] of [
    ['Jekyll', { 'file:///s/_config.yml': 'title: x\n' }, 'file:///s/_posts/2024-11-15-recap.md', '---'],
    ['Zola', { 'file:///s/config.toml': 'base_url = "https://x.dev"\n' }, 'file:///s/content/blog/recap.md', '+++'],
  ] as const) {
    it(`offers ${generator} front matter first, as a snippet that expands to clean front matter`, () => {
      const workspace = new ListingMemoryWorkspace(files, ['file:///s']);
      const text = '---';
      const model = buildModel({ uri, version: 1, getText: () => text }, { maxFileSize: 1e9 });
      const [item] = frontMatterCompletions(model, 3, { session: testSession({ workspace, now: fixedClock(now) }) }) ?? [];
      assert.equal(item.label, `front matter (${generator})`);
      assert.equal(item.insertTextFormat, 2);
      assert.equal(item.sortText, '0');
      assert.deepEqual(item.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
      assert.ok(item.insertText.startsWith(opening));
      // Tab through it: the title placeholder keeps its default.
      const expanded = item.insertText.replace('${1:Conference recap}', 'Conference recap').replace('$0', '# Day 1') + '\n';
      const { findings } = analyze(sessionFor(workspace), { uri, version: 2, getText: () => expanded }, { settings: DEFAULT_SETTINGS });
      assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], expanded);
      assert.match(expanded, /2024-11-15/);
    });
  }

  it('offers nothing once front matter exists, or past the first line', () => {
    const model = buildModel({ uri: 'file:///x.md', version: 1, getText: () => '# Title\n\n---' }, { maxFileSize: 1e9 });
    assert.equal(frontMatterCompletions(model, model.text.length, { session: testSession() }), undefined);
  });
});
