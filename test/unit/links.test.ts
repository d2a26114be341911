import { sessionFor } from '../support/session';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS, type Settings } from '../../server/src/core';
import { codeFixes } from '../../server/src/core';
import { linkContext } from '../../server/src/core/links/context';
import { documentLinkTargets, linkCompletions } from '../../server/src/core/links/navigation';
import { ListingMemoryWorkspace } from '../support/workspace';
import { lines, source } from './util';

const ROOT = 'file:///site';

/** Link findings of one post in a site held in memory, as `code "covered text"`. */
function linkFindings(files: Record<string, string>, uri: string, settings: Partial<Settings> = {}): string[] {
  const workspace = new ListingMemoryWorkspace(files, [ROOT]);
  const text = files[uri];
  const { findings } = analyze(sessionFor(workspace), source(text, uri), { settings: { ...DEFAULT_SETTINGS, ...settings } });
  return findings
    .filter((f) => f.code.startsWith('link/'))
    .sort((a, b) => a.span.start - b.span.start)
    .map((f) => `${f.code} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`);
}

const JEKYLL = {
  [`${ROOT}/_config.yml`]: 'title: x\npermalink: pretty\n',
  [`${ROOT}/assets/img/arch.png`]: '',
  [`${ROOT}/assets/img/Team.jpg`]: '',
  [`${ROOT}/_posts/2024-11-20-kubecon.md`]: lines('---', 'title: KubeCon', '---', '## Keynote', '', '### Day 2 {#second-day}', ''),
  [`${ROOT}/_posts/2024-12-01-fosdem.md`]: lines('---', 'title: FOSDEM', 'slug: fosdem-notes', '---', '# FOSDEM', ''),
  [`${ROOT}/about.md`]: '# About\n',
};
const POST = `${ROOT}/_posts/2025-01-10-recap.md`;

function jekyll(body: string): string[] {
  return linkFindings({ ...JEKYLL, [POST]: lines('---', 'title: Recap', '---', body, '') }, POST);
}

describe('link findings (Jekyll)', () => {
  it('a post whose links are all fine has no finding, but those the built site lacks', () => {
    // Relative paths resolve against the post's address, `.html` and `.md` names are not served
    // with pretty permalinks, and a site without plugins makes no tag or month pages.
    assert.deepEqual(
      jekyll(
        lines(
          '# Recap',
          '![arch](/assets/img/arch.png) ![arch](../assets/img/arch.png)',
          '[prev](/2024/11/20/kubecon/#keynote) [prev](/2024/11/20/kubecon.html) [slug](/2024/12/01/fosdem-notes/)',
          '[file](./2024-11-20-kubecon.html) [src](2024-11-20-kubecon.md#second-day) [about](/about.html)',
          '[post]({% post_url 2024-11-20-kubecon %}) [link]({% link about.md %}) [self](#recap)',
          '<img src="/assets/img/arch.png"> <a href="/2024/11/20/kubecon/#second-day">x</a>',
          '[tags](/tags/kubernetes/) [month](/2024/11/) [web](https://example.dev) [mail](mailto:a@example.dev)',
          '[ref][r] [^1]',
          '',
          '[r]: https://example.dev/r',
          '[^1]: A note.',
        ),
      ),
      [
        'link/no-such-file "../assets/img/arch.png"',
        'link/no-such-file "/2024/11/20/kubecon.html"',
        'link/no-such-file "./2024-11-20-kubecon.html"',
        'link/no-such-file "2024-11-20-kubecon.md#second-day"',
        'link/no-such-file "/about.html"',
        'link/no-such-file "/tags/kubernetes/"',
        'link/no-such-file "/2024/11/"',
      ],
    );
  });

  it('missing files, images and posts', () => {
    assert.deepEqual(
      jekyll(lines('# R', '![a](/assets/img/nope.png) [b](missing.md) [c]({% post_url 2020-01-01-gone %}) [d](/2024/11/20/gone/) <img src="x.png">')),
      ['link/no-such-file "/assets/img/nope.png"', 'link/no-such-file "missing.md"', 'link/no-such-file "2020-01-01-gone"', 'link/no-such-file "/2024/11/20/gone/"', 'link/no-such-file "x.png"'],
    );
  });

  it('missing anchors in this post and in another one', () => {
    assert.deepEqual(jekyll(lines('# Recap', '[a](#recapp) [b](/2024/11/20/kubecon/#key-note) [c](/2024/11/20/kubecon/#second-day)')), [
      'link/missing-anchor "#recapp"',
      'link/missing-anchor "/2024/11/20/kubecon/#key-note"',
    ]);
  });

  it('case-only mismatches', () => {
    assert.deepEqual(jekyll(lines('# R', '![t](/assets/img/team.jpg) ![a](/Assets/img/arch.png)')), ['link/case-mismatch "/assets/img/team.jpg"', 'link/case-mismatch "/Assets/img/arch.png"']);
  });

  it('empty destinations, missing schemes, malformed URLs, YouTube ids, inverted syntax', () => {
    assert.deepEqual(
      jekyll(
        lines(
          '# R',
          '[a]() <img src=""> [b](example.dev) [c](www.example.org/talks) [d](notes.md)',
          '[e](htps://example.dev) [f](<https://exa mple.dev>) [g](https://www.youtube.com/watch?v=abc) [h](https://youtu.be/dQw4w9WgXcQ)',
          'See (the slides)[https://example.dev/slides].',
        ),
      ),
      [
        'link/empty-destination "[a]()"',
        'link/empty-destination "<img src=\\"\\""',
        'link/missing-scheme "example.dev"',
        'link/missing-scheme "www.example.org/talks"',
        'link/no-such-file "notes.md"',
        'link/malformed-url "htps://example.dev"',
        'link/malformed-url "https://exa mple.dev"',
        'link/invalid-youtube-id "https://www.youtube.com/watch?v=abc"',
        'link/inverted-syntax "(the slides)[https://example.dev/slides]"',
      ],
    );
  });

  it('references and footnotes: undefined, unused, duplicate', () => {
    assert.deepEqual(
      jekyll(lines('# R', 'See [the talk][talk] and [this][] and [^a] and [^b].', '', '[unused]: https://example.dev', '', '[^a]: One.', '[^a]: Again.', '[^c]: Never used.')),
      [
        'link/undefined-reference "talk"',
        'link/undefined-reference "this"',
        'link/undefined-footnote "[^b]"',
        'link/unused-definition "[unused]: https://example.dev"',
        'link/duplicate-footnote "[^a]: Again."',
        'link/unused-footnote "[^c]: Never used."',
      ],
    );
  });

  it('template tags, footnote ids and #top are not links to check', () => {
    assert.deepEqual(jekyll(lines('# R', '{{ site.data.talks[page.slug][0] }} {% if a[1][2] %}x{% endif %}', '[back](#top) [note](#fn:1) [ref](#fnref:1)')), []);
  });

  it('never checks code, code spans, comments or raw blocks', () => {
    assert.deepEqual(
      jekyll(lines('# R', '`[a](nope.png)` <!-- [b](gone.md) -->', '', '```md', '[c](gone.md) [^x] (t)[https://x.dev]', '```', '', '{% raw %}', '[d](gone.md) {{< ref "gone.md" >}}', '{% endraw %}')),
      [],
    );
  });
});

describe('link findings (Hugo)', () => {
  const HUGO = {
    [`${ROOT}/hugo.toml`]: 'baseURL = "https://example.dev/"\n',
    [`${ROOT}/static/images/logo.png`]: '',
    [`${ROOT}/content/posts/a.md`]: lines('---', 'title: A', '---', '## Gateway API', '', '## Q&A {#questions}', ''),
    [`${ROOT}/content/posts/bundle/index.md`]: lines('---', 'title: B', 'slug: b-slug', '---', '## Routes', ''),
    [`${ROOT}/content/posts/bundle/routes.png`]: '',
  };
  const post = `${ROOT}/content/posts/c.md`;
  const hugo = (body: string) => linkFindings({ ...HUGO, [post]: lines('---', 'title: C', '---', body, '') }, post);

  it('static/, page bundles, ref and relref, figure, rendered addresses', () => {
    assert.deepEqual(
      hugo(
        lines(
          '# C',
          '![l](/images/logo.png) ![r](../b-slug/routes.png) [a](/posts/a/#gateway-api) [a](../a/#questions) [b](/posts/b-slug/#routes)',
          '[r]({{< ref "a.md#questions" >}}) [r]({{< relref "posts/bundle/index.md" >}}) {{< figure src="/images/logo.png" >}}',
        ),
      ),
      [],
    );
  });

  it('an alias in front matter is an address of the page', () => {
    const files = { ...HUGO, [`${ROOT}/content/posts/old.md`]: lines('---', 'title: Old', 'aliases: ["/2019/old-name/"]', '---', '# Old', '') };
    assert.deepEqual(linkFindings({ ...files, [post]: lines('---', 'title: C', '---', '[o](/2019/old-name/) [p](/posts/old/)', '') }, post), []);
  });

  it('reports what is not there', () => {
    assert.deepEqual(hugo(lines('# C', '![l](/images/gone.png) [a](/posts/a/#nope) [r]({{< ref "gone.md" >}}) {{< figure src="/images/x.png" >}} [p](/posts/gone/)')), [
      'link/no-such-file "/images/gone.png"',
      'link/missing-anchor "/posts/a/#nope"',
      'link/no-such-file "gone.md"',
      'link/no-such-file "/images/x.png"',
      'link/no-such-file "/posts/gone/"',
    ]);
  });
});

describe('link findings (Zola)', () => {
  const ZOLA = {
    [`${ROOT}/config.toml`]: 'base_url = "https://example.dev"\n',
    [`${ROOT}/static/img/flow.png`]: '',
    [`${ROOT}/content/blog/_index.md`]: '+++\ntitle = "Blog"\n+++\n',
    [`${ROOT}/content/blog/2024-05-01-rust-week.md`]: lines('+++', 'title = "Rust"', '+++', '## Async closures: finally!', ''),
  };
  const post = `${ROOT}/content/blog/notes.md`;
  const zola = (body: string) => linkFindings({ ...ZOLA, [post]: lines('+++', 'title = "N"', '+++', body, '') }, post);

  it('@/ paths with anchors by Zola slug rules, static/ and addresses', () => {
    assert.deepEqual(zola(lines('# N', '[r](@/blog/2024-05-01-rust-week.md#async-closures-finally) ![f](/img/flow.png) [b](/blog/rust-week/) [s](@/blog/_index.md)')), []);
    assert.deepEqual(zola(lines('# N', '[r](@/blog/gone.md) [a](@/blog/2024-05-01-rust-week.md#async-closures-finally-)')), [
      'link/no-such-file "@/blog/gone.md"',
      'link/missing-anchor "@/blog/2024-05-01-rust-week.md#async-closures-finally-"',
    ]);
  });
});

describe('link findings (Astro, Eleventy)', () => {
  it('site-root paths come from public/', () => {
    const files = { [`${ROOT}/astro.config.mjs`]: '', [`${ROOT}/public/og.png`]: '', [`${ROOT}/src/content/blog/a.md`]: lines('---', 'title: A', '---', '![o](/og.png) ![x](/x.png)', '') };
    assert.deepEqual(linkFindings(files, `${ROOT}/src/content/blog/a.md`), ['link/no-such-file "/x.png"']);
    // Eleventy copies public/ only when its configuration says so.
    const eleventy = { [`${ROOT}/eleventy.config.js`]: 'module.exports = (c) => { c.addPassthroughCopy({ "./public/": "/" }); };', [`${ROOT}/public/og.png`]: '', [`${ROOT}/posts/a.md`]: lines('---', 'title: A', '---', '![o](/og.png) ![x](/x.png)', '') };
    assert.deepEqual(linkFindings(eleventy, `${ROOT}/posts/a.md`), ['link/no-such-file "/x.png"']);
  });
});

describe('heading ids of other files', () => {
  it('come from the parsed heading: underscores inside words stay, emphasis and code go', () => {
    const other = `${ROOT}/_posts/2024-10-01-notes.md`;
    const files = {
      ...JEKYLL,
      [other]: lines('---', 'title: Notes', '---', '## The kube_proxy_mode flag', '', '## Using *emphasis*, `code` and [a link](https://x.dev)', '', '## 1. Intro <span>here</span>', ''),
    };
    const ok = lines('---', 'title: R', '---', '[a](/2024/10/01/notes/#the-kube_proxy_mode-flag) [b](/2024/10/01/notes/#using-emphasis-code-and-a-link) [c](/2024/10/01/notes/#1-intro-here)', '');
    assert.deepEqual(linkFindings({ ...files, [POST]: ok }, POST), []);
    const bad = lines('---', 'title: R', '---', '[a](/2024/10/01/notes/#the-kubeproxymode-flag)', '');
    assert.deepEqual(linkFindings({ ...files, [POST]: bad }, POST), ['link/missing-anchor "/2024/10/01/notes/#the-kubeproxymode-flag"']);
  });

  it('Hugo: the same rule for files of content/', () => {
    const hugoRoot = {
      [`${ROOT}/hugo.toml`]: 'title = "x"\n',
      [`${ROOT}/content/posts/a.md`]: lines('---', 'title: A', '---', '## The kube_proxy_mode flag', ''),
      [`${ROOT}/content/posts/b.md`]: lines('---', 'title: B', '---', '[a](../a/#the-kube_proxy_mode-flag) [b]({{< ref "a.md#the-kube_proxy_mode-flag" >}})', ''),
    };
    assert.deepEqual(linkFindings(hugoRoot, `${ROOT}/content/posts/b.md`), []);
  });
});

describe('sites served under a base path', () => {
  it('Jekyll baseurl: /blog/assets/… and /blog/<page address> resolve; other paths are still checked', () => {
    const files = { ...JEKYLL, [`${ROOT}/_config.yml`]: 'title: x\npermalink: pretty\nbaseurl: /blog\n' };
    const post = lines('---', 'title: R', '---', '![a](/blog/assets/img/arch.png) [k](/blog/2024/11/20/kubecon/#keynote) ![b](/assets/img/arch.png) ![c](/blog/assets/img/gone.png)', '');
    assert.deepEqual(linkFindings({ ...files, [POST]: post }, POST), ['link/no-such-file "/blog/assets/img/gone.png"']);
  });

  it('Hugo baseURL with a path and Zola base_url', () => {
    const hugo = {
      [`${ROOT}/hugo.toml`]: 'baseURL = "https://example.org/blog/"\ntitle = "x"\n[params]\nbaseURL = "ignored"\n',
      [`${ROOT}/static/img/a.png`]: '',
      [`${ROOT}/content/posts/b.md`]: lines('---', 'title: B', '---', '![a](/blog/img/a.png) ![b](/blog/img/b.png)', ''),
    };
    assert.deepEqual(linkFindings(hugo, `${ROOT}/content/posts/b.md`), ['link/no-such-file "/blog/img/b.png"']);
    const zola = {
      [`${ROOT}/zola.toml`]: 'base_url = "https://example.org/notes"\ntitle = "x"\n',
      [`${ROOT}/static/img/a.png`]: '',
      [`${ROOT}/content/blog/b.md`]: lines('+++', 'title = "B"', '+++', '![a](/notes/img/a.png)', ''),
    };
    assert.deepEqual(linkFindings(zola, `${ROOT}/content/blog/b.md`), []);
  });
});

describe('link findings: bad input', () => {
  it('a 100,000-character link and odd Unicode URLs finish fast without a crash', () => {
    const long = 'a'.repeat(100_000);
    const started = performance.now();
    const found = jekyll(lines('# R', `[x](${long}.png) [y](https://${long}.dev) [z](/ünïcödé/🎤.png) [w](%E0%A4%A) [v](https://例え.テスト/パス) [u](\u202e.png)`));
    assert.ok(performance.now() - started < 2000);
    assert.ok(found.every((f) => f.startsWith('link/no-such-file') || f.startsWith('link/malformed-url')), found.join('\n'));
  });

  it('names with spaces and non-ASCII letters resolve as the file URIs encode them', () => {
    const files = { ...JEKYLL, [`${ROOT}/assets/my%20talk%20%C3%BCber.png`]: '' };
    const post = lines('---', 'title: R', '---', '![a](/assets/my%20talk%20über.png) ![b](</assets/my talk über.png>) ![c](/assets/my talk.png)', '');
    // kramdown reads a destination with spaces as a link, and that file is not there.
    assert.deepEqual(linkFindings({ ...files, [POST]: post }, POST), ['link/no-such-file "/assets/my talk.png"']);
    const broken = lines('---', 'title: R', '---', '![a](</assets/my talk uber.png>)', '');
    assert.deepEqual(linkFindings({ ...files, [POST]: broken }, POST), ['link/no-such-file "/assets/my talk uber.png"']);
  });

  it('a loose file (no workspace folder) checks only what needs no files', () => {
    const files = { 'file:///loose.md': lines('# A', '[x](gone.md) [y](#a) [z](#nope) [e]()', '') };
    const workspace = new ListingMemoryWorkspace(files, []);
    const { findings } = analyze(sessionFor(workspace), source(files['file:///loose.md'], 'file:///loose.md'), { settings: DEFAULT_SETTINGS });
    assert.deepEqual(findings.map((f) => f.code), ['link/missing-anchor', 'link/empty-destination']);
  });
});

describe('link quick fixes', () => {
  /** Applies every fix offered for the findings of a post and returns the titles and results. */
  function fixes(body: string, extra: Record<string, string> = {}): [string, string][] {
    const text = lines('---', 'title: Recap', '---', body, '');
    const files = { ...JEKYLL, ...extra, [POST]: text };
    const workspace = new ListingMemoryWorkspace(files, [ROOT]);
    const session = sessionFor(workspace);
    const { findings, model } = analyze(session, source(text, POST), { settings: DEFAULT_SETTINGS });
    const context = { model, settings: DEFAULT_SETTINGS, session, workspace };
    const out: [string, string][] = [];
    for (const f of findings.filter((x) => x.code.startsWith('link/'))) {
      for (const fix of codeFixes(context, f.span, [f])) {
        let result = text;
        for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) result = result.slice(0, e.span.start) + e.newText + result.slice(e.span.end);
        out.push([fix.title, result.slice(text.indexOf('---\n', 4) + 4)]);
      }
    }
    return out;
  }

  it('adds https://, fixes inverted syntax, an anchor and letter case', () => {
    assert.deepEqual(fixes('# Recap\n\n[a](example.dev)'), [['Add https://', '# Recap\n\n[a](https://example.dev)\n']]);
    assert.deepEqual(fixes('# Recap\n\n(a)[https://x.dev]'), [['Write it as [text](url)', '# Recap\n\n[a](https://x.dev)\n']]);
    assert.deepEqual(fixes('# Recap\n\n[a](#recapp)'), [['Link to #recap', '# Recap\n\n[a](#recap)\n']]);
    assert.deepEqual(fixes('# R\n\n![t](/assets/img/team.jpg)'), [['Write it as /assets/img/Team.jpg', '# R\n\n![t](/assets/img/Team.jpg)\n']]);
  });

  it('replaces a broken path with the closest existing file, written the same way', () => {
    assert.deepEqual(fixes('# R\n\n![a](/assets/img/arch.jpg) ![b](../assets/img/archh.png)'), [
      ['Change to /assets/img/arch.png', '# R\n\n![a](/assets/img/arch.png) ![b](../assets/img/archh.png)\n'],
      ['Change to ../assets/img/arch.png', '# R\n\n![a](/assets/img/arch.jpg) ![b](../assets/img/arch.png)\n'],
    ]);
  });

  it('a missing anchor gets a preferred fix only when one heading is close', () => {
    const text = lines('---', 'title: Recap', '---', '# Recap', '', '## Code in heading', '', '## Keynote', '', '[a](#nope) [b](#keynot) [c](#day-1)', '', '## Day 2', '', '## Day 3', '');
    const workspace = new ListingMemoryWorkspace({ ...JEKYLL, [POST]: text }, [ROOT]);
    const session = sessionFor(workspace);
    const { findings, model } = analyze(session, source(text, POST), { settings: DEFAULT_SETTINGS });
    const context = { model, settings: DEFAULT_SETTINGS, session, workspace };
    const anchors = findings.filter((f) => f.code === 'link/missing-anchor');
    const offered = anchors.map((f) => ({
      message: f.message,
      fixes: codeFixes(context, f.span, [f]).map((x) => `${x.isPreferred ? '*' : ''}${x.title}`),
    }));
    assert.deepEqual(offered, [
      { message: 'No heading or id “nope” in this post.', fixes: ['Link to #recap', 'Link to #code-in-heading', 'Link to #keynote', 'Link to #day-2', 'Link to #day-3'] },
      { message: 'No heading or id “keynot” in this post. Did you mean “#keynote”?', fixes: ['*Link to #keynote'] },
      { message: 'No heading or id “day-1” in this post. Did you mean “#day-2” or “#day-3”?', fixes: ['Link to #day-2', 'Link to #day-3'] },
    ]);
  });

  it('a path with a space is written so that it stays a link', () => {
    const extra = { [`${ROOT}/assets/img/my%20talk.png`]: '' };
    assert.deepEqual(fixes('# R\n\n![a](/assets/img/my%20talkk.png)', extra), [['Change to /assets/img/my%20talk.png', '# R\n\n![a](/assets/img/my%20talk.png)\n']]);
    const text = lines('---', 'title: R', '---', '![x](/assets/img/)', '');
    const workspace = new ListingMemoryWorkspace({ ...JEKYLL, ...extra, [POST]: text }, [ROOT]);
    const session = sessionFor(workspace);
    const ctx = linkContext(analyze(session, source(text, POST), { settings: DEFAULT_SETTINGS }).model, DEFAULT_SETTINGS, session);
    const item = linkCompletions(ctx, text.indexOf('/)') + 1)?.find((c) => c.label === 'my talk.png');
    assert.equal(item?.insertText, 'my%20talk.png');
  });

  it('adds a missing footnote definition and removes unused definitions', () => {
    assert.deepEqual(fixes('# R\n\nA claim.[^src]'), [['Add a definition for [^src]', '# R\n\nA claim.[^src]\n\n[^src]: TODO\n']]);
    assert.deepEqual(fixes('# R\n\nText.\n\n[old]: https://x.dev\n[^n]: Unused.\n'), [
      ['Remove the unused definition', '# R\n\nText.\n\n[^n]: Unused.\n\n'],
      ['Remove the unused definition', '# R\n\nText.\n\n[old]: https://x.dev\n\n'],
    ]);
  });
});

describe('link completions and navigation (core)', () => {
  const text = lines('---', 'title: Recap', '---', '# Recap', '', '## Day 2', '', '![x](/assets/img/) [y](/2024/11/20/kubecon/#) [^', '', '[^n]: Note.', '');
  const files = { ...JEKYLL, [POST]: text };
  const workspace = new ListingMemoryWorkspace(files, [ROOT]);
  const session = sessionFor(workspace);
  const { model } = analyze(session, source(text, POST), { settings: DEFAULT_SETTINGS });
  const ctx = linkContext(model, DEFAULT_SETTINGS, session);
  const labels = (needle: string, delta: number) => linkCompletions(ctx, text.indexOf(needle) + delta)?.map((c) => c.label);

  it('completes paths in folders served at the root, anchors of another post, footnote labels', () => {
    assert.deepEqual(labels('/assets/img/)', 12), ['Team.jpg', 'arch.png']);
    assert.deepEqual(labels('kubecon/#)', 9), ['#keynote', '#second-day']);
    assert.deepEqual(labels('[^\n', 2), ['n']);
    assert.equal(linkCompletions(ctx, text.indexOf('title')), undefined);
    const post = lines('---', 'title: R', '---', 'See {% post_url 2024', '');
    const ws = new ListingMemoryWorkspace({ ...JEKYLL, [POST]: post }, [ROOT]);
    const s = sessionFor(ws);
    const c = linkContext(analyze(s, source(post, POST), { settings: DEFAULT_SETTINGS }).model, DEFAULT_SETTINGS, s);
    assert.deepEqual(linkCompletions(c, post.indexOf('2024') + 4)?.map((x) => x.label), ['2024-11-20-kubecon', '2024-12-01-fosdem', '2025-01-10-recap']);
  });

  it('links resolved targets, generator syntax included', () => {
    const targets = documentLinkTargets(ctx).map((t) => `${t.uri}@${t.line}`);
    assert.ok(targets.includes(`${ROOT}/_posts/2024-11-20-kubecon.md@undefined`), targets.join('\n'));
    // An anchor in another post opens at its heading's line (`### Day 2 {#second-day}` is line 5).
    const other = lines('---', 'title: R', '---', '[x](/2024/11/20/kubecon/#second-day)', '');
    const ws = new ListingMemoryWorkspace({ ...JEKYLL, [POST]: other }, [ROOT]);
    const s = sessionFor(ws);
    const c = linkContext(analyze(s, source(other, POST), { settings: DEFAULT_SETTINGS }).model, DEFAULT_SETTINGS, s);
    assert.deepEqual(documentLinkTargets(c).map((t) => [t.uri, t.line]), [[`${ROOT}/_posts/2024-11-20-kubecon.md`, 5]]);
  });
});
