import { sessionFor, testSession } from '../support/session';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS, fixedClock, type Settings } from '../../server/src/core';
import { frontMatterFixes, type FrontMatterFix } from '../../server/src/core/frontMatter';
import type { ListingMemoryWorkspace } from '../support/workspace';
import { SITES, siteWorkspace } from './frontMatterSchema.test';
import { lines, source } from './util';

const NOW = new Date(2024, 10, 20);

function applyEdits(text: string, fix: FrontMatterFix): string {
  let out = text;
  for (const edit of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  return out;
}

/**
 * Finds the one fix for the document's one front-matter finding, applies it, and checks that
 * the result has no front-matter finding at all. Returns the fixed text.
 */
function fixOnce(text: string, uri: string, ws: ListingMemoryWorkspace, title?: RegExp, settings: Settings = DEFAULT_SETTINGS): string {
  const before = analyze(sessionFor(ws), source(text, uri), { settings: settings });
  const findings = before.findings.filter((f) => f.code.startsWith('front-matter/'));
  assert.equal(findings.length, 1, `expected one finding, got ${JSON.stringify(findings.map((f) => f.code))}`);
  const fixes = frontMatterFixes({ model: before.model, settings, session: testSession({ workspace: ws, settings, now: fixedClock(NOW) }) }, findings[0].span).filter((f) => !title || title.test(f.title));
  assert.equal(fixes.length, 1, `expected one fix for ${findings[0].code}, got ${JSON.stringify(fixes.map((f) => f.title))}`);
  assert.equal(fixes[0].code, findings[0].code);
  const fixed = applyEdits(text, fixes[0]);
  const after = analyze(sessionFor(ws), source(fixed, uri, 2), { settings: settings }).findings.filter((f) => f.code.startsWith('front-matter/'));
  assert.deepEqual(after.map((f) => `${f.code}: ${f.message}`), [], `after the fix:\n${fixed}`);
  return fixed;
}

describe('quick fixes, Jekyll', () => {
  const ws = siteWorkspace({
    ...SITES.jekyll,
    'file:///jk/_posts/2024-01-01-a.md': lines('---', 'title: A', 'tags: [kubernetes]', '---', ''),
    'file:///jk/_posts/2024-01-02-b.md': lines('---', 'title: B', 'tags: [kubernetes]', '---', ''),
  });
  const post = 'file:///jk/_posts/2024-11-15-kubecon-recap.md';

  it('closes an unclosed block after its last data line, before the body', () => {
    assert.equal(
      fixOnce(lines('---', 'title: KubeCon', '# a comment', 'tags:', '  - kubernetes', '', '## Day 1', 'Text.', ''), post, ws),
      lines('---', 'title: KubeCon', '# a comment', 'tags:', '  - kubernetes', '---', '', '## Day 1', 'Text.', ''),
    );
    const zola = siteWorkspace(SITES.zola);
    const toml = lines('+++', 'title = "RustWeek"', 'date = 2025-05-13', '', '[taxonomies]', 'tags = ["rust"]', '', '## Morning', '');
    assert.equal(
      fixOnce(toml, 'file:///zl/content/blog/rustweek.md', zola),
      lines('+++', 'title = "RustWeek"', 'date = 2025-05-13', '', '[taxonomies]', 'tags = ["rust"]', '+++', '', '## Morning', ''),
    );
  });

  it('quotes a value whose colon broke YAML, in the file’s quotes', () => {
    assert.equal(fixOnce(lines('---', 'title: KubeCon: day 1', '---', ''), post, ws), lines('---', 'title: "KubeCon: day 1"', '---', ''));
    assert.equal(
      fixOnce(lines('---', "layout: 'post'", 'title: KubeCon: day 1', '---', ''), post, ws),
      lines('---', "layout: 'post'", "title: 'KubeCon: day 1'", '---', ''),
    );
  });

  it('adds a missing title from the first heading, or the file name', () => {
    assert.equal(fixOnce(lines('---', 'tags: [go]', '---', '# KubeCon NA', ''), post, ws), lines('---', 'tags: [go]', 'title: KubeCon NA', '---', '# KubeCon NA', ''));
    assert.equal(fixOnce(lines('---', 'tags: [go]', '---', 'text', ''), post, ws), lines('---', 'tags: [go]', 'title: Kubecon recap', '---', 'text', ''));
  });

  it('renames a misspelled key', () => {
    assert.equal(fixOnce(lines('---', 'title: x', 'catagories: [a]', '---', ''), post, ws), lines('---', 'title: x', 'categories: [a]', '---', ''));
  });

  it('normalises a date, keeping its quotes, in Jekyll’s format', () => {
    assert.equal(fixOnce(lines('---', 'title: x', "date: '15/11/2024'", '---', ''), post, ws), lines('---', 'title: x', "date: '2024-11-15'", '---', ''));
    assert.equal(fixOnce(lines('---', 'title: x', 'date: Nov 15, 2024 09:30', '---', ''), post, ws), lines('---', 'title: x', 'date: 2024-11-15 09:30:00', '---', ''));
  });

  it('aligns the front-matter date with the file name, keeping the time', () => {
    assert.equal(
      fixOnce(lines('---', 'title: x', 'date: 2024-11-16 09:00:00 -0500', '---', ''), post, ws),
      lines('---', 'title: x', 'date: 2024-11-15 09:00:00 -0500', '---', ''),
    );
  });

  it('removes a duplicate key', () => {
    assert.equal(fixOnce(lines('---', 'title: x', 'tags: [a]', 'title: y', '---', ''), post, ws), lines('---', 'title: x', 'tags: [a]', '---', ''));
  });

  it('turns a scalar into a list, and a number into text', () => {
    const hugo = siteWorkspace(SITES.hugo);
    const uri = 'file:///hg/content/posts/a.md';
    assert.equal(fixOnce(lines('---', 'title: x', 'date: 2024-11-15', 'tags: go, rust', '---', ''), uri, hugo), lines('---', 'title: x', 'date: 2024-11-15', 'tags: [go, rust]', '---', ''));
    assert.equal(fixOnce(lines('---', 'title: x', 'date: 2024-11-15', 'tags: [go, 2024]', '---', ''), uri, hugo), lines('---', 'title: x', 'date: 2024-11-15', 'tags: [go, "2024"]', '---', ''));
    assert.equal(fixOnce(lines('---', 'title: x', 'date: 2024-11-15', 'draft: "no"', '---', ''), uri, hugo), lines('---', 'title: x', 'date: 2024-11-15', 'draft: false', '---', ''));
  });

  it('fills an empty title and replaces a placeholder date', () => {
    assert.equal(fixOnce(lines('---', 'title: ""', '---', '# Day one', ''), post, ws), lines('---', 'title: "Day one"', '---', '# Day one', ''));
    assert.equal(fixOnce(lines('---', 'title: x', 'date: FIXME', '---', ''), post, ws), lines('---', 'title: x', 'date: 2024-11-15', '---', ''));
  });

  it('replaces a tag with the one the site uses', () => {
    assert.equal(fixOnce(lines('---', 'title: x', 'tags: [kuberentes]', '---', ''), post, ws), lines('---', 'title: x', 'tags: [kubernetes]', '---', ''));
  });

  it('inserts a front-matter block from the template', () => {
    assert.equal(fixOnce(lines('# KubeCon NA', 'text', ''), post, ws), lines('---', 'layout: post', 'title: KubeCon NA', '---', '', '# KubeCon NA', 'text', ''));
  });
});

describe('quick fixes, Hugo and Zola (TOML, JSON)', () => {
  it('adds a missing date to TOML before the first table, from today', () => {
    const zola = siteWorkspace(SITES.zola);
    assert.equal(
      fixOnce(lines('+++', 'title = "x"', '[taxonomies]', 'tags = ["a"]', '+++', ''), 'file:///zl/content/blog/a.md', zola),
      lines('+++', 'title = "x"', 'date = 2024-11-20', '[taxonomies]', 'tags = ["a"]', '+++', ''),
    );
    assert.equal(
      fixOnce(lines('+++', 'title = "x"', 'date = 2024-11-20', '[taxonomies]', 'tags = "a"', '+++', ''), 'file:///zl/content/blog/a.md', zola),
      lines('+++', 'title = "x"', 'date = 2024-11-20', '[taxonomies]', 'tags = ["a"]', '+++', ''),
    );
    assert.equal(fixOnce(lines('Some notes.', ''), 'file:///zl/content/blog/2024-03-02-devconf.md', zola), lines('+++', 'title = "Devconf"', 'date = 2024-03-02', '+++', '', 'Some notes.', ''));
  });

  it('adds a missing field to JSON front matter, and keeps CRLF', () => {
    const hugo = siteWorkspace(SITES.hugo);
    assert.equal(
      fixOnce(lines('{', '  "title": "x"', '}', ''), 'file:///hg/content/posts/2024-05-01-a.md', hugo),
      lines('{', '  "title": "x",', '  "date": "2024-05-01"', '}', ''),
    );
    const crlf = '---\r\ntitle: x\r\n---\r\n';
    assert.equal(fixOnce(crlf, 'file:///hg/content/posts/2024-05-01-a.md', hugo), '---\r\ntitle: x\r\ndate: 2024-05-01\r\n---\r\n');
  });
});
