/**
 * Talkdown's link findings against the generator's truth. A generator-broken link is found by
 * Talkdown when a link finding sits on the same source line (several on a line pair up by
 * column). A Talkdown finding that claims a target is missing (the TARGET_CODES) and has no
 * broken link under it is a false positive when the generator shows a fine link there, and
 * "unverified" when the built page has no link at that line at all.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { MapResult } from './map';
import type { Finding, MappedLink } from './types';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');

/** Findings that say a link's target does not exist: what the generator can confirm or refute. */
export const TARGET_CODES = new Set(['link/no-such-file', 'link/missing-anchor', 'link/case-mismatch', 'link/missing-scheme']);
/** Link findings about a link's target or form, any of which counts as Talkdown flagging a broken link. */
const FLAGGING_CODES = new Set([...TARGET_CODES, 'link/malformed-url', 'link/empty-destination', 'link/inverted-syntax', 'link/undefined-reference']);

/** Runs `talkdown lint --format json --root <site> <site>`, with paths relative to the site. */
export function talkdownFindings(siteDir: string): Finding[] {
  const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', '--root', '.', '.'], { cwd: siteDir, encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`talkdown lint failed in ${siteDir} (exit ${r.status}): ${r.error?.message ?? r.stderr}`);
  const files = JSON.parse(r.stdout) as { file: string; diagnostics: { range: { start: { line: number; character: number } }; code: string; message: string }[] }[];
  const out: Finding[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (!d.code.startsWith('link/')) continue;
      out.push({ file: f.file.replace(/^\.\//, ''), line: d.range.start.line, col: d.range.start.character, code: d.code, message: d.message });
    }
  }
  return out;
}

export interface Comparison {
  /** Generator-broken links of content. */
  broken: MappedLink[];
  matched: { link: MappedLink; finding: Finding }[];
  /** Broken for the generator, no Talkdown finding. */
  missed: MappedLink[];
  /** Talkdown says missing; the generator serves the link fine. */
  falsePositives: { finding: Finding; links: MappedLink[] }[];
  /** Talkdown says missing; the built page has no link at that line (a stub shortcode, raw HTML Talkdown reads differently…). */
  unverified: Finding[];
  /** Talkdown findings in files the generator did not build (no front matter, drafts, not content). */
  outOfBuild: Finding[];
  /** Generator-broken links of content whose source line could not be found. */
  unmapped: MapResult['unmapped'];
  recall: number;
}

export function compare(truth: MapResult, findings: Finding[]): Comparison {
  const broken = truth.mapped.filter((l) => l.verdict !== 'ok');
  const byLine = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!FLAGGING_CODES.has(f.code)) continue;
    const key = `${f.file}:${f.line}`;
    const list = byLine.get(key);
    if (list) list.push(f);
    else byLine.set(key, [f]);
  }
  const linksOnLine = new Map<string, number>();
  for (const l of truth.mapped) linksOnLine.set(`${l.file}:${l.line}`, (linksOnLine.get(`${l.file}:${l.line}`) ?? 0) + 1);
  const taken = new Set<Finding>();
  const matched: Comparison['matched'] = [];
  const missed: MappedLink[] = [];
  // Pair each broken link with the closest unused finding on its line that is about it: at its
  // column, quoting it, or the only link of the line.
  const about = (link: MappedLink, f: Finding) => {
    if (Math.abs(f.col - link.col) <= 2 || linksOnLine.get(`${link.file}:${link.line}`) === 1) return true;
    const keys = [link.raw, safeDecode(link.raw), link.raw.includes('#') ? link.raw.slice(link.raw.indexOf('#') + 1) : undefined].filter((k): k is string => !!k && k.length > 1);
    return keys.some((k) => f.message.includes(`“${k}”`) || f.message.includes(`“${k.slice(0, 79)}…”`));
  };
  for (const link of [...broken].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col)) {
    const free = (byLine.get(`${link.file}:${link.line}`) ?? []).filter((f) => !taken.has(f) && about(link, f));
    if (free.length === 0) {
      missed.push(link);
      continue;
    }
    const best = free.sort((a, b) => Math.abs(a.col - link.col) - Math.abs(b.col - link.col) || (TARGET_CODES.has(b.code) ? 1 : 0) - (TARGET_CODES.has(a.code) ? 1 : 0))[0];
    taken.add(best);
    matched.push({ link, finding: best });
  }
  const fineByLine = new Map<string, MappedLink[]>();
  for (const l of truth.mapped) {
    if (l.verdict !== 'ok') continue;
    const key = `${l.file}:${l.line}`;
    const list = fineByLine.get(key);
    if (list) list.push(l);
    else fineByLine.set(key, [l]);
  }
  const falsePositives: Comparison['falsePositives'] = [];
  const unverified: Finding[] = [];
  const outOfBuild: Finding[] = [];
  for (const f of findings) {
    if (!TARGET_CODES.has(f.code) || taken.has(f)) continue;
    if (!truth.built.has(f.file)) outOfBuild.push(f);
    else if (fineByLine.has(`${f.file}:${f.line}`)) {
      const all = fineByLine.get(`${f.file}:${f.line}`)!;
      const its = all.filter((l) => about(l, f));
      falsePositives.push({ finding: f, links: its.length > 0 ? its : all });
    }
    else unverified.push(f);
  }
  const unmapped = truth.unmapped.filter((l) => l.verdict !== 'ok');
  return { broken, matched, missed, falsePositives, unverified, outOfBuild, unmapped, recall: broken.length === 0 ? 1 : matched.length / broken.length };
}

/** One line per disagreement: file:line, href, what the generator says, what Talkdown says. */
export function disagreements(c: Comparison): string[] {
  const out: string[] = [];
  for (const l of c.missed) out.push(`${l.file}:${l.line + 1}: ${JSON.stringify(l.raw)}: generator: broken (${l.verdict}: ${l.detail ?? ''}); Talkdown: no finding`);
  for (const { finding: f, links } of c.falsePositives) out.push(`${f.file}:${f.line + 1}: ${JSON.stringify(links.map((l) => l.raw).join(' '))}: generator: fine (${links.map((l) => l.detail).join(', ')}); Talkdown: ${f.code} ${f.message}`);
  for (const f of c.unverified) out.push(`${f.file}:${f.line + 1}: generator: no link on this line of the built page; Talkdown: ${f.code} ${f.message}`);
  for (const l of c.unmapped) out.push(`${l.source ?? '(no source)'} (page ${l.page}): ${JSON.stringify(l.raw)}: generator: broken (${l.verdict}: ${l.detail ?? ''}); not found in the Markdown source`);
  return out.sort();
}

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
