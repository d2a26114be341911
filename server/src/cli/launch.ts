/**
 * dist/cli.js: starts the CLI bundle (dist/cli-main.js) from V8's code cache when the build
 * left one for this Node.js, so that a cold start does not compile a megabyte of JavaScript.
 * The cache (dist/cli-main.js.cache) starts with a hash of the bundle it was made from: a
 * stale or foreign cache is never used (V8 itself checks only the source's length), and then
 * the bundle is compiled as usual. Node 20 has no module.enableCompileCache.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const HASH_BYTES = 20;
const bundle = join(__dirname, 'cli-main.js');
const cacheFile = `${bundle}.cache`;
// The shebang is no JavaScript; a comment keeps the line numbers.
const source = readFileSync(bundle, 'utf8').replace(/^#!/, '//');
const hash = createHash('sha1').update(source).digest();
let cachedData: Buffer | undefined;
try {
  const cache = readFileSync(cacheFile);
  if (cache.subarray(0, HASH_BYTES).equals(hash)) cachedData = cache.subarray(HASH_BYTES);
} catch {
  // No cache: compiled as usual.
}
const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
const loaded = { exports: {} as { run(done?: () => void): void }, filename: bundle, id: bundle, loaded: false };
(script.runInThisContext() as (...args: unknown[]) => void).call(loaded.exports, loaded.exports, createRequire(bundle), loaded, bundle, dirname(bundle));
// The build runs one lint with this set, to write the cache of what a lint compiles.
const writeTo = process.env.TALKDOWN_WRITE_CODE_CACHE;
loaded.exports.run(writeTo ? () => writeFileSync(writeTo, Buffer.concat([hash, script.createCachedData()])) : undefined);
