import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_DEADLINE_MS, DEFAULT_SETTINGS, modelSteps, type BuildOptions, type DocumentModel, type TextSource } from '../core';

/** How the request features get a document's model: waits for it, unless the request is cancelled. */
export type ModelOf = (uri: string, token?: CancellationToken) => Promise<DocumentModel | undefined>;

/** How long a build runs before it lets the event loop serve other messages. */
export const SLICE_MS = 8;

export interface OpenDocumentModelsOptions {
  maxFileSize?: number;
  /** The analysis deadline for a document (`talkdown.analysis.deadlineMs`). */
  deadlineMs?: (uri: string) => number | Promise<number>;
  sliceMs?: number;
  now?: () => number;
  /** Lets the messages received meanwhile be read (a `setImmediate`). */
  yieldToEvents?: () => Promise<void>;
  /** Builds a model step by step (`modelSteps`); a test may stand in for it. */
  steps?: (source: TextSource, options: BuildOptions) => Generator<void, DocumentModel>;
}

interface Build {
  readonly version: number;
  /** Requests waiting for it now. */
  waiters: number;
  stopped: boolean;
  readonly result: Promise<DocumentModel | undefined>;
}

/**
 * The model of an open document's current version: the one diagnostics last built when it
 * is current, or one built now (reusing the previous model's unchanged sections), so that
 * an outline asked for right after an edit is never stale.
 *
 * A build runs in slices of a few milliseconds, and lets the event loop read the messages
 * received meanwhile between them: other documents' requests and `$/cancelRequest` are served
 * while a large post is built. The requests on one version share its build; each stops waiting
 * when it is cancelled. Like the analysis, a build stops at the deadline, and the sections
 * after the cut are left unparsed (the next version's build takes them up again).
 */
export class OpenDocumentModels {
  private readonly built = new Map<string, DocumentModel>();
  private readonly building = new Map<string, Build>();
  private readonly maxFileSize: number;
  private readonly deadlineMs: (uri: string) => number | Promise<number>;
  private readonly sliceMs: number;
  private readonly now: () => number;
  private readonly yieldToEvents: () => Promise<void>;
  private readonly steps: (source: TextSource, options: BuildOptions) => Generator<void, DocumentModel>;

  constructor(
    private readonly getDocument: (uri: string) => TextDocument | undefined,
    private readonly analysed: (uri: string) => DocumentModel | undefined,
    options: OpenDocumentModelsOptions = {},
  ) {
    this.maxFileSize = options.maxFileSize ?? DEFAULT_SETTINGS.maxFileSize;
    this.deadlineMs = options.deadlineMs ?? (() => DEFAULT_DEADLINE_MS);
    this.sliceMs = options.sliceMs ?? SLICE_MS;
    this.now = options.now ?? (() => performance.now());
    this.yieldToEvents = options.yieldToEvents ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.steps = options.steps ?? modelSteps;
  }

  /**
   * The model of the document's current version. Rejects with LSP's RequestCancelled error
   * once `token` is cancelled (the build goes on for the other requests that wait for it).
   */
  async get(uri: string, token?: CancellationToken): Promise<DocumentModel | undefined> {
    const document = this.getDocument(uri);
    if (!document) {
      this.forget(uri);
      return undefined;
    }
    const last = this.analysed(uri);
    if (last && last.version === document.version) {
      this.built.delete(uri);
      return last;
    }
    const cached = this.built.get(uri);
    if (cached && cached.version === document.version) return cached;
    let build = this.building.get(uri);
    if (!build || build.version !== document.version) {
      // An older version's build that no request waits for any more is of no use.
      if (build && build.waiters === 0) build.stopped = true;
      build = this.start(uri, document, newest(cached, last));
    }
    return this.wait(build, token);
  }

  /** The model this built for a version the diagnostics had not analysed yet, if any. */
  builtModel(uri: string): DocumentModel | undefined {
    return this.built.get(uri);
  }

  forget(uri: string): void {
    this.built.delete(uri);
    const build = this.building.get(uri);
    if (build) build.stopped = true;
    this.building.delete(uri);
  }

  private start(uri: string, document: TextDocument, previous: DocumentModel | undefined): Build {
    // The document changes in place on an edit: the build reads the text of this version.
    const source: TextSource = { uri, version: document.version, getText: ((text) => () => text)(document.getText()) };
    const build: Build = {
      version: source.version,
      waiters: 0,
      stopped: false,
      result: Promise.resolve().then(() => this.run(uri, source, previous, build)),
    };
    this.building.set(uri, build);
    const done = () => {
      if (this.building.get(uri) === build) this.building.delete(uri);
    };
    build.result.then(done, done);
    return build;
  }

  private async run(uri: string, source: TextSource, previous: DocumentModel | undefined, build: Build): Promise<DocumentModel | undefined> {
    const started = this.now();
    const ms = await this.deadlineMs(uri);
    const steps = this.steps(source, { previous, maxFileSize: this.maxFileSize, deadline: { at: started + ms, now: this.now, ms } });
    let slice = this.now();
    for (;;) {
      if (build.stopped) return undefined;
      const step = steps.next();
      if (step.done) {
        const model = step.value;
        const known = this.built.get(uri);
        if (!known || known.version <= model.version) this.built.set(uri, model);
        return model;
      }
      if (this.now() - slice >= this.sliceMs) {
        await this.yieldToEvents();
        // Stale and wanted by no one (its requests were cancelled as the writer typed on).
        if (build.waiters === 0 && this.getDocument(uri)?.version !== build.version) build.stopped = true;
        slice = this.now();
      }
    }
  }

  private async wait(build: Build, token: CancellationToken | undefined): Promise<DocumentModel | undefined> {
    if (token?.isCancellationRequested) throw cancelled();
    build.waiters++;
    try {
      if (!token) return await build.result;
      return await new Promise<DocumentModel | undefined>((resolve, reject) => {
        const listener = token.onCancellationRequested(() => reject(cancelled()));
        build.result.then(resolve, reject).finally(() => listener.dispose());
      });
    } finally {
      build.waiters--;
    }
  }
}

/** The error a cancelled request answers with. */
export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

function newest(a: DocumentModel | undefined, b: DocumentModel | undefined): DocumentModel | undefined {
  if (!a || !b) return a ?? b;
  return b.version > a.version ? b : a;
}
