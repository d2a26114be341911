import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Builds dist/ when it is missing, so that a test file of the bundled server or CLI passes on
 * its own after `npm ci`. (`npm test` builds first, so this is then a no-op.)
 */
export function ensureBuilt(): void {
  const outputs = ['dist/server.js', 'dist/cli.js', 'dist/dictionaries/en.dict'].map((p) => join(ROOT, p));
  if (outputs.every((p) => existsSync(p))) return;
  execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
