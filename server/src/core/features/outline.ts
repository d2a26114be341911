import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { DocumentModel } from '../model/document';
import { extractTalks, formatTimestamp, parseVideoUrl, VIDEO_HOST_LABEL, type OutlineNode, type Talk, type VideoLink } from '../model/talks';
import type { Range, Span } from '../text';
import type { TalkIndex } from './talkIndex';

/** LSP's SymbolKind numbers, declared here so that the core needs no protocol package. */
export const SymbolKind = {
  Module: 2,
  Namespace: 3,
  Property: 7,
  Field: 8,
  String: 15,
  Event: 24,
} as const;

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'imports' | 'region';
}

export interface Hover {
  contents: { kind: 'markdown'; value: string };
  range: Range;
}

export interface WorkspaceSymbol {
  name: string;
  kind: number;
  location: { uri: string; range: Range };
  /** The talk's detail (speakers · affiliations · host), shown beside its name. */
  containerName?: string;
}

/** Editors show names on one line; a 10,000-character heading is cut. */
const MAX_NAME = 200;
/** Front-matter keys listed in the outline; more is noise. */
const MAX_FRONT_MATTER_FIELDS = 100;
/** Lists with at least this many items fold. */
const FOLDABLE_LIST_ITEMS = 4;

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
      name: symbolName(node.title, 'talk'),
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

/** `Ada Lovelace, Alan Turing · Example Corp · YouTube`: the speakers, their affiliations, the video host. */
export function talkDetail(talk: Talk): string {
  const parts: string[] = [];
  if (talk.sessionCode) parts.push(talk.sessionCode);
  if (talk.speakers.length) parts.push(talk.speakers.map((s) => s.name).join(', '));
  const affiliations = [...new Set(talk.speakers.map((s) => s.affiliation).filter((a): a is string => !!a))];
  if (affiliations.length) parts.push(affiliations.join(', '));
  if (talk.video) parts.push(VIDEO_HOST_LABEL[talk.video.host]);
  return parts.join(' · ');
}

/** Folds the front matter, sections, talks and lists of four items or more. */
export function foldingRanges(model: DocumentModel): FoldingRange[] {
  const byStart = new Map<number, number>();
  const add = (span: Span) => {
    const startLine = model.lines.positionAt(span.start).line;
    const endLine = model.lines.positionAt(Math.max(span.start, span.end - 1)).line;
    if (endLine > startLine && (byStart.get(startLine) ?? -1) < endLine) byStart.set(startLine, endLine);
  };
  if (model.frontMatter) add(model.frontMatter.span);
  const outline = extractTalks(model);
  for (const section of outline.sections) add(section.span);
  for (const talk of outline.talks) add(talk.span);
  for (const section of model.sections) {
    visit(section.parsed.root as Nodes, 'list', (list) => {
      if (list.children.length >= FOLDABLE_LIST_ITEMS) add(model.spanOf(list, section));
    });
  }
  return [...byStart].sort((a, b) => a[0] - b[0]).map(([startLine, endLine]) => ({ startLine, endLine }));
}

/** On a talk's heading, or on a video link: the talk's title, speakers and video. */
export function hover(model: DocumentModel, offset: number): Hover | null {
  const contains = (span: Span | undefined) => span !== undefined && span.start <= offset && offset <= span.end;
  for (const talk of extractTalks(model).talks) {
    if (talk.headingSpan.start > offset) break;
    if (contains(talk.video?.span)) return { contents: markdown(talkHover(talk)), range: model.lines.range(talk.video!.span) };
    if (contains(talk.slides?.span)) return { contents: markdown(talkHover(talk)), range: model.lines.range(talk.slides!.span) };
    if (contains(talk.headingSpan)) return { contents: markdown(talkHover(talk)), range: model.lines.range(talk.headingSpan) };
  }
  // A video linked outside any talk's heading or link line.
  for (const link of model.links) {
    if (link.span.start > offset) break;
    if (link.kind !== 'link' || !link.url || !contains(link.span)) continue;
    const video = parseVideoUrl(link.url);
    if (video) return { contents: markdown(videoLine(video)), range: model.lines.range(link.span) };
  }
  return null;
}

/** Talks across the workspace whose title, speaker or affiliation matches the query. */
export function workspaceSymbols(index: TalkIndex, query: string, limit?: number): WorkspaceSymbol[] {
  return index.query(query, limit).map((t) => ({
    name: t.name,
    kind: SymbolKind.Event,
    location: { uri: t.uri, range: t.range },
    ...(t.detail ? { containerName: t.detail } : {}),
  }));
}

function talkHover(talk: Talk): string {
  const lines = [`**${escape(talk.title)}**` + (talk.sessionCode ? ` · ${escape(talk.sessionCode)}` : '') + (talk.rating ? ` · rated ${escape(talk.rating)}` : '')];
  if (talk.speakers.length) {
    lines.push(talk.speakers.map((s) => escape(s.name) + (s.affiliation ? ` (${escape(s.affiliation)})` : '')).join(', '));
  }
  const links: string[] = [];
  if (talk.video) links.push(videoLine(talk.video));
  if (talk.slides) links.push(`[Slides](${talk.slides.url})`);
  if (links.length) lines.push(links.join(' · '));
  return lines.join('\n\n');
}

function videoLine(video: Omit<VideoLink, 'span'>): string {
  let line = VIDEO_HOST_LABEL[video.host] + (video.host === 'other' || video.host === 'file' ? '' : ' video');
  if (video.id) line += ` \`${video.id}\``;
  if (video.timestampSeconds !== undefined) line += ` at ${formatTimestamp(video.timestampSeconds)}`;
  return line;
}

function markdown(value: string): { kind: 'markdown'; value: string } {
  return { kind: 'markdown', value };
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
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
