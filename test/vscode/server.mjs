// Starts the VS Code server and a headless Chromium for it, and makes sure neither
// outlives the Node process that started them.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CACHE_DIR, CHROMIUM, vscodeServerPaths } from './setup.mjs';

// Everything is cleaned up synchronously in 'exit' listeners, so a signal only has to exit.
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.once(signal, () => process.exit(128 + number));
}

/**
 * Runs the synchronous `cleanup` when the process exits (also on Ctrl+C). Listeners run in
 * registration order. Returns a function that runs it now instead, once.
 */
export function onExit(cleanup) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    process.off('exit', run);
    cleanup();
  };
  process.on('exit', run);
  return run;
}

// Keeps the window about the extension: no chat panel, welcome page or gallery/account
// lookups (the gallery is unreachable here anyway), which also quiets the workbench log.
export const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the VS Code server (server-main.js on Node 24) in its own process group and waits
 * until it answers HTTP. The server spawns helpers (file watcher, pty host, agent host), so
 * stop() kills the whole group. Output goes to logFile.
 * @returns {Promise<{ port: number, url: string, logFile: string, exited: Promise<number | null>, stop: () => Promise<void> }>}
 */
export async function startServer({
  port,
  userDataDir,
  extensionsDir,
  serverDataDir = join(userDataDir, 'server'),
  logFile = join(userDataDir, 'server.log'),
  machineSettings = QUIET_SETTINGS,
  extraArgs = [],
  startTimeoutMs = 60_000,
}) {
  const { node, serverMain } = vscodeServerPaths();
  port ??= await freePort();
  for (const dir of [serverDataDir, extensionsDir, dirname(logFile)]) mkdirSync(dir, { recursive: true });
  // Remote "machine" settings apply to every window of this server, whatever the browser profile.
  mkdirSync(join(userDataDir, 'Machine'), { recursive: true });
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(machineSettings, null, 2));
  const tmp = mkdtempSync(join(tmpdir(), 'talkdown-vscode-'));
  const out = openSync(logFile, 'w');
  const child = spawn(
    node,
    [
      serverMain,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--disable-telemetry',
      '--disable-workspace-trust',
      // Needed for the `payload` URL parameter (extension development/tests) and for
      // window.codeAutomationLog/codeAutomationExit.
      '--enable-smoke-test-driver',
      '--user-data-dir', userDataDir,
      '--server-data-dir', serverDataDir,
      '--extensions-dir', extensionsDir,
      ...extraArgs,
    ],
    // The server and its extension host leave IPC sockets in the temp dir when killed, so
    // they get a temp dir of their own (short, as socket paths are limited to 107 bytes).
    { detached: true, stdio: ['ignore', out, out], env: { ...process.env, TMPDIR: tmp } },
  );
  closeSync(out);

  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let running = true;
  exited.then(() => (running = false));
  const killGroup = onExit(() => {
    if (running) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    rmSync(tmp, { recursive: true, force: true, maxRetries: 5 });
  });
  const stop = async () => {
    killGroup();
    await exited;
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  while (!(await answers(url))) {
    if (!running || Date.now() > deadline) {
      await stop();
      const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
      throw new Error(`VS Code server ${running ? 'did not answer in time' : 'exited'} (log: ${logFile})\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { port, url, logFile, exited, stop };
}

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

/**
 * Launches headless Debian Chromium with a fresh profile under .vscode-test/.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, close: () => Promise<void> }>}
 */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const profiles = join(CACHE_DIR, 'chromium-profiles');
  mkdirSync(profiles, { recursive: true });
  const profile = mkdtempSync(join(profiles, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    // Flags that work when running as root in containers without a GPU; the rest
    // keep Chromium from phoning home.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    // Our signal handlers exit the process; Playwright kills Chromium on exit.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // Registered after the launch, so on exit it runs after Playwright has killed Chromium.
  const removeProfile = onExit(() => rmSync(profile, { recursive: true, force: true, maxRetries: 5 }));
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    removeProfile();
  };
  return { context, page, close };
}
