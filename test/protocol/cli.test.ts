import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from '../support/build';

ensureBuilt();

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const EXAMPLES = join(__dirname, '..', '..', 'examples');

function talkdown(args: string[], cwd?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('talkdown lint (the bundled CLI)', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-cli-'));
    mkdirSync(join(dir, 'posts', 'nested'), { recursive: true });
    mkdirSync(join(dir, 'posts', 'node_modules'), { recursive: true });
    writeFileSync(join(dir, 'posts', 'broken.md'), '---\ntitle: Keynote: eBPF\n---\n# Day 1\n');
    writeFileSync(join(dir, 'posts', 'nested', 'clean.markdown'), '---\ntitle: "ok"\n---\n# Day 1\n');
    writeFileSync(join(dir, 'posts', 'nested', 'notes.txt'), '---\ntitle: a: b\n---\n');
    writeFileSync(join(dir, 'posts', 'node_modules', 'dep.md'), '---\ntitle: a: b\n---\n');
    writeFileSync(join(dir, 'posts', 'latin1.md'), Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    // A symlink cycle must not loop.
    symlinkSync(join(dir, 'posts'), join(dir, 'posts', 'nested', 'loop'));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks directories for .md and .markdown files and prints path:line:col severity code message', () => {
    const { code, stdout, stderr } = talkdown(['lint', 'posts'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.deepEqual(stdout.trim().split('\n'), [
      'posts/broken.md:2:8 error front-matter/syntax Invalid YAML: this value holds ": ", which YAML reads as a nested key. Put the value in quotes.',
      'posts/latin1.md:1:6 warning document/invalid-encoding Unreadable bytes: this file is not valid UTF-8 here, so the characters were replaced with U+FFFD. Re-save the file as UTF-8 from a copy that still has the original text.',
    ]);
  });

  it('prints the stable JSON format with 0-based LSP positions', () => {
    const { code, stdout } = talkdown(['lint', '--format', 'json', 'posts/broken.md', 'posts/nested/clean.markdown'], dir);
    assert.equal(code, 1);
    assert.deepEqual(JSON.parse(stdout), [
      {
        file: 'posts/broken.md',
        diagnostics: [
          {
            range: { start: { line: 1, character: 7 }, end: { line: 1, character: 20 } },
            severity: 1,
            code: 'front-matter/syntax',
            source: 'talkdown',
            message: 'Invalid YAML: this value holds ": ", which YAML reads as a nested key. Put the value in quotes.',
          },
        ],
      },
      { file: 'posts/nested/clean.markdown', diagnostics: [] },
    ]);
  });

  it('exits 0 when there are no errors (warnings do not fail)', () => {
    assert.equal(talkdown(['lint', 'posts/nested/clean.markdown'], dir).code, 0);
    assert.equal(talkdown(['lint', 'posts/latin1.md'], dir).code, 0);
  });

  it('gives the same finding as the editor on the examples', () => {
    const { stdout } = talkdown(['lint', '--format', 'json', EXAMPLES]);
    const files = JSON.parse(stdout) as { file: string; diagnostics: { code: string; range: { start: { line: number; character: number } } }[] }[];
    const fosdem = files.find((f) => f.file.endsWith('2024-02-05-fosdem-recap.md'));
    assert.deepEqual(fosdem?.diagnostics.map((d) => [d.code, d.range.start]), [['front-matter/syntax', { line: 2, character: 7 }]]);
    // Every kind of front-matter finding shows somewhere in the example sites.
    const codes = new Set(files.flatMap((f) => f.diagnostics.map((d) => d.code)));
    for (const code of ['syntax', 'unclosed', 'missing', 'missing-field', 'unknown-key', 'wrong-type', 'invalid-date', 'duplicate-key', 'empty-title', 'filename-date-mismatch', 'placeholder', 'similar-tag']) {
      assert.ok(codes.has(`front-matter/${code}`), `front-matter/${code} does not show on the examples`);
    }
    // The post with deliberate mistakes holds one typo and one repeated word; names and the
    // site's own words (`.talkdown/words.txt`) raise nothing anywhere.
    const devops = files.find((f) => f.file.endsWith('2024-06-20-devopsdays-recap.md'));
    assert.deepEqual(
      devops?.diagnostics.filter((d) => d.code.startsWith('spelling/')).map((d) => [d.code, d.range.start]),
      [['spelling/likely-typo', { line: 20, character: 20 }], ['spelling/repeated-word', { line: 21, character: 0 }]],
    );
    assert.ok(!files.some((f) => f.file.includes('/_posts/') && f.diagnostics.some((d) => d.code === 'spelling/unknown-word')));
    const clean = files.filter((f) => f.diagnostics.length === 0).map((f) => f.file.split('/').pop());
    assert.ok(clean.includes('2024-11-15-kubecon-na-recap.md'));
    assert.ok(clean.includes('devconf-notes.md'));
    assert.ok(clean.includes('gophercon-2024.md'));
    assert.ok(clean.includes('index.md'));
    assert.ok(!files.some((f) => f.file.includes('archetypes') && f.diagnostics.length > 0));
  });

  it('shows every kind of link finding on the examples, and none on the clean posts', () => {
    const { stdout } = talkdown(['lint', '--format', 'json', EXAMPLES]);
    const files = JSON.parse(stdout) as { file: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[];
    const codes = new Set(files.flatMap((f) => f.diagnostics.map((d) => d.code)));
    for (const code of ['no-such-file', 'missing-anchor', 'case-mismatch', 'empty-destination', 'missing-scheme', 'malformed-url', 'invalid-youtube-id', 'inverted-syntax', 'undefined-reference', 'unused-definition', 'undefined-footnote', 'unused-footnote', 'duplicate-footnote']) {
      assert.ok(codes.has(`link/${code}`), `link/${code} does not show on the examples`);
    }
    assert.ok(codes.has('structure/talk-without-link'));
    // Generator syntax that does not resolve: Hugo's figure and ref, Zola's @/, Jekyll's post_url.
    const linkFindings = (name: string) => files.find((f) => f.file.endsWith(name))!.diagnostics.filter((d) => d.code.startsWith('link/')).map((d) => `${d.code}:${d.range.start.line + 1}`);
    // Line 22's ref "gophercon.md" is no mistake: Hugo finds the tag page /tags/gophercon/ by that name.
    assert.deepEqual(linkFindings('srecon-notes.md'), ['link/no-such-file:20']);
    assert.deepEqual(linkFindings('fosdem-2025.md'), ['link/no-such-file:15']);
    // Clean posts, which link across their sites with each generator's syntax, have no finding at all.
    for (const clean of ['2024-11-15-kubecon-na-recap.md', '2024-03-22-kubecon-eu-paris.md', 'gophercon-2024.md', 'kubecon-eu-2025/index.md', 'devconf-notes.md']) {
      assert.deepEqual(files.find((f) => f.file.endsWith(clean))?.diagnostics, [], clean);
    }
  });

  for (const [args, message] of [
    [['lint', 'does-not-exist.md'], /^talkdown: does-not-exist\.md: no such file or directory/],
    [['lint', '--bogus', 'x.md'], /^talkdown: unknown option '--bogus'/],
    [['lint', '--format', 'xml', 'posts'], /^talkdown: unknown format "xml"/],
    [['lint'], /^talkdown: no files or directories given/],
    [['frobnicate'], /^talkdown: unknown command "frobnicate"/],
    [[], /^talkdown: no command given/],
  ] as const) {
    it(`exits 2 with one line for: talkdown ${args.join(' ')}`, () => {
      const { code, stdout, stderr } = talkdown([...args], dir);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1);
      assert.match(stderr, message);
    });
  }

  it('lists each file\'s findings in reading order', () => {
    const { stdout } = talkdown(['lint', '--format', 'json', EXAMPLES]);
    const files = JSON.parse(stdout) as { diagnostics: { range: { start: { line: number; character: number } } }[] }[];
    for (const { diagnostics } of files) {
      const at = diagnostics.map((d) => d.range.start.line * 1e6 + d.range.start.character);
      assert.deepEqual(at, [...at].sort((a, b) => a - b));
    }
    assert.ok(files.some((f) => f.diagnostics.length > 5));
  });

  it('prints help and version', () => {
    assert.match(talkdown(['--help']).stdout, /^usage: talkdown lint/);
    assert.match(talkdown(['--version']).stdout.trim(), /^\d+\.\d+\.\d+$/);
  });
});
