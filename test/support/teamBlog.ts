/**
 * examples/team-blog: a site whose .talkdown/config.jsonc changes severities, turns a rule off,
 * requires a field and adds a word. VS Code, a bare LSP client and the CLI must all report
 * exactly these findings (hints aside), so one configuration gives one verdict everywhere.
 */
export const TEAM_POST = ['team-blog', '_posts', '2024-11-20-platform-day.md'] as const;

export const TEAM_FINDINGS: readonly { line: number; code: string; severity: number }[] = [
  { line: 0, code: 'front-matter/missing-field', severity: 2 },
  { line: 16, code: 'link/no-such-file', severity: 3 },
  { line: 16, code: 'spelling/likely-typo', severity: 1 },
];

/** Findings as `line code severity`, in reading order, without hints (they are not on the Problems list). */
export function summarizeFindings(found: readonly { line: number; code: string; severity: number }[]): string[] {
  return found
    .filter((f) => f.severity !== 4)
    .map((f) => `${f.line} ${f.code} ${f.severity}`)
    .sort();
}
