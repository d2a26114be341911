import { analyze, codeFixes, type AnalysisSession, type CodeFix, type Finding, type Span, type TextSource } from '../core';

/** Rounds of fixing per file: a fix can reveal another (a renamed key, then its date). */
const MAX_ROUNDS = 5;

export interface FixOutcome {
  text: string;
  /** What was fixed, one line each, in reading order. */
  applied: { code: string; title: string; line: number }[];
}

/**
 * Applies the fixes marked safe (one unambiguous result), round by round until none is left,
 * never two that touch the same text in one round. The rest of the text is left byte for byte.
 */
export function applySafeFixes(session: AnalysisSession, uri: string, original: string): FixOutcome {
  let text = original;
  const applied: FixOutcome['applied'] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const source: TextSource = { uri, version: round + 1, getText: () => text };
    const { model, findings } = analyze(session, source);
    const context = { model, settings: session.settingsFor(uri), session, workspace: session.workspace };
    const chosen: { fix: CodeFix; finding: Finding }[] = [];
    for (const finding of findings) {
      const safe = codeFixes(context, finding.span, [finding]).filter((fix) => fix.safe && fix.edits.length > 0);
      // One safe fix per finding; two candidates would be a choice, which is not ours to make.
      if (safe.length === 1) chosen.push({ fix: safe[0], finding });
    }
    const edits: { span: Span; newText: string; fix: CodeFix; finding: Finding }[] = [];
    for (const { fix, finding } of chosen) {
      const spans = fix.edits.map((e) => e.span);
      if (spans.some((s) => edits.some((e) => overlaps(s, e.span)))) continue;
      for (const edit of fix.edits) edits.push({ ...edit, fix, finding });
    }
    if (edits.length === 0) break;
    edits.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
    let next = text;
    for (const edit of edits) next = next.slice(0, edit.span.start) + edit.newText + next.slice(edit.span.end);
    for (const { fix, finding } of new Set(edits.map((e) => ({ fix: e.fix, finding: e.finding })))) {
      if (!applied.some((a) => a.title === fix.title && a.line === finding.range.start.line + 1)) applied.push({ code: finding.code, title: fix.title, line: finding.range.start.line + 1 });
    }
    if (next === text) break;
    text = next;
  }
  return { text, applied };
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start === b.start) || (b.start === b.end && b.start === a.start);
}
