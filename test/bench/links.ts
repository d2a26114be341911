/**
 * Link benchmarks: indexing a generated 3,000-post Jekyll site (images, cross-links) from
 * disk, in a process of its own so that its peak RSS is its own; and link validation of one
 * 15 KB post against that index (resolution in memory, no disk I/O), as after a keystroke.
 * Run alone with `node --import tsx test/bench/links.ts`.
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnalysisSession, buildModel, DEFAULT_SETTINGS, fixedClock } from '../../server/src/core';
import { LINK_INDEX, linkContext } from '../../server/src/core/links/context';
import { LinkIndex } from '../../server/src/core/links/linkIndex';
import { computeLinkEntries } from '../../server/src/core/links/resolved';
import { computeLinkIssues } from '../../server/src/core/rules/link/check';
import { fillLinkIndex } from '../../server/src/node/linkIndex';
import { NodeWorkspace } from '../../server/src/node/workspace';
import { generatePost } from './generate';

const POSTS = 3000;

/** A Jekyll site: posts with headings, images beside them in assets/, links between posts. */
export function generateSite(dir: string, posts = POSTS): void {
  mkdirSync(join(dir, '_posts'), { recursive: true });
  mkdirSync(join(dir, 'assets', 'images'), { recursive: true });
  writeFileSync(join(dir, '_config.yml'), 'title: Bench\npermalink: /:year/:month/:day/:title/\n');
  for (let i = 0; i < posts; i++) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    const name = i < 10 ? `2024-01-15-notes-${i}` : `2023-${month}-${day}-post-${i}`;
    const other = `2023-${String(((i + 7) % 12) + 1).padStart(2, '0')}-${String(((i + 7) % 28) + 1).padStart(2, '0')}-post-${i + 7}`;
    const body = [
      '---',
      `title: "Post ${i}"`,
      `tags: [kubernetes, bench-${i % 20}]`,
      '---',
      '',
      `## Day one of event ${i}`,
      '',
      `![Slide](/assets/images/slide-${i}.png) and [the next post]({% post_url ${other} %}#day-one-of-event-${i + 7}).`,
      '',
      `### [A talk about eBPF, part ${i}](https://www.youtube.com/watch?v=AbCdEfGhIjK) (Sam Rivera, Example Corp)`,
      '',
      'Notes on the talk. '.repeat(60),
      '',
      `## Day two {#day-two-${i}}`,
      '',
      `See [the first day](#day-one-of-event-${i}) and [an older one](/2024/01/15/notes-${i % 10}/).`,
      '',
    ].join('\n');
    writeFileSync(join(dir, '_posts', `${name}.md`), body);
    writeFileSync(join(dir, 'assets', 'images', `slide-${i}.png`), '');
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function benchLinks(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'talkdown-bench-links-'));
  const buildDir = mkdtempSync(join(tmpdir(), 'talkdown-bench-build-'));
  try {
    generateSite(dir);
    const root = pathToFileURL(dir).href;

    // Indexing, in a fresh process (3 runs), built as the server is.
    const child = join(buildDir, 'index-child.js');
    await build({
      entryPoints: [join(__dirname, 'linkIndexChild.ts')],
      outfile: child,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      minify: true,
      mainFields: ['module', 'main'],
      logLevel: 'warning',
      define: { 'import.meta.url': '__importMetaUrl' },
      banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    });
    const walls: number[] = [];
    const rss: number[] = [];
    let files = 0;
    for (let run = 0; run < 3; run++) {
      const result = spawnSync(process.execPath, ['--require', join(__dirname, 'rss.cjs'), child, root], { encoding: 'utf8' });
      const m = /indexed (\d+) files in ([\d.]+) ms/.exec(result.stdout);
      const r = /talkdown-bench-maxrss-kb (\d+)/.exec(result.stderr);
      if (!m || !r) throw new Error(`index run failed: ${result.stdout}\n${result.stderr}`);
      files = Number(m[1]);
      walls.push(Number(m[2]));
      rss.push(Number(r[1]) / 1024);
    }
    console.log(`\nlinks: index a ${POSTS}-post Jekyll site (${files} files, 3 fresh processes): median ${median(walls).toFixed(0)} ms, peak RSS median ${median(rss).toFixed(0)} MB (budget 1000 ms, 200 MB)`);

    // Validation of a 15 KB post against that index, in this process.
    const workspace = new NodeWorkspace([root]);
    const index = new LinkIndex(workspace);
    const session = new AnalysisSession({ workspace, clock: fixedClock(new Date(0)), inputs: [[LINK_INDEX, index]] });
    await fillLinkIndex(index, [root]);
    const text = generatePost(15_000);
    const uri = `${root}/_posts/2024-11-15-bench.md`;
    const model = buildModel({ uri, version: 1, getText: () => text }, { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    const ctx = linkContext(model, DEFAULT_SETTINGS, session);
    // Findings computed afresh each time (nothing kept per section), as for a section a keystroke parses anew.
    const run = () => ({ issues: computeLinkIssues(ctx, { keep: false }) });
    const first = { ...run(), resolved: computeLinkEntries(ctx).resolved };
    // Every link resolved anew (as after a file event), and as after a keystroke (resolutions
    // of unchanged links are kept per index version).
    const sample = (fresh: boolean) => {
      const times: number[] = [];
      for (let i = 0; i < 500; i++) {
        if (fresh) index.version++;
        const t = performance.now();
        run();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return `median ${median(times).toFixed(3)} ms, p95 ${times[474].toFixed(3)} ms`;
    };
    const codes = [...new Set(first.issues.map((i) => i.code))].join(', ') || 'none';
    console.log(`links: validate a 15 KB post (${first.resolved.length} local links resolved, findings: ${codes}), budget 2 ms median:`);
    console.log(`  every link resolved anew: ${sample(true)}`);
    console.log(`  after a keystroke:        ${sample(false)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchLinks();
