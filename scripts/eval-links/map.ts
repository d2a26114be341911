/**
 * Maps the links of built pages back to the Markdown they came from: each page's source file is
 * known from the build (a meta tag of the harness layouts for Hugo, the generator's own page
 * list for Jekyll and Eleventy), and the link is found in that file by its destination as
 * written (the raw href, before any normalisation), then by looser keys (the href decoded,
 * without the site's origin or base path, its #fragment, its last path segment). The k-th
 * occurrence of an href on a page maps to the k-th occurrence in the source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MISSING_PREFIX } from './build';
import type { CheckResult } from './check';
import { isInternal } from './check';
import type { BuildResult, MappedLink, PageLink } from './types';

export interface MapResult {
  /** Internal links of content, with their source position. */
  mapped: MappedLink[];
  /** Internal links of content that could not be found in their page's source. */
  unmapped: (PageLink & { source?: string })[];
  /** Source files that produced at least one page. */
  built: Set<string>;
}

interface Source {
  text: string;
  bodyStart: number;
  lineStarts: number[];
}

export function mapLinks(build: BuildResult, checked: CheckResult): MapResult {
  const sources = new Map<string, Source | undefined>();
  const load = (file: string) => {
    if (!sources.has(file)) {
      const abs = join(build.site.dir, file);
      sources.set(file, existsSync(abs) && /\.(?:md|markdown|mdx|mdown|mkd)$/i.test(file) ? readSource(readFileSync(abs, 'utf8')) : undefined);
    }
    return sources.get(file);
  };
  const mapped: MappedLink[] = [];
  const unmapped: MapResult['unmapped'] = [];
  const built = new Set<string>();
  const seen = new Set<string>();
  for (const page of checked.pages) {
    if (page.source) built.add(page.source);
    const src = page.source ? load(page.source) : undefined;
    const used = new Map<string, number>();
    for (const link of page.links) {
      if (!link.inContent || !isInternal(build, link)) continue;
      // Hugo's broken refs are known from its warnings, with their place.
      if (link.verdict === 'build-error' && link.detail === 'ref' && build.site.generator === 'hugo') continue;
      if (!src || !page.source) {
        if (page.source || link.verdict !== 'ok') unmapped.push({ ...link, source: page.source });
        continue;
      }
      const at = locate(build, src, link, used);
      if (!at) {
        unmapped.push({ ...link, source: page.source });
        continue;
      }
      const { line, col } = position(src, at.offset);
      const key = `${page.source}:${line}:${col}:${link.raw}`;
      // The same link on another page of the same source (a paginated post): once.
      if (seen.has(key)) continue;
      seen.add(key);
      mapped.push({ ...link, file: page.source, line, col, how: at.how });
    }
  }
  for (const e of build.buildErrors) {
    mapped.push({ page: '(build)', tag: 'ref', attr: '', raw: e.target, resolved: e.target, verdict: 'build-error', inContent: true, detail: e.message, file: e.file, line: e.line, col: e.col, how: 'generator warning' });
    built.add(e.file);
  }
  return { mapped, unmapped, built };
}

function readSource(text: string): Source {
  let bodyStart = 0;
  const fm = /^(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (fm) {
    const close = new RegExp(`\\r?\\n${fm[1].replace(/\+/g, '\\+')}[ \\t]*(?:\\r?\\n|$)`, 'g');
    close.lastIndex = fm[0].length - 1;
    const end = close.exec(text);
    if (end) bodyStart = end.index + end[0].length;
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return { text, bodyStart, lineStarts };
}

function position(src: Source, offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = src.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (src.lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, col: offset - src.lineStarts[lo] };
}

/** The keys to look for, strictest first. */
function needles(build: BuildResult, link: PageLink): { find: string | RegExp; how: string }[] {
  const raw = link.raw.trim();
  const out: { find: string | RegExp; how: string }[] = [];
  const add = (find: string | RegExp | undefined, how: string) => {
    if (find === undefined || find === '' || out.some((n) => String(n.find) === String(find))) return;
    out.push({ find, how });
  };
  if (link.verdict === 'build-error' && link.detail) {
    const [kind, ...rest] = link.detail.split('/');
    const name = rest.join('/');
    add(new RegExp(`\\{%-?\\s*${kind}\\s+["']?${escape(name)}`), `${kind} tag`);
    return out;
  }
  add(raw, 'href as written');
  try {
    add(decodeURI(raw), 'href decoded');
  } catch {
    // undecodable: as written only
  }
  add(raw.replace(/&/g, '&amp;'), 'href with &amp;');
  let u: URL | undefined;
  try {
    u = new URL(link.resolved);
  } catch {
    u = undefined;
  }
  if (u && /^[a-z][a-z0-9+.-]*:|^\/\//i.test(raw)) add(raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+|^\/\/[^/]+/i, ''), 'href without its origin');
  if (u && build.basePath && raw.startsWith(build.basePath + '/')) add(raw.slice(build.basePath.length), 'href without the base path');
  if (u && build.basePath && /^[a-z]+:\/\//i.test(raw)) {
    const path = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '');
    if (path.startsWith(build.basePath + '/')) add(path.slice(build.basePath.length), 'href without origin and base path');
  }
  const hash = raw.indexOf('#');
  if (hash > 0 && raw.length - hash > 2) add(raw.slice(hash), 'its #fragment');
  const segment = raw.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
  if (segment.length >= 4 && segment !== raw) add(segment, 'its last path segment');
  return out;
}

/** Characters a link destination follows, and ends before, in Markdown, HTML or a shortcode. */
const BEFORE = /[(<"'=\s:]/;
const AFTER = /[)>"'\s]/;

function locate(build: BuildResult, src: Source, link: PageLink, used: Map<string, number>): { offset: number; how: string } | undefined {
  for (const { find, how } of needles(build, link)) {
    const hits: number[] = [];
    const good: number[] = [];
    if (typeof find === 'string') {
      for (let i = src.text.indexOf(find, src.bodyStart); i !== -1 && hits.length < 500; i = src.text.indexOf(find, i + 1)) {
        hits.push(i);
        const before = i === 0 ? ' ' : src.text[i - 1];
        const after = src.text[i + find.length] ?? ' ';
        // Where a destination starts and ends; a path segment sits after a slash and may go on
        // with an extension or a fragment (`/blog/x.md` for `/blog/x/`).
        const ok = how === 'its last path segment' ? /[/(<"'\s]/.test(before) && /[)>"'\s#/.]/.test(after) : how === 'its #fragment' ? /[)>"'\s]/.test(after) : BEFORE.test(before) && AFTER.test(after);
        if (ok) good.push(i);
      }
    } else {
      const re = new RegExp(find.source, 'g');
      re.lastIndex = src.bodyStart;
      for (let m = re.exec(src.text); m && hits.length < 500; m = re.exec(src.text)) {
        hits.push(m.index);
        good.push(m.index);
      }
    }
    // Only where the text can be a link's destination: a template's link found in a post's prose is no match.
    const list = good;
    if (list.length === 0) continue;
    const key = `${how}\u0000${String(find)}`;
    const k = used.get(key) ?? 0;
    used.set(key, k + 1);
    return { offset: list[Math.min(k, list.length - 1)], how };
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export { MISSING_PREFIX };
