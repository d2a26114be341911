// Grammar tests: runs vscode-tmgrammar-test on test/grammar/*.test.md with VS Code's own
// Markdown grammar (from the VS Code server that test/vscode/setup.mjs installs) and
// Talkdown's grammars from package.json, whose `injectTo` makes the TOML front matter an
// injection into Markdown as in the editor. Usage: node test/grammar/run.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { ensureVSCodeServer, REPO_ROOT } from '../vscode/setup.mjs';

const HERE = join(REPO_ROOT, 'test', 'grammar');
const OUR_GRAMMAR = join(REPO_ROOT, 'syntaxes', 'toml-frontmatter.tmLanguage.json');

async function main() {
  const { serverMain } = await ensureVSCodeServer();
  // server-main.js is in lib/vscode/out/; the built-in extensions are beside out/.
  const markdownGrammar = join(dirname(serverMain), '..', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
  if (!existsSync(markdownGrammar)) throw new Error(`VS Code's Markdown grammar is missing: ${markdownGrammar}`);
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');

  const cases = readdirSync(HERE).filter((name) => name.endsWith('.test.md')).sort();
  if (cases.length === 0) throw new Error(`no grammar tests (*.test.md) in ${HERE}`);
  let passed = 0;
  let failed = 0;
  let assertions = 0;
  // One run per file, so that the closing line can count files, and a broken file cannot
  // hide the others' results.
  for (const name of cases) {
    const file = join(HERE, name);
    assertions += countAssertions(readFileSync(file, 'utf8'));
    const run = spawnSync(
      process.execPath,
      [cli, '--config', join(REPO_ROOT, 'package.json'), '-g', markdownGrammar, '-g', OUR_GRAMMAR, relative(REPO_ROOT, file)],
      // A malformed assertion line can send the tool's own parser into a very long backtrack.
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    // The Markdown grammar names embedded languages (YAML, JS…) that are not loaded here;
    // their "grammar not found" warnings are noise for these tests.
    const output = `${run.stdout}${run.stderr}`.split('\n').filter((line) => line.trim() && !/^grammar not found for /.test(line));
    if (run.status === 0) {
      passed++;
      console.log(`  ✔ ${name}`);
    } else {
      failed++;
      const why = run.error ? `\n  ${run.error.message}` : '';
      console.log(`  ✘ ${name}${why}\n${output.join('\n')}`);
    }
  }
  console.log(`grammar: ${passed} passed, ${failed} failed (${assertions} assertion lines)`);
  return failed === 0 ? 0 : 1;
}

/** Assertion lines start with the test file's comment token, then `^` or `<-`. */
function countAssertions(text) {
  const [header, ...lines] = text.split(/\r?\n/);
  const token = header.split(/\s/)[0];
  return lines.filter((line) => line.startsWith(token) && /^\s*(\^|<~*-)/.test(line.slice(token.length))).length;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`[grammar] ${err.message}`);
  process.exitCode = 1;
}
