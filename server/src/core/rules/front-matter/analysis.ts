import { Severity } from '../../findings';
import { DATE_FORMATS, isoDay } from '../../frontMatter/dates';
import { keySpanAt, openingLine, valueSpanAt } from '../../frontMatter/locate';
import { BUILT_IN_SCHEMAS, pathOf, schemaAt, userSchemaOf, validate, type SchemaLoad, type SchemaNode } from '../../frontMatter/schema';
import { siteTermsVersion } from '../../frontMatter/siteTerms';
import type { DocumentModel } from '../../model/document';
import type { FrontMatter } from '../../model/frontMatter';
import { today } from '../../session/clock';
import type { Session } from '../../session/session';
import { MemoKey } from '../../session/state';
import type { Settings } from '../../settings';
import { filenameDate, GENERATOR_LABEL, isPost, isTemplate, siteOf, type Site } from '../../site/generator';
import { dateHint, describeField, suggest, typeLabel, typeName, valueAt } from './describe';
import type { FrontMatterCheck, FrontMatterCode, FrontMatterIssue } from './issue';
import { similarTerms } from './similarTags';

export type { FrontMatterCheck, FrontMatterCode, FrontMatterIssue, IssueData } from './issue';

/** A huge or broken block is summarised by this many findings per code, not buried. */
const MAX_PER_CODE = 50;
const PLACEHOLDER = /\b(?:FIXME|TODO|TBD|TBA|XXX)\b|^\?+$|^<[^>]*>$/;
const PARSE_PROBLEMS: ReadonlySet<string> = new Set(['syntax', 'unclosed', 'executable', 'unknown-language', 'not-a-mapping', 'too-large']);
/** Nested values deeper than this are not copied for validation; no schema looks that deep. */
const MAX_DEPTH = 24;

const ANALYSIS = new MemoKey<FrontMatterCheck>('front-matter/analysis');

/**
 * Checks a document's front matter against its site's schema; one run per model, shared by
 * the family's checks and fixes. The site, its schema and its posts' terms come from the
 * session; the run is redone when any of them, the settings or the day change.
 */
export function checkFrontMatter(model: DocumentModel, settings: Settings, session: Session): FrontMatterCheck {
  const site = siteOf(session, model.uri, settings);
  const schema = chooseSchema(session, site, settings, model);
  const deps = [settings, session, isoDay(today(session.clock)), site.generator, site.root, schema.node, schema.load, siteTermsVersion(session)];
  return model.memo.get(ANALYSIS, deps, () => runCheck(model, settings, session, site, schema));
}

function runCheck(model: DocumentModel, settings: Settings, session: Session, site: Site, chosen: ChosenSchema): FrontMatterCheck {
  const post = isPost(site, model.uri, settings);
  const issues: FrontMatterIssue[] = chosen.error ? [chosen.error] : [];
  const fm = model.frontMatter;
  const schema = chosen.node;
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
  // TOML that could not be read at all (a duplicated table) has no values to check.
  if (fm.format === 'toml' && fm.entries.length === 0 && fm.problems.length > 0) return result;

  const data = forValidation(fm, fm.data, [], 0) as Record<string, unknown>;
  result.data = data;
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

  const known = Object.keys(schema.properties ?? {});
  const misspelt = misspeltFields(data, required, known);
  for (const field of required) {
    if (!(field in data) && !(field === 'date' && site.generator === 'jekyll' && filenameDate(model.uri))) {
      const key = misspelt.get(field);
      // A schema that rejects unknown keys reports the key itself, with the same rename.
      if (key !== undefined && schema.additionalProperties === false) continue;
      if (key !== undefined) {
        push({
          code: 'front-matter/missing-field',
          span: keySpanAt(fm, [key]),
          message: `"${key}" is probably "${field}" misspelt: ${GENERATOR_LABEL[site.generator]} posts need ${describeField(field)}, and ${GENERATOR_LABEL[site.generator]} ignores "${key}".`,
          data: { name: field, path: [key], suggestion: field },
        });
        continue;
      }
      push({
        code: 'front-matter/missing-field',
        span: openingLine(fm),
        message: (schema.required ?? []).includes(field)
          ? `Missing "${field}": ${GENERATOR_LABEL[site.generator]} posts need ${describeField(field)}.`
          : `Missing "${field}": this site's Talkdown configuration (frontMatter.required) asks every post for ${describeField(field)}.`,
        data: { name: field },
      });
    }
  }

  for (const error of validate(session, schema, data).slice(0, 4 * MAX_PER_CODE)) {
    const path = pathOf(error.instancePath, data);
    const key = path.join('.');
    if (error.keyword === 'required') continue; // checked above, against the post's own requirements
    if (error.keyword === 'additionalProperties') {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const fullPath = [...path, name];
      const suggestion = suggest(name, Object.keys(schemaAt(schema, path)?.properties ?? {}));
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
      const theme = parent?.convention === 'theme';
      // A theme reads an empty list or nothing as "no": only its own templates could mind.
      if (theme && (value === null || (Array.isArray(value) && value.length === 0))) continue;
      push({
        code: 'front-matter/wrong-type',
        span: valueSpanAt(fm, path),
        message: `Unexpected ${typeName(value)} in "${key}", expected ${expected.map(typeLabel).join(' or ')}${theme ? ' by most themes' : ''}.`,
        ...(theme ? { severity: Severity.Warning } : {}),
        data: { path, expected },
      });
    } else {
      push({ code: 'front-matter/wrong-type', span: valueSpanAt(fm, path), message: `"${key || 'front matter'}" ${error.message ?? 'is invalid'}.`, data: { path } });
    }
  }

  if (schema.additionalProperties !== false) {
    // Custom keys are fine for most generators; a key one edit away from a known one is a typo.
    const reported = new Set(misspelt.values());
    let looked = 0;
    for (const name of Object.keys(data)) {
      if (known.includes(name) || reported.has(name) || ++looked > 1000) continue;
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

  for (const taxonomy of ['tags', 'categories'] as const) similarTerms(model, site, session, fm, data, taxonomy, push);
  issues.sort((a, b) => a.span.start - b.span.start);
  return result;
}

/**
 * Required fields that are missing because their key is misspelt (`titel:` and no `title:`),
 * with the key written instead: an unknown key whose closest known key is the field.
 */
function misspeltFields(data: Record<string, unknown>, required: ReadonlySet<string>, known: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const missing = [...required].filter((field) => !(field in data));
  if (missing.length === 0) return out;
  const candidates = [...new Set([...known, ...missing])];
  let looked = 0;
  for (const key of Object.keys(data)) {
    if (candidates.includes(key) || ++looked > 1000) continue;
    const field = suggest(key, candidates);
    if (field !== undefined && missing.includes(field) && !out.has(field)) out.set(field, key);
  }
  return out;
}

interface ChosenSchema {
  node: SchemaNode;
  /** What loading talkdown.frontMatter.schema gave, when it is set. */
  load?: SchemaLoad;
  /** Why the schema of talkdown.frontMatter.schema could not be used. */
  error?: FrontMatterIssue;
}

function chooseSchema(session: Session, site: Site, settings: Settings, model: DocumentModel): ChosenSchema {
  // Section pages (`_index.md`) have their own keys (`sort_by`, `paginate_by`); only the common ones are checked.
  const builtIn = BUILT_IN_SCHEMAS[/\/_index\.[^/]+$/.test(model.uri) ? 'generic' : site.generator];
  const user = userSchemaOf(session, site, settings);
  if (!user) return { node: builtIn };
  if (user.load.schema) return { node: user.load.schema, load: user.load };
  return {
    node: builtIn,
    load: user.load,
    error: {
      code: 'front-matter/invalid-schema',
      span: model.frontMatter ? openingLine(model.frontMatter) : { start: model.bomLength, end: model.lines.lineEnd(0) },
      message: `The schema set in talkdown.frontMatter.schema ("${user.path}") cannot be used: ${user.load.error}. Front matter is checked against the ${GENERATOR_LABEL[site.generator]} schema instead.`,
      data: { setting: 'talkdown.frontMatter.schema' },
    },
  };
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

