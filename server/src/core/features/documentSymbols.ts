import type { DocumentModel } from '../model/document';
import { extractTalks, type OutlineNode } from '../model/talks';
import type { Range, Span } from '../text';
import { SymbolKind } from './symbolKind';
import { talkDetail } from './talkDetail';

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
/** Front-matter keys listed in the outline; more is noise. */
const MAX_FRONT_MATTER_FIELDS = 100;

/** The outline: front matter with its fields, then sections and talks as headings nest them. */
export function documentSymbols(model: DocumentModel): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const fm = model.frontMatter;
  if (fm) {
    const fields: DocumentSymbol[] = [];
    for (const entry of fm.entries) {
      if (entry.path.length !== 1 || fields.length >= MAX_FRONT_MATTER_FIELDS) continue;
      const span = { start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.valueSpan.end) };
      fields.push({
        name: symbolName(String(entry.path[0]), 'key'),
        detail: preview(model.text.slice(entry.valueSpan.start, Math.min(entry.valueSpan.end, entry.valueSpan.start + 200))),
        kind: SymbolKind.Property,
        range: model.lines.range(span),
        selectionRange: model.lines.range(entry.keySpan),
      });
    }
    // The block's span ends after the closing line's break; the symbol ends on the delimiter.
    const fmRange = model.lines.range({ start: fm.span.start, end: trimLineBreak(model.text, fm.span) });
    symbols.push({
      name: 'front matter',
      detail: fm.format ? fm.format.toUpperCase() : fm.languageTag || undefined,
      kind: SymbolKind.Module,
      range: fmRange,
      selectionRange: model.lines.range({ start: fm.span.start, end: Math.min(fm.span.end, model.lines.lineEnd(fmRange.start.line)) }),
      children: fields,
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
      name: symbolName(node.prefix ? `${node.prefix} ${node.title}` : node.title, 'talk'),
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
