import type { Site } from '../site/generator';
import type { SiteFacts } from './siteFacts';
import { zolaSlug } from './slug';

export { basePathOf } from './siteFacts';

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
  /** Lists of names in the front matter (`tags`, `categories`, …): Hugo's taxonomy terms. */
  terms?: Record<string, string[]>;
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
  for (const [key, value] of Object.entries(data)) {
    const names = typeof value === 'string' && (key === 'tags' || key === 'categories') ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
    if (names.length > 0 && key !== 'aliases' && key !== 'redirect_from') (out.terms ??= {})[key.toLowerCase()] = names.slice(0, 200);
  }
  return out;
}

/** A URL path as a lookup key: no leading or trailing slash, no `index.html`, no `.html`. */
export function normalizeAddress(path: string): string {
  let p = path.replace(/[?#].*$/, '').replace(/\/{2,}/g, '/');
  p = p.replace(/^\/+/, '').replace(/(?:^|\/)index\.html?$/i, '').replace(/\.html?$/i, '').replace(/\/+$/, '');
  return p;
}

/** Settings from the site's configuration that shape addresses. */
export type AddressConfig = Partial<SiteFacts>;

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
  let base = file.replace(/\.[^.]+$/, '');
  switch (site.generator) {
    case 'jekyll':
    case 'hexo': {
      if (fields.permalink && site.generator === 'jekyll') return fields.permalink;
      const postsAt = segments.findIndex((s) => s === '_posts' || s === '_drafts');
      const m = POST_NAME.exec(file);
      const style = config.permalink ? (JEKYLL_STYLES[config.permalink] ?? config.permalink) : site.generator === 'hexo' ? ':year/:month/:day/:title/' : JEKYLL_STYLES.date;
      if (postsAt !== -1) {
        const date = (site.generator === 'jekyll' ? jekyllDate(fields.date, config.timezone) : /^(\d{4})-(\d{2})-(\d{2})/.exec(fields.date ?? '')) ?? (m ? [m[0], m[1], m[2], m[3]] : undefined);
        const raw = fields.slug ?? (m ? m[4] : base);
        const title = site.generator === 'jekyll' ? jekyllSlug(raw) || raw : raw;
        const folderCats = segments.slice(0, postsAt).filter((s) => s !== 'source');
        const categories = [...folderCats, ...(fields.categories ?? [])].map((c) => c.toLowerCase().replace(/\s+/g, '-'));
        return expand(style, { year: date?.[1], month: date?.[2], day: date?.[3], title, slug: title, categories: categories.join('/'), output_ext: '.html' });
      }
      const collection = segments[0].startsWith('_') ? config.collections?.get(segments[0].slice(1)) : undefined;
      if (segments[0].startsWith('_') && config.collections?.has(segments[0].slice(1))) {
        const path = [...segments.slice(1, -1), base].join('/');
        return expand(collection ?? '/:collection/:path:output_ext', { collection: segments[0].slice(1), path, name: base, title: jekyllSlug(fields.slug ?? base) || base, output_ext: '.html' });
      }
      if (segments.some((s) => s.startsWith('_'))) return undefined;
      const pretty = site.generator === 'jekyll' && style.endsWith('/');
      return base === 'index' ? '/' + segments.slice(0, -1).join('/') + '/' : '/' + [...segments.slice(0, -1), base].join('/') + (pretty ? '/' : '.html');
    }
    case 'hugo': {
      const content = (config.contentDirs ?? [{ dir: 'content/', prefix: '' }]).find((c) => rel.startsWith(c.dir));
      const translated = hugoTranslation(base, config);
      base = translated.base;
      const prefix = translated.prefix ?? content?.prefix ?? '';
      if (fields.url) {
        // A `url` without an extension is a folder: Hugo writes /x as x/index.html, served at
        // /x/; a relative one is under the page's language.
        const url = /(?:^|\/)[^/.]+$/.test(fields.url) ? fields.url + '/' : fields.url;
        return url.startsWith('/') ? url : `/${prefix ? prefix + '/' : ''}${url}`;
      }
      if (!content) return undefined;
      const inContent = rel.slice(content.dir.length).split('/');
      const lang = prefix ? [prefix] : [];
      const dirs = inContent.slice(0, -1);
      // uglyURLs: /posts/x.html and /posts.html rather than /posts/x/ and /posts/.
      const ugly = config.uglyURLs === true;
      if (base === '_index') return ('/' + [...lang, ...dirs].join('/') + (ugly && dirs.length > 0 ? '.html' : '/')).replace(/\/{2,}/g, '/').toLowerCase();
      const bundle = base === 'index';
      const name = bundle ? dirs[dirs.length - 1] : base;
      const parents = bundle ? dirs.slice(0, -1) : dirs;
      const { date, slug: nameSlug } = hugoDate(fields, name, config.dateHandlers);
      const slug = fields.slug ?? nameSlug ?? name;
      const pattern = parents.length > 0 ? config.sections?.[parents[0]] : undefined;
      if (pattern) {
        const title = urlize(fields.title ?? name);
        const out = expand(expandSections(pattern, parents), { year: date?.[1], month: date?.[2], day: date?.[3], slug: fields.slug ?? nameSlug ?? title, title, filename: name, contentbasename: name, slugorfilename: slug, slugorcontentbasename: slug, section: parents[0], sections: parents.join('/') });
        const path = ugly && !out.endsWith('/') && !/\.[a-z0-9]+$/i.test(out) ? out + '.html' : out;
        return ((lang.length ? '/' + lang[0] : '') + path).toLowerCase();
      }
      return ('/' + [...lang, ...parents, slug].join('/') + (ugly ? '.html' : '/')).toLowerCase();
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
      const input = config.input ?? '';
      if (!rel.startsWith(input)) return undefined;
      const inInput = rel.slice(input.length).split('/');
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

/** A translation by file name (`index.fr.md`, `about.fr.md`): the name without its language, and that language's prefix. */
export function hugoTranslation(base: string, config: AddressConfig): { base: string; prefix?: string } {
  const named = /\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)$/i.exec(base);
  const language = named ? config.languages?.find((l) => l.lang === named[1].toLowerCase()) : undefined;
  return language ? { base: base.slice(0, -named![0].length), prefix: language.prefix } : { base };
}

/**
 * A Hugo page's date and the slug its file name gives, by the `[frontmatter] date` handlers:
 * `:filename` takes the date from `2024-05-16-name.md` (and `name` becomes the slug),
 * `date` and `:default` from the front matter; the first that has one wins.
 */
function hugoDate(fields: AddressFields, name: string, handlers: readonly string[] = ['date']): { date?: RegExpExecArray; slug?: string } {
  for (const handler of handlers) {
    if (handler === ':filename') {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[-_](.+))?$/.exec(name);
      if (m) return { date: m, slug: m[4] };
    } else if (handler === 'date' || handler === ':default') {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(fields.date ?? '');
      if (m) return { date: m };
    }
  }
  return {};
}

/**
 * A Jekyll post's date as its address uses it: a date with a time and an offset
 * (`2024-05-16 23:30:00 -0800`) is moved into the site's `timezone` (UTC when it sets none, as
 * on GitHub Pages); without an offset the date is the site's own.
 */
export function jekyllDate(value: string | undefined, timezone: string | undefined): string[] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?[ \t]*(Z|[+-]\d{2}:?\d{2})?)?/i.exec(value ?? '');
  if (!m) return undefined;
  // Without an offset, or a bare date read as UTC midnight: the date as written.
  if (!m[7] || /T00:00:00(?:\.000)?Z$/.test(value ?? '')) return [m[0], m[1], m[2], m[3]];
  const offset = m[7].toUpperCase() === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (Number(m[7].slice(1, 3)) * 60 + Number(m[7].slice(-2)));
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) - offset * 60_000;
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(utc));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return [m[0], get('year'), get('month'), get('day')];
  } catch {
    return [m[0], m[1], m[2], m[3]];
  }
}

/** Hugo's `:sections[1:]`, `:sections[:2]`, `:sections[last]` and `:sections[0]`: parts of the section path. */
function expandSections(pattern: string, sections: readonly string[]): string {
  return pattern.replace(/:sections\[(?:(last)|(\d+)|(\d*):(\d*))\]/g, (_, last: string | undefined, index: string | undefined, from: string | undefined, to: string | undefined) => {
    if (last) return sections[sections.length - 1] ?? '';
    if (index !== undefined) return sections[Number(index)] ?? '';
    return sections.slice(from ? Number(from) : 0, to ? Number(to) : undefined).join('/');
  });
}

function expand(pattern: string, values: Record<string, string | undefined>): string {
  const out = pattern.replace(/:([a-z_]+)/g, (whole, name: string) => (name in values ? (values[name] ?? '') : whole));
  return ('/' + out).replace(/\/{2,}/g, '/');
}

function urlize(text: string): string {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** Jekyll's `slugify` in its `pretty` mode, letter case kept: what `:title` becomes. */
export function jekyllSlug(text: string): string {
  return text.replace(/[^\p{L}\p{N}._~!$&'()+,;=@]+/gu, '-').replace(/^-+|-+$/g, '');
}
