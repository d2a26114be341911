import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const VSCE = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

describe('the VSIX', () => {
  const dir = mkdtempSync(join(tmpdir(), 'talkdown-vsix-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds only the bundles, the manifest, the docs, the grammar and the snippets', () => {
    const listed = execFileSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    assert.ok(listed.includes('dist/server.js'));
    assert.ok(listed.includes('dist/analysisWorker.js'), 'the analysis worker ships beside the server');
    assert.ok(listed.includes('dist/client/extension.js'));
    assert.ok(listed.includes('docs/rules/front-matter/syntax.md'));
    assert.ok(listed.includes('dist/dictionaries/en.dict'), 'the compiled spelling dictionary ships');
    for (const language of ['es', 'pt', 'de', 'fr', 'pl', 'it', 'nl']) assert.ok(listed.includes(`dist/dictionaries/${language}.trie.br`), `the ${language} dictionary ships`);
    assert.ok(listed.includes('dist/config.schema.json'), 'the configuration schema ships');
    const allowed = /^(package\.json|README\.md|dist\/server\.js|dist\/analysisWorker\.js|dist\/client\/extension\.js|dist\/dictionaries\/(?:en\.dict|[a-z]{2}\.trie\.br)|dist\/config\.schema\.json|docs\/(rules|images)\/.+|syntaxes\/.+|snippets\/.+)$/;
    assert.deepEqual(listed.filter((f) => !allowed.test(f)), []);
  });

  // 3 MB held the bundles and the English dictionary (about 2 MB of it). The dictionaries of
  // seven other languages (Spanish, Portuguese, German, French, Polish, Italian, Dutch) add about
  // 10.4 MB: they are already compressed tries (the large ones in cspell's binary form, quick
  // to read), read only when a post in that language is open, and recaps in those languages are
  // checked rather than skipped. The limit is the sum plus a margin.
  it('weighs at most 14 MB', () => {
    const out = join(dir, 'talkdown.vsix');
    execFileSync(process.execPath, [VSCE, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--skip-license', '--out', out], { cwd: ROOT, stdio: 'pipe' });
    const size = statSync(out).size;
    assert.ok(size <= 14 * 1024 * 1024, `${size} bytes`);
  });
});
