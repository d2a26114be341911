import { sessionFor } from '../support/session';
import { analyze, DEFAULT_SETTINGS, MemoryWorkspace, type Analysis, type Session, type Settings, type TextSource } from '../../server/src/core';

/** Joins lines with `\n`, so that fixtures read as the document they are. */
export function lines(...parts: string[]): string {
  return parts.join('\n');
}

export function source(text: string, uri = 'file:///site/_posts/2024-05-01-recap.md', version = 1): TextSource {
  return { uri, version, getText: () => text };
}

export function analyzeText(text: string, settings: Partial<Settings> = {}, uri?: string, session: Session = sessionFor(new MemoryWorkspace())): Analysis {
  return analyze(session, source(text, uri), { settings: { ...DEFAULT_SETTINGS, ...settings } });
}

/** Findings as `code@line:col-line:col` plus the text they cover: easy to read in a failing assert. */
export function summarize(text: string, analysis: Analysis): string[] {
  return analysis.findings.map(
    (f) =>
      `${f.code}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`,
  );
}
