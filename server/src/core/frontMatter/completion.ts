import type { DocumentModel } from '../model/document';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { GENERATOR_LABEL, siteOf, type Site } from '../site/generator';
import { canList } from '../site/workspaceListing';
import type { Range } from '../text';
import { today } from '../session/clock';
import type { Session } from '../session/session';
import { SessionKey } from '../session/state';
import { BUILT_IN_SCHEMAS, schemaAt, userSchemaOf, type SchemaNode } from './schema';
import { siteTerms } from './siteTerms';
import { writeDate } from './dates';
import { frontMatterText, postTitle } from '../features/newPost';

/** LSP's completion item kinds, as plain numbers: the core depends on no protocol package. */
const KIND = { property: 10, value: 12, file: 17, enumMember: 20 } as const;

export interface FrontMatterCompletionItem {
  label: string;
  kind: number;
  detail?: string;
  documentation?: { kind: 'markdown'; value: string };
  insertText: string;
  sortText: string;
  /** 2 when insertText is a snippet with tab stops, as LSP numbers it. */
  insertTextFormat?: 2;
  /** The text the item replaces (what was typed of it). */
  range?: Range;
  preselect?: boolean;
}

export interface Hover {
  contents: { kind: 'markdown'; value: string };
  range: Range;
}

export interface SiteContext {
  /** The session: its workspace, its site facts, and its clock for dates written into new front matter. */
  session: Session;
  settings?: Settings;
}

function schemaFor(session: Session, site: Site, settings: Settings): SchemaNode {
  const user = site.root ? userSchemaOf(session, site, settings) : undefined;
  return user?.load.schema ?? BUILT_IN_SCHEMAS[site.generator];
}

/** Completions inside front matter: keys of the site's schema, layouts, and the site's tags and categories. */
/** The start of a delimiter, typed on the first line of a document with no front matter yet. */
const OPENING = /^(?:|-{1,3}|\+{1,3})$/;

/**
 * On the first line of a post with no front matter, the front matter of the site's own
 * generator, first in the list, as a snippet whose title is the first tab stop.
 */
function frontMatterBlockCompletion(model: DocumentModel, offset: number, context: SiteContext): FrontMatterCompletionItem[] | undefined {
  const line = model.lines.positionAt(offset).line;
  const typed = model.text.slice(model.bomLength, offset);
  if (line !== 0 || !OPENING.test(typed)) return undefined;
  const settings = context.settings ?? DEFAULT_SETTINGS;
  const site = siteOf(context.session, model.uri, settings);
  const date = writeDate(today(context.session.clock), 'jekyll');
  const marker = 'TALKDOWN-TITLE';
  const text = frontMatterText(site.generator, { conference: marker, date })
    .replace(/[$}\\]/g, (c) => '\\' + c)
    .replace(postTitle(marker), '${1:Conference recap}');
  return [
    {
      label: `front matter (${GENERATOR_LABEL[site.generator]})`,
      kind: 15, // Snippet
      detail: `${GENERATOR_LABEL[site.generator]} front matter for a new post`,
      insertText: `${text}\n$0`,
      insertTextFormat: 2,
      sortText: '0',
      preselect: true,
      range: model.lines.range({ start: model.bomLength, end: offset }),
    },
  ];
}

export function frontMatterCompletions(model: DocumentModel, offset: number, context: SiteContext): FrontMatterCompletionItem[] | undefined {
  const fm = model.frontMatter;
  // Typing `---` alone opens a block that is not closed yet: offer the whole block.
  if (!fm || !fm.closed) {
    const block = frontMatterBlockCompletion(model, offset, context);
    if (block || !fm) return block;
  }
  if (!fm || fm.format === 'json' || offset < fm.contentSpan.start || offset > fm.contentSpan.end) return undefined;
  if (offset === fm.contentSpan.end && fm.closed) return undefined; // on the closing delimiter
  const settings = context.settings ?? DEFAULT_SETTINGS;
  const { session } = context;
  const site = siteOf(session, model.uri, settings);
  const schema = schemaFor(session, site, settings);
  const lineStart = model.lines.lineStart(model.lines.positionAt(offset).line);
  const before = model.text.slice(lineStart, offset);
  const toml = fm.format === 'toml';
  const table = toml ? currentTable(fm.raw.slice(0, offset - fm.contentSpan.start)) : [];

  if (/^[A-Za-z_][\w-]*$|^$/.test(before)) {
    const node = schemaAt(schema, table) ?? schema;
    const present = new Set([...Object.keys((table.length ? valueOf(fm.data, table) : fm.data) ?? {}), ...keysWritten(fm.raw, toml, table)]);
    return Object.entries(node.properties ?? {})
      .filter(([key]) => !present.has(key) || before === key)
      .map(([key, prop], i) => ({
        label: key,
        kind: KIND.property,
        detail: `${GENERATOR_LABEL[site.generator]} front matter`,
        documentation: docOf(prop),
        insertText: toml ? (prop.type === 'object' && table.length === 0 ? `[${key}]` : `${key} = `) : `${key}: `,
        sortText: `${(node.required ?? []).includes(key) ? 0 : 1}${String(i).padStart(3, '0')}`,
      }));
  }

  const key = valueKey(model.text, lineStart, before);
  if (!key) return undefined;
  const path = [...table, key];
  const quoted = /["']$/.test(before);
  const asValue = (text: string) => (quoted ? text : toml || !isPlain(text) ? JSON.stringify(text) : text);
  if (key === 'layout') {
    return layouts(session, site).map((name, i) => ({ label: name, kind: KIND.file, detail: 'layout', insertText: asValue(name), sortText: String(i).padStart(4, '0') }));
  }
  const last = path[path.length - 1];
  if (last === 'tags' || last === 'categories') {
    // While a list is being typed the block may not parse; the line itself says what is there.
    const typed = before.slice(before.search(/[:=]/) + 1).match(/[^\s\[\],"']+/g) ?? [];
    const present = new Set([...termsIn(fm.data, path), ...typed]);
    return siteTerms(session, site)
      .counts(last, model.uri)
      .filter(([term]) => !present.has(term))
      .map(([term, count], i) => ({
        label: term,
        kind: KIND.value,
        detail: `used in ${count} post${count === 1 ? '' : 's'}`,
        insertText: asValue(term),
        sortText: String(i).padStart(5, '0'),
      }));
  }
  const prop = schemaAt(schema, path);
  if (prop?.type === 'boolean') {
    return ['true', 'false'].map((v, i) => ({ label: v, kind: KIND.enumMember, insertText: v, sortText: String(i) }));
  }
  return undefined;
}

/** Documentation of a front-matter key, when the cursor is on one. */
export function frontMatterHover(model: DocumentModel, offset: number, context: SiteContext): Hover | null {
  const fm = model.frontMatter;
  if (!fm || offset < fm.contentSpan.start || offset > fm.contentSpan.end) return null;
  const entry = fm.entries.find((e) => e.keySpan.start <= offset && offset <= e.keySpan.end);
  if (!entry) return null;
  const settings = context.settings ?? DEFAULT_SETTINGS;
  const site = siteOf(context.session, model.uri, settings);
  const prop = schemaAt(schemaFor(context.session, site, settings), entry.path);
  const doc = prop && docOf(prop);
  if (!doc) return null;
  const name = entry.path.filter((p) => typeof p === 'string').join('.');
  return {
    contents: { kind: 'markdown', value: `**${name}** · ${GENERATOR_LABEL[site.generator]} front matter\n\n${doc.value}` },
    range: model.lines.range(entry.keySpan),
  };
}

function docOf(prop: SchemaNode): { kind: 'markdown'; value: string } | undefined {
  const text = prop.markdownDescription ?? prop.description;
  return text ? { kind: 'markdown', value: text } : undefined;
}

/** Keys written at the top level (or in a TOML table), read from the text: the block may not parse while being typed. */
function keysWritten(raw: string, toml: boolean, table: string[]): string[] {
  const keys: string[] = [];
  let current = '';
  for (const line of raw.split(/\r?\n/)) {
    const header = toml ? /^[ \t]*\[([^\[\]]+)\]/.exec(line) : null;
    if (header) current = header[1].trim();
    const key = /^["']?([\w-]+)["']?[ \t]*[:=]/.exec(line);
    if (key && current === table.join('.')) keys.push(key[1]);
  }
  return keys;
}

/** The TOML table the cursor is in: the last `[name]` header above it. */
function currentTable(textBefore: string): string[] {
  const headers = [...textBefore.matchAll(/^[ \t]*\[([^\[\]\r\n]+)\][ \t]*$/gm)];
  const last = headers[headers.length - 1];
  return last ? last[1].split('.').map((p) => p.trim().replace(/^["']|["']$/g, '')) : [];
}

/** The key whose value the cursor is in: on the same line, or the key above a `- item` list. */
function valueKey(text: string, lineStart: number, before: string): string | undefined {
  const same = /^[ \t]*["']?([\w-]+)["']?[ \t]*[:=]/.exec(before);
  if (same) return same[1];
  if (!/^[ \t]*-[ \t]/.test(before)) return undefined;
  let end = lineStart - 1;
  for (let n = 0; n < 200 && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const key = /^([\w-]+):[ \t]*$/.exec(line.trimEnd());
    if (key) return key[1];
    if (!/^[ \t]*-/.test(line)) return undefined;
    end = start - 1;
  }
  return undefined;
}

function valueOf(data: unknown, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  let value = data;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

function termsIn(data: Record<string, unknown>, path: readonly (string | number)[]): string[] {
  let value: unknown = data;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** The layouts of each site, listed once and dropped when a layout is created or deleted. */
const LAYOUTS = new SessionKey<Map<string, string[]>>('front-matter/layouts', () => new Map(), {
  files: (event) => event.kind !== 'changed' && /\/(?:_layouts|_includes)(?:\/|$)/.test(event.uri),
});

/** Layouts a post can name: files of `_layouts/` (Jekyll) or `_includes/layouts/` (Eleventy). */
function layouts(session: Session, site: Site): string[] {
  const workspace = session.workspace;
  if (!site.root || !canList(workspace)) return [];
  const perSite = session.state(LAYOUTS);
  const folder = site.generator === 'eleventy' ? '_includes/layouts' : '_layouts';
  const key = `${site.root}/${folder}`;
  let found = perSite.get(key);
  if (!found) {
    const names = workspace.list(key) ?? [];
    found = names.filter((n) => !n.endsWith('/') && !n.startsWith('.')).map((n) => (site.generator === 'eleventy' ? `layouts/${n}` : n.replace(/\.[^.]+$/, '')));
    perSite.set(key, found);
  }
  return found;
}

function isPlain(text: string): boolean {
  return /^[A-Za-z][\w .-]*$/.test(text) && !/\s$/.test(text);
}

