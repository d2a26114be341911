import { parseConfig } from '../site/config';
import type { Site } from '../site/generator';

/**
 * What a site's configuration says about the addresses it serves: read from the config file's
 * text, never by running anything. Eleventy's configuration is JavaScript: only a few settings
 * written as plain literals are read from its text (the input folder, passthrough copies, the
 * plugins that rewrite links or give headings ids); anything computed is not seen.
 */
export interface SiteFacts {
  /** The path the site is served under (`/blog`), without a trailing slash. */
  basePath?: string;
  /** The site's own origin (`https://example.org`), from `url` or `baseURL`. */
  origin?: string;
  /** Jekyll's and Hexo's `permalink`. */
  permalink?: string;
  /** Hugo's `[permalinks]`, per section. */
  sections?: Record<string, string>;
  /** Jekyll plugins, by gem name. */
  plugins: ReadonlySet<string>;
  /** Jekyll collections with `output: true`, and their permalink. */
  collections: ReadonlyMap<string, string | undefined>;
  /** Hugo taxonomies (plural names). */
  taxonomies: readonly string[];
  /** Hugo's `paginate` (list pages per paginator page). */
  paginate: number;
  /** Jekyll's `timezone` (IANA name): a post's dated address is in that zone. */
  timezone?: string;
  /** Hugo's `enableRobotsTXT`. */
  robotsTXT?: boolean;
  /** Hugo's `uglyURLs`: pages and lists written as `x.html`, not `x/index.html`. */
  uglyURLs?: boolean;
  /** Hugo's `[frontmatter] date` handlers, in order (`:filename`, `date`, `:default`, …). */
  dateHandlers?: readonly string[];
  /** Hugo's goldmark block attributes (`{#id}` on the line after a block gives it that id). */
  blockAttributes?: boolean;
  /** Hugo's languages and their address prefixes (`''` when served at the root), for `x.fr.md` names. */
  languages?: readonly { lang: string; prefix: string }[];
  /** Hugo's content folders per language prefix (`''` when served at the root). */
  contentDirs: readonly { dir: string; prefix: string }[];
  /** Eleventy's input folder relative to the site root, with a trailing slash (`''` for the root). */
  input: string;
  /** Eleventy passthrough copies: source (relative to the site root) → output path. */
  passthrough: readonly { from: string; to: string }[];
  /** Links to Markdown sources are rewritten to their page (InputPathToUrl, jekyll-relative-links). */
  rewritesMarkdownLinks: boolean;
  /** Eleventy's image transform: an `<img>` source is a file, relative to the template (or, absolute, to the input folder). */
  imageTransform?: boolean;
  /** How headings get ids. */
  headingIds: HeadingIds;
}

/** `github`: GitHub's rules; `hugo`: goldmark's in Hugo 0.111 (link URLs included); `eleventy-*`: markdown-it-anchor. */
export type HeadingIds = 'github' | 'hugo' | 'hugo-attributes' | 'zola' | 'none' | 'eleventy-default' | 'eleventy-slugify';

/** Hugo's ids, whether or not goldmark's block attributes are on (they add `{#id}` lines). */
export function isHugoStyle(style: string): boolean {
  return style === 'hugo' || style === 'hugo-attributes';
}

/** A goldmark block attribute line: `{#id}`, `{#id .class}`, alone on its line (indented in a list item). */
export const BLOCK_ATTRIBUTE_ID = /^[ \t]*\{[ \t]*#([\w:.-]+)[^{}\n]*\}[ \t]*$/;

export const ELEVENTY_CONFIGS = ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventy.js'];
const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json', 'config/_default/hugo.toml', 'config/_default/config.toml', 'config/_default/hugo.yaml', 'config/_default/config.yaml', 'config/_default/config.yml'];

/** Files whose change changes the facts. */
export const SITE_FACTS_FILE = /\/(?:_config\.ya?ml|hugo\.(?:toml|ya?ml|json)|config\.(?:toml|ya?ml|json)|zola\.toml|eleventy\.config\.[cm]?js|\.eleventy\.js|languages\.(?:toml|ya?ml)|config\/_default\/(?:permalinks|taxonomies|frontmatter|markup)\.(?:toml|ya?ml|json))$/;

/** Hugo's settings that a `config/_default/` folder may keep in a file of their own, named by the key. */
const HUGO_KEY_FILES = ['languages', 'permalinks', 'taxonomies', 'frontmatter', 'markup'];

const DEFAULTS: SiteFacts = { plugins: new Set(), collections: new Map(), taxonomies: ['tags', 'categories'], paginate: 10, contentDirs: [{ dir: 'content/', prefix: '' }], input: '', passthrough: [], rewritesMarkdownLinks: false, headingIds: 'github' };

export function readSiteFacts(site: Site, readText: (uri: string) => string | undefined): SiteFacts {
  if (!site.root) return DEFAULTS;
  const at = (p: string) => readText(`${site.root}/${p}`);
  const first = (names: readonly string[]) => {
    for (const name of names) {
      const text = at(name);
      if (text !== undefined) return { name, text };
    }
    return undefined;
  };
  try {
    switch (site.generator) {
      case 'jekyll':
      case 'hexo': {
        const found = first(['_config.yml', '_config.yaml']);
        const data = found ? parseConfig(found.name, found.text) : {};
        const origin = originOf(data.url);
        const basePath = basePathOf(site.generator === 'jekyll' ? data.baseurl : data.root);
        const plugins = new Set([...strings(data.plugins), ...strings(data.gems)]);
        const collections = new Map<string, string | undefined>();
        if (data.collections && typeof data.collections === 'object') {
          for (const [name, value] of Object.entries(data.collections as Record<string, unknown>)) {
            const v = (value ?? {}) as Record<string, unknown>;
            if (name !== 'posts' && v.output === true) collections.set(name, typeof v.permalink === 'string' ? v.permalink : undefined);
            if (name === 'posts' && typeof v.permalink === 'string' && typeof data.permalink !== 'string') data.permalink = v.permalink;
          }
        }
        return { ...DEFAULTS, ...(typeof data.permalink === 'string' ? { permalink: data.permalink } : {}), ...(typeof data.timezone === 'string' ? { timezone: data.timezone } : {}), basePath, origin, plugins, collections, rewritesMarkdownLinks: plugins.has('jekyll-relative-links'), headingIds: 'github' };
      }
      case 'hugo': {
        const found = first(HUGO_CONFIGS);
        const data = found ? parseConfig(found.name, found.text) : {};
        const lower = Object.fromEntries(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
        if (found?.name.startsWith('config/_default/')) {
          for (const key of HUGO_KEY_FILES) {
            if (lower[key] !== undefined) continue;
            const file = first(['toml', 'yaml', 'yml', 'json'].map((ext) => `config/_default/${key}.${ext}`));
            if (file) lower[key] = parseConfig(file.name, file.text);
          }
        }
        const base = typeof lower.baseurl === 'string' ? lower.baseurl : undefined;
        const sections: Record<string, string> = {};
        if (lower.permalinks && typeof lower.permalinks === 'object') for (const [k, v] of Object.entries(lower.permalinks as Record<string, unknown>)) if (typeof v === 'string') sections[k] = v;
        const taxonomies = lower.taxonomies && typeof lower.taxonomies === 'object' ? Object.values(lower.taxonomies as Record<string, unknown>).filter((v): v is string => typeof v === 'string') : DEFAULTS.taxonomies;
        const paginate = typeof lower.paginate === 'number' && lower.paginate > 0 ? lower.paginate : 10;
        const contentDirs: { dir: string; prefix: string }[] = [];
        const langs: { lang: string; prefix: string }[] = [];
        const languages = lower.languages as Record<string, unknown> | undefined;
        const defaultLang = typeof lower.defaultcontentlanguage === 'string' ? lower.defaultcontentlanguage : 'en';
        if (languages && typeof languages === 'object') {
          for (const [lang, value] of Object.entries(languages)) {
            const v = Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).map(([k, x]) => [k.toLowerCase(), x]));
            const inSubdir = lang !== defaultLang || lower.defaultcontentlanguageinsubdir === true;
            langs.push({ lang: lang.toLowerCase(), prefix: inSubdir ? lang.toLowerCase() : '' });
            if (typeof v.contentdir !== 'string') continue;
            contentDirs.push({ dir: v.contentdir.replace(/^\.?\/|\/$/g, '') + '/', prefix: inSubdir ? lang : '' });
          }
        }
        if (contentDirs.length === 0) contentDirs.push({ dir: (typeof lower.contentdir === 'string' ? lower.contentdir.replace(/^\.?\/|\/$/g, '') : 'content') + '/', prefix: '' });
        const frontmatter = lowerKeys(lower.frontmatter);
        const dateHandlers = Array.isArray(frontmatter.date) ? strings(frontmatter.date).map((h) => h.toLowerCase()) : typeof frontmatter.date === 'string' ? [frontmatter.date.toLowerCase()] : undefined;
        const attribute = lowerKeys(lowerKeys(lowerKeys(lower.markup).goldmark).parser).attribute;
        const blockAttributes = lowerKeys(attribute).block === true;
        return { ...DEFAULTS, basePath: basePathOf(base), origin: originOf(base), sections, taxonomies, paginate, contentDirs, languages: langs, uglyURLs: lower.uglyurls === true, robotsTXT: lower.enablerobotstxt === true, dateHandlers, blockAttributes, headingIds: blockAttributes ? 'hugo-attributes' : 'hugo' };
      }
      case 'zola': {
        const found = first(['zola.toml', 'config.toml']);
        const data = found ? parseConfig(found.name, found.text) : {};
        return { ...DEFAULTS, basePath: basePathOf(data.base_url), origin: originOf(data.base_url), headingIds: 'zola' };
      }
      case 'eleventy': {
        const text = first(ELEVENTY_CONFIGS)?.text ?? '';
        return { ...DEFAULTS, ...eleventyFacts(text) };
      }
    }
  } catch {
    // An unreadable config: the defaults apply.
  }
  return site.generator === 'zola' ? { ...DEFAULTS, headingIds: 'zola' } : DEFAULTS;
}

/** The settings Eleventy's configuration writes as literals. Conservative: what is not plainly written is not assumed. */
export function eleventyFacts(text: string): Pick<SiteFacts, 'input' | 'passthrough' | 'rewritesMarkdownLinks' | 'imageTransform' | 'headingIds'> {
  const code = text.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  const inputAt = /\binput\s*:\s*["'`]([^"'`]*)["'`]/.exec(code)?.[1];
  const input = clean(inputAt ?? '.');
  const passthrough: { from: string; to: string }[] = [];
  for (const m of code.matchAll(/addPassthroughCopy\s*\(\s*(?:["'`]([^"'`]+)["'`]|\{([^}]*)\})/g)) {
    if (m[1] !== undefined) {
      const from = clean(m[1]);
      passthrough.push({ from, to: from.startsWith(input) ? from.slice(input.length) : from });
    } else {
      for (const p of m[2].matchAll(/["'`]([^"'`]+)["'`]\s*:\s*["'`]([^"'`]*)["'`]/g)) passthrough.push({ from: clean(p[1]), to: clean(p[2]) });
    }
  }
  const anchor = /markdown-it-anchor/.test(code);
  const slugify = (anchor && /slugify\s*:\s*[^,}]*getFilter\(\s*["'`]slugify["'`]\s*\)/.test(code)) || /addPlugin\(\s*IdAttributePlugin/.test(code);
  // The plugins as `addPlugin(X)` or `addPlugin(eleventy.X)`; InputPathToUrl also by `resolvePlugin(name)`.
  const inputPathToUrl = /addPlugin\(\s*(?:[\w$]+\.)?InputPathToUrlTransformPlugin\b/.test(code) || /resolvePlugin\(\s*["'`]@11ty\/eleventy\/inputpath-to-url-plugin["'`]/.test(code);
  const imageTransform = /addPlugin\(\s*(?:[\w$]+\.)?eleventyImageTransformPlugin\b/.test(code);
  return { input, passthrough, rewritesMarkdownLinks: inputPathToUrl, imageTransform, headingIds: slugify ? 'eleventy-slugify' : anchor ? 'eleventy-default' : 'none' };
}

/** A relative folder or file as `a/b/` (folders) or `a/b` (files): no `./`, no leading slash; `''` for the root. */
function clean(path: string): string {
  const p = path.trim().replace(/^\.\/+/, '').replace(/^\/+/, '');
  if (p === '.' || p === '') return '';
  return /\.[a-z0-9]+$/i.test(p) && !p.endsWith('/') ? p : p.replace(/\/*$/, '/');
}

function lowerKeys(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k.toLowerCase(), x])) : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function originOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim())) return undefined;
  try {
    return new URL(value.trim()).origin.toLowerCase();
  } catch {
    return undefined;
  }
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
