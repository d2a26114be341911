import type { Site, SiteGeneratorName } from '../site/generator';
import type { Destination } from './extract';
import { isMarkdownFile } from '../files';
import type { LinkIndex } from './linkIndex';
import { isServedGenerator, outputFileOf } from './built';
import type { SiteFacts } from './siteFacts';
import { classifyUrl } from './url';
import { canonicalUri, encodeSegment } from './uri';

/** Where each generator serves files from at the site's root, besides pages. */
export const STATIC_FOLDERS: Record<SiteGeneratorName, readonly string[]> = {
  jekyll: [''],
  hugo: ['static/', 'assets/', 'content/'],
  zola: ['static/', 'content/'],
  eleventy: ['public/', '', 'src/'],
  astro: ['public/'],
  hexo: ['source/'],
  generic: [''],
};

/** Folders whose files are addressed as content (`@/…`, `{{< ref >}}`). */
const CONTENT_FOLDER: Partial<Record<SiteGeneratorName, string>> = { hugo: 'content/', zola: 'content/' };

export type Resolution =
  /** A file or page of the site; `anchor` is the fragment, when there is one. */
  | { status: 'found'; uri: string; anchor?: string; folder?: boolean }
  /** Only the fragment: an anchor of this document. */
  | { status: 'same-document'; anchor: string }
  /** Nothing under this name, but one that differs only in letter case. */
  | { status: 'case'; uri: string; actual: string; anchor?: string }
  /** Nothing there. `expected` is the file Talkdown looked for first; `address`, the address the site was asked for. */
  | { status: 'missing'; expected: string; path: string; address?: string; ref?: boolean }
  /** Not a local path, or not one Talkdown can check (a page the site makes from templates). */
  | { status: 'skip' };

export interface ResolveContext {
  index: LinkIndex;
  site: Site;
  /** The document's URI. */
  uri: string;
  /** Address prefixes the site serves though Talkdown cannot see them (`links.knownAddresses`). */
  knownAddresses?: readonly string[];
}

/** Resolves a destination the way the site's generator does. Never touches the disk. */
export function resolveDestination(ctx: ResolveContext, dest: Destination): Resolution {
  // The index's URIs are canonical; the document's may be written either way.
  ctx = { ...ctx, uri: canonicalUri(ctx.uri), site: ctx.site.root ? { ...ctx.site, root: canonicalUri(ctx.site.root) } : ctx.site };
  const { site } = ctx;
  const url = dest.url.trim();
  switch (dest.syntax) {
    case 'post_url': {
      if (!site.root || !ctx.index.covers(ctx.uri)) return { status: 'skip' };
      const name = url.replace(/\.(?:md|markdown)$/, '');
      // _posts/ first; its sub-folders and category folders' _posts/ only when needed.
      for (const folder of [`${site.root}/_posts`]) {
        for (const ext of ['.md', '.markdown']) {
          const hit = lookupFile(ctx, `${folder}/${name}${ext}`);
          if (hit) return hit;
        }
      }
      for (const folder of subPostFolders(ctx, name)) {
        for (const ext of ['.md', '.markdown']) {
          const hit = lookupFile(ctx, `${folder}/${name}${ext}`);
          if (hit) return hit;
        }
      }
      return { status: 'missing', expected: `${site.root}/_posts/${name}.md`, path: url };
    }
    case 'jekyll-link':
      if (!site.root || !ctx.index.covers(ctx.uri)) return { status: 'skip' };
      return fileOrMissing(ctx, resolvePath(site.root, url.replace(/^\//, '')), undefined, url);
  }
  const cls = classifyUrl(url);
  if (cls.kind !== 'local') return { status: 'skip' };
  let { path } = cls;
  const anchor = cls.fragment || undefined;
  if (path === '') return anchor !== undefined ? { status: 'same-document', anchor } : { status: 'skip' };
  // Files are checked against the index of the workspace's sites; a loose file has none.
  if (!ctx.index.covers(ctx.uri)) return { status: 'skip' };
  const dir = ctx.uri.slice(0, ctx.uri.lastIndexOf('/'));

  // Zola's `@/` and Hugo's ref: content paths.
  const content = CONTENT_FOLDER[site.generator];
  if (path.startsWith('@/') || dest.syntax === 'ref') {
    if (!site.root || !content) return { status: 'skip' };
    const fromContent = path.startsWith('@/') || path.startsWith('/');
    path = path.replace(/^@?\//, '');
    const inContent = resolvePath(`${site.root}/${content}`, path);
    const candidates = fromContent ? [inContent] : [resolvePath(dir, path), inContent];
    for (const candidate of candidates) {
      const hit = lookupPage(ctx, candidate, anchor);
      if (hit) return hit;
    }
    if (dest.syntax === 'ref' && !path.includes('/')) {
      // Hugo finds a ref by its file name anywhere in content/ when it is unique.
      const found = ctx.index.filesUnder(`${site.root}/${content}`).find((f) => f.endsWith('/' + path) || f.endsWith('/' + path + '.md'));
      if (found) return { status: 'found', uri: found, anchor };
    }
    if (dest.syntax === 'ref' && site.generator === 'hugo') {
      // Then by name among all pages, bundles by their folder and taxonomy terms included.
      const name = path.replace(/\/+$/, '').split('/').pop()!.replace(/\.(?:md|markdown)$/i, '').toLowerCase();
      const out = ctx.index.built(site).names.get(name);
      if (out !== undefined) return builtHit(ctx, out, anchor);
      const missing = caseOrMissing(ctx, candidates[0], anchor, path);
      return missing.status === 'missing' ? { ...missing, ref: true } : missing;
    }
    return caseOrMissing(ctx, candidates[0], anchor, path);
  }

  const absolute = path.startsWith('/');
  if (site.root && isServedGenerator(site)) {
    const served = resolveServed(ctx, dest, path, anchor);
    if (served) return served;
  }
  if (absolute && site.root) {
    // A site served under a base path (`baseurl: /blog`) is linked as /blog/assets/….
    const base = ctx.index.basePath(site);
    if (base && (path === base || path.startsWith(base + '/'))) path = path.slice(base.length) || '/';
  }
  const candidates: string[] = [];
  if (absolute) {
    if (!site.root) return { status: 'skip' };
    for (const folder of STATIC_FOLDERS[site.generator]) candidates.push(resolvePath(`${site.root}/${folder}`, path.slice(1)));
  } else {
    candidates.push(resolvePath(dir, path));
  }
  for (const candidate of candidates) {
    const hit = lookupPage(ctx, candidate, anchor);
    if (hit) return hit;
  }
  // A rendered page's address: /2024/11/15/slug/, ../other-post/, slug.html.
  if (site.root) {
    const own = ctx.index.addressOfPage(site, ctx.uri);
    const address = absolute ? path : resolveAddress(own ?? '/' + ctx.uri.slice(site.root.length + 1), path);
    if (address !== undefined) {
      const page = ctx.index.pageAt(site, address);
      if (page.uri) return { status: 'found', uri: page.uri, anchor };
      if (!isPageLike(path)) return caseOrMissing(ctx, candidates[0], anchor, path);
      if (page.caseOf) return { status: 'case', uri: candidates[0], actual: page.caseOf, anchor };
      if (page.postArea && ctx.index.covers(candidates[0])) return { status: 'missing', expected: candidates[0], path };
      return { status: 'skip' };
    }
  }
  if (isPageLike(path) && !isMarkdownFile(path)) return { status: 'skip' };
  return caseOrMissing(ctx, candidates[0], anchor, path);
}

/**
 * Jekyll, Hugo and Eleventy: the address a browser asks for (a relative path against the
 * page's own address, never its source folder), looked up among the files the build writes.
 * Undefined when the page's own address is unknown (then the source-relative rules apply).
 */
function resolveServed(ctx: ResolveContext, dest: Destination, path: string, anchor: string | undefined): Resolution | undefined {
  const { site, index } = ctx;
  const facts = index.siteFacts(site);
  const absolute = path.startsWith('/');
  if (site.generator === 'eleventy') {
    const transformed = eleventyTransformed(ctx, dest, path, anchor, facts);
    if (transformed) return transformed;
  } else if (!absolute && isMarkdownFile(path.replace(/\/+$/, '')) && facts.rewritesMarkdownLinks) {
    // A Markdown source named by a relative path: jekyll-relative-links makes it its page.
    return undefined;
  }
  let address: string;
  if (absolute) {
    address = path;
    const base = facts.basePath;
    if (base) {
      if (path !== base && !path.startsWith(base + '/')) return { status: 'skip' };
      address = path.slice(base.length) || '/';
    }
  } else {
    const own = index.addressOfPage(site, ctx.uri);
    if (own === undefined) return undefined;
    address = resolveAddress(safeAddress(own), path) ?? '/';
  }
  if (ctx.knownAddresses?.some((p) => p !== '' && address.startsWith(p.startsWith('/') ? p : '/' + p))) return { status: 'skip' };
  const built = index.built(site);
  const file = outputFileOf(address);
  // A folder's index.html; and, for a name without an extension, `name.html`: static hosts
  // (GitHub Pages, Netlify, `jekyll serve`) answer /about with about.html.
  const bare = !/\.[^/.]+$/.test(file);
  const hit = built.files.has(file) ? file : bare && built.files.has(file + '/index.html') ? file + '/index.html' : bare && built.files.has(file + '.html') ? file + '.html' : undefined;
  if (hit !== undefined) return builtHit(ctx, hit, anchor);
  const lower = built.lower.get(file.toLowerCase()) ?? built.lower.get(file.toLowerCase() + '/index.html') ?? (bare ? built.lower.get(file.toLowerCase() + '.html') : undefined);
  const expected = `${site.root}/${file.split('/').map(encodeSegment).join('/')}`;
  if (lower !== undefined) {
    const source = built.files.get(lower);
    if (source) return { status: 'case', uri: expected, actual: source, anchor };
  }
  return { status: 'missing', expected, path: dest.url.trim() === '' ? path : path, address };
}

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|tiff?)$/i;

/**
 * Eleventy's transforms that rewrite a URL before the browser sees it, when the configuration
 * adds them. InputPathToUrl: a path naming a template (any engine) becomes that page's address;
 * it is looked for in the input folder first, then, when relative, next to the linking file.
 * The image transform: an image's relative source is a file next to the template, an absolute
 * one a file of the input folder.
 */
function eleventyTransformed(ctx: ResolveContext, dest: Destination, path: string, anchor: string | undefined, facts: SiteFacts): Resolution | undefined {
  const { site, index } = ctx;
  const root = site.root!;
  const target = safeAddress(path);
  const absolute = target.startsWith('/');
  const dir = ctx.uri.slice(0, ctx.uri.lastIndexOf('/'));
  if (facts.rewritesMarkdownLinks && /\.[^/.]+$/.test(target)) {
    const tries: string[] = [];
    const plain = target.replace(/^(?:\.\/)+/, '');
    if (facts.input !== '' && !absolute && plain.startsWith(facts.input)) tries.push(resolvePath(root, plain));
    tries.push(resolvePath(`${root}/${facts.input}`, target.replace(/^\/+/, '')));
    if (!absolute) tries.push(resolvePath(dir, target));
    for (const uri of tries) if (index.page(uri) && index.addressOfPage(site, uri) !== undefined) return { status: 'found', uri, anchor };
  }
  if (facts.imageTransform && dest.image && (dest.syntax === 'markdown' || dest.syntax === 'html') && IMAGE_FILE.test(target)) {
    const file = absolute ? resolvePath(`${root}/${facts.input}`, target.slice(1)) : resolvePath(dir, target);
    return lookupFile(ctx, file, anchor) ?? caseOrMissing(ctx, file, anchor, path);
  }
  return undefined;
}

function builtHit(ctx: ResolveContext, file: string, anchor: string | undefined): Resolution {
  const source = ctx.index.built(ctx.site).files.get(file);
  return { status: 'found', uri: source || `${ctx.site.root}/${file.split('/').map(encodeSegment).join('/')}`, anchor };
}

function safeAddress(address: string): string {
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/** A path without an extension, or to an `.html` page: the site may make it from templates. */
function isPageLike(path: string): boolean {
  const last = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return path.endsWith('/') || !/\.[a-z0-9]{1,8}$/i.test(last) || /\.html?$/i.test(last);
}

function subPostFolders(ctx: ResolveContext, _name: string): string[] {
  // Jekyll also reads _posts/ inside category folders, and subfolders of _posts/.
  const root = ctx.site.root!;
  const out: string[] = [];
  for (const name of ctx.index.list(`${root}/_posts`)) if (name.endsWith('/')) out.push(`${root}/_posts/${name.slice(0, -1)}`);
  for (const name of ctx.index.list(root)) if (name.endsWith('/') && !name.startsWith('_') && ctx.index.isFolder(`${root}/${name}_posts`)) out.push(`${root}/${name}_posts`);
  return out.slice(0, 200);
}

function lookupFile(ctx: ResolveContext, uri: string, anchor?: string): Resolution | undefined {
  return ctx.index.exists(uri) && !ctx.index.isFolder(uri) ? { status: 'found', uri, anchor } : undefined;
}

/** A file, or the page a folder or an `.html` name stands for (`x/` → `x/index.md`, `x.html` → `x.md`). */
function lookupPage(ctx: ResolveContext, candidate: string, anchor?: string): Resolution | undefined {
  const clean = candidate.replace(/\/+$/, '');
  const direct = lookupFile(ctx, clean, anchor);
  if (direct) return direct;
  const tries: string[] = [];
  if (/\.html?$/i.test(clean)) {
    const stem = clean.replace(/\.html?$/i, '');
    tries.push(`${stem}.md`, `${stem}.markdown`);
    if (/\/index$/.test(stem)) tries.push(`${stem.replace(/\/index$/, '')}/_index.md`);
  } else if (!/\.[a-z0-9]{1,8}$/i.test(clean.split('/').pop() ?? '')) {
    tries.push(`${clean}.md`, `${clean}.markdown`, `${clean}/index.md`, `${clean}/_index.md`, `${clean}/index.markdown`, `${clean}/index.html`);
  }
  for (const t of tries) {
    const hit = lookupFile(ctx, t, anchor);
    if (hit) return hit;
  }
  if (ctx.index.isFolder(clean)) return { status: 'found', uri: clean, anchor, folder: true };
  return undefined;
}

function fileOrMissing(ctx: ResolveContext, uri: string, anchor: string | undefined, path: string): Resolution {
  return lookupPage(ctx, uri, anchor) ?? caseOrMissing(ctx, uri, anchor, path);
}

function caseOrMissing(ctx: ResolveContext, uri: string, anchor: string | undefined, path: string): Resolution {
  const clean = uri.replace(/\/+$/, '');
  // A path that leaves the workspace's folders (../../elsewhere): the index cannot tell.
  if (!ctx.index.covers(clean)) return { status: 'skip' };
  const actual = ctx.index.caseVariant(clean);
  if (actual) return { status: 'case', uri: clean, actual, anchor };
  return { status: 'missing', expected: clean, path };
}

/** `dir` + a relative path, with `.` and `..` resolved (never above the URI's root). */
export function resolvePath(dir: string, path: string): string {
  const schemeEnd = dir.indexOf('://') + 3;
  const authorityEnd = dir.indexOf('/', schemeEnd);
  const head = authorityEnd === -1 ? dir : dir.slice(0, authorityEnd);
  const parts = (authorityEnd === -1 ? '' : dir.slice(authorityEnd + 1)).split('/').filter(Boolean);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(encodeSegment(part));
  }
  return `${head}/${parts.join('/')}`;
}

/** A relative address against a page's own address (`/posts/a/` + `../b/` = `/posts/b/`). */
function resolveAddress(own: string, path: string): string | undefined {
  const base = own.endsWith('/') ? own : own.slice(0, own.lastIndexOf('/') + 1);
  const parts = base.split('/').filter(Boolean);
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/') + (path.endsWith('/') ? '/' : '');
}
