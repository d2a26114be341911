// Runs the extension's mocha suite inside a real VS Code (VS Code server + headless
// Chromium), the way @vscode/test-electron would in desktop VS Code.
//
// The suite can ask for a screenshot by logging `talkdown:screenshot <absolute .png path>`;
// this runner then captures the page to that path (written atomically, so the suite can
// poll for the file).
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { launchBrowser, onExit, startServer } from './server.mjs';
import { APT_HINT, CACHE_DIR, CHROMIUM, REPO_ROOT, ensureVSCodeServer } from './setup.mjs';

const EXTENSION_MAIN = join(REPO_ROOT, 'dist', 'client', 'extension.js');
const SUITE = join(REPO_ROOT, 'dist', 'test', 'suite', 'index.js');
const EXAMPLES = join(REPO_ROOT, 'examples');
const FAILURE_PNG = join(CACHE_DIR, 'failure.png');
const TIMEOUT_MS = Number(process.env.TALKDOWN_TEST_TIMEOUT_MS) || 10 * 60_000;
const VERBOSE = Boolean(process.env.TALKDOWN_TEST_VERBOSE);
// The workbench's own log shares the channel with the extension host's console (where
// mocha writes). These lines are normal startup chatter on a machine without internet.
const WORKBENCH_CHATTER = [
  /^(Resolving|Resolved) connection token /,
  /^Creating a socket /,
  /^Updating additional builtin extensions cache$/,
  /^\[(AccountPolicyGate|AgentHost|AgentHost:remote|ChatModelSelection|reconnection-grace-time|Service Worker)\] /,
  /^Timed out waiting for authentication provider 'github'/,
  /ENOTFOUND open-vsx\.org/,
];
const SCREENSHOT_REQUEST = /^talkdown:screenshot (\/\S+\.png)\s*$/m;
// `talkdown:click-notification <done file> <button label>`: the runner clicks that button of
// a notification in the notification list (the suite opens it), then writes the done file
// ("clicked", or why not).
const CLICK_REQUEST = /^talkdown:click-notification (\/\S+) (.+?)\s*$/m;

const log = (msg) => console.log(`[vscode-test] ${msg}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main() {
  const started = Date.now();
  // Only the tests drive a browser; `npm start` leaves that to the user.
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; ${APT_HINT}`);
  await ensureVSCodeServer();
  for (const file of [EXTENSION_MAIN, SUITE]) {
    if (!existsSync(file)) throw new Error(`${file} is missing; run: node esbuild.mjs`);
  }
  if (!existsSync(EXAMPLES)) throw new Error(`${EXAMPLES} is missing; the tests open a copy of it`);

  // Tests may edit files, so they get a throwaway copy of examples/.
  const workspaceRoot = mkdtempSync(join(tmpdir(), 'talkdown-ws-'));
  const removeWorkspace = onExit(() => rmSync(workspaceRoot, { recursive: true, force: true }));
  const workspace = join(workspaceRoot, 'examples');
  cpSync(EXAMPLES, workspace, { recursive: true });
  const runDir = mkdtempSync(join(CACHE_DIR, 'run-'));
  const removeRunDir = onExit(() => rmSync(runDir, { recursive: true, force: true, maxRetries: 5 }));

  // The suite asks for screenshots into this folder and fails if none is taken; `npm run
  // screenshots` points it at docs/images to refresh the README's pictures.
  process.env.TALKDOWN_SCREENSHOT_DIR = resolve(REPO_ROOT, process.env.TALKDOWN_SCREENSHOT_DIR || join(CACHE_DIR, 'screenshots'));

  let server;
  let browser;
  try {
    const serverStarted = Date.now();
    server = await startServer({
      userDataDir: join(runDir, 'data'),
      serverDataDir: join(runDir, 'server'),
      extensionsDir: join(runDir, 'extensions'),
      logFile: join(CACHE_DIR, 'server.log'),
    });
    log(`VS Code server listening on ${server.url} after ${seconds(serverStarted)}`);

    browser = await launchBrowser();
    const { page } = browser;

    let reportExit;
    const vscodeExit = new Promise((resolve) => (reportExit = resolve));
    let screenshots = Promise.resolve();
    // Both must exist before the workbench loads: it looks them up when the run starts.
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    await page.exposeFunction('codeAutomationLog', (_level, args) => {
      const text = format(...args);
      if (!VERBOSE && WORKBENCH_CHATTER.some((pattern) => pattern.test(text))) return;
      console.log(text);
      const click = CLICK_REQUEST.exec(text);
      if (click) {
        const [, done, label] = click;
        page
          .locator('.notification-list-item .monaco-button', { hasText: label })
          .first()
          .click({ timeout: 10_000 })
          .then(
            () => writeFileSync(done, 'clicked'),
            (err) => writeFileSync(done, `not clicked: ${err.message}`),
          );
        return;
      }
      const request = SCREENSHOT_REQUEST.exec(text);
      if (!request) return;
      const path = request[1];
      screenshots = screenshots.then(() =>
        screenshot(page, path).catch((err) => log(`screenshot ${path} failed: ${err.message}`)),
      );
    });

    const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${pathToFileURL(path).pathname}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ['extensionTestsPath', remote(SUITE)],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);

    let timer;
    const outcome = await Promise.race([
      vscodeExit.then((code) => ({ code, why: `VS Code reported exit code ${code}` })),
      server.exited.then((code) => ({ code: 1, why: `VS Code server exited unexpectedly (code ${code}); log: ${server.logFile}` })),
      new Promise((resolve) => page.once('crash', () => resolve({ code: 1, why: 'the browser page crashed' }))),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve({ code: 1, why: `timed out after ${TIMEOUT_MS} ms (set TALKDOWN_TEST_TIMEOUT_MS to change)` }), TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    await screenshots;
    if (outcome.code !== 0) {
      await screenshot(page, FAILURE_PNG).then(
        () => log(`screenshot of the failed run: ${FAILURE_PNG}`),
        (err) => log(`no failure screenshot: ${err.message}`),
      );
    }
    log(`${outcome.why}; total ${seconds(started)}`);
    return outcome.code;
  } finally {
    await browser?.close();
    await server?.stop();
    removeRunDir();
    removeWorkspace();
  }
}

// Written under a temporary name and renamed, so a poller never sees a partial PNG.
async function screenshot(page, path) {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  await page.screenshot({ path: partial, type: 'png' });
  renameSync(partial, path);
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`[vscode-test] ${err.message}`);
  process.exitCode = 1;
}
