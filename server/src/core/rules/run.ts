import { SEVERITY_BY_NAME, type Finding } from '../findings';
import type { Session } from '../session/session';
import type { Settings } from '../settings';
import { findSuppressions, NO_SUPPRESSIONS } from '../suppressions';
import { mentions } from '../model/mentions';
import type { Span } from '../text';
import { CHECK_FAILED, CHECK_FAILED_INFO, documentFamily } from './document';
import { DEFAULT_MAX_REPORTS, type Check, type CodeFix, type CommandResult, type FindingRef, type RuleContext, type RuleFamily } from './family';
import { RULE_FAMILIES } from './index';
import { docUrl } from './docs';

export { docUrl };

/** The severity the settings give a code: its own, else its family's, else the default. */
function levelOf(settings: Settings, code: string, family: RuleFamily) {
  return settings.rules[code] ?? settings.rules[family.name];
}

/**
 * Runs each check of each family once. A check that throws leaves one note and the others
 * run; each code's reports stop at its cap; suppression comments apply to every code.
 */
export function runRules(context: RuleContext, families: readonly RuleFamily[] = RULE_FAMILIES): Finding[] {
  const { model, settings, session } = context;
  // Only a post with a `talkdown-` comment has suppressions to read.
  const suppressions = mentions(model, 'talkdown-') ? findSuppressions(model.text, model.lines, model.frontMatter?.span.end ?? 0) : NO_SUPPRESSIONS;
  const findings: Finding[] = [];
  const push = (code: string, report: { span: Span; message: string; severity?: number; data?: unknown }, family: RuleFamily, fallback: number) => {
    const range = model.lines.range(report.span);
    if (suppressions.isSuppressed(code, range.start.line)) return;
    const level = levelOf(settings, code, family);
    if (level === 'off') return;
    findings.push({
      code,
      severity: level ? SEVERITY_BY_NAME[level] : (report.severity ?? fallback),
      range,
      span: report.span,
      message: report.message,
      docUrl: docUrl(code, session.docsBaseUri),
      data: report.data,
    });
  };
  for (const family of families) {
    for (const check of family.checks) {
      if (Object.keys(check.codes).every((code) => levelOf(settings, code, family) === 'off')) continue;
      const counts = new Map<string, number>();
      try {
        for (const report of check.check(context)) {
          const info = check.codes[report.code];
          if (!info) throw new Error(`a check reported the unregistered code ${report.code}`);
          const n = (counts.get(report.code) ?? 0) + 1;
          counts.set(report.code, n);
          if (n > (info.maxReports ?? DEFAULT_MAX_REPORTS)) continue;
          push(report.code, report, family, info.defaultSeverity);
        }
      } catch (error) {
        // One check failing on a strange document must not take the others down with it.
        const reason = error instanceof Error ? error.message : String(error);
        push(
          CHECK_FAILED,
          { span: { start: 0, end: 0 }, message: `Talkdown could not run its ${family.name} checks on this document (${reason}); the other checks ran.` },
          documentFamily,
          CHECK_FAILED_INFO.defaultSeverity,
        );
      }
    }
  }
  // In reading order, as the Problems list and the CLI show them (the sort is stable).
  return findings.sort((a, b) => a.span.start - b.span.start);
}

function checkOf(code: string, families: readonly RuleFamily[]): Check | undefined {
  for (const family of families) for (const check of family.checks) if (code in check.codes) return check;
  return undefined;
}

/** The quick fixes of the given findings, from the checks that reported them. */
export function codeFixes(context: RuleContext, range: Span, findings: readonly FindingRef[], families: readonly RuleFamily[] = RULE_FAMILIES): CodeFix[] {
  const fixes: CodeFix[] = [];
  for (const finding of findings) {
    const check = checkOf(finding.code, families);
    if (!check?.fixes) continue;
    try {
      fixes.push(...check.fixes({ ...context, range }, finding));
    } catch {
      // A fix that cannot be computed is not offered; the finding stays.
    }
  }
  return fixes;
}

/** The ids of every command the families offer. */
export function commandIds(families: readonly RuleFamily[] = RULE_FAMILIES): string[] {
  return families.flatMap((family) => Object.keys(family.commands ?? {}));
}

/** Runs a family's command; unknown ids answer `{ ok: false }` with a reason. */
export function runCommand(session: Session, id: string, args: readonly unknown[], families: readonly RuleFamily[] = RULE_FAMILIES): CommandResult {
  for (const family of families) {
    const handler = family.commands?.[id];
    if (handler) return handler(session, args);
  }
  return { ok: false, message: `Talkdown has no command ${id}.` };
}

