import { closest, distance } from 'fastest-levenshtein';
import { Severity } from '../findings';
import type { DocumentModel } from '../model/document';
import type { FrontMatter } from '../model/frontMatter';
import type { Settings } from '../settings';
import { filenameDate, GENERATOR_LABEL, isPost, isTemplate, siteOf, type Site } from '../site/generator';
import type { Span } from '../text';
import type { Workspace } from '../workspace';
import { DATE_FORMATS } from './dates';
import { keySpanAt, openingLine, valueSpanAt, type Path } from './locate';
import { BUILT_IN_SCHEMAS, loadUserSchema, pathOf, schemaAt, validate, type SchemaNode } from './schema';
import { siteTerms, taxonomyPaths, termsOf, type Taxonomy } from './siteTerms';

export type FrontMatterCode =
  | 'front-matter/missing'
  | 'front-matter/missing-field'
  | 'front-matter/unknown-key'
  | 'front-matter/wrong-type'
  | 'front-matter/invalid-date'
  | 'front-matter/empty-title'
  | 'front-matter/filename-date-mismatch'
  | 'front-matter/similar-tag'
  | 'front-matter/placeholder'
  | 'front-matter/invalid-schema';

/** What quick fixes read back from a finding. */
export interface IssueData {
  path?: (string | number)[];
  /** A missing field, an unknown key, a tag. */
  name?: string;
  suggestion?: string;
  expected?: string[];
  fileDate?: string;
  setting?: string;
}

export interface FrontMatterIssue {
  code: FrontMatterCode;
  span: Span;
  message: string;
  severity?: Severity;
  data: IssueData;
}

export interface FrontMatterCheck {
  site: Site;
  schema: SchemaNode;
  isPost: boolean;
  issues: FrontMatterIssue[];
}

/** A huge or broken block is summarised by this many findings per code, not buried. */
const MAX_PER_CODE = 50;
const PLACEHOLDER = /\b(?:FIXME|TODO|TBD|TBA|XXX)\b|^\?+$|^<[^>]*>$/;
const PARSE_PROBLEMS: ReadonlySet<string> = new Set(['syntax', 'unclosed', 'executable', 'unknown-language', 'not-a-mapping', 'too-large']);
/** Nested values deeper than this are not copied for validation; no schema looks that deep. */
const MAX_DEPTH = 24;

const cache = new WeakMap<DocumentModel, { settings: Settings; workspace: Workspace; check: FrontMatterCheck }>();

/** Checks a document's front matter against its site's schema; one run per model, shared by the rules. */
export function checkFrontMatter(model: DocumentModel, settings: Settings, workspace: Workspace): FrontMatterCheck {
  const known = cache.get(model);
  if (known && known.settings === settings && known.workspace === workspace) return known.check;
  const check = runCheck(model, settings, workspace);
  cache.set(model, { settings, workspace, check });
  return check;
}

function runCheck(model: DocumentModel, settings: Settings, workspace: Workspace): FrontMatterCheck {
  const site = siteOf(workspace, model.uri, settings);
  const post = isPost(site, model.uri, settings);
  const issues: FrontMatterIssue[] = [];
  const fm = model.frontMatter;
  const schema = chooseSchema(site, settings, workspace, model, issues);
  const result: FrontMatterCheck = { site, schema, isPost: post, issues };
  // Templates for new posts hold template code where values go; nothing there is checkable.
  if (isTemplate(site, model.uri)) return result;

  if (!fm) {
    if (post && !headlessHexo(site, model.text)) {
      issues.push({
        code: 'front-matter/missing',
        span: { start: model.bomLength, end: model.lines.lineEnd(0) },
        message: `This ${GENERATOR_LABEL[site.generator]} post has no front matter, so it is ${site.generator === 'jekyll' || site.generator === 'zola' ? 'not built as a post' : 'built without a title or date'}. Add a ${site.generator === 'zola' ? '+++' : '---'} block at the top.`,
        data: {},
      });
    }
    return result;
  }
  if (fm.format === undefined || fm.problems.some((p) => PARSE_PROBLEMS.has(p.kind))) return result;

  const data = forValidation(fm, fm.data, [], 0) as Record<string, unknown>;
  const required = new Set(post ? (schema.required ?? []) : []);
  if (post || site.generator === 'generic') for (const field of settings.frontMatter?.required ?? []) required.add(field);

  const placeholders = findPlaceholders(fm, data, issues);
  // A duplicated key's value is whatever the parser made of two; its finding is the duplicate.
  const duplicated = new Set(
    fm.problems.filter((p) => p.kind === 'duplicate-key').flatMap((p) => fm.entries.filter((e) => e.keySpan.start === p.span.start).map((e) => String(e.path[0]))),
  );
  const counts = new Map<FrontMatterCode, number>();
  const push = (issue: FrontMatterIssue) => {
    const n = (counts.get(issue.code) ?? 0) + 1;
    counts.set(issue.code, n);
    if (n <= MAX_PER_CODE) issues.push(issue);
  };

  for (const field of required) {
    if (!(field in data) && !(field === 'date' && site.generator === 'jekyll' && filenameDate(model.uri))) {
      push({
        code: 'front-matter/missing-field',
        span: openingLine(fm),
        message: `Missing "${field}": ${GENERATOR_LABEL[site.generator]} posts need ${describeField(field)}.`,
        data: { name: field },
      });
    }
  }

  for (const error of validate(schema, data).slice(0, 4 * MAX_PER_CODE)) {
    const path = pathOf(error.instancePath, data);
    const key = path.join('.');
    if (error.keyword === 'required') continue; // checked above, against the post's own requirements
    if (error.keyword === 'additionalProperties') {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const fullPath = [...path, name];
      const known = Object.keys(schemaAt(schema, path)?.properties ?? {});
      const suggestion = suggest(name, known);
      push({
        code: 'front-matter/unknown-key',
        span: keySpanAt(fm, fullPath),
        message:
          `Unknown key "${fullPath.join('.')}": ${GENERATOR_LABEL[site.generator]} rejects it` +
          (suggestion ? `; did you mean "${suggestion}"?` : site.generator === 'zola' && path.length === 0 ? '. Put data of your own under [extra].' : '.'),
        severity: Severity.Error,
        data: { path: fullPath, name, suggestion },
      });
      continue;
    }
    if (placeholders.has(JSON.stringify(path)) || duplicated.has(String(path[0]))) continue;
    const parent = error.parentSchema as SchemaNode | undefined;
    const value = valueAt(data, path);
    if (error.keyword === 'format' || (error.keyword === 'type' && parent?.format?.endsWith('date'))) {
      push({
        code: 'front-matter/invalid-date',
        span: valueSpanAt(fm, path),
        message: `Invalid date ${JSON.stringify(String(value))} in "${key}": ${GENERATOR_LABEL[site.generator]} expects ${dateHint(parent?.format)}.`,
        data: { path },
      });
    } else if (error.keyword === 'minLength' && key === 'title') {
      push({ code: 'front-matter/empty-title', span: valueSpanAt(fm, path), message: 'The title is empty: the post would show up untitled in lists and feeds.', data: { path } });
    } else if (error.keyword === 'type') {
      const expected = ([] as string[]).concat((error.params as { type: string | string[] }).type);
      push({
        code: 'front-matter/wrong-type',
        span: valueSpanAt(fm, path),
        message: `Unexpected ${typeName(value)} in "${key}", expected ${expected.map(typeLabel).join(' or ')}.`,
        data: { path, expected },
      });
    } else {
      push({ code: 'front-matter/wrong-type', span: valueSpanAt(fm, path), message: `"${key || 'front matter'}" ${error.message ?? 'is invalid'}.`, data: { path } });
    }
  }

  if (schema.additionalProperties !== false) {
    // Custom keys are fine for most generators; a key one edit away from a known one is a typo.
    const known = Object.keys(schema.properties ?? {});
    let looked = 0;
    for (const name of Object.keys(data)) {
      if (known.includes(name) || ++looked > 1000) continue;
      const suggestion = suggest(name, known);
      if (!suggestion) continue;
      push({
        code: 'front-matter/unknown-key',
        span: keySpanAt(fm, [name]),
        message: `Unknown key "${name}": ${GENERATOR_LABEL[site.generator]} ignores it; did you mean "${suggestion}"?`,
        data: { path: [name], name, suggestion },
      });
    }
  }

  const fileDay = site.generator === 'jekyll' ? filenameDate(model.uri) : undefined;
  const date = data.date;
  if (fileDay && typeof date === 'string' && !placeholders.has('["date"]') && DATE_FORMATS['jekyll-date'](date)) {
    const day = date.trim().slice(0, 10);
    if (day !== fileDay) {
      push({
        code: 'front-matter/filename-date-mismatch',
        span: valueSpanAt(fm, ['date']),
        message: `The date ${day} disagrees with the file name's ${fileDay}: Jekyll dates the post ${day} but readers of the repository see ${fileDay}.`,
        data: { path: ['date'], fileDate: fileDay },
      });
    }
  }

  for (const taxonomy of ['tags', 'categories'] as const) similarTerms(model, site, workspace, fm, data, taxonomy, push);
  issues.sort((a, b) => a.span.start - b.span.start);
  return result;
}

function chooseSchema(site: Site, settings: Settings, workspace: Workspace, model: DocumentModel, issues: FrontMatterIssue[]): SchemaNode {
  // Section pages (`_index.md`) have their own keys (`sort_by`, `paginate_by`); only the common ones are checked.
  const builtIn = BUILT_IN_SCHEMAS[/\/_index\.[^/]+$/.test(model.uri) ? 'generic' : site.generator];
  const path = settings.frontMatter?.schema;
  if (!path) return builtIn;
  const uri = /^[a-z][\w+.-]*:/i.test(path) ? path : site.root ? `${site.root}/${path.replace(/^\.?\//, '')}` : undefined;
  const loaded = uri ? loadUserSchema(workspace.readText(uri)) : { error: 'the file is outside any workspace folder, so a relative path has no base' };
  if (loaded.schema) return loaded.schema;
  issues.push({
    code: 'front-matter/invalid-schema',
    span: model.frontMatter ? openingLine(model.frontMatter) : { start: model.bomLength, end: model.lines.lineEnd(0) },
    message: `The schema set in talkdown.frontMatter.schema ("${path}") cannot be used: ${loaded.error}. Front matter is checked against the ${GENERATOR_LABEL[site.generator]} schema instead.`,
    data: { setting: 'talkdown.frontMatter.schema' },
  });
  return builtIn;
}

/** Hexo reads `key: value` lines ending with `---`, without an opening line. */
function headlessHexo(site: Site, text: string): boolean {
  return site.generator === 'hexo' && /^[\w-]+:.*\r?\n(?:.*\r?\n)*?---[ \t]*(?:\r?\n|$)/.test(text.slice(0, 4096));
}

/**
 * The data as the schema should see it: YAML and TOML dates become the text they were
 * written as, so that the date formats check what the author wrote.
 */
function forValidation(fm: FrontMatter, value: unknown, path: (string | number)[], depth: number): unknown {
  if (value instanceof Date) {
    const span = valueSpanAt(fm, path);
    return stripQuotes(fm.raw.slice(span.start - fm.contentSpan.start, span.end - fm.contentSpan.start));
  }
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.some((v) => typeof v === 'object' && v !== null) ? value.map((v, i) => forValidation(fm, v, [...path, i], depth + 1)) : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = typeof v === 'object' && v !== null ? forValidation(fm, v, [...path, k], depth + 1) : v;
  return out;
}

function stripQuotes(text: string): string {
  return text.trim().replace(/^(["'])(.*)\1$/s, '$2');
}

function findPlaceholders(fm: FrontMatter, data: Record<string, unknown>, issues: FrontMatterIssue[]): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown, path: (string | number)[], depth: number) => {
    if (found.size >= MAX_PER_CODE || depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      const m = PLACEHOLDER.exec(value.trim());
      if (m && path.length > 0) {
        found.add(JSON.stringify(path));
        issues.push({
          code: 'front-matter/placeholder',
          span: valueSpanAt(fm, path),
          message: `"${path.join('.')}" still holds the placeholder ${JSON.stringify(m[0])}: fill it in before publishing.`,
          data: { path },
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i], depth + 1));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k], depth + 1);
    }
  };
  visit(data, [], 0);
  return found;
}

function similarTerms(
  model: DocumentModel,
  site: Site,
  workspace: Workspace,
  fm: FrontMatter,
  data: Record<string, unknown>,
  taxonomy: Taxonomy,
  push: (issue: FrontMatterIssue) => void,
): void {
  const paths = taxonomyPaths(site, taxonomy).filter((p) => termsOf(data, p).length > 0);
  if (paths.length === 0) return;
  const counts = siteTerms(workspace, site).counts(taxonomy, model.uri);
  if (counts.length === 0) return;
  const used = new Map(counts);
  for (const path of paths) {
    const value = valueAt(data, path);
    termsOf(data, path).forEach((term, i) => {
      if (used.has(term)) return;
      const match = similarTerm(term, counts);
      if (!match) return;
      push({
        code: 'front-matter/similar-tag',
        span: Array.isArray(value) ? valueSpanAt(fm, [...path, value.indexOf(term)]) : termSpan(fm, path, term, i),
        message: `No other post uses the ${taxonomy === 'tags' ? 'tag' : 'category'} "${term}"; ${match[1]} use "${match[0]}". Is it a misspelling?`,
        data: { path, name: term, suggestion: match[0] },
      });
    });
  }
}

/** A term used across the site that `term` is probably a misspelling of. */
function similarTerm(term: string, counts: [string, number][]): [string, number] | undefined {
  const lower = term.toLowerCase();
  if (lower.length < 3) return undefined;
  const limit = lower.length <= 4 ? 1 : 2;
  let best: [string, number] | undefined;
  let bestDistance = Infinity;
  for (const [candidate, count] of counts) {
    // One other post is not yet a convention.
    if (count < 2 || Math.abs(candidate.length - lower.length) > limit) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = [candidate, count];
      bestDistance = d;
    }
  }
  return best;
}

/** A term inside a space-separated string (`tags: go rust`). */
function termSpan(fm: FrontMatter, path: Path, term: string, index: number): Span {
  const span = valueSpanAt(fm, path);
  const text = fm.raw.slice(span.start - fm.contentSpan.start, span.end - fm.contentSpan.start);
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) {
    const quote = /^["']/.test(m[0]) ? 1 : 0;
    const word = m[0].replace(/^["']|["']$/g, '');
    if (word === term && i === index) return { start: span.start + m.index + quote, end: span.start + m.index + quote + word.length };
    i++;
  }
  return span;
}

/** The known key an unknown one is probably a misspelling of. */
export function suggest(name: string, known: string[]): string | undefined {
  if (known.length === 0 || name.length < 3) return undefined;
  const lower = name.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  const best = closest(lower, known);
  const limit = lower.length <= 5 ? 1 : lower.length <= 9 ? 2 : 3;
  return distance(lower, best.toLowerCase()) <= limit ? best : undefined;
}

export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined;
  return value;
}

function describeField(field: string): string {
  return field === 'title' ? 'a title' : field === 'date' ? 'a date' : `"${field}"`;
}

function dateHint(format: string | undefined): string {
  switch (format) {
    case 'jekyll-date':
      return 'a date such as 2024-11-15 or 2024-11-15 09:30:00 -0500';
    case 'zola-date':
      return 'a TOML date such as 2024-03-02 or 2024-03-02T10:00:00Z';
    case 'eleventy-date':
      return 'a date such as 2024-11-15, or "Last Modified" or "Created"';
    default:
      return 'a date such as 2024-11-15 or 2024-11-15T09:30:00-05:00';
  }
}

function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null || value === undefined) return 'empty value';
  if (typeof value === 'object') return 'table';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? value.slice(0, 39) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

function typeLabel(type: string): string {
  return { array: 'a list', string: 'text', boolean: 'true or false', object: 'a table', integer: 'a whole number', number: 'a number', null: 'nothing' }[type] ?? type;
}
