import type { DocumentModel } from '../model/document';
import { extractTalks, type OutlineNode } from '../model/talks';
import type { Range, Span } from '../text';
import { SymbolKind } from './symbolKind';
import { talkDetail } from './talkDetail';

/** A prefix that only says "this is a talk" (`TALK:`): a name keeps a kind (`Keynote:`), not that. */
const MARKER_PREFIX = /^[[(]?(?:talk|session|vortrag|charla|palestra|prelekcja)\b/i;

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

/** Editors show names on one line; a 10,000-character heading is cut. */
const MAX_NAME = 200;
/**
 * The outline: the front matter as one entry, then sections and talks as headings nest them.
 * The front matter's fields are not listed: ten of them would push the talks, which the
 * outline is for, below the fold of the Outline view.
 */
export function documentSymbols(model: DocumentModel): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const fm = model.frontMatter;
  if (fm) {
    // The block's span ends after the closing line's break; the symbol ends on the delimiter.
    const fmRange = model.lines.range({ start: fm.span.start, end: trimLineBreak(model.text, fm.span) });
    symbols.push({
      name: 'Front matter',
      detail: frontMatterDetail(model) || (fm.format ? fm.format.toUpperCase() : fm.languageTag || undefined),
      kind: SymbolKind.Module,
      range: fmRange,
      selectionRange: model.lines.range({ start: fm.span.start, end: Math.min(fm.span.end, model.lines.lineEnd(fmRange.start.line)) }),
      children: [],
    });
  }
  const toSymbol = (node: OutlineNode): DocumentSymbol => {
    const range = model.lines.range(node.span);
    const selection = model.lines.range(within(node.titleSpan, node.span));
    if (node.kind === 'section') {
      return { name: symbolName(node.title, 'section'), kind: SymbolKind.Namespace, range, selectionRange: selection, children: node.children.map(toSymbol) };
    }
    return {
      // The name keeps a kind prefix as written: `Keynote: Title`.
      name: symbolName(node.prefix && !MARKER_PREFIX.test(node.prefix) ? `${node.prefix} ${node.title}` : node.title, 'talk'),
      detail: talkDetail(node),
      kind: SymbolKind.Event,
      range,
      selectionRange: selection,
      children: node.children.map(toSymbol),
    };
  };
  for (const node of extractTalks(model).root) symbols.push(toSymbol(node));
  return symbols;
}

/** Editors reject empty symbol names; long ones are cut. */
function symbolName(text: string, fallback: string): string {
  const name = text.replace(/\s+/g, ' ').trim();
  if (!name) return `(${fallback})`;
  return name.length > MAX_NAME ? name.slice(0, MAX_NAME - 1) + '…' : name;
}

/** The title and date, as written: what tells one post from another at a glance. */
function frontMatterDetail(model: DocumentModel): string {
  const fm = model.frontMatter!;
  const written = (key: string): string => {
    const entry = fm.entries.find((e) => e.path.length === 1 && e.path[0] === key);
    if (!entry) return '';
    const text = model.text.slice(entry.valueSpan.start, Math.min(entry.valueSpan.end, entry.valueSpan.start + 200));
    return preview(text.trim().replace(/^(["'])(.*)\1$/s, '$2'));
  };
  const date = written('date');
  return [written('title'), /^\d{4}-\d\d-\d\d/.test(date) ? date.slice(0, 10) : date].filter(Boolean).join(' · ');
}

function preview(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? oneLine.slice(0, 59) + '…' : oneLine;
}

function trimLineBreak(text: string, span: Span): number {
  let end = span.end;
  if (end > span.start && text.charCodeAt(end - 1) === 10) end--;
  if (end > span.start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** A selection range must lie within its symbol's range. */
function within(inner: Span, outer: Span): Span {
  const start = Math.min(Math.max(inner.start, outer.start), outer.end);
  return { start, end: Math.max(start, Math.min(inner.end, outer.end)) };
}
