import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import type { Connection } from 'vscode-languageserver';

/** The environment variable that turns on the debug requests (soak tests and benchmarks only). */
export const DEBUG_ENV = 'TALKDOWN_DEBUG_REQUESTS';

/**
 * `talkdown/debug/memory`: collects garbage (when the process runs with `--expose-gc`) and
 * answers the process's memory and what the indexes hold. Registered only when the
 * environment asks for it, so that it is no part of the server's documented surface.
 */
export function registerDebugRequests(connection: Connection, status: () => Record<string, unknown>): void {
  if (process.env[DEBUG_ENV] !== '1') return;
  connection.onRequest('talkdown/debug/memory', async (params?: { heapSnapshot?: string; settleMs?: number }) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      // The plain form: on Node 20, gc({ type: 'major' }) keeps garbage alive. Freed pages go
      // back to the system a moment later; a collection after some seconds of low allocation
      // (what V8's memory reducer does in an idle server) also shrinks the young generation.
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 3; i++) {
          gc();
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        if (round === 0) await new Promise<void>((resolve) => setTimeout(resolve, params?.settleMs ?? 10_000));
      }
    }
    if (params?.heapSnapshot) writeHeapSnapshot(params.heapSnapshot);
    const memory = process.memoryUsage();
    return { rss: memory.rss, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, external: memory.external, arrayBuffers: memory.arrayBuffers, gc: gc !== undefined, spaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / 1024)])), ...status() };
  });
}
