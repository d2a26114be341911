import type { SeverityName } from './findings';

/**
 * Settings types and defaults, in one module that imports no other: every adapter, rule and
 * the manifest test read them from here.
 */

export type SiteGeneratorName = 'jekyll' | 'hugo' | 'zola' | 'eleventy' | 'astro' | 'hexo' | 'generic';

export const SITE_GENERATORS: readonly SiteGeneratorName[] = ['jekyll', 'hugo', 'zola', 'eleventy', 'astro', 'hexo', 'generic'];

export type EnglishVariant = 'en' | 'en-US' | 'en-GB';

export interface SpellingSettings {
  /** Which English spellings are accepted: both (`en`), American or British. */
  language: EnglishVariant;
  /** The user's own words. */
  words: string[];
}

export const DEFAULT_SPELLING: SpellingSettings = { language: 'en', words: [] };

/** Resolved `talkdown.*` settings for one resource. */
export interface Settings {
  /** Per-rule severity overrides, keyed by diagnostic code. */
  rules: Record<string, SeverityName>;
  /** Documents larger than this many characters have only their front matter checked. */
  maxFileSize: number;
  /** The site generator, when set instead of detected. */
  site?: { generator?: SiteGeneratorName; postFolders?: string[] };
  /** A JSON Schema path (relative to the workspace folder) and the fields every post needs. */
  frontMatter?: { schema?: string; required?: string[] };
  /** Link checking; `external` opts in to requests to the sites a post links to. */
  links?: { external?: boolean; knownAddresses?: string[] };
  /** English variants and the user's own words. */
  spelling?: SpellingSettings;
  /** How long the analysis of one document may take (only set when configured). */
  analysis?: { deadlineMs: number };
}

/** The analysis of one document stops after this many milliseconds, unless set otherwise. */
export const DEFAULT_DEADLINE_MS = 1000;

/** The deadline the settings give one document's analysis. */
export function deadlineOf(settings: Settings): number {
  return settings.analysis?.deadlineMs ?? DEFAULT_DEADLINE_MS;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  maxFileSize: 5_000_000,
};

/**
 * The default of every setting, by its key without the `talkdown.` prefix, as the manifest
 * declares it (a test holds package.json to this table). `null` and `""` mean "not set".
 */
export const SETTING_DEFAULTS: Readonly<Record<string, unknown>> = {
  rules: DEFAULT_SETTINGS.rules,
  maxFileSize: DEFAULT_SETTINGS.maxFileSize,
  'analysis.deadlineMs': DEFAULT_DEADLINE_MS,
  'site.generator': undefined,
  'site.postFolders': null,
  'frontMatter.schema': '',
  'frontMatter.required': [],
  'links.external': false,
  'links.knownAddresses': [],
  'spelling.language': DEFAULT_SPELLING.language,
  'spelling.words': DEFAULT_SPELLING.words,
  'trace.server': 'off',
};

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Merges untrusted input (editor configuration, a CLI config file) over the defaults,
 * dropping values of the wrong type rather than failing.
 */
export function resolveSettings(input: unknown): Settings {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const rules: Record<string, SeverityName> = {};
  if (typeof raw.rules === 'object' && raw.rules !== null) {
    for (const [code, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[code] = value as SeverityName;
    }
  }
  const maxFileSize =
    typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0
      ? raw.maxFileSize
      : DEFAULT_SETTINGS.maxFileSize;
  return { rules, maxFileSize, ...resolveFrontMatterSettings(raw), ...resolveExternalLinkSettings(raw), ...resolveSpellingSettings(raw), ...resolveAnalysisSettings(raw) };
}

/** `analysis.deadlineMs`, only when set to a positive number. */
function resolveAnalysisSettings(raw: Record<string, unknown>): Pick<Settings, 'analysis'> {
  const analysis = (typeof raw.analysis === 'object' && raw.analysis !== null ? raw.analysis : {}) as Record<string, unknown>;
  const ms = analysis.deadlineMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? { analysis: { deadlineMs: ms } } : {};
}

/** Only keys that are set appear, so that an unset configuration resolves as before. */
function resolveFrontMatterSettings(raw: Record<string, unknown>): Pick<Settings, 'site' | 'frontMatter'> {
  const out: Pick<Settings, 'site' | 'frontMatter'> = {};
  const site = (typeof raw.site === 'object' && raw.site !== null ? raw.site : {}) as Record<string, unknown>;
  const generator = site.generator;
  if (typeof generator === 'string' && (SITE_GENERATORS as readonly string[]).includes(generator)) out.site = { generator: generator as SiteGeneratorName };
  if (Array.isArray(site.postFolders)) {
    const postFolders = site.postFolders.filter((f): f is string => typeof f === 'string' && f.trim() !== '').map((f) => f.trim());
    out.site = { ...out.site, postFolders };
  }
  const fm = (typeof raw.frontMatter === 'object' && raw.frontMatter !== null ? raw.frontMatter : {}) as Record<string, unknown>;
  const frontMatter: NonNullable<Settings['frontMatter']> = {};
  if (typeof fm.schema === 'string' && fm.schema.trim() !== '') frontMatter.schema = fm.schema.trim();
  if (Array.isArray(fm.required)) frontMatter.required = fm.required.filter((f): f is string => typeof f === 'string' && f !== '');
  if (frontMatter.schema !== undefined || frontMatter.required !== undefined) out.frontMatter = frontMatter;
  return out;
}

/** `links.external`, only when set to a boolean. */
function resolveExternalLinkSettings(raw: Record<string, unknown>): Pick<Settings, 'links'> {
  const links = (typeof raw.links === 'object' && raw.links !== null ? raw.links : {}) as Record<string, unknown>;
  const known = Array.isArray(links.knownAddresses) ? links.knownAddresses.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim()) : undefined;
  const out: NonNullable<Settings['links']> = {};
  if (typeof links.external === 'boolean') out.external = links.external;
  if (known && known.length > 0) out.knownAddresses = known;
  return Object.keys(out).length > 0 ? { links: out } : {};
}

/** `spelling.language` (`en`, `en-US`, `en-GB`) and `spelling.words`; only set keys appear. */
function resolveSpellingSettings(raw: Record<string, unknown>): Pick<Settings, 'spelling'> {
  if (typeof raw.spelling !== 'object' || raw.spelling === null) return {};
  const s = raw.spelling as Record<string, unknown>;
  const language = s.language === 'en-US' || s.language === 'en-GB' ? s.language : 'en';
  const words = Array.isArray(s.words) ? s.words.filter((w): w is string => typeof w === 'string' && w.trim() !== '').map((w) => w.trim()) : [];
  return { spelling: { language, words } };
}
