import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { ExternalResult } from '../../core';

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
