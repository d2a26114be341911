import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { ensureBuilt } from '../support/build';

ensureBuilt();

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

function talkdown(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A Hugo site with one post of safe mistakes, and others that --fix must leave as they are. */
const SEEDED = [
  '---',
  'title: "KubeCon recap"',
  'descripton: "Three days in Salt Lake City"',
  'date: 2024-11-15',
  '---',
  '',
  '## Keynotes',
  '',
  'The the opening keynote was about platform teams.',
  '',
  'See (the slides)[https://example.com/slides] and [the video](www.youtube.com/watch?v=AbCdEfGhIjK).',
  '',
].join('\n');

const FIXED = SEEDED.replace('descripton:', 'description:').replace('The the opening', 'The opening').replace('(the slides)[https://example.com/slides]', '[the slides](https://example.com/slides)').replace('(www.youtube', '(https://www.youtube');

describe('talkdown lint in CI', () => {
  let dir: string;
  const untouched: Record<string, Buffer> = {};

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-ci-'));
    mkdirSync(join(dir, 'content', 'posts'), { recursive: true });
    mkdirSync(join(dir, '.talkdown'));
    writeFileSync(join(dir, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Recaps"\n');
    writeFileSync(join(dir, 'content', 'posts', 'seeded.md'), SEEDED);
    // A likely typo with several candidates is a choice: --fix leaves it, and the CRLF file with it.
    const crlf = '---\r\ntitle: "Notes"\r\ndate: 2024-11-16\r\n---\r\n\r\nA great talkk of note.\r\n';
    writeFileSync(join(dir, 'content', 'posts', 'crlf.md'), crlf);
    writeFileSync(join(dir, 'content', 'posts', 'clean.md'), '---\ntitle: "Clean"\ndate: 2024-11-17\n---\n\nAll fine here.\n');
    for (const name of ['crlf.md', 'clean.md']) untouched[name] = readFileSync(join(dir, 'content', 'posts', name));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--fix repairs what has one unambiguous fix and leaves everything else byte for byte', () => {
    const { code, stdout, stderr } = talkdown(['lint', '--fix', '.'], dir);
    assert.equal(readFileSync(join(dir, 'content', 'posts', 'seeded.md'), 'utf8'), FIXED);
    for (const [name, bytes] of Object.entries(untouched)) assert.ok(readFileSync(join(dir, 'content', 'posts', name)).equals(bytes), `${name} changed`);
    assert.match(stderr, /seeded\.md:3 fixed front-matter\/unknown-key/);
    assert.match(stderr, /fixed 4 problems; what remains follows/);
    // What remains is reported as usual.
    assert.match(stdout, /crlf\.md:6:9 warning spelling\/likely-typo/);
    assert.equal(code, 0);
    // A second run has nothing left to fix.
    assert.match(talkdown(['lint', '--fix', '.'], dir).stderr, /fixed 0 problems/);
  });

  it('writes SARIF 2.1.0 that validates against its schema, with rules, help and 1-based regions', () => {
    const { stdout } = talkdown(['lint', '--format', 'sarif', '.'], dir);
    const log = JSON.parse(stdout);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(log) as boolean, JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'Talkdown');
    assert.ok(run.tool.driver.rules.some((r: { id: string; helpUri: string }) => r.id === 'spelling/likely-typo' && r.helpUri.endsWith('docs/rules/spelling/likely-typo.md')));
    const typo = run.results.find((r: { ruleId: string }) => r.ruleId === 'spelling/likely-typo');
    assert.deepEqual(typo.locations[0].physicalLocation, {
      artifactLocation: { uri: 'content/posts/crlf.md', uriBaseId: 'ROOT' },
      region: { startLine: 6, startColumn: 9, endLine: 6, endColumn: 14 },
    });
    assert.equal(typo.level, 'warning');
    assert.equal(run.tool.driver.rules[typo.ruleIndex].id, 'spelling/likely-typo');
  });

  it('writes GitHub Actions annotations', () => {
    const { stdout } = talkdown(['lint', '--format', 'github', 'content/posts/crlf.md'], dir);
    assert.match(stdout.trim(), /^::warning file=content\/posts\/crlf\.md,line=6,col=9,endLine=6,endColumn=14,title=spelling\/likely-typo::"talkk" looks misspelled/);
  });

  it('fails on more warnings than --max-warnings, and --quiet shows errors only', () => {
    assert.equal(talkdown(['lint', '--max-warnings', '50', '.'], dir).code, 0);
    const over = talkdown(['lint', '--max-warnings', '0', '.'], dir);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /talkdown: \d+ warnings, more than --max-warnings 0/);
    const quiet = talkdown(['lint', '--quiet', '.'], dir);
    assert.equal(quiet.stdout, '');
    assert.equal(talkdown(['lint', '--max-warnings', 'lots', '.'], dir).code, 2);
  });

  it('reads .talkdown/config.jsonc, or the file --config names, and reports its mistakes on it', () => {
    writeFileSync(join(dir, '.talkdown', 'config.jsonc'), '{\n  // the team turns typos into errors\n  "rules": { "spelling/likely-typo": "error" },\n  "sites": {}\n}\n');
    const found = talkdown(['lint', '.'], dir);
    assert.equal(found.code, 1);
    assert.match(found.stdout, /^\.talkdown\/config\.jsonc:4:3 warning config\/invalid Talkdown has no setting "sites"/m);
    assert.match(found.stdout, /crlf\.md:6:9 error spelling\/likely-typo/);
    writeFileSync(join(dir, 'ci.jsonc'), '{ "rules": { "spelling": "off" } }');
    const named = talkdown(['lint', '--config', 'ci.jsonc', '.'], dir);
    assert.equal(named.code, 0);
    assert.doesNotMatch(named.stdout, /spelling\//);
    assert.equal(talkdown(['lint', '--config', 'missing.jsonc', '.'], dir).code, 2);
    rmSync(join(dir, '.talkdown', 'config.jsonc'));
  });
});
