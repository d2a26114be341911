import { sessionFor, testSession } from '../support/session';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS, Severity } from '../../server/src/core';
import { frontMatterFixes } from '../../server/src/core/frontMatter';
import { parseFrontMatter } from '../../server/src/core/model/frontMatter';
import { editDistance, suggest } from '../../server/src/core/rules/front-matter/describe';
import type { ListingMemoryWorkspace } from '../support/workspace';
import { check, SITES, siteWorkspace } from './frontMatterSchema.test';
import { lines, source } from './util';

/** The front-matter findings of a post, with their severity and message. */
function findings(text: string, uri: string, ws: ListingMemoryWorkspace) {
  return analyze(sessionFor(ws), source(text, uri), { settings: DEFAULT_SETTINGS }).findings.filter((f) => f.code.startsWith('front-matter/'));
}

describe('edit distance of keys', () => {
  it('counts a swap of two neighbours as one edit', () => {
    assert.equal(editDistance('titel', 'title'), 1);
    assert.equal(editDistance('tilte', 'title'), 1);
    assert.equal(editDistance('tile', 'title'), 1);
    assert.equal(editDistance('date', 'date'), 0);
    assert.equal(editDistance('abc', 'cba'), 2);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    // Past the bound, the answer is only "more than the bound".
    assert.ok(editDistance('layout', 'permalink', 2) > 2);
  });

  it('suggests the key a misspelt one means, and nothing for a key of its own', () => {
    const known = ['title', 'date', 'tags', 'layout'];
    assert.equal(suggest('titel', known), 'title');
    assert.equal(suggest('Title', known), 'title');
    assert.equal(suggest('daet', known), 'date');
    assert.equal(suggest('subtitle', known), undefined);
    assert.equal(suggest('speaker', known), undefined);
  });
});

describe('a misspelt required key', () => {
  const jekyll = siteWorkspace(SITES.jekyll);
  const post = 'file:///jk/_posts/2024-05-01-week.md';
  const text = lines('---', 'layout: post', 'date: 2024-05-01', 'titel: My week at ExampleConf', 'tags: [conf]', '---', '');

  it('is reported at the key, once, with the rename as the fix', () => {
    const found = findings(text, post, jekyll);
    assert.deepEqual(
      found.map((f) => `${f.code}@${f.range.start.line} ${f.severity}`),
      [`front-matter/missing-field@3 ${Severity.Warning}`],
    );
    assert.match(found[0].message, /"titel" is probably "title"/);
    const session = testSession({ workspace: jekyll });
    const model = analyze(sessionFor(jekyll), source(text, post), { settings: DEFAULT_SETTINGS }).model;
    const fixes = frontMatterFixes({ model, settings: DEFAULT_SETTINGS, session }, found[0].span);
    assert.deepEqual(fixes.map((f) => [f.title, f.code, f.isPreferred]), [['Rename to "title"', 'front-matter/missing-field', true]]);
    const fixed = text.slice(0, fixes[0].edits[0].span.start) + fixes[0].edits[0].newText + text.slice(fixes[0].edits[0].span.end);
    assert.deepEqual(findings(fixed, post, jekyll), []);
  });

  it('leaves a key of its own alone when the field is there (twin)', () => {
    const twin = lines('---', 'layout: post', 'title: My week', 'subtitle: At ExampleConf', '---', '');
    assert.deepEqual(check(twin, post, jekyll), []);
    // The field missing with no near key: reported on the opening line, as before.
    const missing = lines('---', 'layout: post', 'subtitle: At ExampleConf', '---', '');
    assert.deepEqual(check(missing, post, jekyll), ['front-matter/missing-field@0:0-0:3 "---"']);
  });

  it('is found on Hexo, whose schema allows any key', () => {
    const hexo = siteWorkspace(SITES.hexo);
    const found = check(lines('---', 'date: 2024-05-01 10:00:00', 'tilte: Notes', '---', ''), 'file:///hx/source/_posts/notes.md', hexo);
    assert.deepEqual(found, ['front-matter/missing-field@2:0-2:5 "tilte"']);
  });

  it('is one error on Zola, which rejects unknown keys', () => {
    const zola = siteWorkspace(SITES.zola);
    const found = findings(lines('+++', 'titel = "Notes"', 'date = 2024-05-01', '+++', ''), 'file:///zl/content/notes.md', zola);
    assert.deepEqual(found.map((f) => `${f.code}@${f.range.start.line} ${f.severity}`), [`front-matter/unknown-key@1 ${Severity.Error}`]);
    assert.match(found[0].message, /did you mean "title"/);
  });
});

describe('a duplicated TOML key', () => {
  const hugo = siteWorkspace(SITES.hugo);
  const uri = 'file:///hg/content/posts/notes.md';

  it('is one finding; the other keys are still read', () => {
    assert.deepEqual(check(lines('+++', 'title = "One"', 'title = "Two"', 'date = 2024-05-01', '+++', ''), uri, hugo), [
      'front-matter/duplicate-key@2:0-2:5 "title"',
    ]);
    // A mistake after the duplicate is still found.
    assert.deepEqual(check(lines('+++', 'title = "One"', 'title = "Two"', 'date = "2023-13-45"', '+++', ''), uri, hugo), [
      'front-matter/duplicate-key@2:0-2:5 "title"',
      'front-matter/invalid-date@3:7-3:19 "\\"2023-13-45\\""',
    ]);
  });

  it('of a table stops the checks without false "missing" findings', () => {
    const found = check(lines('+++', 'title = "One"', 'date = 2024-05-01', '[params]', 'a = 1', '[params]', 'b = 2', '+++', ''), uri, hugo);
    assert.equal(found.length, 1);
    assert.match(found[0], /^front-matter\/duplicate-key@5:/);
  });
});

describe('values real Jekyll posts hold', () => {
  const jekyll = siteWorkspace(SITES.jekyll);
  const post = 'file:///jk/_posts/2024-05-01-notes.md';

  it('reads a list under category, as Jekyll does', () => {
    assert.deepEqual(check(lines('---', 'title: Notes', 'category:', '- Event', '- Recap', '---', ''), post, jekyll), []);
    // Twin: a table there is still wrong.
    assert.deepEqual(check(lines('---', 'title: Notes', 'category:', '  name: Event', '---', ''), post, jekyll), ['front-matter/wrong-type@3:2-3:13 "name: Event"']);
  });

  it('reads a !binary date as the text it encodes, without a word on the console', () => {
    const emitted: unknown[] = [];
    const emitWarning = process.emitWarning;
    const warn = console.warn;
    process.emitWarning = ((w: unknown) => void emitted.push(w)) as typeof process.emitWarning;
    console.warn = (...args: unknown[]) => void emitted.push(args);
    try {
      // The base64 of "2024-05-01 10:00:00 -0400".
      const good = lines('---', 'title: Old post', 'date: !binary |-', '  MjAyNC0wNS0wMSAxMDowMDowMCAtMDQwMA==', '---', '');
      assert.deepEqual(check(good, post, jekyll), []);
      // Twin: the base64 of "not a date".
      const bad = lines('---', 'title: Old post', 'date: !binary |-', '  bm90IGEgZGF0ZQ==', '---', '');
      assert.deepEqual(check(bad, post, jekyll), ['front-matter/invalid-date@2:14-3:18 "|-\\n  bm90IGEgZGF0ZQ=="']);
      // Text that is not base64 is kept as written.
      assert.equal(parseFrontMatter(lines('---', 'note: !binary "not base64!"', '---', ''), 0)?.data.note, 'not base64!');
    } finally {
      process.emitWarning = emitWarning;
      console.warn = warn;
    }
    assert.deepEqual(emitted, []);
  });

  it('takes an empty list of a theme key as "no", and warns at most about other values', () => {
    assert.deepEqual(check(lines('---', 'title: Notes', 'comments: []', '---', ''), post, jekyll), []);
    assert.deepEqual(check(lines('---', 'title: Notes', 'comments:', '---', ''), post, jekyll), []);
    const odd = findings(lines('---', 'title: Notes', 'comments: [disqus]', '---', ''), post, jekyll);
    assert.deepEqual(odd.map((f) => `${f.code} ${f.severity}`), [`front-matter/wrong-type ${Severity.Warning}`]);
    // Twin: a key of Jekyll's own keeps its error.
    const own = findings(lines('---', 'title: Notes', 'published: []', '---', ''), post, jekyll);
    assert.deepEqual(own.map((f) => `${f.code} ${f.severity}`), [`front-matter/wrong-type ${Severity.Error}`]);
  });
});

describe('an unclosed YAML quote', () => {
  const jekyll = siteWorkspace(SITES.jekyll);
  const post = 'file:///jk/_posts/2024-05-01-notes.md';

  it('is reported where the quote opens', () => {
    const text = lines('---', 'layout: post', 'title: "Notes from ExampleConf', 'date: 2024-05-01', 'tags: [conf]', '---', '');
    const found = findings(text, post, jekyll);
    assert.deepEqual(found.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`), [
      'front-matter/syntax@2:7-2:30',
    ]);
    assert.match(found[0].message, /double quote that opens this value is never closed/);
    const single = findings(lines('---', "title: 'Notes", 'date: 2024-05-01', '---', ''), post, jekyll);
    assert.deepEqual(single.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`), ['front-matter/syntax@1:7']);
    assert.match(single[0].message, /single quote/);
  });

  it('is not confused with a quote inside a closed value (twin)', () => {
    assert.deepEqual(check(lines('---', 'title: "Notes: what I don\'t know"', 'date: 2024-05-01', '---', ''), post, jekyll), []);
  });
});
