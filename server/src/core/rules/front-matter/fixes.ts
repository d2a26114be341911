import { readDate, writeDate, type CalendarDate } from '../../frontMatter/dates';
import type { DocumentModel } from '../../model/document';
import type { FrontMatter } from '../../model/frontMatter';
import { today } from '../../session/clock';
import type { Session } from '../../session/session';
import type { Settings } from '../../settings';
import { filenameDate, filenameTitle, type Site } from '../../site/generator';
import type { Span } from '../../text';
import type { CodeFix } from '../family';
import { checkFrontMatter } from './analysis';
import { valueAt } from './describe';
import type { FrontMatterIssue } from './issue';

export interface TextEdit {
  span: Span;
  newText: string;
}

/** A quick fix of a front-matter finding. */
export type FrontMatterFix = CodeFix;

/** What a front-matter fix reads: the document, its settings, and the session (site facts, today). */
export interface FrontMatterFixContext {
  model: DocumentModel;
  settings: Settings;
  session: Session;
}

/** The quick fixes for the front-matter findings that touch `range`; only of `codes` when given. */
export function frontMatterFixes(context: FrontMatterFixContext, range: Span, codes?: ReadonlySet<string>): FrontMatterFix[] {
  const { model, settings, session } = context;
  const check = checkFrontMatter(model, settings, session);
  const fixes: FrontMatterFix[] = [];
  const touches = (span: Span) => span.start <= range.end && range.start <= span.end;
  const wanted = (code: string) => !codes || codes.has(code);
  const writer = new FrontMatterWriter(model, check.site, session);
  for (const issue of check.issues) {
    if (touches(issue.span) && wanted(issue.code)) fixes.push(...writer.fixesFor(issue));
  }
  const fm = model.frontMatter;
  for (const problem of fm?.problems ?? []) {
    if (!touches(problem.span)) continue;
    if (problem.kind === 'syntax' && wanted('front-matter/syntax') && problem.remedy === 'quote-value') {
      const text = model.text.slice(problem.span.start, problem.span.end);
      fixes.push(fix('Put the value in quotes', 'front-matter/syntax', problem.span, [{ span: problem.span, newText: writer.quoted(text) }]));
    }
    if (problem.kind === 'unclosed' && wanted('front-matter/unclosed')) {
      const close = closingEdit(model, writer.eol);
      if (close) fixes.push(fix('Close the front matter', 'front-matter/unclosed', problem.span, [close]));
    }
    if (problem.kind === 'duplicate-key' && wanted('front-matter/duplicate-key')) {
      fixes.push(fix('Remove the duplicate key', 'front-matter/duplicate-key', problem.span, [{ span: writer.linesOf(fm!, problem.span), newText: '' }]));
    }
  }
  return fixes;
}

/** The fixes of one finding: what `frontMatterFixes` offers for its code at its span. */
export function fixesOfFinding(context: FrontMatterFixContext, finding: { code: string; span: Span }): FrontMatterFix[] {
  const same = (span: Span) => span.start === finding.span.start && span.end === finding.span.end;
  return frontMatterFixes(context, finding.span, new Set([finding.code])).filter((f) => same(f.findingSpan));
}

// Lines that belong to front matter: `key: value`, `key = value`, `[table]`, `- item`, or an
// indented continuation. A line after a blank line that is none of these starts the body.
const DATA_LINE = /^(?:\s*["']?[\w.-]+["']?\s*[:=]|\s*\[|\s*-\s|[ \t]+\S|\s*[}\]])/;

/**
 * Where an unclosed block should have ended: after its last data line, before the body.
 * A `#` line right after data is a comment; after a blank line it is a Markdown heading.
 */
function closingEdit(model: DocumentModel, eol: string): TextEdit | undefined {
  const fm = model.frontMatter;
  if (!fm || fm.closed) return undefined;
  const delimiter = model.text.startsWith('+++', fm.span.start) ? '+++' : model.text.startsWith('{', fm.span.start) ? '}' : '---';
  const { lines } = model;
  const first = lines.positionAt(fm.contentSpan.start).line;
  let lastData = first - 1;
  let previousBlank = false;
  for (let line = first; line < lines.lineCount; line++) {
    const text = model.text.slice(lines.lineStart(line), lines.lineEnd(line));
    if (text.trim() === '') {
      previousBlank = true;
      continue;
    }
    const comment = /^\s*#/.test(text) && !previousBlank;
    if (!DATA_LINE.test(text) && !comment) break;
    lastData = line;
    previousBlank = false;
  }
  if (lastData < first) return undefined;
  const at = lines.lineEnd(lastData);
  return { span: { start: at, end: at }, newText: eol + delimiter };
}

function fix(title: string, code: string, findingSpan: Span, edits: TextEdit[], isPreferred = true, safe = false): FrontMatterFix {
  return safe ? { title, code, findingSpan, edits, isPreferred, safe } : { title, code, findingSpan, edits, isPreferred };
}

/** Writes keys and values the way the file already writes them. */
class FrontMatterWriter {
  readonly eol: string;
  private readonly quote: '"' | "'";
  private readonly quotesStrings: boolean;

  constructor(
    private readonly model: DocumentModel,
    private readonly site: Site,
    private readonly session: Session,
  ) {
    const raw = model.frontMatter?.raw ?? '';
    this.eol = /\r\n/.test(model.text.slice(0, 4096)) ? '\r\n' : '\n';
    const doubles = (raw.match(/[:=]\s*"/g) ?? []).length;
    const singles = (raw.match(/[:=]\s*'/g) ?? []).length;
    this.quote = singles > doubles ? "'" : '"';
    this.quotesStrings = doubles + singles > 0;
  }

  fixesFor(issue: FrontMatterIssue): FrontMatterFix[] {
    const fm = this.model.frontMatter;
    const { code, span, data } = issue;
    switch (code) {
      case 'front-matter/missing':
        return [fix('Add front matter', code, span, [{ span: { start: this.model.bomLength, end: this.model.bomLength }, newText: this.template() }])];
      case 'front-matter/missing-field': {
        if (fm && data.suggestion && data.path) return this.fixesFor({ ...issue, code: 'front-matter/unknown-key' }).map((f) => ({ ...f, code }));
        if (!fm || (data.name !== 'title' && data.name !== 'date')) return [];
        const value = data.name === 'title' ? this.string(this.title()) : this.dateValue(this.defaultDate());
        const from = data.name === 'date' ? (filenameDate(this.model.uri) ? 'from the file name' : 'of today') : '';
        return [fix(`Add "${data.name}"${from ? ' ' + from : ''}`, code, span, [this.insertKey(fm, data.name, value)])];
      }
      case 'front-matter/unknown-key': {
        if (!fm || !data.suggestion || !data.path) return [];
        const parent = data.path.slice(0, -1);
        if (valueAt(fm.data, [...parent, data.suggestion]) !== undefined) return [];
        const keyText = this.model.text.slice(span.start, span.end);
        const q = /^["']/.test(keyText) ? keyText[0] : '';
        // One close key of the schema: the rename has one result.
        return [fix(`Rename to "${data.suggestion}"`, code, span, [{ span, newText: q + data.suggestion + q }], true, true)];
      }
      case 'front-matter/invalid-date': {
        const text = this.model.text.slice(span.start, span.end);
        const date = readDate(text);
        if (!date) return [];
        return [fix(`Write the date as ${this.dateText(date)}`, code, span, [{ span, newText: this.keepQuotes(text, this.dateText(date)) }], true, true)];
      }
      case 'front-matter/placeholder': {
        if (!fm || !data.path || data.path.join('.') !== 'date') return [];
        const text = this.model.text.slice(span.start, span.end);
        const date = this.defaultDate();
        const title = filenameDate(this.model.uri) ? 'Use the date from the file name' : "Use today's date";
        return [fix(title, code, span, [{ span, newText: /^["']/.test(text) ? this.keepQuotes(text, this.dateText(date)) : this.dateValue(date) }], false)];
      }
      case 'front-matter/filename-date-mismatch': {
        if (!data.fileDate) return [];
        const text = this.model.text.slice(span.start, span.end);
        const at = text.search(/\d{4}-\d{2}-\d{2}/);
        if (at === -1) return [];
        const edit = { span: { start: span.start + at, end: span.start + at + 10 }, newText: data.fileDate };
        return [fix(`Set the date to ${data.fileDate}, as in the file name`, code, span, [edit])];
      }
      case 'front-matter/empty-title':
        return [fix(`Set the title to "${this.title()}"`, code, span, [{ span, newText: this.keepQuotes(this.model.text.slice(span.start, span.end), this.title(), true) }])];
      case 'front-matter/similar-tag': {
        if (!data.suggestion) return [];
        const text = this.model.text.slice(span.start, span.end);
        return [fix(`Change to "${data.suggestion}"`, code, span, [{ span, newText: this.keepQuotes(text, data.suggestion, true) }])];
      }
      case 'front-matter/wrong-type':
        return fm && data.path ? this.retype(fm, issue) : [];
      default:
        return [];
    }
  }

  /** A scalar where a list is expected becomes a list; a number where text is expected, text. */
  private retype(fm: FrontMatter, issue: FrontMatterIssue): FrontMatterFix[] {
    const path = issue.data.path!;
    const expected = issue.data.expected ?? [];
    const value = valueAt(fm.data, path);
    const text = this.model.text.slice(issue.span.start, issue.span.end);
    if (expected.includes('array') && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      const items =
        typeof value === 'string' && fm.format === 'yaml' && !/^["']/.test(text) && value.includes(',')
          ? value.split(',').map((v) => this.string(v.trim()))
          : [typeof value === 'string' ? (/^["']/.test(text) ? text : this.string(value)) : this.string(String(value), true)];
      return [fix('Make it a list', issue.code, issue.span, [{ span: issue.span, newText: `[${items.join(', ')}]` }])];
    }
    if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
      return [fix(`Write it as text: ${this.string(text, true)}`, issue.code, issue.span, [{ span: issue.span, newText: this.string(text, true) }])];
    }
    if (expected.includes('boolean') && typeof value === 'string' && /^(?:true|false|yes|no)$/i.test(value)) {
      const bool = /^(?:true|yes)$/i.test(value) ? 'true' : 'false';
      return [fix(`Write it as ${bool}`, issue.code, issue.span, [{ span: issue.span, newText: bool }])];
    }
    return [];
  }

  /** A title: the post's first top-level heading, else the words of its file name. */
  title(): string {
    const heading = this.model.headings.find((h) => h.depth === 1) ?? this.model.headings[0];
    return heading?.text.trim() || filenameTitle(this.model.uri);
  }

  defaultDate(): CalendarDate {
    const day = filenameDate(this.model.uri);
    return (day && readDate(day)) || today(this.session.clock);
  }

  private dateText(date: CalendarDate): string {
    return writeDate(date, this.site.generator === 'jekyll' || this.site.generator === 'hexo' ? 'jekyll' : 'rfc3339');
  }

  /** A date as a value: a YAML or TOML date, or a JSON string. */
  private dateValue(date: CalendarDate): string {
    const text = this.dateText(date);
    return this.model.frontMatter?.format === 'json' || (this.model.frontMatter?.format === 'toml' && text.includes(' ')) ? `"${text}"` : text;
  }

  /** Text in the file's quotes; YAML keeps plain text plain when the file does and it is safe. */
  string(value: string, forceQuotes = false): string {
    const format = this.model.frontMatter?.format ?? (this.site.generator === 'zola' ? 'toml' : 'yaml');
    if (format === 'yaml' && !forceQuotes && !this.quotesStrings && isPlainYaml(value)) return value;
    return format === 'yaml' ? this.quoted(value) : JSON.stringify(value);
  }

  quoted(value: string): string {
    if (this.model.frontMatter?.format !== 'yaml') return JSON.stringify(value);
    if (this.quote === "'" || (value.includes('"') && !value.includes("'"))) return `'${value.replace(/'/g, "''")}'`;
    return JSON.stringify(value);
  }

  private keepQuotes(original: string, value: string, asString = false): string {
    const q = /^["']/.test(original) ? original[0] : '';
    if (q === "'") return `'${value.replace(/'/g, "''")}'`;
    if (q === '"') return JSON.stringify(value);
    return asString ? this.string(value) : value;
  }

  /** A new top-level key, after the others (TOML: before the first table). */
  private insertKey(fm: FrontMatter, key: string, value: string): TextEdit {
    const eol = this.eol;
    if (fm.format === 'json') {
      const top = fm.entries.filter((e) => e.path.length === 1);
      const last = top[top.length - 1];
      const indent = last ? /[ \t]*$/.exec(this.model.text.slice(this.model.lines.lineStart(this.model.lines.positionAt(last.keySpan.start).line), last.keySpan.start))![0] : '  ';
      const at = last ? last.valueSpan.end : fm.contentSpan.start + 1;
      return { span: { start: at, end: at }, newText: `${last ? ',' : ''}${eol}${indent}"${key}": ${value}` };
    }
    const line = fm.format === 'toml' ? `${key} = ${value}` : `${key}: ${value}`;
    if (fm.format === 'toml') {
      const table = /^[ \t]*\[/m.exec(fm.raw);
      if (table) {
        const at = fm.contentSpan.start + table.index;
        return { span: { start: at, end: at }, newText: line + eol };
      }
    }
    const end = fm.contentSpan.end;
    const needsBreak = end > fm.contentSpan.start && !/[\r\n]$/.test(this.model.text.slice(fm.contentSpan.start, end));
    return { span: { start: end, end }, newText: (needsBreak ? eol : '') + line + eol };
  }

  /** A front-matter block for a post that has none, from the generator's template. */
  private template(): string {
    const eol = this.eol;
    const title = this.title();
    const date = this.dateText(this.defaultDate());
    if (this.site.generator === 'zola') return ['+++', `title = ${JSON.stringify(title)}`, `date = ${date}`, '+++', '', ''].join(eol);
    const yaml = (v: string) => (isPlainYaml(v) ? v : JSON.stringify(v));
    const lines = ['---'];
    const root = this.site.root;
    if (this.site.generator === 'jekyll' && root && ['html', 'md', 'liquid'].some((ext) => this.session.workspace.exists(`${root}/_layouts/post.${ext}`))) lines.push('layout: post');
    lines.push(`title: ${yaml(title)}`);
    // Jekyll reads the date from the file name.
    if (!(this.site.generator === 'jekyll' && filenameDate(this.model.uri))) lines.push(`date: ${date.includes(' ') && this.site.generator !== 'jekyll' && this.site.generator !== 'hexo' ? JSON.stringify(date) : date}`);
    lines.push('---', '', '');
    return lines.join(eol);
  }

  /** The whole lines of the entry whose key is at `span`. */
  linesOf(fm: FrontMatter, span: Span): Span {
    const entry = fm.entries.find((e) => e.keySpan.start === span.start);
    const end = entry ? Math.max(entry.valueSpan.end, span.end) : span.end;
    const { lines } = this.model;
    const first = lines.positionAt(span.start).line;
    const last = lines.positionAt(end).line;
    return { start: lines.lineStart(first), end: lines.lineStart(last + 1) > lines.lineStart(last) ? lines.lineStart(last + 1) : lines.lineEnd(last) };
  }
}

/** Text YAML reads back as the same string without quotes. */
function isPlainYaml(value: string): boolean {
  return (
    /^[A-Za-z\u00C0-\uFFFF][^:#\[\]{},"'`|>&*!%@\r\n]*$/.test(value) &&
    !/\s$/.test(value) &&
    !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(value)
  );
}

