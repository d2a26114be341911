/**
 * Cold start: the CLI on one small post against markdownlint-cli2 on the same post, runs
 * interleaved in the same run (wall time and peak RSS of each process); and the language
 * server's first diagnostics, timed from the process's start and from the didOpen.
 * Run alone with `node --import tsx test/bench/coldStart.ts` (after a build).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerUnderTest } from '../protocol/lspClient';
import { generatePost } from './generate';

const ROOT = join(__dirname, '..', '..');
const RSS = join(__dirname, 'rss.cjs');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timed(args: string[], cwd: string): { ms: number; rssMb: number } {
  const t = performance.now();
  const result = spawnSync(process.execPath, ['--require', RSS, ...args], { encoding: 'utf8', cwd });
  const ms = performance.now() - t;
  const m = /talkdown-bench-maxrss-kb (\d+)/.exec(result.stderr);
  if (!m) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return { ms, rssMb: Number(m[1]) / 1024 };
}

export function benchCliColdStart(runs = 15): void {
  const dir = mkdtempSync(join(tmpdir(), 'talkdown-bench-cold-'));
  try {
    const name = '2024-11-15-small.md';
    writeFileSync(join(dir, name), generatePost(3_000));
    const ours = [join(ROOT, 'dist', 'cli.js'), 'lint', name];
    const peer = [join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), name];
    timed(ours, dir);
    timed(peer, dir);
    const a: { ms: number; rssMb: number }[] = [];
    const b: { ms: number; rssMb: number }[] = [];
    // Interleaved, so that both see the same load on a shared machine.
    for (let i = 0; i < runs; i++) {
      a.push(timed(ours, dir));
      b.push(timed(peer, dir));
    }
    const ratios = a.map((r, i) => r.ms / b[i].ms);
    const ms = (list: { ms: number }[]) => median(list.map((r) => r.ms)).toFixed(0);
    const rss = (list: { rssMb: number }[]) => median(list.map((r) => r.rssMb)).toFixed(0);
    console.log(`\nCLI cold start, one small post (${runs} interleaved runs): talkdown lint median ${ms(a)} ms, peak RSS ${rss(a)} MB; markdownlint-cli2 median ${ms(b)} ms, peak RSS ${rss(b)} MB`);
    console.log(`  ratio talkdown / markdownlint-cli2: median of pairs ${median(ratios).toFixed(2)}, of medians ${(Number(ms(a)) / Number(ms(b))).toFixed(2)} (budget 0.6, and 100 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchServerFirstDiagnostics(runs = 5): Promise<void> {
  const fromStart: number[] = [];
  const fromOpen: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const server = new ServerUnderTest();
    await server.initialize(null);
    const uri = 'file:///bench/_posts/2024-11-15-post.md';
    const published = server.diagnostics(uri);
    const opened = performance.now();
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: generatePost(3_000) },
    });
    await published;
    const done = performance.now();
    fromStart.push(done - t);
    fromOpen.push(done - opened);
    await server.shutdown();
  }
  console.log(`server first diagnostics of a small post (${runs} runs): median ${median(fromStart).toFixed(0)} ms from process start, ${median(fromOpen).toFixed(0)} ms from didOpen (budget 300 ms)`);
}

if (require.main === module) {
  benchCliColdStart();
  void benchServerFirstDiagnostics();
}
