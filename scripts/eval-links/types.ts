/** Shared shapes of the link harness: a site to build, what the build left, what the links are. */

export type Generator = 'hugo' | 'jekyll' | 'eleventy';

export interface SiteSpec {
  /** A short name, for reports. */
  name: string;
  /** The site's root folder (the one with its configuration). */
  dir: string;
  generator: Generator;
  /**
   * `minimal` (the default for Hugo and Jekyll): the site's page layouts are replaced by plain
   * ones of the harness (themes are usually absent submodules); shortcodes, partials, includes
   * and render hooks are kept. `own`: the site's layouts are used as they are (the default for
   * Eleventy, whose layouts live in the repository).
   */
  layouts?: 'minimal' | 'own';
  /** Eleventy: run `npm install` in the copy first (the site's plugins). */
  npmInstall?: boolean;
  /** Per build attempt. */
  timeoutMs?: number;
}

/** A Markdown file the generator could not build, and was left out of the build. */
export interface Excluded {
  file: string;
  reason: string;
}

/** A broken reference the generator reported while building (Hugo's REF_NOT_FOUND). */
export interface BuildError {
  file: string;
  /** 0-based. */
  line: number;
  /** 0-based. */
  col: number;
  target: string;
  message: string;
}

export interface BuildResult {
  site: SiteSpec;
  /** The copy that was built. */
  work: string;
  /** The generator's output. */
  out: string;
  /** The site's own origin (`https://example.dev`), from its baseURL / url. */
  origin: string;
  /** The path the site is served under (`/blog`), or '' at the root. */
  basePath: string;
  /** Output file (relative to `out`) → source file (relative to the site's root), where known. */
  sources: Map<string, string>;
  buildErrors: BuildError[];
  excluded: Excluded[];
  /** What the harness had to do to make the build go (stubs, removed plugins…). */
  fixes: string[];
  version: string;
  ms: number;
  log: string;
}

export type Verdict = 'ok' | 'missing-file' | 'missing-anchor' | 'outside-base' | 'build-error';

export interface PageLink {
  /** The page, relative to the output folder. */
  page: string;
  tag: string;
  attr: string;
  /** The attribute's value as the HTML has it (entities decoded). */
  raw: string;
  /** The link resolved against the page's URL. */
  resolved: string;
  verdict: Verdict;
  /** Inside the content of the page (the harness layouts mark it), or the page has no mark. */
  inContent: boolean;
  /** What was looked for, for reports. */
  detail?: string;
}

export interface MappedLink extends PageLink {
  /** The Markdown source, relative to the site's root. */
  file: string;
  /** 0-based. */
  line: number;
  /** 0-based. */
  col: number;
  /** How the source position was found. */
  how: string;
}

export interface Finding {
  file: string;
  /** 0-based. */
  line: number;
  col: number;
  code: string;
  message: string;
}
