/**
 * Front-matter benchmark: the median time to check typical front matter against its site's
 * schema (the model is built once; each run checks a fresh model, so nothing is cached).
 * Run alone with `node --import tsx test/bench/frontMatter.ts`.
 */
import { buildModel, DEFAULT_SETTINGS } from '../../server/src/core';
import { sessionFor } from '../support/session';
import { checkFrontMatter } from '../../server/src/core/frontMatter';
import { ListingMemoryWorkspace } from '../support/workspace';

const TYPICAL = [
  '---',
  'layout: post',
  'title: "KubeCon NA 2024: the talks I keep thinking about"',
  'date: 2024-11-15 09:30:00 -0500',
  'categories: [conferences]',
  'tags: [kubecon, kubernetes, ebpf, platform-engineering]',
  'description: Three days, far too much coffee, and a notebook full of things to try.',
  '---',
  '',
  '## Day 1',
  '',
].join('\n');

export function benchFrontMatter(): void {
  const workspace = new ListingMemoryWorkspace({ 'file:///site/_config.yml': 'title: x\n' }, ['file:///site']);
  for (let p = 0; p < 50; p++) {
    workspace.set(`file:///site/_posts/2024-01-${String((p % 28) + 1).padStart(2, '0')}-post-${p}.md`, `---\ntitle: Post ${p}\ntags: [kubernetes, go, post-${p % 5}]\n---\n`);
  }
  const uri = 'file:///site/_posts/2024-11-15-kubecon.md';
  const models = Array.from({ length: 64 }, (_, i) => buildModel({ uri, version: i, getText: () => TYPICAL }, { maxFileSize: DEFAULT_SETTINGS.maxFileSize }));
  const session = sessionFor(workspace);
  checkFrontMatter(models[0], DEFAULT_SETTINGS, session); // warm up: compile the schema, read the site's tags
  const times: number[] = [];
  for (let run = 0; run < 2000; run++) {
    const model = models[run % models.length];
    const settings = { ...DEFAULT_SETTINGS }; // a new settings object: the per-model cache is bypassed
    const t = performance.now();
    const check = checkFrontMatter(model, settings, session);
    times.push(performance.now() - t);
    if (check.issues.length > 0) throw new Error(`typical front matter has findings: ${check.issues.map((i) => i.code).join(', ')}`);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(`\nfront matter: check of typical front matter against the Jekyll schema: median ${(median * 1000).toFixed(0)} µs, p95 ${(p95 * 1000).toFixed(0)} µs (budget 1 ms)`);
}

if (require.main === module) benchFrontMatter();
