import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeAsync, deadlineFinding, deadlineOf, type AnalyzeOptions, type DocumentModel, type Finding, type Session, type Settings } from '../core';
import type { AnalysisWorker } from './analysisWorker';
import { toDiagnostic } from './convert';
import type { SettingsCache } from './settings';

/**
 * When keystrokes come faster than a document is analysed, wait about as long as its last
 * analysis took (at most this long) for a pause in typing. A keystroke after a pause, or on a
 * small post, is checked at once.
 */
export const MAX_DEBOUNCE_MS = 150;

/** An analysis that takes less than this is run at once after a keystroke: no debounce at all. */
export const UNDEBOUNCED_COST_MS = 25;

/**
 * Publishes diagnostics for open documents. Each change restarts a short debounce; an analysis
 * whose document has moved on is abandoned, and nothing stale is ever published.
 */
export class DiagnosticsScheduler {
  private readonly hooks: AnalysisHook[] = [];
  /** A pending analysis per document: cancels it. */
  private readonly timers = new Map<string, () => void>();
  private readonly running = new Map<string, { version: number; cancelled: boolean }>();
  private readonly models = new Map<string, DocumentModel>();
  private readonly costs = new Map<string, number>();
  /** When each document last changed (`performance.now()`), to tell a burst of keystrokes. */
  private readonly changed = new Map<string, number>();
  private worker: AnalysisWorker | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsCache,
    private readonly session: Session,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    /** A model another feature built since (an outline asked for right after an edit). */
    private readonly otherModel: (uri: string) => DocumentModel | undefined = () => undefined,
  ) {}

  /** Lets a feature add analysis options per document, and hear of each analysis. */
  addHook(hook: AnalysisHook): void {
    this.hooks.push(hook);
  }

  /** Analyses the documents the worker wants (large or slow ones) in it, off the main thread. */
  offload(worker: AnalysisWorker): void {
    this.worker = worker;
  }

  /** The last model built for a document, for features that need it. */
  model(uri: string): DocumentModel | undefined {
    return this.models.get(uri);
  }

  /**
   * How long to wait before analysing an edited document: nothing for a cheap one, nor when
   * the last change is older than an analysis takes and none is running (the writer paused:
   * waiting would only delay the answer); else about as long as an analysis takes.
   */
  debounce(uri: string, now = performance.now()): number {
    const cost = this.costs.get(uri);
    const last = this.changed.get(uri);
    this.changed.set(uri, now);
    if (cost === undefined || cost < UNDEBOUNCED_COST_MS) return 0;
    const burst = this.running.has(uri) || this.timers.has(uri) || (last !== undefined && now - last < cost);
    return burst ? Math.min(MAX_DEBOUNCE_MS, Math.round(cost)) : 0;
  }

  /** Analyses an edited document after its debounce. */
  changedContent(uri: string): void {
    this.schedule(uri, this.debounce(uri));
  }

  schedule(uri: string, delay = 0): void {
    this.timers.get(uri)?.();
    const current = this.running.get(uri);
    if (current) current.cancelled = true;
    const start = () => {
      this.timers.delete(uri);
      void this.run(uri);
    };
    // Without a debounce, the analysis waits only for the messages already received (they are
    // read first: of two edits in one read, only the last is analysed), not for a timer, which
    // Node would make at least 1 ms.
    if (delay <= 0) {
      const immediate = setImmediate(start);
      this.timers.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(start, delay);
      this.timers.set(uri, () => clearTimeout(timer));
    }
  }

  scheduleAll(uris: Iterable<string>): void {
    for (const uri of uris) this.schedule(uri, 0);
  }

  close(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    const current = this.running.get(uri);
    if (current) current.cancelled = true;
    this.models.delete(uri);
    this.costs.delete(uri);
    this.changed.delete(uri);
    this.worker?.forget(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async run(uri: string): Promise<void> {
    const document = this.getDocument(uri);
    if (!document) return;
    const job = { version: document.version, cancelled: false };
    this.running.set(uri, job);
    try {
      const settings = await this.settings.get(uri);
      if (job.cancelled) return;
      const started = performance.now();
      const options: Partial<AnalyzeOptions> = Object.assign({}, ...this.hooks.map((h) => h.options?.(uri, settings)));
      // External link checks read the model, which stays on this thread.
      if (this.worker && !options.externalLinks && this.worker.wants(document.getText().length)) {
        const findings = await analyseInWorker(this.connection, this.session, this.worker, document, settings);
        if (!findings || job.cancelled || this.getDocument(uri)?.version !== job.version) return;
        this.costs.set(uri, performance.now() - started);
        for (const hook of this.hooks) hook.published?.(uri);
        await this.connection.sendDiagnostics({ uri, version: job.version, diagnostics: findings.map(toDiagnostic) });
        return;
      }
      const analysis = await analyzeAsync(this.session, document, {
        settings,
        deadlineMs: deadlineOf(settings),
        previous: newest(this.models.get(uri), this.otherModel(uri)),
        yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)),
        signal: { get isCancellationRequested() { return job.cancelled; } },
        ...options,
      });
      if (!analysis || job.cancelled || this.getDocument(uri)?.version !== job.version) return;
      this.models.set(uri, analysis.model);
      this.costs.set(uri, performance.now() - started);
      for (const hook of this.hooks) hook.analysed?.(uri, analysis.model, settings);
      for (const hook of this.hooks) hook.published?.(uri);
      await this.connection.sendDiagnostics({
        uri,
        version: job.version,
        diagnostics: analysis.findings.map(toDiagnostic),
      });
    } catch (error) {
      // A bug in one rule must not take the server down; it is logged and the document skipped.
      this.connection.console.error(`Talkdown could not analyse ${uri}: ${(error as Error).stack ?? String(error)}`);
    } finally {
      if (this.running.get(uri) === job) this.running.delete(uri);
    }
  }
}


/**
 * The findings the worker computed for a document version; one note when it had to be stopped
 * past the deadline; undefined when there is nothing to publish (a newer version replaced it).
 */
async function analyseInWorker(connection: Connection, session: Session, worker: AnalysisWorker, document: TextDocument, settings: Settings): Promise<Finding[] | undefined> {
  const deadlineMs = deadlineOf(settings);
  const outcome = await worker.analyse(document.uri, document.version, document.getText(), settings, deadlineMs);
  if ('findings' in outcome) return outcome.findings;
  if ('timedOut' in outcome) return [deadlineFinding(session, document, deadlineMs)];
  if (outcome.dropped !== 'superseded' && outcome.dropped !== 'closed') connection.console.error(`Talkdown could not analyse ${document.uri}: ${outcome.dropped}`);
  return undefined;
}

/** What a feature adds to the analysis of open documents. */
export interface AnalysisHook {
  /** Extra options for the analysis of this document. */
  options?(uri: string, settings: Settings): Partial<AnalyzeOptions> | undefined;
  /** Called after each analysis on this thread whose result is published; keep it cheap. */
  analysed?(uri: string, model: DocumentModel, settings: Settings): void;
  /** Called each time findings are published, wherever they were computed. */
  published?(uri: string): void;
}

/** The later of two models of one document, so that no edited section is parsed twice. */
function newest(a: DocumentModel | undefined, b: DocumentModel | undefined): DocumentModel | undefined {
  if (!a || !b) return a ?? b;
  return b.version > a.version ? b : a;
}
