import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS } from '../../server/src/core';
import { eleventyFacts } from '../../server/src/core/links/siteFacts';
import { sessionFor } from '../support/session';
import { ListingMemoryWorkspace } from '../support/workspace';
import { lines, source } from './util';

const ROOT = 'file:///blog';

/** Link findings of one file of a site held in memory, as `code "covered text"`. */
function linkFindings(files: Record<string, string>, uri: string): string[] {
  const workspace = new ListingMemoryWorkspace(files, [ROOT]);
  const text = files[uri];
  const { findings } = analyze(sessionFor(workspace), source(text, uri), { settings: DEFAULT_SETTINGS });
  return findings
    .filter((f) => f.code.startsWith('link/'))
    .sort((a, b) => a.span.start - b.span.start)
    .map((f) => `${f.code} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`);
}

const page = (title: string, ...body: string[]) => lines('---', `title: ${title}`, '---', ...body, '');

describe('served addresses', () => {
  it('Jekyll: /notes/tool is answered with notes/tool.html; /notes/tool/ is not', () => {
    const files = {
      [`${ROOT}/_config.yml`]: 'title: t\n',
      [`${ROOT}/notes/tool.md`]: page('Tool', 'text'),
      [`${ROOT}/about.md`]: lines('---', 'permalink: /about', '---', 'me', ''),
      [`${ROOT}/index.md`]: page('Home', '[a](/notes/tool) [b](/notes/tool.html) [c](/notes/tool/) [d](/about) [e](/about.html) [f](/nowhere)'),
    };
    assert.deepEqual(linkFindings(files, `${ROOT}/index.md`), ['link/no-such-file "/notes/tool/"', 'link/no-such-file "/nowhere"']);
  });

  it('Hugo: a front-matter url without an extension is a folder', () => {
    const files = {
      [`${ROOT}/hugo.toml`]: 'baseURL = "https://talks.example.org/"\n',
      [`${ROOT}/content/posts/deploy.md`]: lines('---', 'title: Deploy', 'url: "/deploying-with-hooks"', '---', 'x', ''),
      [`${ROOT}/content/posts/later.md`]: page('Later', '[a](/deploying-with-hooks/) [b](https://talks.example.org/deploying-with-hooks/) [c](/deploying-with-hook/)'),
    };
    assert.deepEqual(linkFindings(files, `${ROOT}/content/posts/later.md`), ['link/no-such-file "/deploying-with-hook/"']);
  });
});

describe('Eleventy transforms', () => {
  const config = (plugins: string) => `import { InputPathToUrlTransformPlugin } from "@11ty/eleventy";\nexport default function (c) {\n${plugins}\n}\nexport const config = { dir: { input: "src" } };\n`;
  const site = (plugins: string) => ({
    [`${ROOT}/eleventy.config.js`]: config(plugins),
    [`${ROOT}/src/index.njk`]: '---\ntitle: Home\n---\n<h1>Home</h1>\n',
    [`${ROOT}/src/talks/keynote.md`]: page('Keynote', '## Q and A'),
    [`${ROOT}/src/talks/day-two/notes.md`]: page('Notes', 'n'),
    [`${ROOT}/src/talks/day-two/stage.png`]: '',
    [`${ROOT}/src/talks/recap.md`]: page(
      'Recap',
      '[a](/talks/keynote.md) [b](talks/keynote.md#q-and-a) [c](./keynote.md) [d](index.njk) [e](src/talks/keynote.md) [f](./missing.md)',
      '',
      '![s](day-two/stage.png) ![t](/talks/day-two/stage.png) ![u](day-two/gone.png)',
    ),
  });

  it('InputPathToUrl: a template path, from the input folder first, then from the file, becomes its page', () => {
    // The fragment is kept and checked on that page (no heading ids without markdown-it-anchor).
    assert.deepEqual(linkFindings(site('c.addPlugin(InputPathToUrlTransformPlugin);'), `${ROOT}/src/talks/recap.md`).filter((f) => !f.includes('png')), ['link/missing-anchor "talks/keynote.md#q-and-a"', 'link/no-such-file "./missing.md"']);
  });

  it('without the transform, links to templates stay as written and are broken', () => {
    const found = linkFindings(site(''), `${ROOT}/src/talks/recap.md`).filter((f) => !f.includes('png'));
    assert.equal(found.length, 6);
  });

  it('the image transform reads an image source next to the template, or in the input folder', () => {
    const withImages = site('c.addPlugin(eleventyImageTransformPlugin, { formats: ["webp"] });');
    assert.deepEqual(linkFindings(withImages, `${ROOT}/src/talks/recap.md`).filter((f) => f.includes('png')), ['link/no-such-file "day-two/gone.png"']);
    // Without it, the browser resolves them against the page's address /talks/recap/.
    assert.equal(linkFindings(site(''), `${ROOT}/src/talks/recap.md`).filter((f) => f.includes('png')).length, 3);
  });

  it('reads the plugins however they are named', () => {
    assert.equal(eleventyFacts('module.exports = (c) => { c.addPlugin(eleventy.InputPathToUrlTransformPlugin); };').rewritesMarkdownLinks, true);
    assert.equal(eleventyFacts('export default async (c) => { c.addPlugin(await c.resolvePlugin("@11ty/eleventy/inputpath-to-url-plugin")); };').rewritesMarkdownLinks, true);
    assert.equal(eleventyFacts('// c.addPlugin(InputPathToUrlTransformPlugin)\n').rewritesMarkdownLinks, false);
    assert.equal(eleventyFacts('c.addPlugin(img.eleventyImageTransformPlugin)').imageTransform, true);
  });
});

describe('Hugo sites configured in config/_default/', () => {
  const site = (extra: Record<string, string> = {}) => ({
    [`${ROOT}/archetypes/default.md`]: '---\ntitle: ""\n---\n',
    [`${ROOT}/config/_default/hugo.yaml`]: "baseURL: 'https://notes.example.org/'\nuglyURLs: true\n",
    [`${ROOT}/config/_default/permalinks.yaml`]: "posts: '/:year/:month/:day/:slugorfilename'\nguides: '/:sections[:2]/:slugorfilename'\n",
    [`${ROOT}/config/_default/frontmatter.yaml`]: "date: [':filename', ':default']\n",
    [`${ROOT}/config/_default/markup.yaml`]: 'goldmark:\n  parser:\n    attribute:\n      block: true\n',
    [`${ROOT}/content/posts/2023-04-02-first-steps.md`]: page('First steps', 'Intro.', '{#intro-para}'),
    [`${ROOT}/content/guides/_index.md`]: page('Guides'),
    [`${ROOT}/content/guides/setup/_index.md`]: page('Setup'),
    [`${ROOT}/content/guides/setup/network/install.md`]: page('Install', 'Steps.'),
    [`${ROOT}/content/guides/setup/network/tuning.md`]: lines('---', 'title: Tuning', 'aliases: [old-tuning.html]', '---', 'More.', ''),
    ...extra,
  });

  it('uglyURLs, :slugorfilename with dates and slugs from file names, :sections[:2], relative aliases', () => {
    const post = `${ROOT}/content/posts/2023-05-01-later.md`;
    const files = site({
      [post]: page(
        'Later',
        '[a](/2023/04/02/first-steps.html) [b](/2023/04/02/first-steps) [c](/2023/04/02/first-steps/) [d](/2023/04/02/2023-04-02-first-steps.html)',
        '[e](/guides/setup/install.html) [f](/guides/setup/tuning.html) [g](/guides/setup/old-tuning.html) [h](/guides/setup.html) [i](/guides/setup/network/install.html)',
        '[j](/2023/04/02/first-steps.html#intro-para) [k](/2023/04/02/first-steps.html#outro-para)',
      ),
    });
    assert.deepEqual(linkFindings(files, post), [
      'link/no-such-file "/2023/04/02/first-steps/"',
      'link/no-such-file "/2023/04/02/2023-04-02-first-steps.html"',
      'link/no-such-file "/guides/setup/network/install.html"',
      'link/missing-anchor "/2023/04/02/first-steps.html#outro-para"',
    ]);
  });

  it('a relative link resolves against the ugly address; a {#id} line is an anchor only with block attributes on', () => {
    const uri = `${ROOT}/content/guides/setup/network/install.md`;
    const files = site({ [uri]: page('Install', 'See [tuning](tuning#knobs), [nothing](tunning), [here](#here).', '', 'Text.', '  {#knobs}', '') });
    files[`${ROOT}/content/guides/setup/network/tuning.md`] = page('Tuning', 'Knobs.', '{#knobs}');
    assert.deepEqual(linkFindings(files, uri), ['link/no-such-file "tunning"', 'link/missing-anchor "#here"']);
    files[`${ROOT}/config/_default/markup.yaml`] = 'goldmark:\n  parser:\n    attribute:\n      block: false\n';
    assert.deepEqual(linkFindings(files, uri), ['link/missing-anchor "tuning#knobs"', 'link/no-such-file "tunning"', 'link/missing-anchor "#here"']);
  });
});

describe('smaller address rules', () => {
  it('Jekyll: a post dated with an offset is addressed in the site timezone', () => {
    const files = (tz: string) => ({
      [`${ROOT}/_config.yml`]: `title: t\npermalink: /:year/:month/:day/:title/\n${tz}`,
      [`${ROOT}/_posts/2024-05-16-late-talk.md`]: lines('---', 'title: Late', 'date: 2024-05-16 23:30:00 -0800', '---', 'x', ''),
      [`${ROOT}/index.md`]: page('Home', '[a](/2024/05/17/late-talk/) [b](/2024/05/16/late-talk/)'),
    });
    assert.deepEqual(linkFindings(files('timezone: Europe/Paris\n'), `${ROOT}/index.md`), ['link/no-such-file "/2024/05/16/late-talk/"']);
    assert.deepEqual(linkFindings(files('timezone: Pacific/Honolulu\n'), `${ROOT}/index.md`), ['link/no-such-file "/2024/05/17/late-talk/"']);
  });

  it('Hugo: robots.txt with enableRobotsTXT, 404.html from a 404 template', () => {
    const files = (config: string, extra: Record<string, string> = {}) => ({
      [`${ROOT}/hugo.toml`]: `baseURL = "https://notes.example.org/"\n${config}`,
      [`${ROOT}/content/posts/a.md`]: page('A', '[r](/robots.txt) [n](/404.html)'),
      ...extra,
    });
    assert.deepEqual(linkFindings(files(''), `${ROOT}/content/posts/a.md`), ['link/no-such-file "/robots.txt"', 'link/no-such-file "/404.html"']);
    assert.deepEqual(linkFindings(files('enableRobotsTXT = true\n', { [`${ROOT}/themes/plain/layouts/404.html`]: '<h1>Lost</h1>' }), `${ROOT}/content/posts/a.md`), []);
  });
});

describe('Hugo translations by file name', () => {
  it('index.fr.md is served under /fr/, a relative url too; its section and home exist', () => {
    const files = {
      [`${ROOT}/hugo.yaml`]: "baseURL: 'https://notes.example.org/'\ndefaultContentLanguage: en\nlanguages:\n  en:\n    weight: 1\n  fr:\n    weight: 2\n",
      [`${ROOT}/content/blog/first/index.en.md`]: page('First', 'x'),
      [`${ROOT}/content/blog/first/index.fr.md`]: page('Premier', 'x'),
      [`${ROOT}/content/blog/second/index.fr.md`]: lines('---', 'title: Second', 'url: "deuxieme"', '---', 'x', ''),
      [`${ROOT}/content/blog/third/index.en.md`]: page('Third', '[a](/fr/blog/first/) [b](/blog/first/) [c](/fr/deuxieme/) [d](/deuxieme/) [e](/fr/) [f](/fr/blog/) [g](/blog/first.fr/)'),
    };
    assert.deepEqual(linkFindings(files, `${ROOT}/content/blog/third/index.en.md`), ['link/no-such-file "/deuxieme/"', 'link/no-such-file "/blog/first.fr/"']);
  });
});
