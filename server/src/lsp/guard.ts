import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/**
 * Runs a request handler's body; an error is logged and answered with `empty`, never
 * thrown at the client, so one bad document cannot break the editor's features. A cancelled
 * request still answers with LSP's RequestCancelled error.
 */
export async function guarded<T>(connection: Connection, what: string, empty: T, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled) throw error;
    connection.console.error(`Talkdown: ${what} failed: ${(error as Error).stack ?? String(error)}`);
    return empty;
  }
}
