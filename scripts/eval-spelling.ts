/**
 * npm run eval:spelling: recall (misspelled and doubled words), precision of warnings and
 * top-3 suggestion accuracy on the labelled posts in test/spelling/eval/, and on the sample
 * posts in ../shared/samples/ when they are there (their labels list only words and fixes).
 * With --dir <folder>, only the posts in that folder, labelled by its labels.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, DEFAULT_SETTINGS, type Session } from '../server/src/core';
import type { SpellingData } from '../server/src/core/rules/spelling';
import { testSession } from '../test/support/session';

const ROOT = join(__dirname, '..');
const DICTIONARY = join(ROOT, 'dist', 'dictionaries', 'en.dict');

interface Label {
  typos: Record<string, string>;
  repeats: string[];
  otherLanguage?: boolean;
}

interface Tally {
  expected: number;
  found: number;
  warnings: number;
  correctWarnings: number;
  typos: number;
  top3: number;
  /** Unknown-word hints, and the labelled typos among them (what the decision kept off the warnings). */
  hints: number;
  typosAmongHints: number;
  misses: string[];
  falseAlarms: string[];
  badSuggestions: string[];
}

function evaluate(session: Session, dir: string, labels: Record<string, Label>): Tally {
  const tally: Tally = { expected: 0, found: 0, warnings: 0, correctWarnings: 0, typos: 0, top3: 0, hints: 0, typosAmongHints: 0, misses: [], falseAlarms: [], badSuggestions: [] };
  for (const [file, label] of Object.entries(labels)) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    const { findings } = analyze(session, { uri: `file:///eval/${file}`, version: 1, getText: () => text }, { settings: DEFAULT_SETTINGS });
    const typoFindings = findings.filter((f) => f.code === 'spelling/likely-typo');
    const repeatFindings = findings.filter((f) => f.code === 'spelling/repeated-word');
    if (label.otherLanguage) {
      tally.expected++;
      if (findings.some((f) => f.code === 'spelling/other-language')) tally.found++;
      else tally.misses.push(`${file}: no other-language note`);
    }
    const typoWords = new Map(Object.entries(label.typos).map(([w, fix]) => [w.toLowerCase(), fix]));
    for (const [word, fix] of typoWords) {
      tally.expected++;
      tally.typos++;
      const hit = typoFindings.find((f) => (f.data as SpellingData).word.toLowerCase() === word);
      if (!hit) {
        tally.misses.push(`${file}: ${word}`);
        continue;
      }
      tally.found++;
      const suggestions = (hit.data as SpellingData).suggestions.slice(0, 3).map((s) => s.toLowerCase());
      if (suggestions.includes(fix.toLowerCase())) tally.top3++;
      else tally.badSuggestions.push(`${word} → ${fix} (got ${suggestions.join(', ') || 'none'})`);
    }
    for (const f of findings.filter((x) => x.code === 'spelling/unknown-word')) {
      tally.hints++;
      if (typoWords.has((f.data as SpellingData).word.toLowerCase())) tally.typosAmongHints++;
    }
    const seen = new Set<string>();
    for (const f of typoFindings) {
      tally.warnings++;
      const word = (f.data as SpellingData).word.toLowerCase();
      if (typoWords.has(word)) tally.correctWarnings++;
      else tally.falseAlarms.push(`${file}: ${word}`);
      seen.add(word);
    }
    const repeats = [...label.repeats];
    tally.expected += repeats.length;
    for (const f of repeatFindings) {
      tally.warnings++;
      const i = repeats.indexOf((f.data as SpellingData).word.toLowerCase());
      if (i !== -1) {
        repeats.splice(i, 1);
        tally.found++;
        tally.correctWarnings++;
      } else {
        tally.falseAlarms.push(`${file}: repeated ${(f.data as SpellingData).word}`);
      }
    }
    for (const r of repeats) tally.misses.push(`${file}: repeated ${r}`);
  }
  return tally;
}

const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);

function report(name: string, t: Tally): void {
  console.log(`\n${name}`);
  console.log(`  recall (misspelled + doubled words, other-language notes): ${pct(t.found, t.expected)} (${t.found}/${t.expected})   target ≥ 95%`);
  console.log(`  precision of warnings:                                     ${pct(t.correctWarnings, t.warnings)} (${t.correctWarnings}/${t.warnings})   target ≥ 50%`);
  console.log(`  right correction in the top 3 suggestions:                 ${pct(t.top3, t.typos)} (${t.top3}/${t.typos})   target ≥ 90%`);
  // The same words with no decision between typos and unknown words: every unknown word a warning.
  const all = t.warnings + t.hints;
  console.log(
    `  the typo/unknown decision: ${t.hints} unknown words kept as hints (${t.typosAmongHints} of them labelled typos); with every unknown word a warning, precision would be ${pct(t.correctWarnings + t.typosAmongHints, all)} (${t.correctWarnings + t.typosAmongHints}/${all})`,
  );
  if (t.misses.length) console.log(`  missed: ${t.misses.join('; ')}`);
  if (t.falseAlarms.length) console.log(`  false alarms: ${t.falseAlarms.join('; ')}`);
  if (t.badSuggestions.length) console.log(`  suggestions without the fix: ${t.badSuggestions.join('; ')}`);
}

if (!existsSync(DICTIONARY)) {
  console.error(`No compiled dictionary at ${DICTIONARY}: run npm run build first.`);
  process.exit(2);
}
// One session for every post: the dictionary is read once.
const session = testSession({ dictionary: () => readFileSync(DICTIONARY, 'latin1') });
const dirArg = process.argv.indexOf('--dir');
if (dirArg >= 0) {
  // --dir <folder>: evaluate only the posts in that folder, labelled by its own labels.json.
  const dir = resolve(process.argv[dirArg + 1] ?? '.');
  report(`Evaluation set (${dir})`, evaluate(session, dir, JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8'))));
  process.exit(0);
}
const evalDir = join(ROOT, 'test', 'spelling', 'eval');
report('Talkdown evaluation set (test/spelling/eval)', evaluate(session, evalDir, JSON.parse(readFileSync(join(evalDir, 'labels.json'), 'utf8'))));
const samples = [join(ROOT, '..', 'shared', 'samples'), join(ROOT, '..', '..', 'shared', 'samples')].find((d) => existsSync(d)) ?? join(ROOT, '..', 'shared', 'samples');
if (existsSync(samples)) {
  report(`Sample posts (${samples})`, evaluate(session, samples, JSON.parse(readFileSync(join(evalDir, 'samples-labels.json'), 'utf8'))));
} else {
  console.log(`\n(no sample posts at ${samples})`);
}
