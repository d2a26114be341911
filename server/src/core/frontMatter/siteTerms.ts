import { isMarkdownFile } from '../files';
import { parseFrontMatter } from '../model/frontMatter';
import { POST_FOLDERS, type Site } from '../site/generator';
import { walkFiles } from '../site/workspaceListing';
import type { Session } from '../session/session';
import { SessionKey, type FileEvent } from '../session/state';
import type { Workspace } from '../workspace';

export type Taxonomy = 'tags' | 'categories';

/** Where each generator keeps a post's terms of a taxonomy. */
export function taxonomyPaths(site: Site, taxonomy: Taxonomy): (string | number)[][] {
  return site.generator === 'zola' ? [['taxonomies', taxonomy]] : [[taxonomy]];
}

/** The terms one front matter gives: a list, or (Jekyll, Hexo) a space-separated string. */
export function termsOf(data: Record<string, unknown>, path: readonly (string | number)[]): string[] {
  let value: unknown = data;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined;
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

/** The tags and categories used across a site's posts. */
export class SiteTerms {
  private readonly byUri = new Map<string, Record<Taxonomy, string[]>>();
  private readonly totals: Record<Taxonomy, Map<string, number>> = { tags: new Map(), categories: new Map() };

  add(uri: string, terms: Record<Taxonomy, string[]>): void {
    this.byUri.set(uri, terms);
    for (const taxonomy of ['tags', 'categories'] as const) {
      for (const term of new Set(terms[taxonomy])) this.totals[taxonomy].set(term, (this.totals[taxonomy].get(term) ?? 0) + 1);
    }
  }

  get postCount(): number {
    return this.byUri.size;
  }

  /** How many posts use each term, leaving out the post at `exceptUri`; most used first. */
  counts(taxonomy: Taxonomy, exceptUri?: string): [string, number][] {
    const own = new Set(exceptUri ? (this.byUri.get(exceptUri)?.[taxonomy] ?? []) : []);
    const result: [string, number][] = [];
    for (const [term, count] of this.totals[taxonomy]) {
      const n = own.has(term) ? count - 1 : count;
      if (n > 0) result.push([term, n]);
    }
    return result.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }
}

/** Only this much of each file is read for its front matter. */
const HEAD = 64 * 1024;

/** A Markdown file, or a folder (whose name has no extension) that may hold posts. */
function affectsTerms(event: FileEvent): boolean {
  const name = event.uri.slice(event.uri.replace(/\/$/, '').lastIndexOf('/') + 1);
  return isMarkdownFile(name) || (event.kind !== 'changed' && !name.includes('.'));
}

/** Every post's terms, per site: read once, dropped when a Markdown file (or a folder) changes. */
const SITE_TERMS = new SessionKey<Map<string, SiteTerms>>('front-matter/site-terms', () => new Map(), { files: affectsTerms });

/** The terms of every post of the site; empty when the workspace cannot list its folders. */
export function siteTerms(session: Session, site: Site): SiteTerms {
  if (!site.root) return new SiteTerms();
  const perSite = session.state(SITE_TERMS);
  const key = `${site.generator} ${site.root}`;
  let terms = perSite.get(key);
  if (!terms) perSite.set(key, (terms = readSiteTerms(session.workspace, site, site.root)));
  return terms;
}

/** The identity of the site terms the session holds now: a new one after a Markdown file changed. */
export function siteTermsVersion(session: Session): object {
  return session.state(SITE_TERMS);
}

function readSiteTerms(workspace: Workspace, site: Site, root: string): SiteTerms {
  const terms = new SiteTerms();
  const folders = POST_FOLDERS[site.generator].length > 0 ? POST_FOLDERS[site.generator] : [''];
  for (const folder of folders) {
    for (const uri of walkFiles(workspace, `${root}/${folder}`)) {
      if (!isMarkdownFile(uri)) continue;
      const text = workspace.readText(uri);
      if (!text) continue;
      const head = text.length > HEAD ? text.slice(0, HEAD) : text;
      const fm = parseFrontMatter(head, head.charCodeAt(0) === 0xfeff ? 1 : 0);
      if (!fm) continue;
      const tags = taxonomyPaths(site, 'tags').flatMap((p) => termsOf(fm.data, p));
      const categories = taxonomyPaths(site, 'categories').flatMap((p) => termsOf(fm.data, p));
      terms.add(uri, { tags, categories });
    }
  }
  return terms;
}
