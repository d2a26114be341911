/** One site through the whole harness: build, check the output, map to Markdown, compare with Talkdown. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, cleanBuild } from './build';
import { checkSite } from './check';
import { compare, talkdownFindings, type Comparison } from './compare';
import { mapLinks } from './map';
import type { BuildResult, Generator, SiteSpec } from './types';

export interface Evaluation {
  spec: SiteSpec;
  build: Omit<BuildResult, 'sources' | 'log'>;
  pages: number;
  /** Internal links of content mapped to their source, fine and broken. */
  links: number;
  comparison: Comparison;
  ms: { build: number; check: number; talkdown: number };
}

export function evaluate(spec: SiteSpec, options: { keep?: boolean } = {}): Evaluation {
  const build = buildSite(spec);
  try {
    const t0 = Date.now();
    const checked = checkSite(build);
    const truth = mapLinks(build, checked);
    const t1 = Date.now();
    const findings = talkdownFindings(spec.dir);
    const t2 = Date.now();
    const comparison = compare(truth, findings);
    const { sources: _sources, log: _log, ...rest } = build;
    void _sources;
    void _log;
    return { spec, build: rest, pages: checked.pages.length, links: truth.mapped.length, comparison, ms: { build: build.ms, check: t1 - t0, talkdown: t2 - t1 } };
  } finally {
    if (!options.keep) cleanBuild(build);
  }
}

/** The generator of a site folder, from its files. */
export function detectGenerator(dir: string): Generator | undefined {
  const has = (f: string) => existsSync(join(dir, f));
  if (['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'].some(has) || has('config/_default')) return 'hugo';
  if (['_config.yml', '_config.yaml'].some(has)) return 'jekyll';
  if (['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventy.js', '.eleventy.mjs', '.eleventy.cjs'].some(has)) return 'eleventy';
  if (has('package.json') && /"@11ty\/eleventy"/.test(readFileSync(join(dir, 'package.json'), 'utf8'))) return 'eleventy';
  if (['config.toml', 'config.yaml', 'config.yml'].some(has) && (has('content') || has('layouts') || has('themes'))) return 'hugo';
  return undefined;
}

export interface SiteEntry {
  name: string;
  repo?: string;
  commit?: string;
  generator: Generator;
  /** The site's folder inside the checkout, when it is not the root. */
  root?: string;
  layouts?: 'minimal' | 'own';
  npmInstall?: boolean;
  notes?: string;
}

/** The sites under a folder: those sites.json describes, then any other folder whose generator is recognised. */
export function sitesIn(dir: string, entries: SiteEntry[] = []): SiteSpec[] {
  const out: SiteSpec[] = [];
  for (const name of readdirSync(dir).sort()) {
    const entry = entries.find((e) => e.name === name);
    const root = join(dir, name, entry?.root ?? '');
    if (!existsSync(root)) continue;
    const generator = entry?.generator ?? detectGenerator(root);
    if (!generator) continue;
    out.push({ name, dir: root, generator, layouts: entry?.layouts, npmInstall: entry?.npmInstall });
  }
  return out;
}
