/**
 * The differential fuzzer, CI-sized: a few thousand edit steps, each analysed incrementally
 * (reusing the previous model) and from scratch, and compared. See harness.ts for the
 * properties. FUZZ_RUNS sets the number of edit steps (cases), FUZZ_SEED the seed, FUZZ_PATH
 * a fast-check replay path; `npm run fuzz` runs 100,000 cases.
 */
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fuzzParameters, fuzzProperty, coverage, installDictionary, knownIssuesReport, stats } from './harness';

const steps = Number(process.env.FUZZ_RUNS ?? 2500);
// A bound for slow machines: runs stop being started after this, and the test says how many ran.
const timeLimitMs = Number(process.env.FUZZ_TIME_LIMIT_MS ?? 45_000);
const seed = Number(process.env.FUZZ_SEED ?? 0x7a1d0);
const path = process.env.FUZZ_PATH;

describe('incremental analysis equals analysis from scratch (differential fuzzing)', () => {
  it(`after every edit of ${steps} edit steps (seed ${seed})`, (t) => {
    installDictionary();
    const started = performance.now();
    try {
      fc.assert(fuzzProperty, fuzzParameters({ steps, seed, path, timeLimitMs }));
    } catch (error) {
      // fast-check's message has the seed and the replay path; say how to use them.
      console.error(`Fuzz failure with FUZZ_SEED=${seed}. Replay: FUZZ_SEED=${seed} FUZZ_PATH=<path from the message> node --import tsx --test test/fuzz/incremental.test.ts`);
      throw error;
    }
    t.diagnostic(`${stats.steps} edit steps in ${stats.runs} runs, ${((performance.now() - started) / 1000).toFixed(1)} s; slowest incremental step ${stats.maxStepMs.toFixed(1)} ms`);
    t.diagnostic(coverage());
    for (const line of knownIssuesReport()) t.diagnostic(line);
  });
});
