/**
 * Spelling benchmark: loading the compiled dictionary (time and memory), and the spelling
 * pass on a 15 KB post (a fresh model each run, so its words are read anew; the per-word
 * verdicts a server keeps are warm, as after the first check), against cspell-lib checking the
 * same text in the same run. Run alone with `node --import tsx test/bench/spelling.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, DEFAULT_SETTINGS, DICTIONARY } from '../../server/src/core';
import { checkSpelling } from '../../server/src/core/rules/spelling/check';
import { Dictionary } from '../../server/src/core/spelling/dictionary';
import { testSession } from '../support/session';
import { generatePost } from './generate';

const COMPILED = join(__dirname, '..', '..', 'dist', 'dictionaries', 'en.dict');

function stats(times: number[]): { median: number; p95: number } {
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] };
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.external + m.arrayBuffers) / 1e6;
}

export async function benchSpelling(samples: { name: string; text: string }[] = []): Promise<void> {
  console.log('\nspelling');
  // Load: read and index the compiled file, as the server does on its first check.
  const loads: number[] = [];
  let dictionary: Dictionary | undefined;
  const before = heapMb();
  for (let i = 0; i < 7; i++) {
    dictionary = undefined;
    const t = performance.now();
    dictionary = new Dictionary(readFileSync(COMPILED));
    loads.push(performance.now() - t);
  }
  dictionary!.search('performnce', 1, () => true); // builds the search's character array
  dictionary!.common().search('performnce', 2, () => true); // and the common words' list
  const memory = heapMb() - before;
  const load = stats(loads);
  console.log(`dictionary load: median ${load.median.toFixed(1)} ms, max ${Math.max(...loads).toFixed(1)} ms (budget 150 ms); ${dictionary!.size.toLocaleString('en')} words; memory ${memory.toFixed(1)} MB (budget 40 MB${(globalThis as { gc?: unknown }).gc ? '' : ', measured without --expose-gc'})`);
  const session = testSession({ dictionary });
  // A second instance: switching between the two empties the per-word verdict caches, as a
  // server's first check of a post sees them.
  const other = new Dictionary(readFileSync(COMPILED));
  other.search('performnce', 1, () => true);
  other.common().search('performnce', 2, () => true);

  const { spellCheckDocument } = (await import('cspell-lib')) as typeof import('cspell-lib');
  const inputs = [...samples.filter((s) => s.text.length < 100_000), { name: 'generated 15 KB', text: generatePost(15_000) }];
  console.log('input'.padEnd(42) + 'first med'.padStart(10) + 'cold med'.padStart(10) + 'p95'.padStart(8) + '  keystroke med' + 'p95'.padStart(8) + 'cspell-lib med'.padStart(16) + 'ratio'.padStart(8));
  for (const { name, text } of inputs) {
    const models = Array.from({ length: 41 }, (_, i) => buildModel({ uri: `file:///bench/${i}.md`, version: i, getText: () => text }, { maxFileSize: DEFAULT_SETTINGS.maxFileSize }));
    checkSpelling(models[0], DEFAULT_SETTINGS, session); // first check: per-word verdicts
    const ours: number[] = [];
    for (const model of models.slice(1)) {
      const t = performance.now();
      checkSpelling(model, DEFAULT_SETTINGS, session);
      ours.push(performance.now() - t);
    }
    const document = { uri: 'file:///bench/post.md', text, languageId: 'markdown' };
    const settings = { language: 'en', words: [] };
    await spellCheckDocument(document, { generateSuggestions: false, noConfigSearch: true }, settings); // loads its dictionaries
    const theirs: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await spellCheckDocument(document, { generateSuggestions: false, noConfigSearch: true }, settings);
      theirs.push(performance.now() - t);
    }
    // A keystroke: one character typed in the middle; the model reuses the unchanged sections,
    // so only the edited section's words are read again.
    const mid = text.indexOf('\n', Math.floor(text.length / 2));
    let previous = models[0];
    const edited = Array.from({ length: 40 }, (_, i) => {
      const next = text.slice(0, mid) + (i % 2 ? 'x' : 'y') + text.slice(mid);
      previous = buildModel({ uri: 'file:///bench/0.md', version: 100 + i, getText: () => next }, { maxFileSize: DEFAULT_SETTINGS.maxFileSize, previous });
      return previous;
    });
    const keystrokes: number[] = [];
    for (const model of edited) {
      const t = performance.now();
      checkSpelling(model, DEFAULT_SETTINGS, session);
      keystrokes.push(performance.now() - t);
    }
    const fresh = Array.from({ length: 8 }, (_, i) => buildModel({ uri: `file:///bench/first-${i}.md`, version: i, getText: () => text }, { maxFileSize: DEFAULT_SETTINGS.maxFileSize }));
    const firsts: number[] = [];
    for (let i = 0; i < 8; i++) {
      session.provide(DICTIONARY, i % 2 ? dictionary! : other);
      const t = performance.now();
      checkSpelling(fresh[i], DEFAULT_SETTINGS, session);
      firsts.push(performance.now() - t);
    }
    session.provide(DICTIONARY, dictionary!);
    const f = stats(firsts);
    const a = stats(ours);
    const k = stats(keystrokes);
    const b = stats(theirs);
    console.log(
      `${name.slice(0, 40).padEnd(42)}${f.median.toFixed(1).padStart(10)}${a.median.toFixed(2).padStart(10)}${a.p95.toFixed(2).padStart(8)}${k.median.toFixed(2).padStart(15)}${k.p95.toFixed(2).padStart(8)}${b.median.toFixed(2).padStart(16)}${(b.median / a.median).toFixed(1).padStart(7)}x`,
    );
  }
  console.log('(first: the first check of a post, every word decided anew, as when a server opens it; cold: every section read anew; keystroke: one section edited, as the server re-checks; budget 3 ms median on a 15 KB post; ratio = cspell-lib / Talkdown cold)');
}

if (require.main === module) {
  // Run alone: the sample posts beside the repository (or beside its worktree), if any.
  const root = join(__dirname, '..', '..');
  const dir = [join(root, '..', 'shared', 'samples'), join(root, '..', '..', 'shared', 'samples')].find((d) => existsSync(d));
  const samples = dir ? readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') })) : [];
  void benchSpelling(samples);
}
