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
  connection.onRequest('talkdown/debug/memory', async (params?: { heapSnapshot?: string }) => {
    const gc = (globalThis as { gc?: (options?: object) => void }).gc;
    if (gc) {
      for (let i = 0; i < 3; i++) {
        // A last-resort collection also gives back the young generation's grown semi-spaces.
        gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    if (params?.heapSnapshot) writeHeapSnapshot(params.heapSnapshot);
    const memory = process.memoryUsage();
    return { rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, external: memory.external, arrayBuffers: memory.arrayBuffers, gc: gc !== undefined, spaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / 1024)])), ...status() };
  });
}
