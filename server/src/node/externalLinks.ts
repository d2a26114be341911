import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { ExternalResult, UnreachableReason } from '../core';

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

/**
 * Per-host limits: at most `perHost` requests in flight to a host, request starts to one
 * host at least `intervalMs` apart, and at most `total` in flight in all. A few lines do
 * this; no package is needed.
 */
export class HostLimiter {
  private readonly hosts = new Map<string, { active: number; lastStart: number; gate: Promise<void> }>();
  private active = 0;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly perHost: number,
    private readonly intervalMs: number,
    private readonly total: number,
  ) {}

  /** Waits for a slot; resolves to its release. Rejects if the signal aborts first. */
  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    let state = this.hosts.get(host);
    if (!state) this.hosts.set(host, (state = { active: 0, lastStart: -Infinity, gate: Promise.resolve() }));
    while (state.active >= this.perHost || this.active >= this.total) await this.wait(signal);
    state.active++;
    this.active++;
    let released = false;
    const held = state;
    const release = () => {
      if (released) return;
      released = true;
      held.active--;
      this.active--;
      if (held.active === 0 && held.lastStart + this.intervalMs <= Date.now()) this.hosts.delete(host);
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    };
    if (this.intervalMs > 0) {
      // Starts to one host go through a gate one at a time, each at least intervalMs after
      // the previous one really started (a late timer never squeezes the next one closer).
      const turn = held.gate.then(async () => {
        const wait = held.lastStart + this.intervalMs - Date.now();
        if (wait > 0) await sleep(wait);
        held.lastStart = Date.now();
      });
      held.gate = turn;
      try {
        await raceAbort(turn, signal);
      } catch (error) {
        release();
        throw error;
      }
    }
    return release;
  }

  private wait(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('cancelled'));
      const onAbort = () => {
        this.waiters = this.waiters.filter((w) => w !== wake);
        reject(new Error('cancelled'));
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(wake);
    });
  }
}

/** The promise, or a rejection as soon as the signal aborts. */
function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new Error('cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface CacheEntry {
  result: ExternalResult;
  /** When it was checked, in ms since the epoch. */
  at: number;
}

export interface CacheOptions {
  /** The JSON file; without it, results live in memory only. */
  file?: string;
  /** How long a definite answer (ok, moved, broken) stays fresh. */
  ttlMs?: number;
  /** How long an unreachable or unknown answer stays fresh: a site may be back soon. */
  retryTtlMs?: number;
  /** The clock, for tests. */
  now?: () => number;
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number;
}

const CACHE_FORMAT = 1;

/**
 * Results by URL with a time to live, kept in one JSON file. It is read once, on first use,
 * and written a moment after a change (or on `flush`), through a temporary file and a
 * rename, so a reader never sees half a file. A file that cannot be read is ignored.
 */
export class ResultCache {
  readonly file: string | undefined;
  private readonly ttlMs: number;
  private readonly retryTtlMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;
  private entries: Map<string, CacheEntry> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(options: CacheOptions = {}) {
    this.file = options.file;
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60 * 1000;
    this.retryTtlMs = Math.min(options.retryTtlMs ?? 60 * 60 * 1000, this.ttlMs);
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 20_000;
  }

  get(url: string): ExternalResult | undefined {
    const entry = this.load().get(url);
    if (!entry) return undefined;
    const definite = entry.result.status === 'ok' || entry.result.status === 'redirect' || entry.result.status === 'broken';
    const age = this.now() - entry.at;
    return age >= 0 && age < (definite ? this.ttlMs : this.retryTtlMs) ? entry.result : undefined;
  }

  set(url: string, result: ExternalResult): void {
    const entries = this.load();
    entries.delete(url);
    entries.set(url, { result, at: this.now() });
    this.dirty = true;
    if (this.file && !this.timer) {
      this.timer = setTimeout(() => this.flush(), 1000);
      this.timer.unref();
    }
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.file || !this.entries || !this.dirty) return;
    this.dirty = false;
    const all = [...this.entries];
    const kept = all.slice(Math.max(0, all.length - this.maxEntries));
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ format: CACHE_FORMAT, entries: Object.fromEntries(kept) }));
      renameSync(temp, this.file);
    } catch {
      // A cache that cannot be written only costs requests next time.
    }
  }

  private load(): Map<string, CacheEntry> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    if (!this.file) return this.entries;
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as { format?: number; entries?: Record<string, CacheEntry> };
      if (data.format === CACHE_FORMAT && typeof data.entries === 'object' && data.entries !== null) {
        const sorted = Object.entries(data.entries)
          .filter(([, e]) => typeof e?.at === 'number' && typeof e.result?.status === 'string')
          .sort((a, b) => a[1].at - b[1].at);
        for (const [url, entry] of sorted) this.entries.set(url, entry);
      }
    } catch {
      // No cache yet, or one from another version: start afresh.
    }
    return this.entries;
  }
}

/** The cache file's name, inside whichever folder the adapter chose. */
export const CACHE_FILE_NAME = 'external-links.json';

/** The CLI's cache folder: `$XDG_CACHE_HOME/talkdown`, else `~/.cache/talkdown`. */
export function cliCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'talkdown', CACHE_FILE_NAME);
}
