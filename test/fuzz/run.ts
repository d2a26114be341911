/**
 * `npm run fuzz`: the differential fuzzer at full size. A case is one edit step checked (an
 * incremental and a from-scratch analysis of the edited text, compared); the default is
 * 100,000 cases. Unlike the CI test it keeps going after a failure, with the next seed, and
 * reports every failure it found, shrunk, with its seed and replay path.
 *
 *   npm run fuzz                       # 100,000 cases, seed from FUZZ_SEED or the clock
 *   FUZZ_RUNS=20000 FUZZ_SEED=1 npm run fuzz
 *   FUZZ_TIME_LIMIT_MS=900000 npm run fuzz   # as many of the 100,000 as fit in 15 minutes
 */
import fc from 'fast-check';
import { fuzzParameters, fuzzProperty, coverage, installDictionary, knownIssuesReport, PropertyFailure, stats } from './harness';

const total = Number(process.env.FUZZ_RUNS ?? 100_000);
const firstSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
/** Cases per fast-check batch; a failure ends its batch, the next batch starts with a new seed. */
const batch = Number(process.env.FUZZ_BATCH ?? 5_000);
/** Optional time budget: no run is started after it, and the report says how far it got. */
const timeLimitMs = process.env.FUZZ_TIME_LIMIT_MS ? Number(process.env.FUZZ_TIME_LIMIT_MS) : undefined;
/**
 * A batch, its shrinking included, stops after this long: shrinking a long edit sequence can
 * take many minutes, and a failure partly shrunk is still reported (with its replay path).
 */
const batchLimitMs = Number(process.env.FUZZ_BATCH_TIME_LIMIT_MS ?? 180_000);

installDictionary();
const started = performance.now();
const failures: { seed: number; path?: string; message: string }[] = [];
let seed = firstSeed;
let lastReport = started;
while (stats.steps < total) {
  const before = stats.steps;
  stats.shrinking = false;
  const left = timeLimitMs === undefined ? Infinity : timeLimitMs - (performance.now() - started);
  if (left <= 0) break;
  const details = fc.check(fuzzProperty, fuzzParameters({ steps: Math.min(batch, total - stats.steps), seed, timeLimitMs: Math.min(left, batchLimitMs) }));
  if (details.failed) {
    const error = details.errorInstance;
    const message = error instanceof PropertyFailure ? error.message : String((error as Error | undefined)?.stack ?? error);
    failures.push({ seed, path: details.counterexamplePath ?? undefined, message });
    console.log(`\n✗ seed ${seed} path ${details.counterexamplePath} (after ${details.numShrinks} shrinks)\n${message}\n`);
  }
  if (stats.steps === before && !details.failed) break; // nothing ran: do not spin
  seed = (seed + 1) % 2 ** 31;
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now();
    console.log(`… ${stats.steps} cases, ${((lastReport - started) / 1000).toFixed(0)} s, ${failures.length} failures`);
  }
}
const seconds = (performance.now() - started) / 1000;
if (stats.steps < total) console.log(`\nStopped at the time limit of ${((timeLimitMs ?? 0) / 1000).toFixed(0)} s, after ${stats.steps} of ${total} cases.`);
console.log(
  `\n${stats.steps} cases (edit steps) in ${stats.runs} runs (and ${stats.shrinkSteps} more while shrinking), ${seconds.toFixed(1)} s (${((stats.steps / seconds) | 0)}/s), seeds ${firstSeed}–${seed}; ` +
    `slowest incremental step ${stats.maxStepMs.toFixed(1)} ms (${stats.slowestText.length} chars); ${failures.length} failures.`,
);
console.log(`  coverage: ${coverage()}`);
for (const line of knownIssuesReport()) console.log(`  ${line}`);
const byProperty = new Map<string, number>();
for (const f of failures) {
  const p = /^\[([^\]]+)\]/.exec(f.message)?.[1] ?? 'other';
  byProperty.set(p, (byProperty.get(p) ?? 0) + 1);
}
for (const [p, n] of byProperty) console.log(`  ${p}: ${n}`);
process.exitCode = failures.length > 0 ? 1 : 0;
