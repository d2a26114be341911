import { isMarkdownFile } from '../files';
import type { Site } from '../site/generator';
import { hugoTranslation, type AddressFields } from './permalink';
import type { SiteFacts } from './siteFacts';

/**
 * The files a site's build writes, by output path (`posts/a/index.html`, `images/x.png`,
 * `index.xml`), each with the source file it comes from (`''` for what the generator makes
 * itself: feeds, taxonomy and paginator pages). Computed from the index's files and the
 * site's configuration, the way Jekyll, Hugo and Eleventy lay out their output.
 */
export interface BuiltSite {
  files: Map<string, string>;
  /** Lower-case output path → the output path, for letter-case findings. */
  lower: Map<string, string>;
  /** Hugo's page names for `ref`: file or bundle name, and taxonomy terms → output path. */
  names: Map<string, string>;
}

/** Generators whose output Talkdown lays out; the others keep the source-relative checks. */
export function isServedGenerator(site: Site): boolean {
  return site.generator === 'jekyll' || site.generator === 'hugo' || site.generator === 'eleventy';
}

/** An address (`/a/b/`) as the file a static server answers it with. */
export function outputFileOf(address: string): string {
  const p = address.replace(/^\/+/, '').replace(/[?#].*$/, '');
  return p === '' || p.endsWith('/') ? p + 'index.html' : p;
}

/** Files Jekyll never copies (besides `_` and `.` names). */
const JEKYLL_EXCLUDED = /^(?:Gemfile(?:\.lock)?|node_modules|vendor|package(?:-lock)?\.json|gemfiles|CHANGELOG|README|LICENSE|Rakefile|.*\.gemspec)(?:\/|$|\.)/;

export interface PageSource {
  uri: string;
  fields: AddressFields;
  address: string | undefined;
}

export function buildSite(site: Site, facts: SiteFacts, pages: readonly PageSource[], files: Iterable<string>): BuiltSite {
  const out: BuiltSite = { files: new Map(), lower: new Map(), names: new Map() };
  const root = site.root!;
  const add = (path: string, uri: string) => {
    const clean = path.replace(/^\/+/, '').replace(/\/{2,}/g, '/');
    if (!out.files.has(clean)) out.files.set(clean, uri);
    out.lower.set(clean.toLowerCase(), clean);
  };
  const addressOfUri = new Map<string, string>();
  for (const page of pages) {
    if (page.address === undefined) continue;
    addressOfUri.set(page.uri, page.address);
    const file = outputFileOf(safeDecode(page.address));
    // Jekyll adds the output extension to a permalink without one: /about is written as about.html.
    add(site.generator === 'jekyll' && !/\.[^/.]+$/.test(file) ? file + '.html' : file, page.uri);
    if (site.generator === 'hugo' || facts.plugins.has('jekyll-redirect-from')) {
      for (const alias of page.fields.aliases ?? []) add(aliasFile(site, facts, page.address, alias), page.uri);
    }
  }
  const prefix = root + '/';
  if (site.generator === 'jekyll') {
    for (const uri of files) {
      if (!uri.startsWith(prefix) || addressOfUri.has(uri)) continue;
      const rel = safeDecode(uri.slice(prefix.length));
      if (rel.split('/').some((s) => s.startsWith('_') || s.startsWith('.')) || JEKYLL_EXCLUDED.test(rel) || isMarkdownFile(rel)) continue;
      add(rel, uri);
    }
    const posts = pages.filter((p) => /\/_posts\//.test(p.uri)).length;
    if (facts.plugins.has('jekyll-feed')) add('feed.xml', '');
    if (facts.plugins.has('jekyll-sitemap')) add('sitemap.xml', '');
    if (facts.plugins.has('jekyll-paginate') || facts.plugins.has('jekyll-paginate-v2')) {
      for (let n = 2; n <= Math.min(Math.ceil(posts / 10), 500); n++) add(`page${n}/index.html`, '');
    }
  } else if (site.generator === 'hugo') {
    hugoFiles(facts, pages, files, prefix, addressOfUri, add, out.names);
  } else if (site.generator === 'eleventy') {
    const all = [...files].filter((u) => u.startsWith(prefix));
    for (const { from, to } of facts.passthrough) {
      if (from.endsWith('/') || from === '') {
        for (const uri of all) {
          const rel = safeDecode(uri.slice(prefix.length));
          if (rel.startsWith(from)) add(to + rel.slice(from.length), uri);
        }
      } else {
        const uri = all.find((u) => safeDecode(u.slice(prefix.length)) === from);
        if (uri) add(to.endsWith('/') || to === '' ? to + from.split('/').pop() : to, uri);
      }
    }
  }
  return out;
}

/**
 * The file an alias is written as. Hugo: a relative alias sits beside the page (`/blog/x/` with
 * `old.html` gives `/blog/old.html`), one without an extension is a folder (or, with
 * uglyURLs, `x.html`). jekyll-redirect-from: relative to the site's root.
 */
export function aliasAddress(site: Site, address: string, alias: string): string {
  if (alias.startsWith('/')) return alias;
  return site.generator === 'hugo' ? address.replace(/[^/]*\/?$/, '') + alias : '/' + alias;
}

function aliasFile(site: Site, facts: SiteFacts, address: string, alias: string): string {
  const file = outputFileOf(safeDecode(aliasAddress(site, address, alias)));
  if (site.generator !== 'hugo' || /\.[^/.]+$/.test(file)) return file;
  return facts.uglyURLs ? file + '.html' : file + '/index.html';
}

function hugoFiles(facts: SiteFacts, pages: readonly PageSource[], files: Iterable<string>, prefix: string, addressOfUri: Map<string, string>, add: (path: string, uri: string) => void, names: Map<string, string>): void {
  // Hugo writes robots.txt when enableRobotsTXT is on, and 404.html from a 404 template.
  if (facts.robotsTXT) add('robots.txt', '');
  const bundles = new Map<string, string>(); // folder rel (content/x/) → page address
  for (const page of pages) {
    const rel = safeDecode(page.uri.slice(prefix.length));
    const m = /^(.*\/)_?index\.[^/]+$/.exec(rel);
    if (m && page.address) bundles.set(m[1], page.address);
  }
  for (const uri of files) {
    if (!uri.startsWith(prefix) || addressOfUri.has(uri)) continue;
    const rel = safeDecode(uri.slice(prefix.length));
    if (rel === 'layouts/404.html' || /^themes\/[^/]+\/layouts\/404\.html$/.test(rel)) add('404.html', '');
    if (rel.startsWith('static/')) {
      add(rel.slice('static/'.length), uri);
      continue;
    }
    const content = facts.contentDirs.find((c) => rel.startsWith(c.dir));
    if (!content || isMarkdownFile(rel)) continue;
    // The nearest bundle above the file, else the folder's own path under the language.
    let dir = rel.slice(0, rel.lastIndexOf('/') + 1);
    let placed = false;
    while (dir.length >= content.dir.length) {
      const address = bundles.get(dir);
      if (address !== undefined) {
        // A bundle's files sit in its page's folder (`/posts/x/`, also when the page is `/posts/x.html`).
        add(outputFileOf(address.replace(/\.html$/, '/')).replace(/index\.html$/, '') + rel.slice(dir.length), uri);
        placed = true;
        break;
      }
      dir = dir.slice(0, dir.slice(0, -1).lastIndexOf('/') + 1);
    }
    if (!placed) add((content.prefix ? content.prefix + '/' : '') + rel.slice(content.dir.length), uri);
  }
  // What Hugo makes: the home page and feeds, sections, taxonomies and terms, paginators.
  const lists = new Map<string, number>(); // list address → pages it lists
  const count = (address: string, n = 1) => lists.set(address, (lists.get(address) ?? 0) + n);
  for (const c of [...facts.contentDirs, ...(facts.languages ?? [])]) count(c.prefix ? `/${c.prefix}/` : '/', 0);
  count('/', 0);
  add('sitemap.xml', '');
  for (const page of pages) {
    const rel = safeDecode(page.uri.slice(prefix.length));
    const content = facts.contentDirs.find((c) => rel.startsWith(c.dir));
    if (!content || page.address === undefined) continue;
    const inContent = rel.slice(content.dir.length).split('/');
    const translated = hugoTranslation(inContent[inContent.length - 1].replace(/\.[^.]+$/, ''), facts);
    const prefixed = translated.prefix ?? content.prefix;
    const lang = prefixed ? `/${prefixed}` : '';
    const isSection = translated.base === '_index';
    const stem = translated.base;
    const name = stem === 'index' || stem === '_index' ? inContent[inContent.length - 2] : stem;
    if (name) names.set(name.toLowerCase(), outputFileOf(page.address));
    if (isSection) {
      count(page.address.replace(/\.html$/, '/'), 0);
      continue;
    }
    const top = inContent.length > 1 && !(inContent.length === 2 && stem === 'index') ? inContent[0] : undefined;
    if (top) {
      const section = `${lang}/${top}/`.toLowerCase();
      if (!lists.has(section)) count(`${lang}/`);
      count(section);
    } else count(`${lang}/`);
    for (const taxonomy of facts.taxonomies) {
      const terms = page.fields.terms?.[taxonomy];
      if (!terms) continue;
      count(`${lang}/${taxonomy}/`, 0);
      for (const term of terms) {
        const address = `${lang}/${taxonomy}/${hugoPath(term)}/`;
        if (!lists.has(address)) count(`${lang}/${taxonomy}/`);
        count(address);
        names.set(term.toLowerCase(), outputFileOf(address));
        names.set(hugoPath(term), outputFileOf(address));
      }
    }
  }
  // uglyURLs: /tags.html and /tags/page/2.html; home pages and feeds keep index.html, index.xml.
  const home = new Set([...facts.contentDirs, ...(facts.languages ?? [])].map((c) => (c.prefix ? `/${c.prefix}/` : '/')));
  const listFile = (address: string) => (facts.uglyURLs && !home.has(address) && address !== '/' ? address.replace(/^\/+/, '').replace(/\/$/, '') + '.html' : outputFileOf(address));
  for (const [address, n] of lists) {
    add(listFile(address), '');
    add(outputFileOf(address).replace(/index\.html$/, 'index.xml'), '');
    const pagesOf = Math.max(1, Math.ceil(n / facts.paginate));
    for (let p = 1; p <= Math.min(pagesOf, 1000); p++) add(listFile(`${address}page/${p}/`), '');
  }
}

/** Hugo's `urlize` of a term: lower case, spaces to `-`, most punctuation dropped. */
export function hugoPath(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}._~+#-]/gu, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
