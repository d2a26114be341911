import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'talkdown.talkdown';

export interface TalkdownApi {
  ready(): Promise<void>;
  serverPid(): number | undefined;
  site(): Promise<{ generator: string; label: string; reason: string; isPost: boolean } | undefined>;
  statusText(): string;
}

export async function activate(): Promise<TalkdownApi> {
  const extension = vscode.extensions.getExtension<TalkdownApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.ready();
  return api;
}

export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder (the examples)');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export function talkdownDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'talkdown');
}

/** Waits until the document's Talkdown diagnostics satisfy `test`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  test: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const found = talkdownDiagnostics(uri);
      if (!test(found)) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(found);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => void check());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for diagnostics on ${uri.path}; have ${JSON.stringify(talkdownDiagnostics(uri).map((d) => [d.code, d.range.start.line, d.message]))}`));
    }, timeoutMs);
    check();
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Asks the runner for a screenshot of the whole window: a log line it watches for, then
 * the file appears. Runners without a browser (test-electron) never write it; that is not
 * a failure of the extension, so this resolves false after a while.
 */
export async function screenshot(name: string): Promise<boolean> {
  const dir = process.env.TALKDOWN_SCREENSHOT_DIR;
  if (!dir) return false;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // A picture from an earlier run must not pass for this one.
  rmSync(path, { force: true });
  console.log(`talkdown:screenshot ${path}`);
  try {
    await until(() => existsSync(path) || undefined, `screenshot ${path}`, 15_000);
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks the runner to click a button of a notification, as a user would; the notification
 * list must be open (`notifications.showList`), as toasts may be hidden. Resolves to
 * "clicked", or to why not; a runner without a browser (test-electron) cannot click, and
 * this resolves to "no runner" after a while.
 */
export async function clickNotificationButton(label: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'talkdown-click-'));
  const done = join(dir, 'done');
  console.log(`talkdown:click-notification ${done} ${label}`);
  try {
    return await until(() => (existsSync(done) ? readFileSync(done, 'utf8') : undefined), `a click on ${label}`, 15_000);
  } catch {
    return 'no runner';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
