/**
 * Checks the internal links of a built site as a browser resolves them: every `a[href]`,
 * `img[src]`, `link[href]` and `script[src]` of every HTML page, resolved against the page's
 * URL (and its `<base href>`), must land on a file of the output folder, or on a folder with
 * an `index.html`; a `#fragment` must name an element id (or an `<a name>`) of that page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { MISSING_PREFIX } from './build';
import type { BuildResult, PageLink, Verdict } from './types';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const LINK_ATTRS: Record<string, string> = { a: 'href', img: 'src', link: 'href', script: 'src' };

export interface Page {
  /** Relative to the output folder. */
  path: string;
  /** The address it is served at, without the origin (`/blog/posts/x/`). */
  url: string;
  /** The Markdown source, relative to the site's root, when known. */
  source?: string;
  links: PageLink[];
  ids: Set<string>;
}

export interface CheckResult {
  pages: Page[];
  links: PageLink[];
}

export function checkSite(build: BuildResult): CheckResult {
  const files = new Set<string>();
  const listing = (dir: string, depth = 0) => {
    if (depth > 40) return;
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      const st = statSync(abs);
      if (st.isDirectory()) listing(abs, depth + 1);
      else files.add(relative(build.out, abs));
    }
  };
  if (existsSync(build.out)) listing(build.out);
  const pages = new Map<string, Page>();
  for (const file of [...files].sort()) {
    if (!/\.html?$/i.test(file)) continue;
    pages.set(file, readPage(build, file));
  }
  const ctx = { build, files, pages };
  const links: PageLink[] = [];
  for (const page of pages.values()) {
    for (const link of page.links) {
      judge(ctx, page, link);
      links.push(link);
    }
  }
  return { pages: [...pages.values()], links };
}

function readPage(build: BuildResult, file: string): Page {
  const html = readFileSync(join(build.out, file), 'utf8');
  const doc = parse(html);
  const url = build.basePath + '/' + file.replace(/(?:^|\/)index\.html?$/i, (m) => (m.startsWith('/') ? '/' : ''));
  const page: Page = { path: file, url, source: build.sources.get(file), links: [], ids: new Set() };
  let base: string | undefined;
  let marked = false;
  const found: { el: Element; inMark: boolean }[] = [];
  const visit = (node: Node, inMark: boolean) => {
    if ('tagName' in node) {
      const el = node as Element;
      const attr = (name: string) => el.attrs.find((a) => a.name === name)?.value;
      const id = attr('id');
      if (id !== undefined) page.ids.add(id);
      if (el.tagName === 'a' && attr('name') !== undefined) page.ids.add(attr('name')!);
      if (el.tagName === 'base' && base === undefined && attr('href') !== undefined) base = attr('href');
      if (el.tagName === 'meta' && attr('name') === 'talkdown-source' && attr('content')) {
        const src = attr('content')!;
        page.source = src.startsWith(build.work + '/') ? relative(build.work, src) : src;
      }
      if (attr('data-talkdown-content') !== undefined) {
        marked = true;
        inMark = true;
      }
      if (LINK_ATTRS[el.tagName] && attr(LINK_ATTRS[el.tagName]) !== undefined) found.push({ el, inMark });
    }
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) visit(child, inMark);
    if (el(node)?.tagName === 'template') for (const child of (node as DefaultTreeAdapterMap['template']).content.childNodes) visit(child, inMark);
  };
  visit(doc, false);
  const pageUrl = new URL(url, build.origin + '/');
  const baseUrl = base !== undefined ? safeUrl(base, pageUrl) ?? pageUrl : pageUrl;
  for (const { el: e, inMark } of found) {
    const attrName = LINK_ATTRS[e.tagName];
    const raw = e.attrs.find((a) => a.name === attrName)!.value;
    const resolved = safeUrl(raw.trim(), baseUrl);
    page.links.push({ page: file, tag: e.tagName, attr: attrName, raw, resolved: resolved?.href ?? raw, verdict: 'ok', inContent: marked ? inMark : true });
  }
  return page;
}

function el(node: Node): Element | undefined {
  return 'tagName' in node ? (node as Element) : undefined;
}

function safeUrl(href: string, base: URL): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** Whether a link is internal: same origin as the site (either scheme), or relative. */
export function isInternal(build: BuildResult, link: PageLink): boolean {
  let u: URL;
  try {
    u = new URL(link.resolved);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  const site = new URL(build.origin + '/');
  return u.host === site.host;
}

function judge(ctx: { build: BuildResult; files: Set<string>; pages: Map<string, Page> }, page: Page, link: PageLink): void {
  const { build, files, pages } = ctx;
  if (!isInternal(build, link)) {
    link.verdict = 'ok';
    link.detail = 'external';
    return;
  }
  const u = new URL(link.resolved);
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    path = u.pathname;
  }
  if (path.startsWith(MISSING_PREFIX) || (build.basePath && path.startsWith(build.basePath + MISSING_PREFIX))) {
    link.verdict = 'build-error';
    link.detail = path.slice(path.indexOf(MISSING_PREFIX) + MISSING_PREFIX.length);
    return;
  }
  const verdict = (v: Verdict, detail: string) => {
    link.verdict = v;
    link.detail = detail;
  };
  if (build.basePath && path !== build.basePath && !path.startsWith(build.basePath + '/')) {
    // The site's host serves more than the site: an address naming the host is another site's
    // business; a root-relative one (`/tags/` under `/blog/`) forgot the base path.
    if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(link.raw.trim())) return verdict('ok', `same host, outside ${build.basePath}/`);
    return verdict('outside-base', `not under ${build.basePath}/`);
  }
  const rel = path.slice(build.basePath.length).replace(/^\/+/, '');
  let target: string | undefined;
  if (rel === '' || rel.endsWith('/')) {
    if (files.has(rel + 'index.html')) target = rel + 'index.html';
  } else if (files.has(rel)) target = rel;
  else if (files.has(rel + '/index.html')) target = rel + '/index.html';
  // Served by `jekyll serve` and GitHub Pages: /about for about.html.
  else if (files.has(rel + '.html')) target = rel + '.html';
  if (!target) return verdict('missing-file', `no ${rel || '(root)'}${rel.endsWith('/') || rel === '' ? 'index.html' : ''} in the output`);
  if (u.hash.length > 1) {
    let frag = u.hash.slice(1);
    try {
      frag = decodeURIComponent(frag);
    } catch {
      // as written
    }
    const targetPage = pages.get(target);
    if (targetPage && frag !== 'top' && !targetPage.ids.has(frag)) return verdict('missing-anchor', `no id "${frag}" in ${target}`);
  }
  link.verdict = 'ok';
  link.detail = target;
  void page;
}
