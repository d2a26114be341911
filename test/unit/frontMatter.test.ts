import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import matter from 'gray-matter';
import { analyzeText, lines, summarize } from './util';

describe('front matter: parse errors at the exact place', () => {
  it('reports a YAML value whose colon breaks the mapping, covering the value', () => {
    const text = lines('---', 'title: Keynote: the future', 'date: 2024-05-01', '---', '# Day 1', '');
    assert.deepEqual(summarize(text, analyzeText(text)), ['front-matter/syntax@1:7-1:26 "Keynote: the future"']);
  });

  it('reports other YAML errors with their line and column', () => {
    const text = lines('---', 'title: ok', 'tags: [a, b', 'date: 2024-05-01', '---', '');
    const found = analyzeText(text).findings;
    assert.ok(found.length >= 1);
    assert.equal(found[0].code, 'front-matter/syntax');
    assert.equal(found[0].range.start.line, 3);
    assert.match(found[0].message, /^Invalid YAML: /);
  });

  it('reports a TOML error between +++ lines, covering the unterminated string', () => {
    const text = lines('+++', 'title = "Notes from DevConf', 'date = 2024-03-02', '+++', '', '## Talks', '');
    assert.deepEqual(summarize(text, analyzeText(text)), ['front-matter/syntax@1:8-1:27 "\\"Notes from DevConf"']);
  });

  it('reports a TOML error on the offending token', () => {
    const text = lines('+++', 'title = "ok"', 'date = 2024-13-45', '+++', '');
    const [finding] = analyzeText(text).findings;
    assert.equal(finding.code, 'front-matter/syntax');
    assert.equal(finding.range.start.line, 2);
    assert.match(finding.message, /^Invalid TOML: /);
  });

  it('reports JSON front matter errors (Hugo) at the token', () => {
    const text = lines('{', '  "title": "Recap",', '  "date" "2024-05-01"', '}', '', 'Body', '');
    assert.deepEqual(summarize(text, analyzeText(text)), ['front-matter/syntax@2:9-2:21 "\\"2024-05-01\\""']);
  });

  it('accepts valid YAML, TOML and JSON front matter and exposes data and key ranges', () => {
    const yaml = lines('---', 'title: "Recap"', 'tags: [kubecon, ebpf]', '---', '');
    const toml = lines('+++', 'title = "Recap"', 'date = 2024-03-02', '[taxonomies]', 'tags = ["rust"]', '+++', '');
    const json = lines('{', '  "title": "Recap",', '  "tags": ["go"]', '}', '');
    for (const text of [yaml, toml, json]) {
      const { model, findings } = analyzeText(text);
      assert.deepEqual(findings, []);
      assert.equal(model.frontMatter?.data.title, 'Recap');
      const title = model.frontMatter?.entries.find((e) => e.path.join('.') === 'title');
      assert.ok(title);
      assert.equal(text.slice(title.keySpan.start, title.keySpan.end).replace(/"/g, ''), 'title');
      assert.equal(text.slice(title.valueSpan.start, title.valueSpan.end), '"Recap"');
    }
    const { model } = analyzeText(toml);
    assert.deepEqual(model.frontMatter?.data.taxonomies, { tags: ['rust'] });
    assert.ok(model.frontMatter?.entries.some((e) => e.path.join('.') === 'taxonomies.tags'));
  });

  it('reports an unclosed block on its opening delimiter, for each format', () => {
    for (const [open, body] of [['---', 'title: x'], ['+++', 'title = "x"']] as const) {
      const text = lines(open, body, '', '# Heading', 'text', '');
      assert.deepEqual(summarize(text, analyzeText(text)), [`front-matter/unclosed@0:0-0:3 "${open}"`]);
    }
    const json = lines('{', '  "title": "x"', '', '# Heading', '');
    assert.deepEqual(summarize(json, analyzeText(json)), ['front-matter/unclosed@0:0-0:1 "{"']);
  });

  it('treats a file that is only an opening delimiter as unclosed', () => {
    assert.deepEqual(summarize('---', analyzeText('---')), ['front-matter/unclosed@0:0-0:3 "---"']);
  });

  it('reports a duplicate key on its second occurrence', () => {
    const text = lines('---', 'title: a', 'date: 2024-05-01', 'title: b', '---', '');
    assert.deepEqual(summarize(text, analyzeText(text)), ['front-matter/duplicate-key@3:0-3:5 "title"']);
  });

  it('reports front matter that is not a mapping', () => {
    const text = lines('---', '- a', '- b', '---', '');
    assert.deepEqual(summarize(text, analyzeText(text)).map((s) => s.split('@')[0]), ['front-matter/not-a-mapping']);
  });

  it('does not treat a thematic break or a shortcode as front matter', () => {
    assert.deepEqual(analyzeText(lines('----', 'text', '')).findings, []);
    assert.deepEqual(analyzeText(lines('{{< figure src="a.png" >}}', '')).findings, []);
    assert.equal(analyzeText(lines('# Title', '', '---', '')).model.frontMatter, undefined);
  });

  it('accepts an empty block and a block of comments', () => {
    assert.deepEqual(analyzeText(lines('---', '---', '# x', '')).findings, []);
    assert.deepEqual(analyzeText(lines('---', '# draft', '---', '')).findings, []);
  });

  it('accepts Jekyll’s `...` closing line', () => {
    const { findings, model } = analyzeText(lines('---', 'title: x', '...', 'Body', ''));
    assert.deepEqual(findings, []);
    assert.equal(model.frontMatter?.data.title, 'x');
  });
});

describe('front matter is data, never code', () => {
  for (const tag of ['js', 'javascript', 'coffee']) {
    it(`does not run ---${tag} front matter and reports it`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'talkdown-'));
      const marker = join(dir, 'ran');
      try {
        const code = `{ title: require("fs").writeFileSync(${JSON.stringify(marker)}, "x") || "t" }`;
        const text = lines(`---${tag}`, code, '---', '# Body', '');
        const { findings } = analyzeText(text);
        assert.equal(existsSync(marker), false, 'the front matter was executed');
        assert.deepEqual(summarize(text, { findings } as never), [`front-matter/executable@0:3-0:${3 + tag.length} "${tag}"`]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('reports a language it does not know', () => {
    const text = lines('---ini', 'a=1', '---', '');
    assert.deepEqual(summarize(text, analyzeText(text)), ['front-matter/unknown-language@0:3-0:6 "ini"']);
  });

  it('does not grow gray-matter’s cache, however many texts it parses', () => {
    // gray-matter keeps `cache` on the function; its typings do not declare it.
    const cache = () => Object.keys((matter as unknown as { cache: object }).cache).length;
    const before = cache();
    for (let i = 0; i < 10_000; i++) analyzeText(lines('---', `title: post ${i}`, '---', ''));
    assert.equal(cache(), before);
  });

  it('stops a YAML alias bomb with a finding', () => {
    const bomb = lines(
      '---',
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      '---',
      '',
    );
    const { findings } = analyzeText(bomb);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'front-matter/syntax');
    assert.match(findings[0].message, /alias/i);
  });
});
