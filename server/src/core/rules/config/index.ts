import { configsFor } from '../../config/discovery';
import type { ProjectConfig } from '../../config/projectConfig';
import { SEVERITY_BY_NAME, Severity, type Finding } from '../../findings';
import type { Session } from '../../session/session';
import { LineIndex } from '../../text';
import type { CodeInfo, RuleFamily } from '../family';
import { docUrl } from '../docs';

const CODES: Record<'config/syntax' | 'config/invalid', CodeInfo> = {
  'config/syntax': { defaultSeverity: Severity.Error, summary: 'A .talkdown/config.jsonc that cannot be read: Talkdown uses the defaults.' },
  'config/invalid': { defaultSeverity: Severity.Warning, summary: 'A setting in .talkdown/config.jsonc that Talkdown does not have, or a value of the wrong kind.' },
};

/**
 * The project's configuration file. Its findings are on the file itself, not on posts: the
 * adapters publish them with `configFindings`.
 */
export const configFamily: RuleFamily = {
  name: 'config',
  checks: [{ codes: CODES, check: () => [] }],
};

/** The findings of a configuration file, with the severities its own settings give them. */
export function configFindings(session: Session, config: ProjectConfig): Finding[] {
  const lines = new LineIndex(config.text);
  const settings = session.settingsFor(config.uri);
  const findings: Finding[] = [];
  for (const problem of config.problems) {
    const level = settings.rules[problem.code] ?? settings.rules.config;
    if (level === 'off') continue;
    findings.push({
      code: problem.code,
      severity: level ? SEVERITY_BY_NAME[level] : CODES[problem.code].defaultSeverity,
      range: lines.range(problem.span),
      span: problem.span,
      message: problem.message,
      docUrl: docUrl(problem.code, session.docsBaseUri),
    });
  }
  return findings;
}

/** The configuration files that apply to these documents, each once. */
export function configsOf(session: Session, uris: Iterable<string>): ProjectConfig[] {
  const seen = new Map<string, ProjectConfig>();
  for (const uri of uris) for (const config of configsFor(session, uri)) seen.set(config.uri, config);
  return [...seen.values()];
}
