import { isMarkdownFile } from '../files';
import type { Settings, SiteGeneratorName } from '../settings';
import type { Session } from '../session/session';
import { SessionKey, type FileEvent } from '../session/state';
import type { Workspace } from '../workspace';

export { SITE_GENERATORS, type SiteGeneratorName } from '../settings';

export const GENERATOR_LABEL: Record<SiteGeneratorName, string> = {
  jekyll: 'Jekyll',
  hugo: 'Hugo',
  zola: 'Zola',
  eleventy: 'Eleventy',
  astro: 'Astro',
  hexo: 'Hexo',
  generic: 'Markdown',
};

/** What Talkdown knows about the site a document belongs to. */
export interface Site {
  generator: SiteGeneratorName;
  /** The workspace folder, as a URI without a trailing slash; undefined for a loose file. */
  root: string | undefined;
  /** How the generator was chosen, for the status item and hover. */
  reason: string;
}

/** Folders, relative to the site root, whose Markdown files are posts (or pages with dates). */
export const POST_FOLDERS: Record<SiteGeneratorName, readonly string[]> = {
  jekyll: ['_posts/', '_drafts/'],
  hugo: ['content/'],
  zola: ['content/'],
  eleventy: ['posts/', 'blog/', 'src/posts/', 'src/blog/'],
  astro: ['src/content/'],
  hexo: ['source/_posts/', 'source/_drafts/'],
  generic: [],
};


/** The workspace folder that holds `uri`: the longest root that is a prefix of it. */
export function rootOf(workspace: Workspace, uri: string): string | undefined {
  let best: string | undefined;
  for (const root of workspace.roots) {
    const prefix = root.replace(/\/$/, '') + '/';
    if (uri.startsWith(prefix) && (!best || prefix.length > best.length + 1)) best = prefix.slice(0, -1);
  }
  return best;
}

/** How many folders above a file are searched for its site's configuration. */
const MAX_SITE_DEPTH = 6;

/** The names whose presence (or text) tells one generator from another. */
const MARKER_NAMES: ReadonlySet<string> = new Set([
  ...['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs'],
  ...['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js', '.eleventy.cjs'],
  ...['_config.yml', '_config.yaml', 'zola.toml', 'hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json'],
  ...['config.toml', 'config.yaml', 'config.yml', 'config.json'],
  ...['_posts', 'source', 'content', 'archetypes'],
]);

/**
 * Whether a file event can change what detection found: a marker file changed, created or
 * deleted, or a folder (or a file in a marker folder) created or deleted.
 */
export function affectsDetection(event: FileEvent): boolean {
  const segments = event.uri.replace(/\/$/, '').split('/');
  const name = segments[segments.length - 1];
  if (MARKER_NAMES.has(name)) return true;
  if (event.kind === 'changed') return false;
  return !name.includes('.') || segments.some((segment) => segment === '_posts' || segment === 'archetypes');
}

export type SiteDetection = { generator: SiteGeneratorName; reason: string };
type Detection = SiteDetection;

/** What detection found for each folder, read once and dropped by events on the files it read. */
const DETECTIONS = new SessionKey<Map<string, Detection>>('site/detections', () => new Map(), { files: affectsDetection });

/**
 * The generator of the site that holds `uri`, from the setting or from the site's files.
 * The site is the nearest folder, from the file up to its workspace folder, that a generator's
 * configuration marks, so a repository may hold several sites (or a site in `docs/`).
 * Detection is kept in the session: after the first document, no file is read again until
 * one of the files it read changes.
 */
export function siteOf(session: Session, uri: string, settings?: Settings): Site {
  const detections = session.state(DETECTIONS);
  const workspace = session.workspace;
  return findSite(workspace, uri, settings, (folder) => {
    let found = detections.get(folder);
    if (!found) detections.set(folder, (found = detectGenerator(workspace, folder)));
    return found;
  });
}

/** A detection that remembers each folder it looked at, for a caller that keeps it (an index being filled). */
export function siteDetector(workspace: Workspace): (folder: string) => SiteDetection {
  const known = new Map<string, SiteDetection>();
  return (folder) => {
    let found = known.get(folder);
    if (!found) known.set(folder, (found = detectGenerator(workspace, folder)));
    return found;
  };
}

/** `siteOf` without the session: every call reads the site's files (for one-off lookups that keep their own results). */
export function findSite(workspace: Workspace, uri: string, settings?: Settings, detect: (folder: string) => Detection = (folder) => detectGenerator(workspace, folder)): Site {
  const workspaceRoot = rootOf(workspace, uri);
  const override = settings?.site?.generator;
  if (!workspaceRoot) {
    return { generator: override ?? 'generic', root: undefined, reason: override ? 'set by talkdown.site.generator' : 'the file is outside any workspace folder' };
  }
  let root = workspaceRoot;
  let found = detect(workspaceRoot);
  if (found.generator === 'generic') {
    const folders = uri.slice(workspaceRoot.length + 1).split('/').slice(0, -1);
    for (let depth = Math.min(folders.length, MAX_SITE_DEPTH); depth > 0; depth--) {
      const folder = `${workspaceRoot}/${folders.slice(0, depth).join('/')}`;
      const site = detect(folder);
      // The nearest configured folder wins.
      if (site.generator !== 'generic') {
        root = folder;
        found = site;
        break;
      }
    }
  }
  if (override) return { generator: override, root, reason: 'set by talkdown.site.generator' };
  return { ...found, root };
}

/** Recognises a site generator from the files at the root of a site. */
export function detectGenerator(workspace: Workspace, root: string): Detection {
  const at = (path: string) => `${root}/${path}`;
  const exists = (path: string) => workspace.exists(at(path));
  const firstExisting = (paths: string[]) => paths.find(exists);

  const astro = firstExisting(['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts', 'astro.config.cjs']);
  if (astro) return { generator: 'astro', reason: `found ${astro}` };
  const eleventy = firstExisting(['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', 'eleventy.config.ts', '.eleventy.js', '.eleventy.cjs']);
  if (eleventy) return { generator: 'eleventy', reason: `found ${eleventy}` };

  const jekyllConfig = exists('_config.yml') ? '_config.yml' : exists('_config.yaml') ? '_config.yaml' : undefined;
  const jekyllConfigText = jekyllConfig ? (workspace.readText(at(jekyllConfig)) ?? '') : '';
  // Hexo shares `_config.yml` with Jekyll; its config names Hexo's own settings.
  if ((jekyllConfig && /\bhexo\b|^new_post_name:|^source_dir:/im.test(jekyllConfigText)) || exists('source/_posts')) {
    return { generator: 'hexo', reason: jekyllConfig ? `${jekyllConfig} is a Hexo config` : 'found source/_posts/' };
  }
  if (jekyllConfig) return { generator: 'jekyll', reason: `found ${jekyllConfig}` };
  if (exists('_posts')) return { generator: 'jekyll', reason: 'found _posts/' };

  const zola = firstExisting(['zola.toml', 'config.toml']);
  if (zola && /^\s*base_url\s*=/m.test(workspace.readText(at(zola)) ?? '')) return { generator: 'zola', reason: `${zola} sets base_url` };

  const hugo = firstExisting(['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json']);
  if (hugo) return { generator: 'hugo', reason: `found ${hugo}` };
  for (const config of ['config.toml', 'config.yaml', 'config.yml', 'config.json']) {
    if (exists(config) && /baseURL/i.test(workspace.readText(at(config)) ?? '')) return { generator: 'hugo', reason: `${config} sets baseURL` };
  }
  if (exists('content') && exists('archetypes')) return { generator: 'hugo', reason: 'found content/ and archetypes/' };
  return { generator: 'generic', reason: 'no site generator recognised' };
}

/**
 * Whether the generator treats `uri` as a post, which needs front matter. The generator's
 * conventions decide, or `talkdown.site.postFolders` (folders relative to the site root).
 */
export function isPost(site: Site, uri: string, settings?: Settings): boolean {
  if (!site.root || !isMarkdownFile(uri) || !uri.startsWith(site.root + '/')) return false;
  const relative = uri.slice(site.root.length + 1);
  // Section pages (`_index.md`) list posts; they are not posts themselves.
  if (/(?:^|\/)_index\.[^/]+$/.test(relative)) return false;
  const folders = settings?.site?.postFolders?.map((f) => f.replace(/^\.?\/+/, '').replace(/\/*$/, '/')) ?? POST_FOLDERS[site.generator];
  return folders.some((folder) => folder === '/' || relative.startsWith(folder));
}

/** Folders of templates for new content, whose front matter holds template code. */
const TEMPLATE_FOLDERS: Partial<Record<SiteGeneratorName, readonly string[]>> = {
  hugo: ['archetypes/'],
  hexo: ['scaffolds/'],
};

/**
 * Whether `uri` is a template for new posts (Hugo's `archetypes/`, Hexo's `scaffolds/`):
 * its front matter is written in the generator's template language, not in YAML or TOML.
 */
export function isTemplate(site: Site, uri: string): boolean {
  if (!site.root || !uri.startsWith(site.root + '/')) return false;
  const relative = uri.slice(site.root.length + 1);
  return (TEMPLATE_FOLDERS[site.generator] ?? []).some((folder) => relative.startsWith(folder));
}

/** The date a post's file name carries (`2024-11-15-kubecon.md`, or a bundle folder so named). */
export function filenameDate(uri: string): string | undefined {
  const parts = uri.split('/');
  const name = parts[parts.length - 1];
  const own = /^(\d{4}-\d{2}-\d{2})[-_]/.exec(name);
  if (own) return own[1];
  if (/^index\.[^.]+$/.test(name) && parts.length > 1) return /^(\d{4}-\d{2}-\d{2})[-_]/.exec(parts[parts.length - 2])?.[1];
  return undefined;
}

/** The file name without its date prefix and extension, as words: a title of last resort. */
export function filenameTitle(uri: string): string {
  const parts = uri.split('/');
  let name = decodeURIComponent(parts[parts.length - 1]).replace(/\.[^.]+$/, '');
  if (name === 'index' && parts.length > 1) name = decodeURIComponent(parts[parts.length - 2]);
  name = name.replace(/^\d{4}-\d{2}-\d{2}[-_]/, '').replace(/[-_]+/g, ' ').trim();
  return name ? name[0].toUpperCase() + name.slice(1) : 'Untitled';
}
