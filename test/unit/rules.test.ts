import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_CODES, LineIndex, resolveSettings, Severity } from '../../server/src/core';
import { analyzeText, lines } from './util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BROKEN = lines('---', 'title: a: b', '---', '');

describe('severities and settings', () => {
  it('uses the rule’s default severity', () => {
    assert.equal(analyzeText(BROKEN).findings[0].severity, Severity.Error);
  });

  it('lets a rule or a family be set to another severity, or off', () => {
    assert.equal(analyzeText(BROKEN, { rules: { 'front-matter/syntax': 'warning' } }).findings[0].severity, Severity.Warning);
    assert.equal(analyzeText(BROKEN, { rules: { 'front-matter': 'info' } }).findings[0].severity, Severity.Information);
    assert.equal(analyzeText(BROKEN, { rules: { 'front-matter': 'info', 'front-matter/syntax': 'hint' } }).findings[0].severity, Severity.Hint);
    assert.deepEqual(analyzeText(BROKEN, { rules: { 'front-matter/syntax': 'off' } }).findings, []);
  });

  it('resolves untrusted settings, dropping what is malformed', () => {
    assert.deepEqual(resolveSettings({ rules: { a: 'warning', b: 'loud', c: 3 }, maxFileSize: -1 }), {
      rules: { a: 'warning' },
      maxFileSize: 5_000_000,
    });
    assert.deepEqual(resolveSettings(null), { rules: {}, maxFileSize: 5_000_000 });
  });

  it('links every finding to its rule page, and every rule has a page', () => {
    const [finding] = analyzeText(BROKEN).findings;
    assert.equal(finding.docUrl, 'docs/rules/front-matter/syntax.md');
    for (const rule of ALL_CODES) {
      assert.ok(existsSync(join(__dirname, '..', '..', 'docs', 'rules', `${rule.code}.md`)), `docs/rules/${rule.code}.md is missing`);
    }
  });
});

describe('inline comments exclude lines', () => {
  it('talkdown-disable-line in YAML front matter silences that line only', () => {
    const text = lines('---', 'title: a: b # talkdown-disable-line', '---', '');
    assert.deepEqual(analyzeText(text).findings.map((f) => f.range.start.line), []);
    const unsilenced = lines('---', 'title: a: b', '---', '');
    assert.deepEqual(analyzeText(unsilenced).findings.map((f) => f.range.start.line), [1]);
  });

  it('talkdown-disable-next-line with a code, and with a family', () => {
    const text = lines('---', '# talkdown-disable-next-line front-matter/syntax', 'title: a: b', '---', '');
    assert.deepEqual(analyzeText(text).findings, []);
    const family = lines('---', '# talkdown-disable-next-line front-matter', 'title: a: b', '---', '');
    assert.deepEqual(analyzeText(family).findings, []);
    const other = lines('---', '# talkdown-disable-next-line spelling', 'title: a: b', '---', '');
    assert.equal(analyzeText(other).findings.length, 1);
  });

  it('HTML comments disable a stretch until talkdown-enable', () => {
    const text = lines('# x', '<!-- talkdown-disable document -->', 'a \uFFFD', '<!-- talkdown-enable -->', 'b \uFFFD', '');
    assert.deepEqual(analyzeText(text).findings.map((f) => f.range.start.line), [4]);
    const next = lines('# x', '<!-- talkdown-disable-next-line -->', 'a \uFFFD', 'b \uFFFD', '');
    assert.deepEqual(analyzeText(next).findings.map((f) => f.range.start.line), [3]);
    const same = lines('# x', 'a \uFFFD <!-- talkdown-disable-line document/invalid-encoding -->', '');
    assert.deepEqual(analyzeText(same).findings, []);
  });
});

describe('LineIndex', () => {
  it('maps offsets and positions for LF, CRLF and CR line breaks', () => {
    const index = new LineIndex('ab\ncd\r\nef\rg');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.equal(index.lineEnd(1), 5);
    assert.equal(index.offsetAt({ line: 1, character: 99 }), 5);
    assert.equal(index.offsetAt({ line: 9, character: 0 }), 11);
    // An offset between `\r` and `\n` is the end of its line.
    assert.deepEqual(index.positionAt(6), { line: 1, character: 2 });
  });
});

describe('rule documentation', () => {
  it('lists every rule in docs/rules/README.md with its default severity', async () => {
    const { readFileSync } = await import('node:fs');
    const index = readFileSync(join(__dirname, '..', '..', 'docs', 'rules', 'README.md'), 'utf8');
    const names = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;
    for (const rule of ALL_CODES) {
      assert.ok(index.includes(`| [${rule.code}](${rule.code}.md) | ${names[rule.defaultSeverity]} |`), `${rule.code} is not listed`);
    }
    // And nothing else: every row names a registered code.
    const listed = [...index.matchAll(/^\| \[([a-z-]+\/[a-z-]+)\]\(/gm)].map((m) => m[1]);
    assert.deepEqual(listed.filter((code) => !ALL_CODES.some((r) => r.code === code)), []);
    assert.equal(new Set(listed).size, listed.length, 'a code is listed twice');
  });
});
