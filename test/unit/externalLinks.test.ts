import { sessionFor } from '../support/session';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyze,
  buildModel,
  checkKey,
  DEFAULT_SETTINGS,
  externalLinks,
  MemoryWorkspace,
  redirectFix,
  urlsToCheck,
  type ExternalResult,
} from '../../server/src/core';
import { lines, source, summarize } from './util';

const model = (text: string) => buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
const destinations = (text: string) => externalLinks(model(text)).map((l) => [l.key, text.slice(l.span.start, l.span.end), l.exact]);

function analyzeWith(text: string, results: Record<string, ExternalResult>) {
  return analyze(sessionFor(new MemoryWorkspace()), source(text), { settings: DEFAULT_SETTINGS, ...{ externalLinks: (url) => results[url] } });
}

describe('which URLs are checked', () => {
  it('takes links, images, autolinks, definitions and HTML href/src, with the exact destination span', () => {
    const text = lines(
      '---',
      'title: "https://front-matter.example"',
      '---',
      '',
      '[Keynote](https://a.example/talk#t=30 "Watch") and <https://b.example>, www.c.example too.',
      '',
      '![Slide](http://d.example/s.png)',
      '',
      '[slides]: https://e.example/deck',
      '',
      '<a href="https://f.example/?a=1&amp;b=2">f</a> <img src=\'https://g.example/i.png\'>',
    );
    assert.deepEqual(destinations(text), [
      ['https://a.example/talk', 'https://a.example/talk#t=30', true],
      ['https://b.example/', 'https://b.example', true],
      // A bare www. link is http:// to the parser, and not in the text as such.
      ['http://www.c.example/', 'www.c.example', false],
      ['http://d.example/s.png', 'http://d.example/s.png', true],
      ['https://e.example/deck', 'https://e.example/deck', true],
      ['https://f.example/?a=1&b=2', 'https://f.example/?a=1&amp;b=2', true],
      ['https://g.example/i.png', 'https://g.example/i.png', true],
    ]);
  });

  it('never takes code, other schemes, relative paths, or links too long to be real', () => {
    const text = lines(
      '`https://code.example` and',
      '',
      '```',
      '[x](https://fenced.example)',
      '```',
      '',
      '    [y](https://indented.example)',
      '',
      '[m](mailto:me@example.com) [f](ftp://files.example/x) [j](javascript:alert(1)) [r](../other-post/) [h](#intro) [s](//cdn.example/x)',
      '',
      `[long](https://long.example/${'a'.repeat(3000)})`,
    );
    assert.deepEqual(destinations(text), []);
  });

  it('checks a URL once whatever its fragment, and keeps a definition in another section exact', () => {
    const text = lines('# Day 1', '', '[a](https://x.example/p#one) [b][deck]', '', '## Day 2', '', '[c](https://x.example/p#two) <a href="https://y.example/">y</a>', '', '[deck]: https://y.example/');
    assert.deepEqual(urlsToCheck(model(text)), ['https://x.example/p', 'https://y.example/']);
    assert.deepEqual(destinations(text).map((d) => d[1]), ['https://x.example/p#one', 'https://x.example/p#two', 'https://y.example/', 'https://y.example/']);
  });

  it('normalises odd Unicode and rejects what does not parse, in bounded time', () => {
    assert.equal(checkKey('https://bücher.example/straße'), 'https://xn--bcher-kva.example/stra%C3%9Fe');
    assert.equal(checkKey('https://exa mple.com/'), undefined);
    assert.equal(checkKey('http://'), undefined);
    const started = performance.now();
    const text = `[x](https://a.example/${'\u{1F600}'.repeat(50_000)})\n` + `https://b.example/${'x'.repeat(100_000)}\n`;
    assert.deepEqual(urlsToCheck(model(text)), []);
    assert.ok(performance.now() - started < 2000);
  });
});

describe('link/external-* findings', () => {
  const text = lines(
    '## Talks',
    '',
    '[Video](https://ok.example/v) [Slides](http://moved.example/deck#p3) [Page](https://gone.example/x)',
    '',
    '[Down](https://down.example/) [Robots](https://robots.example/)',
  );
  const results: Record<string, ExternalResult> = {
    'https://ok.example/v': { status: 'ok', code: 200 },
    'http://moved.example/deck': { status: 'redirect', code: 301, location: 'https://moved.example/deck' },
    'https://gone.example/x': { status: 'broken', code: 410 },
    'https://down.example/': { status: 'unreachable', reason: 'dns' },
    'https://robots.example/': { status: 'unknown', code: 403 },
  };

  it('reports broken, moved and unreachable links on the destination, and nothing for fine or unknown ones', () => {
    const analysis = analyzeWith(text, results);
    assert.deepEqual(summarize(text, analysis).filter((s) => s.startsWith('link/')), [
      'link/external-redirect@2:39-2:67 "http://moved.example/deck#p3"',
      'link/external-broken@2:76-2:98 "https://gone.example/x"',
      'link/external-unreachable@4:7-4:28 "https://down.example/"',
    ]);
    const [moved, broken, down] = analysis.findings.filter((f) => f.code.startsWith('link/'));
    assert.equal(broken.message, 'Broken link: https://gone.example/x answers 410 (gone). Find where the page moved, or link an archived copy.');
    assert.equal(moved.severity, 3);
    assert.deepEqual(moved.data, { url: 'http://moved.example/deck#p3', location: 'https://moved.example/deck' });
    assert.match(down.message, /host name that does not resolve/);
  });

  it('reports nothing without results, or for URLs not checked yet', () => {
    assert.deepEqual(analyze(sessionFor(new MemoryWorkspace()), source(text), { settings: DEFAULT_SETTINGS }).findings.filter((f) => f.code.startsWith('link/')), []);
    assert.deepEqual(analyzeWith(text, {}).findings.filter((f) => f.code.startsWith('link/')), []);
  });

  it('follows the rules settings and inline suppressions', () => {
    const off = analyze(sessionFor(new MemoryWorkspace()), source(text), { settings: { ...DEFAULT_SETTINGS, rules: { 'link/external-redirect': 'off', 'link/external-unreachable': 'hint' } }, ...{
      externalLinks: (url) => results[url],
    } });
    assert.deepEqual(off.findings.filter((f) => f.code.startsWith('link/')).map((f) => [f.code, f.severity]), [
      ['link/external-broken', 2],
      ['link/external-unreachable', 4],
    ]);
    const suppressed = lines('<!-- talkdown-disable-next-line link/external-broken -->', '[Page](https://gone.example/x)');
    assert.deepEqual(analyzeWith(suppressed, results).findings, []);
  });

  it('fixes a moved link by its new address, keeping the fragment, only where the text still says the old one', () => {
    const analysis = analyzeWith(text, results);
    const moved = analysis.findings.find((f) => f.code === 'link/external-redirect')!;
    assert.deepEqual(redirectFix(text, moved.span, moved.data), { span: moved.span, newText: 'https://moved.example/deck#p3' });
    const edited = text.replace('http://moved', 'http://MOVED');
    assert.equal(redirectFix(edited, moved.span, moved.data), undefined);
    assert.equal(redirectFix(text, moved.span, { url: 1 }), undefined);
  });
});
