import type { ExternalLinkLookup } from './external/types';
import type { Finding } from './findings';
import { buildModel, modelSteps, type BuildOptions, type DocumentModel } from './model/document';
import { DEADLINE, DEADLINE_INFO, deadlineMessage } from './rules/document';
import { docUrl } from './rules/docs';
import { runRules } from './rules/run';
import type { Session } from './session/session';
import type { Settings } from './settings';
import { LineIndex, type TextSource } from './text';

export interface AnalyzeOptions {
  /** The model of the previous version of this document: its unchanged sections are reused. */
  previous?: DocumentModel;
  /** Known results of external URL checks; without it, no `link/external-*` finding. */
  externalLinks?: ExternalLinkLookup;
  /** Settings for this analysis, instead of the session's for the document. */
  settings?: Settings;
  /**
   * Milliseconds (by the session's clock) after which no further section is parsed: the
   * sections done keep their findings, the rest get one `document/deadline` note.
   */
  deadlineMs?: number;
}

/**
 * The share of the deadline that parsing may use: the rules then run over what was parsed, and
 * cost about as much again, so that the whole analysis ends near its deadline.
 */
export const PARSE_SHARE = 0.5;

function buildOptions(session: Session, settings: Settings, options: AnalyzeOptions): BuildOptions {
  const ms = options.deadlineMs;
  const deadline = ms === undefined ? undefined : { at: session.clock.ms() + ms * PARSE_SHARE, now: () => session.clock.ms(), ms };
  return { previous: options.previous, maxFileSize: settings.maxFileSize, deadline };
}

/**
 * The one note of a document whose analysis was stopped as a whole (a single section ran
 * past the deadline and its worker was stopped): what an adapter publishes instead.
 */
export function deadlineFinding(session: Session, source: TextSource, deadlineMs: number): Finding {
  const text = source.getText();
  const lines = new LineIndex(text);
  const span = { start: 0, end: lines.lineEnd(0) };
  return {
    code: DEADLINE,
    severity: DEADLINE_INFO.defaultSeverity,
    range: lines.range(span),
    span,
    message: deadlineMessage(deadlineMs, true),
    docUrl: docUrl(DEADLINE, session.docsBaseUri),
  };
}

export interface Analysis {
  model: DocumentModel;
  findings: Finding[];
}

/** Parses a document version into a model and runs every enabled rule over it. */
export function analyze(session: Session, source: TextSource, options: AnalyzeOptions = {}): Analysis {
  const settings = options.settings ?? session.settingsFor(source.uri);
  const model = buildModel(source, buildOptions(session, settings, options));
  return { model, findings: findingsOf(session, model, settings, options) };
}

export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
}

/**
 * The same analysis, pausing every `sliceMs` so that a server stays responsive on large
 * documents. Resolves to undefined when the signal asks to stop.
 */
export async function analyzeAsync(
  session: Session,
  source: TextSource,
  options: AnalyzeOptions & { signal?: CancellationSignal; sliceMs?: number; yieldToEvents?: () => Promise<void> } = {},
): Promise<Analysis | undefined> {
  const settings = options.settings ?? session.settingsFor(source.uri);
  const steps = modelSteps(source, buildOptions(session, settings, options));
  const sliceMs = options.sliceMs ?? 15;
  const pause = options.yieldToEvents ?? (() => Promise.resolve());
  let sliceStart = session.clock.ms();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      if (options.signal?.isCancellationRequested) return undefined;
      return { model: step.value, findings: findingsOf(session, step.value, settings, options) };
    }
    if (session.clock.ms() - sliceStart >= sliceMs) {
      await pause();
      if (options.signal?.isCancellationRequested) return undefined;
      sliceStart = session.clock.ms();
    }
  }
}

/** The findings of a model already built (an outline request built it first). */
export function findingsOf(session: Session, model: DocumentModel, settings: Settings, options: Pick<AnalyzeOptions, 'externalLinks'> = {}): Finding[] {
  return runRules({ model, settings, session, workspace: session.workspace, externalLinks: options.externalLinks });
}
