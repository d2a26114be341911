import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import type { DocumentModel } from '../model/document';
import { extractTalks } from '../model/talks';
import type { Span } from '../text';

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'imports' | 'region';
}

/** Lists with at least this many items fold. */
const FOLDABLE_LIST_ITEMS = 4;

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
