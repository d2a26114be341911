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
