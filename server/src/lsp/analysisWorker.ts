import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { sharedEnds, type FileEvent, type Finding, type Settings } from '../core';
import { ANALYSIS_WORKER_LIMITS } from '../node/memoryMode';

/**
 * Analysis off the main thread, for the documents that could hold it up. The worker (one,
 * started on first use and reused) keeps its own analysis session over the disk and the texts
 * sent to it: a document's text goes once, then only the stretch that changed. It keeps the
 * last model of each document, so an edit re-parses only the sections it touched, and sends
 * back findings, which are plain data. The main thread keeps answering hover, completion and
 * symbols from its own models meanwhile.
 *
 * The analysis in the worker stops parsing at the document's deadline, between sections (the
 * sections done keep their findings, the rest get one `document/deadline` note). A request
 * still running HARD_MARGIN_MS after that (one section the parser cannot finish) gets the
 * worker terminated and started again on the next request: JavaScript cannot be interrupted
 * otherwise. The document then gets one note that it was not checked.
 */

/** How long past its deadline a request may run before the worker is stopped. */
export const HARD_MARGIN_MS = 300;

/**
 * Documents at least this long are analysed in the worker: a small post is checked on the main
 * thread, with no hop, in a few milliseconds, and the pre-scan (core/model/prescan.ts) keeps
 * any text this short from holding the thread long. By length alone, not by the time the last
 * analysis took: that varies with the machine's load (and a first analysis loads the
 * dictionary), and a small post sent to the worker would start it for nothing.
 */
export const WORKER_MIN_CHARS = 32_768;

/** `TALKDOWN_ANALYSIS_WORKER`: `auto` (the default), `always` or `never` (benchmarks compare them). */
export type WorkerMode = 'auto' | 'always' | 'never';

export function workerMode(value = process.env.TALKDOWN_ANALYSIS_WORKER): WorkerMode {
  return value === 'always' || value === 'never' ? value : 'auto';
}

export interface WorkerInit {
  roots: string[];
  docsBaseUri?: string;
}

/** Messages to the worker. */
export type ToWorker =
  | { type: 'init'; init: WorkerInit }
  | { type: 'text'; uri: string; start: number; end: number; insert: string }
  | { type: 'forget'; uri: string }
  | { type: 'files'; events: FileEvent[] }
  | { type: 'settings' }
  | { type: 'analyse'; id: number; uri: string; version: number; settings: Settings; deadlineMs: number }
  | { type: 'cancel'; id: number };

/** Messages from the worker. */
export type FromWorker =
  | { type: 'started'; id: number }
  | { type: 'result'; id: number; findings: Finding[] }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; message: string };

/** What a request comes to: findings, a worker stopped past the deadline, or nothing to publish. */
export type WorkerOutcome = { findings: Finding[] } | { timedOut: true } | { dropped: string };

interface Pending {
  id: number;
  uri: string;
  version: number;
  text: string;
  settings: Settings;
  deadlineMs: number;
  resolve: (outcome: WorkerOutcome) => void;
}

/** The bundled worker beside the bundle that loads it; undefined when absent (the sources run under tsx). */
export function workerEntry(dir: string): string | undefined {
  const path = join(dir, 'analysisWorker.js');
  return existsSync(path) ? path : undefined;
}

export class AnalysisWorker {
  private worker: Worker | undefined;
  /** The text the worker holds per document, to send only what changed. */
  private readonly sent = new Map<string, string>();
  private readonly queue: Pending[] = [];
  private current: { pending: Pending; timer?: NodeJS.Timeout } | undefined;
  private nextId = 1;
  private readonly events: FileEvent[] = [];
  /** How many times the worker was stopped past a deadline and started again. */
  restarts = 0;

  constructor(
    private readonly entry: string,
    private readonly init: () => WorkerInit,
    readonly mode: WorkerMode = 'auto',
    /** Told when the worker starts and ends a request: a busy worker counts as typing for the heap mode. */
    private readonly active: () => void = () => {},
  ) {}

  /** Whether a document of this length goes to the worker. */
  wants(length: number): boolean {
    if (this.mode !== 'auto') return this.mode === 'always';
    return length >= WORKER_MIN_CHARS;
  }

  /** Findings of one document version. Requests run one at a time; a newer one for a document replaces the older. */
  analyse(uri: string, version: number, text: string, settings: Settings, deadlineMs: number): Promise<WorkerOutcome> {
    return new Promise((resolve) => {
      const queued = this.queue.findIndex((p) => p.uri === uri);
      if (queued !== -1) this.queue.splice(queued, 1)[0].resolve({ dropped: 'superseded' });
      if (this.current?.pending.uri === uri) this.post({ type: 'cancel', id: this.current.pending.id });
      this.queue.push({ id: this.nextId++, uri, version, text, settings, deadlineMs, resolve });
      this.pump();
    });
  }

  forget(uri: string): void {
    const queued = this.queue.findIndex((p) => p.uri === uri);
    if (queued !== -1) this.queue.splice(queued, 1)[0].resolve({ dropped: 'closed' });
    if (this.sent.delete(uri) && this.worker) this.post({ type: 'forget', uri });
  }

  /** What the main session heard (files changed, settings changed), for the worker's session; file events go in batches. */
  sessionEvent(event: FileEvent | 'settings'): void {
    if (!this.worker) return;
    if (event === 'settings') {
      this.flushEvents();
      this.post({ type: 'settings' });
      return;
    }
    if (this.events.length === 0) queueMicrotask(() => this.flushEvents());
    this.events.push(event);
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.queue.splice(0)) p.resolve({ dropped: 'disposed' });
    await worker?.terminate();
  }

  private flushEvents(): void {
    const events = this.events.splice(0);
    if (events.length > 0 && this.worker) this.post({ type: 'files', events });
  }

  private start(): Worker {
    const worker = new Worker(this.entry, { resourceLimits: ANALYSIS_WORKER_LIMITS });
    worker.unref();
    worker.on('message', (message: FromWorker) => this.received(worker, message));
    worker.on('error', (error) => this.crashed(worker, error.message));
    worker.on('exit', () => this.crashed(worker, 'the analysis worker stopped'));
    this.worker = worker;
    this.sent.clear();
    this.events.length = 0;
    worker.postMessage({ type: 'init', init: this.init() } satisfies ToWorker);
    return worker;
  }

  private post(message: ToWorker): void {
    (this.worker ?? this.start()).postMessage(message);
  }

  private pump(): void {
    if (this.current) return;
    const pending = this.queue.shift();
    if (!pending) return;
    // Before the worker starts: its heap is sized by the flags of the moment.
    this.active();
    (this.worker ?? this.start()).ref();
    this.flushEvents();
    this.sendText(pending.uri, pending.text);
    this.post({ type: 'analyse', id: pending.id, uri: pending.uri, version: pending.version, settings: pending.settings, deadlineMs: pending.deadlineMs });
    // The hard deadline starts when the worker starts the analysis, not while it loads.
    this.current = { pending };
  }

  /** Sends the stretch of text that differs from what the worker holds (all of it the first time). */
  private sendText(uri: string, text: string): void {
    const old = this.sent.get(uri);
    if (old === text) return;
    // What the edit left as it was, at both ends (whole slices compared natively, then characters).
    const { prefix: start, suffix: end } = old === undefined ? { prefix: 0, suffix: 0 } : sharedEnds(old, text);
    const oldEnd = old === undefined ? 0 : old.length - end;
    this.post({ type: 'text', uri, start, end: oldEnd, insert: text.slice(start, text.length - end) });
    this.sent.set(uri, text);
  }

  private finish(outcome: WorkerOutcome): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.timer);
    this.current = undefined;
    if (this.queue.length === 0) this.worker?.unref();
    this.active();
    current.pending.resolve(outcome);
    this.pump();
  }

  private received(worker: Worker, message: FromWorker): void {
    if (worker !== this.worker) return;
    const current = this.current;
    if (message.id !== current?.pending.id) return;
    switch (message.type) {
      case 'started':
        current.timer = setTimeout(() => this.timedOut(), current.pending.deadlineMs + HARD_MARGIN_MS);
        return;
      case 'result':
        return this.finish({ findings: message.findings });
      case 'cancelled':
        return this.finish({ dropped: 'superseded' });
      case 'failed':
        return this.finish({ dropped: message.message });
    }
  }

  private timedOut(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.sent.clear();
    this.restarts++;
    void worker?.terminate();
    this.finish({ timedOut: true });
  }

  private crashed(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.sent.clear();
    this.finish({ dropped: reason });
  }
}
