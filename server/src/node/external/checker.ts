import * as http from 'node:http';
import * as https from 'node:https';
import type { ExternalResult, UnreachableReason } from '../../core';
import { HostLimiter } from './hostLimiter';
import { ResultCache } from './resultCache';

declare const SERVER_VERSION: string;
const VERSION = typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev';

/** Sent with every request, so that site owners can tell what knocked. */
export const USER_AGENT = `Talkdown/${VERSION} (link checker for Markdown posts)`;

export interface CheckerOptions {
  /** Per request, from connecting to the response's headers. */
  timeoutMs?: number;
  /** Redirects followed before giving up. */
  maxRedirects?: number;
  /** Requests in flight to one host (host and port) at a time. */
  perHostConcurrency?: number;
  /** The least time between the starts of two requests to one host. */
  perHostIntervalMs?: number;
  /** Requests in flight in all. */
  concurrency?: number;
  userAgent?: string;
  /** Where results are kept between runs; without it they live in memory only. */
  cache?: ResultCache;
}

export interface CheckOptions {
  signal?: AbortSignal;
  /** Ask again even when a fresh result is cached. */
  refresh?: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const PERMANENT = new Set([301, 308]);
/** Answers that say the server does not let robots in, not that the page is missing (999 is LinkedIn's). */
const NOT_TELLING = new Set([401, 403, 407, 429, 999]);

/**
 * Checks external http(s) URLs: HEAD, then GET when HEAD gets an error status; redirects followed one
 * hop at a time, each of them http or https (any other scheme is reported, never followed);
 * a timeout per request; per-host concurrency and spacing; one request per URL at a time,
 * and results cached (on disk when a cache file is given).
 */
export class ExternalLinkChecker {
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  private readonly userAgent: string;
  private readonly limiter: HostLimiter;
  private readonly cache: ResultCache;
  private readonly inFlight = new Map<string, Promise<ExternalResult>>();
  /** Requests sent so far (HEAD and GET, every hop), for tests and reports. */
  requests = 0;

  constructor(options: CheckerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.userAgent = options.userAgent ?? USER_AGENT;
    this.limiter = new HostLimiter(options.perHostConcurrency ?? 2, options.perHostIntervalMs ?? 100, options.concurrency ?? 16);
    this.cache = options.cache ?? new ResultCache();
  }

  /** A fresh result for the URL, if one is known; never sends anything. */
  known(url: string): ExternalResult | undefined {
    return this.cache.get(url);
  }

  /** Checks one URL (see `checkKey` in the core for what is a URL to check). */
  check(url: string, options: CheckOptions = {}): Promise<ExternalResult> {
    if (!options.refresh) {
      const cached = this.cache.get(url);
      if (cached) return Promise.resolve(cached);
    }
    const running = this.inFlight.get(url);
    if (running) return running;
    const promise = this.follow(url, options.signal).then((result) => {
      // A cancelled check says nothing of the page, and is not kept.
      if (!options.signal?.aborted) this.cache.set(url, result);
      return result;
    });
    this.inFlight.set(url, promise);
    void promise.finally(() => this.inFlight.delete(url));
    return promise;
  }

  /** Checks many URLs at once (within the limits); `onResult` hears each as it comes. */
  async checkAll(urls: Iterable<string>, options: CheckOptions & { onResult?: (url: string, result: ExternalResult) => void } = {}): Promise<Map<string, ExternalResult>> {
    const results = new Map<string, ExternalResult>();
    await Promise.all(
      [...new Set(urls)].map(async (url) => {
        const result = await this.check(url, options);
        results.set(url, result);
        options.onResult?.(url, result);
      }),
    );
    return results;
  }

  /** Writes the cache now (the CLI calls this before it exits). */
  flush(): void {
    this.cache.flush();
  }

  private async follow(url: string, signal: AbortSignal | undefined): Promise<ExternalResult> {
    const seen = new Set<string>([url]);
    let current = url;
    // While every hop so far is permanent, where the link has moved to for good.
    let moved: { code: number; location: string } | undefined;
    let permanentSoFar = true;
    for (let hop = 0; ; hop++) {
      let answer: Answer;
      try {
        answer = await this.ask(current, signal);
      } catch (error) {
        if (signal?.aborted) return { status: 'unknown' };
        return unreachable(error);
      }
      const { status, location } = answer;
      if (REDIRECTS.has(status) && location !== undefined) {
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          return { status: 'unreachable', reason: 'error', detail: `redirect to an invalid address` };
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          return { status: 'unreachable', reason: 'non-http-redirect', detail: `to ${next.protocol}` };
        }
        next.hash = '';
        if (seen.has(next.href)) return { status: 'unreachable', reason: 'redirect-loop' };
        if (hop >= this.maxRedirects) return { status: 'unreachable', reason: 'too-many-redirects', detail: `more than ${this.maxRedirects}` };
        seen.add(next.href);
        if (permanentSoFar && PERMANENT.has(status)) moved = { code: moved?.code ?? status, location: next.href };
        else permanentSoFar = false;
        current = next.href;
        continue;
      }
      if (status >= 200 && status < 300) return moved ? { status: 'redirect', code: moved.code, location: moved.location } : { status: 'ok', code: status };
      if (NOT_TELLING.has(status)) return { status: 'unknown', code: status };
      if (status >= 400 && status < 500) return current === url ? { status: 'broken', code: status } : { status: 'broken', code: status, finalUrl: current };
      if (status >= 500) return { status: 'unreachable', reason: 'server-error', detail: `HTTP ${status}` };
      return { status: 'unknown', code: status };
    }
  }

  /**
   * HEAD, and GET when HEAD gets an error status; each within the host's limits. Many
   * servers refuse HEAD (405, 501) or answer it wrongly (404 for a page that GET serves),
   * so no page is reported missing on the word of a HEAD alone.
   */
  private async ask(url: string, signal: AbortSignal | undefined): Promise<Answer> {
    const head = await this.request(url, 'HEAD', signal);
    if (head.status < 400) return head;
    return this.request(url, 'GET', signal);
  }

  private async request(url: string, method: 'HEAD' | 'GET', signal: AbortSignal | undefined): Promise<Answer> {
    const target = new URL(url);
    const release = await this.limiter.acquire(target.host, signal);
    try {
      this.requests++;
      return await send(target, method, this.userAgent, this.timeoutMs, signal);
    } finally {
      release();
    }
  }
}

interface Answer {
  status: number;
  location?: string;
}

class TimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

/** One request; resolves at the response's headers (the body is never read). */
function send(target: URL, method: 'HEAD' | 'GET', userAgent: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Error('cancelled'));
      return;
    }
    const lib = target.protocol === 'https:' ? https : http;
    const request = lib.request(target, {
      method,
      headers: { 'user-agent': userAgent, accept: '*/*', 'accept-encoding': 'identity' },
      // A fresh connection per request: nothing lingers after a check, and a test's server closes.
      agent: false,
    });
    const timer = setTimeout(() => request.destroy(new TimeoutError(`no answer in ${timeoutMs} ms`)), timeoutMs);
    const onAbort = () => request.destroy(new Error('cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    request.once('response', (response) => {
      done();
      response.on('error', () => undefined);
      request.on('error', () => undefined);
      const location = response.headers.location;
      resolve({ status: response.statusCode ?? 0, location: typeof location === 'string' ? location : undefined });
      // The headers are all that is needed; drop the body and the connection.
      response.destroy();
      request.destroy();
    });
    request.once('error', (error) => {
      done();
      reject(error);
    });
    request.end();
  });
}

function unreachable(error: unknown): ExternalResult {
  const e = error as NodeJS.ErrnoException;
  const code = e?.code ?? '';
  const reason: UnreachableReason =
    e instanceof TimeoutError || code === 'ETIMEDOUT'
      ? 'timeout'
      : code === 'ECONNREFUSED'
        ? 'refused'
        : code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA'
          ? 'dns'
          : code === 'ECONNRESET' || code === 'EPIPE' || code === 'HPE_INVALID_CONSTANT'
            ? 'reset'
            : /CERT|SSL|TLS|UNABLE_TO_|EPROTO/i.test(code) || /certificate|SSL/i.test(e?.message ?? '')
              ? 'tls'
              : 'error';
  return reason === 'error' ? { status: 'unreachable', reason, detail: code || (e?.message ?? String(error)).slice(0, 100) } : { status: 'unreachable', reason };
}
