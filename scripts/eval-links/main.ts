/**
 * npm run eval:links -- [--sites DIR] [--only NAME,…] [--show N] [--json] [--keep]
 *
 * Builds each site with its real generator, checks every internal link of the built HTML, maps
 * the broken ones back to their Markdown line, and compares with Talkdown's link findings:
 * recall (Talkdown findings on generator-broken links / generator-broken links) and false
 * positives (Talkdown findings on links the generator serves fine), per site and in total.
 * Without --sites, the example sites of this repository.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { disagreements } from './compare';
import { evaluate, sitesIn, type Evaluation, type SiteEntry } from './evaluate';
import type { SiteSpec } from './types';

const ROOT = resolve(__dirname, '..', '..');

/** The example sites the differential test builds (Zola has no binary here). */
export function exampleSites(): SiteSpec[] {
  return [
    { name: 'jekyll-blog', dir: join(ROOT, 'examples', 'jekyll-blog'), generator: 'jekyll' },
    { name: 'hugo-blog', dir: join(ROOT, 'examples', 'hugo-blog'), generator: 'hugo' },
    { name: 'eleventy-blog', dir: join(ROOT, 'examples', 'eleventy-blog'), generator: 'eleventy', layouts: 'own' },
  ];
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  const show = Number(opt('--show') ?? 10);
  const json = args.includes('--json');
  const sitesDir = opt('--sites');
  const only = opt('--only')?.split(',');
  const entries = JSON.parse(readFileSync(join(__dirname, 'sites.json'), 'utf8')).sites as SiteEntry[];
  let sites = sitesDir ? sitesIn(resolve(sitesDir), entries) : exampleSites();
  if (only) sites = sites.filter((s) => only.includes(s.name));
  const results: (Evaluation | { spec: SiteSpec; error: string })[] = [];
  for (const spec of sites) {
    if (!json) process.stderr.write(`${spec.name} (${spec.generator})…\n`);
    try {
      results.push(evaluate(spec, { keep: args.includes('--keep') }));
    } catch (e) {
      results.push({ spec, error: (e as Error).message });
    }
  }
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 2) + '\n');
    return;
  }
  const rows: string[][] = [['site', 'gen', 'pages', 'links', 'broken', 'found', 'recall', 'FP', 'unverified', 'unmapped', 'excluded', 'build s']];
  const total = { broken: 0, found: 0, fp: 0, unverified: 0, unmapped: 0 };
  for (const r of results) {
    if ('error' in r) {
      rows.push([r.spec.name, r.spec.generator, 'error: ' + r.error.split('\n')[0].slice(0, 100)]);
      continue;
    }
    const c = r.comparison;
    total.broken += c.broken.length;
    total.found += c.matched.length;
    total.fp += c.falsePositives.length;
    total.unverified += c.unverified.length;
    total.unmapped += c.unmapped.length;
    rows.push([r.spec.name, r.spec.generator, String(r.pages), String(r.links), String(c.broken.length), String(c.matched.length), pct(c.recall), String(c.falsePositives.length), String(c.unverified.length), String(c.unmapped.length), String(r.build.excluded.length), (r.ms.build / 1000).toFixed(1)]);
  }
  rows.push(['total', '', '', '', String(total.broken), String(total.found), pct(total.broken ? total.found / total.broken : 1), String(total.fp), String(total.unverified), String(total.unmapped), '', '']);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd());
  for (const r of results) {
    if ('error' in r) continue;
    const list = disagreements(r.comparison);
    console.log(`\n## ${r.spec.name}: ${r.build.version}; ${r.build.fixes.join('; ') || 'built as is'}`);
    for (const e of r.build.excluded) console.log(`  not built: ${e.file}: ${e.reason}`);
    for (const line of list.slice(0, show)) console.log('  ' + line);
    if (list.length > show) console.log(`  … ${list.length - show} more (--show N)`);
  }
}

function pct(x: number): string {
  return (100 * x).toFixed(0) + '%';
}

if (require.main === module) main();
