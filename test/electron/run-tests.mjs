// Runs the same mocha suite in desktop VS Code through @vscode/test-electron. It downloads
// VS Code unless VSCODE_EXECUTABLE_PATH names an installed one. Not part of the default test
// run: machines without Microsoft's update service use test/vscode/run-tests.mjs instead.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestRunFailedError, runTests } from '@vscode/test-electron';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SUITE = join(REPO_ROOT, 'dist', 'test', 'suite', 'index.js');

if (!existsSync(SUITE)) {
  console.error(`[electron-test] ${SUITE} is missing; run: node esbuild.mjs`);
  process.exit(1);
}

// Tests may edit files, so they get a throwaway copy of examples/.
const workspaceRoot = mkdtempSync(join(tmpdir(), 'talkdown-ws-'));
const workspace = join(workspaceRoot, 'examples');
cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });

try {
  process.exitCode = await runTests({
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE,
    launchArgs: [workspace, '--disable-extensions'],
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
  });
} catch (err) {
  // A failing suite rejects with the exit code; anything else (no download, no executable) is 1.
  console.error(`[electron-test] ${err.message ?? err}`);
  process.exitCode = err instanceof TestRunFailedError ? (err.code ?? 1) : 1;
} finally {
  rmSync(workspaceRoot, { recursive: true, force: true });
}
