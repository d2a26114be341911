import type { ExternalLinkLookup } from './external/types';
import { SEVERITY_BY_NAME, Severity, type Finding, type Report } from './findings';
import { buildModel, modelSteps, type DocumentModel } from './model/document';
import { ALL_RULES, type Rule } from './rules';
import type { Settings } from './settings';
import { findSuppressions } from './suppressions';
import type { TextSource } from './text';
import type { Workspace } from './workspace';

export interface AnalyzeOptions {
  /** The model of the previous version of this document: its unchanged sections are reused. */
  previous?: DocumentModel;
  /** Base URI of the rule documentation; a code `a/b` links to `<base>/a/b.md`. */
  docsBaseUri?: string;
  /** Known results of external URL checks; without it, no `link/external-*` finding. */
  externalLinks?: ExternalLinkLookup;
}

export interface Analysis {
  model: DocumentModel;
  findings: Finding[];
}

/** Where rule pages live relative to the project; adapters pass an absolute URI instead. */
export const DEFAULT_DOCS_BASE = 'docs/rules';

/** Parses a document version into a model and runs every enabled rule over it. */
export function analyze(source: TextSource, settings: Settings, workspace: Workspace, options: AnalyzeOptions = {}): Analysis {
  const model = buildModel(source, { previous: options.previous, maxFileSize: settings.maxFileSize });
  return { model, findings: runRules(model, settings, workspace, options) };
}

export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

/**
 * The same analysis, pausing every `sliceMs` so that a server stays responsive on large
 * documents. Resolves to undefined when the signal asks to stop.
 */
export async function analyzeAsync(
  source: TextSource,
  settings: Settings,
  workspace: Workspace,
  options: AnalyzeOptions & { signal?: CancellationSignal; sliceMs?: number } = {},
): Promise<Analysis | undefined> {
  const steps = modelSteps(source, { previous: options.previous, maxFileSize: settings.maxFileSize });
  const sliceMs = options.sliceMs ?? 15;
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      if (options.signal?.isCancellationRequested) return undefined;
      return { model: step.value, findings: runRules(step.value, settings, workspace, options) };
    }
    if (Date.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (options.signal?.isCancellationRequested) return undefined;
      sliceStart = Date.now();
    }
  }
}

export function docUrl(code: string, base = DEFAULT_DOCS_BASE): string {
  return `${base.replace(/\/$/, '')}/${code}.md`;
}

function runRules(model: DocumentModel, settings: Settings, workspace: Workspace, options: AnalyzeOptions): Finding[] {
  const suppressions = findSuppressions(model.text, model.lines, model.frontMatter?.span.end ?? 0);
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    const level = settings.rules[rule.code] ?? familyLevel(settings, rule);
    if (level === 'off') continue;
    let reports: Report[];
    try {
      reports = [...rule.check({ model, settings, workspace, externalLinks: options.externalLinks })];
    } catch (error) {
      // One check failing on a strange document must not take the others down with it.
      const reason = error instanceof Error ? error.message : String(error);
      reports = [{ span: { start: 0, end: 0 }, severity: Severity.Information, message: `Talkdown could not run this check on this document (${reason}); the other checks ran.` }];
    }
    for (const report of reports) {
      const range = model.lines.range(report.span);
      if (suppressions.isSuppressed(rule.code, range.start.line)) continue;
      findings.push({
        code: rule.code,
        severity: level ? SEVERITY_BY_NAME[level] : (report.severity ?? rule.defaultSeverity),
        range,
        span: report.span,
        message: report.message,
        docUrl: docUrl(rule.code, options.docsBaseUri),
        data: report.data,
      });
    }
  }
  return findings;
}

/** `"front-matter": "warning"` sets every rule of that family. */
function familyLevel(settings: Settings, rule: Rule) {
  const slash = rule.code.indexOf('/');
  return slash === -1 ? undefined : settings.rules[rule.code.slice(0, slash)];
}
