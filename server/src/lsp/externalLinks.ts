import { join } from 'node:path';
import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { urlsToCheck, type DocumentModel, type ExternalLinkLookup, type Settings } from '../core';
import { CACHE_FILE_NAME, cliCacheFile, ExternalLinkChecker, ResultCache } from '../node/externalLinks';
import {
  CHECK_EXTERNAL_LINKS_REQUEST,
  WORKSPACE_TRUST_NOTIFICATION,
  type CheckExternalLinksParams,
  type CheckExternalLinksResult,
  type TalkdownInitializationOptions,
  type WorkspaceTrustParams,
} from '../protocol';
import type { ModelOf } from './openDocumentModels';
import type { DiagnosticsScheduler } from './diagnostics';

/** After an edit, wait this long before checking the document's new URLs in the background. */
const BACKGROUND_DELAY_MS = 1500;
/** Results that arrive within this long are published together. */
const PUBLISH_DELAY_MS = 250;

/**
 * External links in the server. Nothing is ever sent unless the workspace is trusted (the
 * client says so) and either `talkdown.links.external` is on (then open documents' links are
 * checked in the background, a while after the last edit) or the user asks for a document
 * (`talkdown/checkExternalLinks`). Analyses only read results already known, so the
 * keystroke path never waits on the network.
 */
export class ExternalLinks {
  private trusted = false;
  private checker: ExternalLinkChecker | undefined;
  private background = new AbortController();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents checked on demand: their findings show even with the setting off. */
  private readonly demanded = new Set<string>();
  /** Which open documents wait on a URL, to refresh them when its result comes. */
  private readonly waiting = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  private publishTimer: NodeJS.Timeout | undefined;
  private storagePath: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly diagnostics: DiagnosticsScheduler,
    private readonly getModel: ModelOf,
    private readonly openDocuments: () => Iterable<string>,
  ) {
    diagnostics.addHook({
      options: (uri, settings) => ({ externalLinks: this.lookupFor(uri, settings) }),
      analysed: (uri, model, settings) => this.analysed(uri, model, settings),
    });
  }

  /** Reads `initializationOptions`; call from `onInitialize`. */
  initialize(options: unknown): void {
    const init = (typeof options === 'object' && options !== null ? options : {}) as TalkdownInitializationOptions;
    this.trusted = init.workspaceTrusted === true;
    this.storagePath = typeof init.storagePath === 'string' && init.storagePath !== '' ? init.storagePath : undefined;
  }

  register(): void {
    this.connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: WorkspaceTrustParams) => {
      const trusted = params?.trusted === true;
      if (trusted === this.trusted) return;
      this.trusted = trusted;
      if (!trusted) this.stopBackground();
      this.diagnostics.scheduleAll(this.openDocuments());
    });

    this.connection.onRequest(CHECK_EXTERNAL_LINKS_REQUEST, (params: CheckExternalLinksParams, token) => this.checkNow(params, token));
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.demanded.delete(uri);
    for (const uris of this.waiting.values()) uris.delete(uri);
  }

  private enabled(uri: string, settings: Settings): boolean {
    return this.trusted && (settings.links?.external === true || this.demanded.has(uri));
  }

  private lookupFor(uri: string, settings: Settings): ExternalLinkLookup | undefined {
    if (!this.enabled(uri, settings)) return undefined;
    const checker = this.getChecker();
    return (url) => checker.known(url);
  }

  /** After an analysis: URLs with no known result are checked a little later. */
  private analysed(uri: string, model: DocumentModel, settings: Settings): void {
    if (!this.trusted || settings.links?.external !== true) return;
    const checker = this.getChecker();
    const unknown = urlsToCheck(model).filter((url) => !checker.known(url));
    if (unknown.length === 0) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.checkInBackground(uri);
      }, BACKGROUND_DELAY_MS),
    );
  }

  private async checkInBackground(uri: string): Promise<void> {
    const model = await this.getModel(uri);
    if (!model || !this.trusted) return;
    const checker = this.getChecker();
    const urls = urlsToCheck(model).filter((url) => !checker.known(url));
    for (const url of urls) {
      let uris = this.waiting.get(url);
      if (!uris) this.waiting.set(url, (uris = new Set()));
      uris.add(uri);
    }
    try {
      await checker.checkAll(urls, { signal: this.background.signal, onResult: (url) => this.resultArrived(url) });
    } catch (error) {
      this.connection.console.error(`Talkdown could not check external links of ${uri}: ${String(error)}`);
    }
  }

  private resultArrived(url: string): void {
    const uris = this.waiting.get(url);
    this.waiting.delete(url);
    for (const uri of uris ?? []) this.dirty.add(uri);
    this.publishSoon();
  }

  private publishSoon(): void {
    if (this.publishTimer) return;
    this.publishTimer = setTimeout(() => {
      this.publishTimer = undefined;
      const uris = [...this.dirty];
      this.dirty.clear();
      this.diagnostics.scheduleAll(uris);
    }, PUBLISH_DELAY_MS);
  }

  private async checkNow(params: CheckExternalLinksParams, token: { isCancellationRequested: boolean; onCancellationRequested(listener: () => void): unknown }): Promise<CheckExternalLinksResult> {
    const summary: CheckExternalLinksResult = { total: 0, ok: 0, moved: 0, broken: 0, unreachable: 0, unknown: 0 };
    if (!this.trusted) return { ...summary, refused: 'untrusted' };
    const model = await this.getModel(params.uri);
    if (!model) return { ...summary, refused: 'no-document' };
    const urls = urlsToCheck(model);
    summary.total = urls.length;
    const progress = await this.connection.window.attachWorkDoneProgress(params.workDoneToken);
    progress.begin('Checking external links', 0, `0/${urls.length}`, true);
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    let done = 0;
    const counted = (status: string) => (status === 'redirect' ? 'moved' : status) as 'ok' | 'moved' | 'broken' | 'unreachable' | 'unknown';
    try {
      await this.getChecker().checkAll(urls, {
        signal: controller.signal,
        refresh: true,
        onResult: (_url, result) => {
          done++;
          summary[counted(result.status)]++;
          const problems = summary.broken + summary.unreachable;
          progress.report(Math.round((done / Math.max(1, urls.length)) * 100), `${done}/${urls.length} checked${problems ? `, ${problems} broken or unreachable` : ''}${summary.moved ? `, ${summary.moved} moved` : ''}`);
        },
      });
    } finally {
      progress.done();
    }
    this.demanded.add(params.uri);
    this.diagnostics.schedule(params.uri, 0);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'External link check cancelled');
    return summary;
  }

  private stopBackground(): void {
    this.background.abort();
    this.background = new AbortController();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.waiting.clear();
  }

  private getChecker(): ExternalLinkChecker {
    if (!this.checker) {
      const file = this.storagePath ? join(this.storagePath, CACHE_FILE_NAME) : cliCacheFile();
      const checker = new ExternalLinkChecker({ cache: new ResultCache({ file }) });
      // Answers from the last second are written before the server exits.
      process.once('exit', () => checker.flush());
      this.checker = checker;
    }
    return this.checker;
  }
}
