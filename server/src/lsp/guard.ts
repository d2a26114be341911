import type { Connection } from 'vscode-languageserver';

/**
 * Runs a request handler's body; an error is logged and answered with `empty`, never
 * thrown at the client, so one bad document cannot break the editor's features.
 */
export async function guarded<T>(connection: Connection, what: string, empty: T, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    connection.console.error(`Talkdown: ${what} failed: ${(error as Error).stack ?? String(error)}`);
    return empty;
  }
}
