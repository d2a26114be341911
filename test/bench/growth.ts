/**
 * Two measurements of issue 14, each in the same run as its baseline:
 * - linear growth: a fresh analysis of an ordinary 3 MB post costs about 3× one of 1 MB (no
 *   deadline, in process; median of 3 runs each, wall and CPU time);
 * - the worker hop: edit to published diagnostics on a 15 KB post through the language server,
 *   with analysis on the main thread (`TALKDOWN_ANALYSIS_WORKER=never`, the old path), as the
 *   server chooses (`auto`: a small post stays on the main thread) and forced into the worker
 *   (`always`), servers interleaved edit by edit.
 * Run alone with `node --import tsx test/bench/growth.ts [linear|hop]` (after `npm run build`).
 */
import { AnalysisSession, analyze, DEFAULT_SETTINGS, fixedClock, MemoryWorkspace } from '../../server/src/core';
import { ServerUnderTest } from '../protocol/lspClient';
import { generatePost } from './generate';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds (wall and CPU) of a fresh analysis of `text`, median of `runs`. */
function analysisCost(text: string, runs: number): { wall: number; cpu: number } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    // A new session each run: nothing of the last run is reused.
    const session = new AnalysisSession({ workspace: new MemoryWorkspace(), clock: fixedClock('2025-06-15T12:00:00Z') });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    analyze(session, { uri: 'file:///bench/_posts/2024-11-15-growth.md', version: 1, getText: () => text }, { settings: DEFAULT_SETTINGS });
    walls.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

export function benchLinearGrowth(): void {
  const small = generatePost(1_000_000);
  const large = generatePost(3_000_000);
  analysisCost(generatePost(100_000), 2); // warm up
  const a = analysisCost(small, 3);
  const b = analysisCost(large, 3);
  console.log('\nlinear growth: fresh analysis of an ordinary post, no deadline (median of 3)');
  console.log(`  1 MB: ${a.wall.toFixed(0)} ms (cpu ${a.cpu.toFixed(0)} ms)   3 MB: ${b.wall.toFixed(0)} ms (cpu ${b.cpu.toFixed(0)} ms)`);
  console.log(`  3 MB / 1 MB: ${(b.wall / a.wall).toFixed(2)}× wall, ${(b.cpu / a.cpu).toFixed(2)}× cpu (linear: 3×; the text is ${(large.length / small.length).toFixed(2)}× as long)`);
}

const EDITS = 50;

async function openServer(mode: string, uri: string, text: string): Promise<ServerUnderTest> {
  const server = new ServerUnderTest({ env: { TALKDOWN_ANALYSIS_WORKER: mode } });
  await server.initialize(null);
  const first = server.diagnostics(uri, () => true, 60_000);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await first;
  return server;
}

export async function benchWorkerHop(): Promise<void> {
  const text = generatePost(15_000);
  const uri = 'file:///bench/_posts/2024-11-15-hop.md';
  const mid = text.indexOf('\n', Math.floor(text.length / 2));
  const line = text.slice(0, mid).split('\n').length - 1;
  const character = mid - text.lastIndexOf('\n', mid - 1) - 1;
  const modes = ['never', 'auto', 'always'];
  const servers = await Promise.all(modes.map((mode) => openServer(mode, uri, text)));
  const times = modes.map(() => [] as number[]);
  for (let i = 0; i < EDITS + 5; i++) {
    for (let m = 0; m < modes.length; m++) {
      const server = servers[m];
      const version = i + 2;
      const published = server.diagnostics(uri, (p) => p.version === version, 60_000);
      const t = performance.now();
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character: character + (i === 0 ? 0 : 1) } }, text: i % 2 ? 'y' : 'x' }],
      });
      await published;
      // The first edits warm the paths up.
      if (i >= 5) times[m].push(performance.now() - t);
      server.published.length = 0;
    }
  }
  await Promise.all(servers.map((s) => s.shutdown()));
  console.log(`\nworker hop: edit to diagnostics on a ${(text.length / 1000).toFixed(1)} KB post through the server, ${EDITS} edits, median`);
  console.log('  ' + modes.map((mode, m) => `${mode === 'never' ? 'main thread (old path)' : mode === 'auto' ? 'auto (as shipped)' : 'forced into the worker'}: ${median(times[m]).toFixed(2)} ms`).join('   '));
}

if (require.main === module) {
  // `growth.ts hop` or `growth.ts linear` runs one of the two.
  const only = process.argv[2];
  if (only !== 'hop') benchLinearGrowth();
  if (only !== 'linear') void benchWorkerHop();
}
