import { parse as parseYaml } from 'yaml';
import type { Site } from '../site/generator';
import { zolaSlug } from './slug';

/** The front-matter keys that decide a page's address. */
export interface AddressFields {
  slug?: string;
  url?: string;
  permalink?: string;
  path?: string;
  date?: string;
  title?: string;
  categories?: string[];
  /** Other addresses that redirect here: Hugo's `aliases`, Jekyll's `redirect_from`. */
  aliases?: string[];
}

export function addressFields(data: Record<string, unknown> | undefined): AddressFields {
  if (!data) return {};
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : undefined);
  const cats = data.categories ?? data.category;
  const categories = typeof cats === 'string' ? cats.split(/\s+/).filter(Boolean) : Array.isArray(cats) ? cats.filter((c): c is string => typeof c === 'string') : undefined;
  const out: AddressFields = {};
  for (const key of ['slug', 'url', 'permalink', 'path', 'date', 'title'] as const) {
    const v = str(data[key]);
    if (v !== undefined) out[key] = v;
  }
  if (categories && categories.length > 0) out.categories = categories;
  const aliases = data.aliases ?? data.redirect_from;
  const list = typeof aliases === 'string' ? [aliases] : Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [];
  if (list.length > 0) out.aliases = list.slice(0, 100);
  return out;
}

/** A URL path as a lookup key: no leading or trailing slash, no `index.html`, no `.html`. */
export function normalizeAddress(path: string): string {
  let p = path.replace(/[?#].*$/, '').replace(/\/{2,}/g, '/');
  p = p.replace(/^\/+/, '').replace(/(?:^|\/)index\.html?$/i, '').replace(/\.html?$/i, '').replace(/\/+$/, '');
  return p;
}

/** Settings from the site's configuration that shape addresses. */
export interface AddressConfig {
  /** Jekyll's and Hexo's `permalink`. */
  permalink?: string;
  /** Hugo's `[permalinks]`, per section. */
  sections?: Record<string, string>;
  /** The path the site is served under (`/blog` for Jekyll's `baseurl: /blog`), without a trailing slash. */
  basePath?: string;
}

export function readAddressConfig(site: Site, readText: (uri: string) => string | undefined): AddressConfig {
  if (!site.root) return {};
  const at = (p: string) => readText(`${site.root}/${p}`);
  try {
    if (site.generator === 'jekyll' || site.generator === 'hexo') {
      const text = at('_config.yml') ?? at('_config.yaml');
      const data = text ? (parseYaml(text, { logLevel: 'silent' }) as Record<string, unknown> | null) : undefined;
      const basePath = basePathOf(site.generator === 'jekyll' ? data?.baseurl : data?.root);
      return { ...(typeof data?.permalink === 'string' ? { permalink: data.permalink } : {}), ...(basePath ? { basePath } : {}) };
    }
    if (site.generator === 'hugo') {
      const text = at('hugo.toml') ?? at('config.toml');
      if (!text) return {};
      const basePath = basePathOf(topLevelString(text, /^\s*baseurl\s*=\s*["']([^"']*)["']/im));
      const block = /^\s*\[permalinks\]\s*$([\s\S]*?)(?=^\s*\[|$(?![\s\S]))/m.exec(text);
      if (!block) return basePath ? { basePath } : {};
      const sections: Record<string, string> = {};
      for (const m of block[1].matchAll(/^\s*["']?([\w-]+)["']?\s*=\s*["']([^"']+)["']/gm)) sections[m[1]] = m[2];
      return { sections, ...(basePath ? { basePath } : {}) };
    }
    if (site.generator === 'zola') {
      const text = at('zola.toml') ?? at('config.toml');
      const basePath = text ? basePathOf(topLevelString(text, /^\s*base_url\s*=\s*["']([^"']*)["']/m)) : undefined;
      return basePath ? { basePath } : {};
    }
  } catch {
    // An unreadable config: the defaults apply.
  }
  return {};
}

/** A key's string value among a TOML file's top-level keys (before its first table). */
function topLevelString(text: string, key: RegExp): string | undefined {
  const table = /^\s*\[/m.exec(text);
  return key.exec(table ? text.slice(0, table.index) : text)?.[1];
}

/** The path of a base URL (`https://example.org/blog/` or `/blog`): `/blog`, or undefined for the root. */
export function basePathOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  let path = value.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return undefined;
    }
  }
  path = path.replace(/\/+$/, '');
  if (path === '' || /[{}%\s]/.test(path)) return undefined;
  return path.startsWith('/') ? path : '/' + path;
}

const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

const POST_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.(?:md|markdown|mdx|mdown|mkd)$/i;

/**
 * The address (a URL path) at which the site serves a Markdown file, by the generator's
 * permalink rules and the file's front matter; undefined when Talkdown cannot tell.
 */
export function addressOf(site: Site, uri: string, fields: AddressFields, config: AddressConfig): string | undefined {
  if (!site.root || !uri.startsWith(site.root + '/')) return undefined;
  const rel = decodeURIComponent(uri.slice(site.root.length + 1));
  const segments = rel.split('/');
  const file = segments[segments.length - 1];
  const base = file.replace(/\.[^.]+$/, '');
  switch (site.generator) {
    case 'jekyll':
    case 'hexo': {
      if (fields.permalink && site.generator === 'jekyll') return fields.permalink;
      const postsAt = segments.findIndex((s) => s === '_posts' || s === '_drafts');
      const m = POST_NAME.exec(file);
      if (postsAt !== -1) {
        const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(fields.date ?? '') ?? (m ? [m[0], m[1], m[2], m[3]] : undefined);
        const title = fields.slug ?? (m ? m[4] : base);
        const folderCats = segments.slice(0, postsAt).filter((s) => s !== 'source');
        const categories = [...folderCats, ...(fields.categories ?? [])].map((c) => c.toLowerCase().replace(/\s+/g, '-'));
        const pattern = config.permalink ? (JEKYLL_STYLES[config.permalink] ?? config.permalink) : site.generator === 'hexo' ? ':year/:month/:day/:title/' : JEKYLL_STYLES.date;
        return expand(pattern, { year: date?.[1], month: date?.[2], day: date?.[3], title, slug: title, categories: categories.join('/'), output_ext: '.html' });
      }
      if (segments.some((s) => s.startsWith('_'))) return undefined;
      return base === 'index' ? '/' + segments.slice(0, -1).join('/') + '/' : '/' + [...segments.slice(0, -1), base].join('/') + '.html';
    }
    case 'hugo': {
      if (fields.url) return fields.url;
      if (segments[0] !== 'content') return undefined;
      const inContent = segments.slice(1);
      const dirs = inContent.slice(0, -1);
      if (base === '_index') return '/' + dirs.join('/') + '/';
      const bundle = base === 'index';
      const name = bundle ? dirs[dirs.length - 1] : base;
      const parents = bundle ? dirs.slice(0, -1) : dirs;
      const slug = fields.slug ?? name;
      const pattern = parents.length > 0 ? config.sections?.[parents[0]] : undefined;
      if (pattern) {
        const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(fields.date ?? '');
        return expand(pattern, { year: date?.[1], month: date?.[2], day: date?.[3], slug, title: urlize(fields.title ?? name), filename: name, contentbasename: name, section: parents[0], sections: parents.join('/') });
      }
      return '/' + [...parents, slug].join('/') + '/';
    }
    case 'zola': {
      if (segments[0] !== 'content') return undefined;
      const dirs = segments.slice(1, -1);
      if (fields.path) return '/' + fields.path.replace(/^\/|\/$/g, '') + '/';
      if (base === '_index') return '/' + dirs.join('/') + '/';
      const bundle = base === 'index';
      const name = (bundle ? dirs[dirs.length - 1] : base).replace(/^\d{4}-\d{2}-\d{2}(?:[-_]|$)/, '');
      const parents = bundle ? dirs.slice(0, -1) : dirs;
      return '/' + [...parents, fields.slug ?? zolaSlug(name)].join('/') + '/';
    }
    case 'eleventy': {
      if (fields.permalink) return fields.permalink;
      const inInput = segments[0] === 'src' ? segments.slice(1) : segments;
      const dirs = inInput.slice(0, -1);
      return '/' + (base === 'index' ? dirs : [...dirs, base]).join('/') + '/';
    }
    case 'astro': {
      // src/content/<collection>/<slug>.md, served by a route of the site's own making; the
      // usual one is /<collection>/<slug>/.
      if (segments[0] === 'src' && segments[1] === 'content' && segments.length >= 4) {
        const dirs = segments.slice(2, -1);
        return '/' + [...dirs, fields.slug ?? base].join('/') + '/';
      }
      if (segments[0] === 'src' && segments[1] === 'pages') return '/' + [...segments.slice(2, -1), ...(base === 'index' ? [] : [base])].join('/') + '/';
      return undefined;
    }
    default:
      return fields.permalink;
  }
}

function expand(pattern: string, values: Record<string, string | undefined>): string {
  const out = pattern.replace(/:([a-z_]+)/g, (whole, name: string) => (name in values ? (values[name] ?? '') : whole));
  return ('/' + out).replace(/\/{2,}/g, '/');
}

function urlize(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}
