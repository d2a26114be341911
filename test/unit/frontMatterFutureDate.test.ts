import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, codeFixes, findingsOf, type Clock, type Finding } from '../../server/src/core';
import { testSession } from '../support/session';
import { lines, source } from './util';

const CODE = 'front-matter/future-date';
/** Noon on 2025-06-15, local time: the tests' "today". */
const NOW = new Date(2025, 5, 15, 12, 0, 0).toISOString();

const JEKYLL = { 'file:///jk/_config.yml': 'title: Hallway notes\n' };
const JEKYLL_POST = 'file:///jk/_posts/2025-06-01-recap.md';
const HUGO = { 'file:///hg/hugo.toml': 'baseURL = "https://example.dev/"\n' };
const HUGO_POST = 'file:///hg/content/posts/recap.md';

function futureFindings(files: Record<string, string>, uri: string, text: string, now: string | Clock = NOW): Finding[] {
  const session = testSession({ files: { ...files, [uri]: text }, roots: [/^file:\/\/\/[^/]+/.exec(uri)![0]], now });
  return analyze(session, source(text, uri)).findings.filter((f) => f.code === CODE);
}

function post(date: string): string {
  return lines('---', 'title: KubeCon recap', `date: ${date}`, '---', '', 'Talks.', '');
}

describe('front-matter/future-date', () => {
  it('Jekyll: reports a date after today, on the value, naming what Jekyll will do', () => {
    const text = post('2026-01-05');
    const [finding, ...rest] = futureFindings(JEKYLL, JEKYLL_POST, text);
    assert.equal(rest.length, 0);
    assert.equal(text.slice(finding.span.start, finding.span.end), '2026-01-05');
    assert.equal(finding.severity, 2);
    assert.equal(
      finding.message,
      'Jekyll will not publish this post until 2026-01-05 (future: true is not set in _config.yml): its date is after today, 2025-06-15. If the date is a mistake, correct it.',
    );
  });

  it('leaves past dates, today, and a time later today alone; reports tomorrow', () => {
    assert.deepEqual(futureFindings(JEKYLL, JEKYLL_POST, post('2025-06-01')), []);
    assert.deepEqual(futureFindings(JEKYLL, JEKYLL_POST, post('2025-06-15')), []);
    assert.deepEqual(futureFindings(JEKYLL, JEKYLL_POST, post('2025-06-15 23:30:00')), []);
    assert.equal(futureFindings(JEKYLL, JEKYLL_POST, post('2025-06-16')).length, 1);
    assert.equal(futureFindings(JEKYLL, JEKYLL_POST, post('2025-06-16 00:05:00')).length, 1);
  });

  it('a date and time with a zone counts as past when that moment has passed', () => {
    // Noon UTC on the 15th; a moment written for the 16th in a zone far ahead may already be past.
    const now = '2025-06-15T12:00:00Z';
    assert.deepEqual(futureFindings(JEKYLL, JEKYLL_POST, post('2025-06-16 01:00:00 +1400'), now), []);
    assert.equal(futureFindings(JEKYLL, JEKYLL_POST, post('2026-06-16 01:00:00 +1400'), now).length, 1);
  });

  it('Jekyll: no report when _config.yml sets future: true', () => {
    assert.deepEqual(futureFindings({ 'file:///jk/_config.yml': 'title: x\nfuture: true\n' }, JEKYLL_POST, post('2026-01-05')), []);
    assert.equal(futureFindings({ 'file:///jk/_config.yml': 'title: x\nfuture: false\n' }, JEKYLL_POST, post('2026-01-05')).length, 1);
  });

  it('Hugo: reports a future date unless buildFuture is set at the top level of its config', () => {
    const text = lines('+++', 'title = "KubeCon recap"', 'date = 2026-01-05T09:00:00Z', '+++', '', 'Talks.', '');
    const [finding] = futureFindings(HUGO, HUGO_POST, text);
    assert.ok(finding);
    assert.equal(text.slice(finding.span.start, finding.span.end), '2026-01-05T09:00:00Z');
    assert.match(finding.message, /^Hugo will not publish this post until 2026-01-05 \(buildFuture = true is not set in hugo\.toml\)/);
    assert.deepEqual(futureFindings({ 'file:///hg/hugo.toml': 'baseURL = "https://example.dev/"\nbuildFuture = true\n' }, HUGO_POST, text), []);
    assert.deepEqual(futureFindings({ 'file:///hg/hugo.yaml': 'baseURL: https://example.dev/\nbuildfuture: true\n' }, HUGO_POST, text), []);
    // Inside a table, the key is not Hugo's setting.
    assert.equal(futureFindings({ 'file:///hg/hugo.toml': 'baseURL = "https://example.dev/"\n[params]\nbuildFuture = true\n' }, HUGO_POST, text).length, 1);
  });

  it('Hugo reads publishDate before date', () => {
    const text = lines('---', 'title: Recap', 'date: 2025-01-01', 'publishDate: 2026-01-05', '---', '');
    const [finding] = futureFindings(HUGO, HUGO_POST, text);
    assert.equal(text.slice(finding.span.start, finding.span.end), '2026-01-05');
  });

  it('other generators publish future posts: no report for Zola, Hexo, Eleventy, Astro', () => {
    const date = '2026-01-05';
    assert.deepEqual(futureFindings({ 'file:///zl/config.toml': 'base_url = "https://x.dev"\n' }, 'file:///zl/content/a.md', lines('+++', 'title = "a"', `date = ${date}`, '+++', '')), []);
    assert.deepEqual(futureFindings({ 'file:///hx/_config.yml': '# Hexo Configuration\nnew_post_name: :title.md\n' }, 'file:///hx/source/_posts/a.md', post(date)), []);
    assert.deepEqual(futureFindings({ 'file:///el/eleventy.config.js': '' }, 'file:///el/posts/a.md', post(date)), []);
    assert.deepEqual(futureFindings({ 'file:///as/astro.config.mjs': '' }, 'file:///as/src/content/blog/a.md', post(date)), []);
  });

  it('drafts are not reported', () => {
    assert.deepEqual(futureFindings(JEKYLL, 'file:///jk/_drafts/recap.md', post('2026-01-05')), []);
    assert.deepEqual(futureFindings(HUGO, HUGO_POST, lines('---', 'title: Recap', 'date: 2026-01-05', 'draft: true', '---', '')), []);
  });

  it('the fix sets today, keeping the time, the zone and the quotes', () => {
    const cases: [string, string][] = [
      ['2026-01-05', '2025-06-15'],
      ['"2026-01-05"', '"2025-06-15"'],
      ["'2026-01-05 09:30:00 -0500'", "'2025-06-15 09:30:00 -0500'"],
    ];
    for (const [before, after] of cases) {
      const text = post(before);
      const session = testSession({ files: { ...JEKYLL, [JEKYLL_POST]: text }, roots: ['file:///jk'], now: NOW });
      const { model, findings } = analyze(session, source(text, JEKYLL_POST));
      const finding = findings.find((f) => f.code === CODE)!;
      assert.ok(finding, before);
      const fixes = codeFixes({ model, settings: session.settingsFor(JEKYLL_POST), session, workspace: session.workspace }, finding.span, [finding]);
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0].title, 'Set the date to today, 2025-06-15');
      assert.equal(fixes[0].safe, undefined);
      const [edit] = fixes[0].edits;
      const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
      assert.equal(fixed, post(after));
      assert.deepEqual(futureFindings(JEKYLL, JEKYLL_POST, fixed), []);
    }
  });

  it('the verdict changes when the clock passes the date, the document unchanged', () => {
    let now = new Date(2025, 11, 31, 12);
    const clock: Clock = { now: () => new Date(now.getTime()), ms: () => 0 };
    const text = post('2026-01-05');
    const session = testSession({ files: { ...JEKYLL, [JEKYLL_POST]: text }, roots: ['file:///jk'], now: clock });
    const { model, findings } = analyze(session, source(text, JEKYLL_POST));
    assert.equal(findings.filter((f) => f.code === CODE).length, 1);
    now = new Date(2026, 0, 5, 8);
    // The same model, the same settings and session: only the day moved.
    const again = findingsOf(session, model, session.settingsFor(JEKYLL_POST));
    assert.deepEqual(again.filter((f) => f.code === CODE), []);
  });
});
