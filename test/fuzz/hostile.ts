/**
 * Times `analyze` on hostile inputs, each in a child process with a timeout, and prints a
 * table. Nothing is asserted: this is a measurement (`node --import tsx test/fuzz/hostile.ts`).
 * With real spelling, build first (`npm run build`) so that dist/dictionaries/en.dict exists;
 * without it the fuzzer's small in-memory dictionary is used.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisSession, analyze, DEFAULT_SETTINGS, DICTIONARY, fixedClock, MemoryWorkspace } from '../../server/src/core';
import { Dictionary } from '../../server/src/core/spelling/dictionary';
import { generatePost } from '../bench/generate';
import { installDictionary } from './harness';

const INPUTS: Record<string, () => string> = {
  'quotes 9,998 deep': () => '>'.repeat(9998) + ' x',
  'quotes 9,998 deep, spaced': () => '> '.repeat(4999) + 'x',
  'list 5,000 deep, one line (10,001 chars: over the long-line limit)': () => '- '.repeat(5000) + 'x',
  'list 4,999 deep, one line (9,999 chars)': () => '- '.repeat(4999) + 'x',
  'list 5,000 deep, one item a line (25 MB)': () => Array.from({ length: 5000 }, (_, i) => '  '.repeat(i) + '- item').join('\n'),
  'list 2,000 deep, one item a line (4 MB)': () => Array.from({ length: 2000 }, (_, i) => '  '.repeat(i) + '- item').join('\n'),
  '100,000 lines of *a': () => Array.from({ length: 100_000 }, () => '*a').join('\n'),
  '100,000 [ on their own lines': () => '[\n'.repeat(100_000),
  '100,000 [a on their own lines': () => '[a\n'.repeat(100_000),
  '50,000 footnote references to one footnote, one a line': () => 'See [^1].\n'.repeat(50_000) + '\n[^1]: The note.\n',
  '50,000 footnote references, 10 a paragraph': () => ('[^1] '.repeat(10) + '\n\n').repeat(5_000) + '[^1]: The note.\n',
  '50,000 footnote references, one section each': () => Array.from({ length: 50_000 }, (_, i) => `## T${i}\n[^1]\n`).join('') + '\n[^1]: The note.\n',
  'ordinary post, 1 MB': () => generatePost(1_000_000),
  'ordinary post, 3 MB': () => generatePost(3_000_000),
};

const TIMEOUT_MS = Number(process.env.HOSTILE_TIMEOUT_MS ?? 60_000);

function runOne(name: string): void {
  const compiled = join(__dirname, '..', '..', 'dist', 'dictionaries', 'en.dict');
  const dictionary = existsSync(compiled) && !process.env.HOSTILE_SMALL_DICTIONARY ? new Dictionary(readFileSync(compiled, 'utf8')) : undefined;
  if (!dictionary) installDictionary();
  const text = INPUTS[name]();
  const ws = new MemoryWorkspace();
  const session = new AnalysisSession({ workspace: ws, clock: fixedClock('2025-06-15T12:00:00Z'), inputs: dictionary ? [[DICTIONARY, dictionary]] : [] });
  const uri = 'file:///site/_posts/2024-05-01-hostile.md';
  const t0 = performance.now();
  const first = analyze(session, { uri, version: 1, getText: () => text }, { settings: DEFAULT_SETTINGS });
  const t1 = performance.now();
  // One character typed in the middle: the incremental path.
  const mid = text.indexOf('\n', text.length >> 1) + 1 || text.length;
  const edited = text.slice(0, mid) + 'x' + text.slice(mid);
  const second = analyze(session, { uri, version: 2, getText: () => edited }, { settings: DEFAULT_SETTINGS, previous: first.model });
  const t2 = performance.now();
  const codes = new Map<string, number>();
  for (const f of second.findings) codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
  const crashed = second.findings.filter((f) => /could not run/.test(f.message)).map((f) => f.code);
  console.log(
    JSON.stringify({
      chars: text.length,
      scratchMs: Math.round(t1 - t0),
      editMs: Math.round(t2 - t1),
      sections: first.model.sections.length,
      findings: Object.fromEntries(codes),
      crashed,
    }),
  );
}

if (process.argv[2] === '--one') {
  runOne(process.argv[3]);
} else {
  for (const name of Object.keys(INPUTS)) {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--one', name], { encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 1 << 26 });
    const wall = Math.round(performance.now() - started);
    const out = child.stdout.trim().split('\n').pop() ?? '';
    if (child.error || child.status !== 0) {
      const why = child.error ? String(child.error.message) : (child.stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${child.status}`);
      console.log(`${name}: FAILED after ${wall} ms wall (${why})`);
    } else {
      console.log(`${name}: ${out} (${wall} ms wall incl. process start)`);
    }
  }
}
