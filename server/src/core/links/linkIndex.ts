import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { parse as parseYaml } from 'yaml';
import { parseFrontMatter } from '../model/frontMatter';
import { findSite, siteDetector, type Site, type SiteDetection, type SiteGeneratorName } from '../site/generator';
import { canList } from '../site/workspaceListing';
import type { Workspace } from '../workspace';
import { aliasAddress, buildSite, type BuiltSite } from './built';
import { addressFields, addressOf, normalizeAddress, type AddressFields } from './permalink';
import { readSiteFacts, SITE_FACTS_FILE, type HeadingIds, type SiteFacts } from './siteFacts';
import { htmlIds, scanAnchors } from './slug';
import { canonicalUri, encodeSegment } from './uri';
import { detached } from '../text';
import { entersFolder, isMarkdownFile, WALK_POLICY } from '../files';

/** Configuration files whose settings shape addresses. */
const SITE_CONFIG = SITE_FACTS_FILE;

/** Templates that are pages besides Markdown (Eleventy's and Jekyll's): only their front matter is read. */
const PAGE_TEMPLATE = /\.(?:njk|liquid|html?|hbs)$/i;

/** Whether the index wants a file's text: Markdown files, and templates for their front matter. */
export function isPageSource(name: string): boolean {
  return isMarkdownFile(name) || PAGE_TEMPLATE.test(name);
}

/** What the index keeps of a Markdown file: its anchors and the fields that make its address. */
export interface IndexedPage {
  anchors: ReadonlySet<string>;
  /** 0-based line of each anchor. */
  anchorLines: ReadonlyMap<string, number>;
  headings: readonly string[];
  fields: AddressFields;
}

/** Only this much of a Markdown file is read for its headings. */
export const MAX_PAGE_CHARS = 2_000_000;

/**
 * The files of the workspace's sites: every file's existence (for paths and images), and for
 * Markdown files their anchors and address fields. A pure structure: the language server fills
 * it from the disk and keeps it current from file events; the CLI and tests fill it from a
 * listing workspace. Lookups never touch the disk.
 */
export class LinkIndex {
  private readonly files = new Set<string>();
  private readonly byLowerCase = new Map<string, string[]>();
  private readonly children = new Map<string, Set<string>>();
  private readonly pages = new Map<string, IndexedPage>();
  /** The generator per folder, for heading ids: detection reads files, so it is kept. */
  private readonly generators = new Map<string, SiteGeneratorName | HeadingIds>();
  private detect: ((folder: string) => SiteDetection) | undefined;
  private addresses: Map<string, { byAddress: Map<string, string>; byLower: Map<string, string>; firstSegments: Map<string, Set<number>>; ofUri: Map<string, string>; basePath?: string; built?: BuiltSite }> | undefined;
  /** Each site's configuration facts, kept until a configuration file changes. */
  private readonly facts = new Map<string, SiteFacts>();
  /** Bumped on every change, so that caches built on the index know when to go. */
  version = 0;
  /** Folders that have been walked: lookups under them are answered, others say "unknown". */
  private filled: string[] = [];

  /** Whether every workspace folder has been walked. */
  get ready(): boolean {
    return this.workspace.roots.length > 0 && this.workspace.roots.every((r) => this.filled.includes(canonicalUri(r.replace(/\/$/, ''))));
  }

  set ready(value: boolean) {
    this.filled = value ? this.workspace.roots.map((r) => canonicalUri(r.replace(/\/$/, ''))) : [];
    this.version++;
  }

  /** Records that a folder has been walked. */
  markFilled(folder: string): void {
    this.filled.push(canonicalUri(folder.replace(/\/$/, '')));
    this.version++;
  }

  constructor(private readonly workspace: Workspace) {}

  get roots(): readonly string[] {
    return this.workspace.roots;
  }

  get size(): number {
    return this.files.size;
  }

  /** Records a file; Markdown files are given their text (or undefined, to keep only the name). */
  setFile(uri: string, text?: string): void {
    uri = canonicalUri(uri);
    if (!this.files.has(uri)) {
      this.files.add(uri);
      const lower = uri.toLowerCase();
      const list = this.byLowerCase.get(lower);
      if (list) list.push(uri);
      else this.byLowerCase.set(lower, [uri]);
      this.addToParents(uri);
    }
    if (SITE_CONFIG.test(uri)) {
      this.addresses = undefined;
      this.generators.clear();
      this.facts.clear();
    } else if (isMarkdownFile(uri) || (text !== undefined && PAGE_TEMPLATE.test(uri))) {
      this.pages.set(uri, this.readPage(uri, text ?? ''));
      this.addresses = undefined;
    } else if (this.addresses) {
      // A new file changes the built site's files, not its pages.
      for (const table of this.addresses.values()) table.built = undefined;
    }
    this.version++;
  }

  removeFile(uri: string): void {
    uri = canonicalUri(uri);
    // A folder deleted: everything under it goes.
    const prefix = uri.replace(/\/$/, '') + '/';
    if (this.children.has(uri.replace(/\/$/, ''))) {
      for (const file of [...this.files]) if (file.startsWith(prefix)) this.removeFile(file);
    }
    if (!this.files.delete(uri)) return;
    const lower = uri.toLowerCase();
    const list = this.byLowerCase.get(lower)?.filter((u) => u !== uri);
    if (list && list.length > 0) this.byLowerCase.set(lower, list);
    else this.byLowerCase.delete(lower);
    const slash = uri.lastIndexOf('/');
    this.children.get(uri.slice(0, slash))?.delete(uri.slice(slash + 1));
    if (this.pages.delete(uri) || SITE_CONFIG.test(uri)) this.addresses = undefined;
    else if (this.addresses) for (const table of this.addresses.values()) table.built = undefined;
    if (SITE_CONFIG.test(uri)) this.facts.clear();
    this.version++;
  }

  /** Whether Talkdown knows the answer for this URI: it is under an indexed root. */
  covers(uri: string): boolean {
    const canonical = canonicalUri(uri);
    return this.filled.some((root) => canonical.startsWith(root + '/'));
  }

  /** Whether a file (or a folder) exists; false outside the indexed roots (the index never asks the disk). */
  exists(uri: string): boolean {
    const clean = canonicalUri(uri.replace(/\/$/, ''));
    return this.covers(clean) && (this.files.has(clean) || this.children.has(clean));
  }

  isFolder(uri: string): boolean {
    return this.children.has(canonicalUri(uri.replace(/\/$/, '')));
  }

  /** The file that differs from `uri` only in letter case, when there is exactly one. */
  caseVariant(uri: string): string | undefined {
    // The whole URI in lower case: a file or any folder above it may differ in case.
    const canonical = canonicalUri(uri);
    return this.byLowerCase.get(canonical.toLowerCase())?.find((u) => u !== canonical);
  }

  /** The names in a folder (folders end with `/`), sorted. */
  list(dirUri: string): string[] {
    return [...(this.children.get(canonicalUri(dirUri.replace(/\/$/, ''))) ?? [])].sort();
  }

  page(uri: string): IndexedPage | undefined {
    return this.pages.get(canonicalUri(uri));
  }

  /** Every indexed file under a folder (for suggestions), at most `limit`. */
  filesUnder(dirUri: string, limit = 20_000): string[] {
    const prefix = canonicalUri(dirUri.replace(/\/$/, '')) + '/';
    const out: string[] = [];
    for (const file of this.files) {
      if (file.startsWith(prefix)) out.push(file);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The Markdown file a site serves at an address, by permalink rules and front matter. */
  pageAt(site: Site, address: string): { uri?: string; caseOf?: string; postArea: boolean } {
    const table = this.addressTable(site);
    const key = normalizeAddress(address);
    const uri = table.byAddress.get(key);
    if (uri) return { uri, postArea: true };
    const caseOf = table.byLower.get(key.toLowerCase());
    // Only an address shaped like the site's pages (same first folder, same depth) is
    // surely a page: /2024/11/ may be an archive a plugin makes.
    const parts = key.split('/');
    return { caseOf, postArea: parts.length > 1 && (table.firstSegments.get(parts[0])?.has(parts.length) ?? false) };
  }

  /** The address at which the site serves a file, when the index knows it. */
  addressOfPage(site: Site, uri: string): string | undefined {
    return this.addressTable(site).ofUri.get(canonicalUri(uri));
  }

  /** The path the site is served under (`/blog`), from its configuration; undefined at the root. */
  basePath(site: Site): string | undefined {
    return this.addressTable(site).basePath;
  }

  /** Every page of a site with its address, for completions. */
  pagesOf(site: Site): [string, string][] {
    return [...this.addressTable(site).ofUri];
  }

  /** What the site's configuration says about its addresses (read once per configuration). */
  siteFacts(site: Site): SiteFacts {
    const key = `${site.generator} ${site.root}`;
    let facts = this.facts.get(key);
    if (!facts) this.facts.set(key, (facts = readSiteFacts(site, (u) => this.workspace.readText(u))));
    return facts;
  }

  /** How the site's headings get ids. */
  headingStyle(site: Site): SiteGeneratorName | HeadingIds {
    if (site.generator === 'hugo') return this.siteFacts(site).headingIds === 'hugo-attributes' ? 'hugo-attributes' : 'hugo';
    return site.generator === 'eleventy' ? this.siteFacts(site).headingIds : site.generator;
  }

  /** The files the site's build writes (Jekyll, Hugo and Eleventy), by output path. */
  built(site: Site): BuiltSite {
    if (site.root) site = { ...site, root: canonicalUri(site.root) };
    const table = this.addressTable(site);
    if (!table.built) {
      const prefix = site.root + '/';
      const pages = [...this.pages].filter(([uri]) => uri.startsWith(prefix)).map(([uri, page]) => ({ uri, fields: page.fields, address: table.ofUri.get(uri) }));
      table.built = buildSite(site, this.siteFacts(site), pages, this.files);
    }
    return table.built;
  }

  private addressTable(site: Site) {
    if (site.root) site = { ...site, root: canonicalUri(site.root) };
    this.addresses ??= new Map();
    const key = `${site.generator} ${site.root}`;
    let table = this.addresses.get(key);
    if (table) return table;
    table = { byAddress: new Map(), byLower: new Map(), firstSegments: new Map(), ofUri: new Map(), basePath: undefined };
    if (site.root) {
      const config = this.siteFacts(site);
      table.basePath = config.basePath;
      const prefix = site.root + '/';
      for (const [uri, page] of this.pages) {
        if (!uri.startsWith(prefix)) continue;
        const address = addressOf(site, uri, page.fields, config);
        if (address === undefined) continue;
        const norm = normalizeAddress(address);
        // Jekyll serves `x.html` at that name: the page's address is kept as the site writes it.
        table.ofUri.set(uri, site.generator === 'jekyll' || site.generator === 'hugo' || site.generator === 'eleventy' ? address : '/' + norm + (norm && !/\.[a-z0-9]+$/i.test(norm) ? '/' : ''));
        if (!table.byAddress.has(norm)) table.byAddress.set(norm, uri);
        table.byLower.set(norm.toLowerCase(), uri);
        // Section pages (`_index.md`) give their folder, not a post area.
        if (norm.includes('/')) {
          const parts = norm.split('/');
          let depths = table.firstSegments.get(parts[0]);
          if (!depths) table.firstSegments.set(parts[0], (depths = new Set()));
          depths.add(parts.length);
        }
        for (const alias of page.fields.aliases ?? []) {
          const key = normalizeAddress(aliasAddress(site, address, alias));
          if (!table.byAddress.has(key)) table.byAddress.set(key, uri);
        }
      }
    }
    this.addresses.set(key, table);
    return table;
  }

  private addToParents(uri: string): void {
    let child = uri;
    let name = uri.slice(uri.lastIndexOf('/') + 1);
    for (let depth = 0; depth < 64; depth++) {
      const slash = child.lastIndexOf('/');
      if (slash <= 'file://'.length) return;
      const dir = child.slice(0, slash);
      let set = this.children.get(dir);
      const known = set !== undefined;
      if (!set) this.children.set(dir, (set = new Set()));
      set.add(name);
      if (known) return;
      name = dir.slice(dir.lastIndexOf('/') + 1) + '/';
      child = dir;
    }
  }

  private readPage(uri: string, text: string): IndexedPage {
    const body = text.length > MAX_PAGE_CHARS ? text.slice(0, MAX_PAGE_CHARS) : text;
    const bom = body.charCodeAt(0) === 0xfeff ? 1 : 0;
    const { fields, bodyStart } = addressFieldsOf(body, bom);
    const dir = uri.slice(0, uri.lastIndexOf('/'));
    let style = this.generators.get(dir);
    if (!style) {
      const site = findSite(this.workspace, uri, undefined, (this.detect ??= siteDetector(this.workspace)));
      this.generators.set(dir, (style = site.root ? this.headingStyle({ ...site, root: canonicalUri(site.root) }) : site.generator));
    }
    // Ids and headings are cut from the text: kept as copies, so that the text can go.
    if (!isMarkdownFile(uri)) {
      const ids = htmlIds(body.slice(bodyStart));
      return { anchors: new Set(ids.map(detached)), anchorLines: new Map(), headings: [], fields };
    }
    const { anchors, headings, lines } = scanAnchors(body, style, bodyStart);
    const anchorLines = new Map<string, number>();
    for (const [id, line] of lines) anchorLines.set(detached(id), line);
    return { anchors: new Set(anchors.map(detached)), anchorLines, headings: headings.map(detached), fields };
  }
}

/**
 * Fills an index by walking the workspace's roots (for the CLI and tests; the language server
 * walks the disk asynchronously). Bounded: dot-folders and build output are skipped, and the
 * walk stops at the walk policy's file limit.
 */
export function fillIndex(index: LinkIndex, workspace: Workspace, folder?: string, maxFiles = WALK_POLICY.maxFiles): void {
  if (!canList(workspace)) return;
  let count = 0;
  const visit = (dir: string, depth: number): void => {
    const names = workspace.list(dir);
    if (!names) return;
    for (const name of names) {
      if (count >= maxFiles) return;
      if (name.startsWith('.')) continue;
      if (name.endsWith('/')) {
        if (depth < WALK_POLICY.maxDepth && entersFolder(name.slice(0, -1))) visit(`${dir}/${encodeSegment(name.slice(0, -1))}`, depth + 1);
      } else {
        const uri = `${dir}/${encodeSegment(name)}`;
        count++;
        index.setFile(uri, isPageSource(name) ? workspace.readText(uri) : undefined);
      }
    }
  };
  const folders = folder ? [folder] : workspace.roots;
  for (const root of folders) {
    visit(root.replace(/\/$/, ''), 0);
    index.markFilled(root);
  }
}

const ADDRESS_KEYS = /^(?:slug|url|permalink|path|date|title|categories|category|tags|aliases|redirect_from)\s*[:=]/;
/** A key holding a list (`series: [a, b]`, `authors:` and `- a` lines): perhaps a taxonomy. */
const LIST_KEY = /^[\w-]{1,40}\s*[:=]\s*(?:\[|$)/;

/**
 * The address fields of a page's front matter, and where its body starts. Indexing reads
 * thousands of files, so only the lines of the keys that matter are given to the YAML or
 * TOML parser; anything unusual goes through the full front-matter parser.
 */
export function addressFieldsOf(text: string, bom: number): { fields: AddressFields; bodyStart: number } {
  const open = text.slice(bom, bom + 4);
  const delimiter = open.startsWith('---') ? '---' : open.startsWith('+++') ? '+++' : undefined;
  if (delimiter && /^(?:---|\+\+\+)\r?\n/.test(text.slice(bom, bom + 5))) {
    const close = new RegExp(`\\r?\\n${delimiter.replace(/\+/g, '\\+')}[ \\t]*(?:\\r?\\n|$)`, 'g');
    close.lastIndex = bom + 3;
    const end = close.exec(text);
    if (end && end.index - bom < 256 * 1024) {
      const block = text.slice(text.indexOf('\n', bom) + 1, end.index).split(/\r?\n/);
      const picked: string[] = [];
      let keep = false;
      for (const line of block) {
        if (delimiter === '+++' && /^\s*\[/.test(line)) break; // a table: top-level keys are over
        if (/^\S/.test(line)) keep = ADDRESS_KEYS.test(line) || LIST_KEY.test(line);
        else if (line.trim() === '') keep = false;
        if (keep) picked.push(line);
      }
      try {
        const data = delimiter === '---' ? parseYaml(picked.join('\n'), { logLevel: 'silent' }) : getStaticTOMLValue(parseTOML(picked.join('\n')));
        if (data === null || typeof data === 'object') return { fields: addressFields((data ?? {}) as Record<string, unknown>), bodyStart: end.index + end[0].length };
      } catch {
        // Fall through to the full parser, which reports nothing here but reads what it can.
      }
    }
  }
  try {
    const fm = parseFrontMatter(text, bom);
    if (fm) return { fields: addressFields(fm.data), bodyStart: fm.closed ? fm.span.end : text.length };
  } catch {
    // Front matter that cannot be read gives no address fields.
  }
  return { fields: {}, bodyStart: bom };
}
