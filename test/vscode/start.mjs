// `npm start`: a real VS Code, served to your browser, with the extension built from this
// checkout and the repository's examples/ folder open (the real one, so edits stick).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './server.mjs';
import { CACHE_DIR, REPO_ROOT, ensureVSCodeServer } from './setup.mjs';

const EXAMPLES = join(REPO_ROOT, 'examples');
const STATE_DIR = join(CACHE_DIR, 'start');
const EXTENSIONS_DIR = join(STATE_DIR, 'extensions');

async function main() {
  await ensureVSCodeServer();
  if (!existsSync(EXAMPLES)) throw new Error(`${EXAMPLES} is missing`);

  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed: node esbuild.mjs');

  // Installed as a symlink to the checkout rather than passed as a development path: the URL
  // stays short and keeps working after a reload or when reached through another host name.
  // After a rebuild, "Developer: Reload Window" picks up the new code.
  const { publisher, name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  rmSync(EXTENSIONS_DIR, { recursive: true, force: true });
  mkdirSync(EXTENSIONS_DIR, { recursive: true });
  symlinkSync(REPO_ROOT, join(EXTENSIONS_DIR, `${publisher}.${name}-${version}`), 'dir');

  const server = await startServer({
    port: Number(process.env.TALKDOWN_PORT) || undefined,
    userDataDir: join(STATE_DIR, 'data'),
    serverDataDir: join(STATE_DIR, 'server'),
    extensionsDir: EXTENSIONS_DIR,
    logFile: join(STATE_DIR, 'server.log'),
  });
  // Slashes may stay unescaped in a query; that keeps the printed URL readable.
  const folder = encodeURIComponent(EXAMPLES).replaceAll('%2F', '/');
  console.log(`Talkdown is running in VS Code at: ${server.url}/?folder=${folder}`);
  console.log(`(server log: ${server.logFile}; press Ctrl+C to stop)`);

  const code = await server.exited;
  throw new Error(`the VS Code server stopped (exit code ${code}); see ${server.logFile}`);
}

main().catch((err) => {
  console.error(`[talkdown start] ${err.message}`);
  process.exit(1);
});
