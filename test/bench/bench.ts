import { sessionFor } from '../support/session';
/**
 * npm run bench: medians and p95s of Talkdown's analysis against a remark parse of the same
 * input, run in the same process and the same run (the machine is noisy; ratios travel,
 * absolute times do not), plus the CLI's cold start and the server's first diagnostics.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, DEFAULT_SETTINGS, MemoryWorkspace, parseMarkdown, type DocumentModel } from '../../server/src/core';
import { ServerUnderTest } from '../protocol/lspClient';
import { generatePost } from './generate';
import { benchFrontMatter } from './frontMatter';
import { benchOutline } from './outline';
import { benchLinks } from './links';
import { benchExternalLinks } from './externalLinks';
import { benchSpelling } from './spelling';
import { benchKeystroke } from './keystroke';
import { benchLinearGrowth, benchWorkerHop } from './growth';
import { benchCliColdStart, benchServerFirstDiagnostics } from './coldStart';

const ROOT = join(__dirname, '..', '..');
const SAMPLES = join(ROOT, '..', 'shared', 'samples');

interface Stats {
  median: number;
  p95: number;
}

function measure(fn: () => void, minRuns: number, budgetMs: number): Stats {
  fn(); // warm up the JIT on this input
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || (performance.now() - start < budgetMs && times.length < 500)) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] };
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)).padStart(8);

function inputs(): { name: string; text: string }[] {
  const list: { name: string; text: string }[] = [];
  if (existsSync(SAMPLES)) {
    for (const file of readdirSync(SAMPLES).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
      list.push({ name: file, text: readFileSync(join(SAMPLES, file), 'utf8') });
    }
  } else {
    console.log(`(no samples at ${SAMPLES}; using generated posts only)`);
  }
  list.push({ name: 'generated 15 KB', text: generatePost(15_000) });
  list.push({ name: 'generated 1 MB', text: generatePost(1_000_000) });
  return list;
}

function benchAnalysis(): void {
  console.log('\nanalyze (cold: whole document) vs remark parse alone, ms');
  console.log('input'.padEnd(42) + 'parse med'.padStart(10) + 'analyze med'.padStart(12) + 'analyze p95'.padStart(12) + 'ratio'.padStart(7) + '  keystroke med  keystroke p95');
  const workspace = new MemoryWorkspace();
  for (const { name, text } of inputs()) {
    const big = text.length > 100_000;
    const runs = big ? 7 : 40;
    const budget = big ? 20_000 : 3_000;
    const parse = measure(() => parseMarkdown(text), runs, budget);
    const cold = measure(() => analyze(sessionFor(workspace), { uri: 'file:///bench.md', version: 1, getText: () => text }, { settings: DEFAULT_SETTINGS }), runs, budget);
    // A keystroke: one character typed in the middle of the post, analysed with the
    // previous version's model, as the server does.
    let previous: DocumentModel = analyze(sessionFor(workspace), { uri: 'file:///bench.md', version: 1, getText: () => text }, { settings: DEFAULT_SETTINGS }).model;
    const mid = text.indexOf('\n', Math.floor(text.length / 2));
    let version = 1;
    const keystroke = measure(
      () => {
        version++;
        const edited = text.slice(0, mid) + (version % 2 ? 'x' : 'y') + text.slice(mid);
        previous = analyze(sessionFor(workspace), { uri: 'file:///bench.md', version, getText: () => edited }, { settings: DEFAULT_SETTINGS, ...{ previous } }).model;
      },
      big ? 30 : 60,
      3_000,
    );
    console.log(
      `${name.slice(0, 40).padEnd(42)}${fmt(parse.median)}  ${fmt(cold.median)}    ${fmt(cold.p95)}  ${(cold.median / parse.median).toFixed(2).padStart(5)}  ${fmt(keystroke.median)}      ${fmt(keystroke.p95)}`,
    );
  }
}

function benchCli(): void {
  const dir = mkdtempSync(join(tmpdir(), 'talkdown-bench-'));
  try {
    const post = join(dir, '2024-11-15-small.md');
    writeFileSync(post, generatePost(3_000));
    const cli = join(ROOT, 'dist', 'cli.js');
    const walls: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      const result = spawnSync(process.execPath, ['--require', join(__dirname, 'rss.cjs'), cli, 'lint', post], { encoding: 'utf8' });
      walls.push(performance.now() - t);
      const m = /talkdown-bench-maxrss-kb (\d+)/.exec(result.stderr);
      if (m) rss.push(Number(m[1]) / 1024);
    }
    walls.sort((a, b) => a - b);
    rss.sort((a, b) => a - b);
    console.log(`\nCLI cold start (talkdown lint, one small post, 10 runs): median ${walls[5].toFixed(0)} ms, p95 ${walls[9].toFixed(0)} ms; peak RSS median ${rss[5]?.toFixed(0)} MB (budget 300 ms, 120 MB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchServerStart(): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const server = new ServerUnderTest();
    await server.initialize(null);
    const uri = 'file:///bench/post.md';
    const published = server.diagnostics(uri);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: '---\ntitle: a: b\n---\n# Day 1\n' },
    });
    await published;
    times.push(performance.now() - t);
    await server.shutdown();
  }
  times.sort((a, b) => a - b);
  console.log(`server start to first diagnostics (5 runs): median ${times[2].toFixed(0)} ms, max ${times[4].toFixed(0)} ms (budget 500 ms)`);
}

async function main(): Promise<void> {
  console.log(`Talkdown benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  benchAnalysis();
  await benchOutline();
  benchFrontMatter();
  await benchLinks();
  await benchSpelling(inputs().filter((i) => !i.name.startsWith('generated')));
  benchCli();
  benchCliColdStart();
  await benchServerStart();
  await benchServerFirstDiagnostics();
  await benchKeystroke();
  benchLinearGrowth();
  await benchWorkerHop();
  await benchExternalLinks();
}

void main();
