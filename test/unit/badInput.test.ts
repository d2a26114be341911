import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeUtf8 } from '../../server/src/node/workspace';
import { buildModel, CHECK_FAILED, DEFAULT_SETTINGS, RULE_FAMILIES, Severity, type RuleFamily } from '../../server/src/core';
import { runRules } from '../../server/src/core/rules/run';
import { testSession } from '../support/session';
import { testDictionary } from '../support/dictionary';
import { analyzeText, lines, source, summarize } from './util';

describe('bad input is reported or skipped, never a crash', () => {
  it('an empty file has no findings', () => {
    const { findings, model } = analyzeText('');
    assert.deepEqual(findings, []);
    assert.equal(model.frontMatter, undefined);
  });

  it('a file that is not valid UTF-8 gets one finding where the bytes were', () => {
    const bytes = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' talks\n')]);
    const text = decodeUtf8(bytes);
    assert.deepEqual(summarize(text, analyzeText(text)), ['document/invalid-encoding@0:5-0:6 "\uFFFD"']);
  });

  it('a file over the size limit gets only its front matter checked, with a note', () => {
    const body = ('## Talk\n' + 'text '.repeat(200) + '\n').repeat(10_500); // ≈ 10.6 MB
    const text = lines('---', 'title: a: b', '---', body);
    const { findings, model } = analyzeText(text);
    assert.ok(text.length > 10_000_000);
    assert.deepEqual(findings.map((f) => f.code), ['document/too-large', 'front-matter/syntax']);
    assert.equal(model.sections.length, 0);
  });

  it('a 1,000,000-character line is skipped with a note, and the rest is checked', () => {
    const text = lines('# Talk', '*a'.repeat(500_000), '', '[x]()', '');
    const { findings, model } = analyzeText(text);
    assert.deepEqual(summarize(text, { model, findings }), ['document/long-line@1:0-1:1 "*"', 'link/empty-destination@3:0-3:5 "[x]()"']);
    assert.ok(model.links.some((l) => l.kind === 'link' && l.url === ''));
  });

  it('CRLF line endings give the same positions as LF', () => {
    const lf = lines('---', 'title: ok', 'tags: [a', '---', '# x', '');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = analyzeText(lf).findings.map((f) => f.range);
    const b = analyzeText(crlf).findings.map((f) => f.range);
    assert.ok(a.length > 0);
    assert.deepEqual(b, a);
  });

  it('valid front matter with CRLF line endings has no findings, whatever its last line holds', () => {
    for (const last of ['tags: [a, b]', 'description: "Quoted"', "description: 'single'", 'author: {name: Jo}', 'tags:\n  - a']) {
      const text = lines('---', 'title: Hello world', last, '---', '', 'Text.', '').replace(/\n/g, '\r\n');
      assert.deepEqual(analyzeText(text).findings.filter((f) => f.code.startsWith('front-matter/')), [], last);
    }
    const toml = lines('+++', 'title = "Hello"', 'tags = ["a", "b"]', '+++', '', 'Text.', '').replace(/\n/g, '\r\n');
    assert.deepEqual(analyzeText(toml).findings.filter((f) => f.code.startsWith('front-matter/')), []);
    assert.deepEqual(analyzeText(lines('---', 'tags: [a, b]', '---', '').replace(/\n/g, '\r\n')).model.frontMatter?.data.tags, ['a', 'b']);
  });

  it('a BOM is counted as a character of the first line', () => {
    const text = '\uFEFF' + lines('---', 'title: Keynote: x', '---', '');
    assert.deepEqual(summarize(text, analyzeText(text)), ['front-matter/syntax@1:7-1:17 "Keynote: x"']);
    assert.equal(analyzeText('\uFEFF---\ntitle: x\n---\n').model.frontMatter?.data.title, 'x');
  });

  it('counts positions in UTF-16 code units after emoji', () => {
    // Each 🎤 is two UTF-16 code units, as LSP counts them.
    const value = '🎤🎤 Keynote: x';
    const yaml = lines('---', `title: ${value}`, '---', '');
    assert.deepEqual(summarize(yaml, analyzeText(yaml)), [`front-matter/syntax@1:7-1:${7 + value.length} ${JSON.stringify(value)}`]);
    assert.equal(value.length, 15);
    const toml = lines('+++', 'title = "🎤🎤" x', '+++', '');
    assert.deepEqual(summarize(toml, analyzeText(toml)), ['front-matter/syntax@1:15-1:16 "x"']);
  });

  it('deeply nested TOML and a front matter of 50,000 keys give a finding', () => {
    const nested = lines('+++', 'a = ' + '['.repeat(5000) + ']'.repeat(5000), '+++', '');
    assert.deepEqual(analyzeText(nested).findings.map((f) => [f.code, f.message]), [
      ['front-matter/syntax', 'This front matter is nested too deeply to be read.'],
    ]);
    const many = ['---', ...Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`), '---', ''].join('\n');
    assert.deepEqual(analyzeText(many).findings.map((f) => f.code), ['front-matter/too-large']);
    const fewer = ['---', ...Array.from({ length: 5_000 }, (_, i) => `k${i}: ${i}`), '---', ''].join('\n');
    assert.equal(Object.keys(analyzeText(fewer).model.frontMatter?.data ?? {}).length, 5_000);
  });

  it('front matter of several MB is not parsed, with a finding', () => {
    const text = ['---', ...Array.from({ length: 120_000 }, (_, i) => `key${i}: value number ${i}`), '---', '# Body', ''].join('\n');
    const { findings } = analyzeText(text);
    assert.deepEqual(findings.map((f) => f.code), ['front-matter/too-large']);
  });

  it('prose nested thousands of levels deep is checked without exhausting the stack', () => {
    // A dictionary, so that the spelling walk reads the prose.
    const text = lines('---', 'title: a: b', '---', '', '- '.repeat(2000) + 'itme', '', 'A performnce note.', '');
    const { findings } = analyzeText(text, {}, undefined, testSession({ dictionary: testDictionary() }));
    assert.ok(findings.some((f) => f.code === 'front-matter/syntax'));
    assert.ok(findings.some((f) => f.code === 'spelling/likely-typo' && f.message.includes('performnce')));
    assert.ok(!findings.some((f) => /could not run/.test(f.message)), findings.map((f) => f.message).join('\n'));
  });

  it('a check that fails leaves one note, however many codes it has, and the other checks run', () => {
    const failing: RuleFamily = {
      name: 'structure',
      checks: [
        {
          codes: { 'structure/a': { defaultSeverity: Severity.Information, summary: 'a' }, 'structure/b': { defaultSeverity: Severity.Information, summary: 'b' } },
          *check() {
            yield { code: 'structure/a', span: { start: 0, end: 1 }, message: 'first' };
            throw new Error('boom');
          },
        },
      ],
    };
    const session = testSession();
    const model = buildModel(source(lines('---', 'title: a: b', '---', '', '## A talk', '')), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    const findings = runRules({ model, settings: DEFAULT_SETTINGS, session, workspace: session.workspace }, [...RULE_FAMILIES.filter((f) => f.name !== 'structure'), failing]);
    const failed = findings.filter((f) => f.code === CHECK_FAILED);
    assert.equal(failed.length, 1);
    assert.match(failed[0].message, /could not run its structure checks.*boom/);
    assert.ok(findings.some((f) => f.code === 'structure/a'));
    assert.ok(findings.some((f) => f.code === 'front-matter/syntax'));
  });
});
