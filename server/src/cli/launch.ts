/**
 * dist/cli.js: starts the CLI bundle (dist/cli-main.js) from V8's code cache when the build
 * left one for this Node.js, so that a cold start does not compile a megabyte of JavaScript.
 * The build ends the bundle with a line naming its content (`//# talkdown-build <sha1>`) and
 * starts the cache (dist/cli-main.js.cache) with the same name: a stale or foreign cache is
 * never used (V8 itself checks only the source's length), and then the bundle is compiled as
 * usual. Comparing names rather than hashing the bundle at every start spares loading crypto.
 * Node 20 has no module.enableCompileCache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { defaultDictionaryPath } from '../node/dictionaryPath';

// The English dictionary (8 MB) is read on another thread while the bundle loads: nearly every
// post has prose to check.
const dictionaryRead = readFile(defaultDictionaryPath());
dictionaryRead.catch(() => undefined);
const bundle = join(__dirname, 'cli-main.js');
const cacheFile = `${bundle}.cache`;
const bytes = readFileSync(bundle);
// The shebang is no JavaScript; a comment keeps the line numbers.
if (bytes[0] === 0x23 && bytes[1] === 0x21) bytes.write('//', 0, 'latin1');
const source = bytes.toString('utf8');
const build = /\/\/# talkdown-build ([0-9a-f]{40})\n$/.exec(source.slice(-64))?.[1];
let cachedData: Buffer | undefined;
if (build !== undefined) {
  try {
    const cache = readFileSync(cacheFile);
    if (cache.toString('latin1', 0, build.length) === build) cachedData = cache.subarray(build.length);
  } catch {
    // No cache: compiled as usual.
  }
}
const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
const loaded = { exports: {} as { run(done?: () => void, dictionaryRead?: Promise<Uint8Array>): void }, filename: bundle, id: bundle, loaded: false };
(script.runInThisContext() as (...args: unknown[]) => void).call(loaded.exports, loaded.exports, createRequire(bundle), loaded, bundle, dirname(bundle));
// The build runs one lint with this set, to write the cache of what a lint compiles.
const writeTo = process.env.TALKDOWN_WRITE_CODE_CACHE;
loaded.exports.run(writeTo && build !== undefined ? () => writeFileSync(writeTo, Buffer.concat([Buffer.from(build, 'latin1'), script.createCachedData()])) : undefined, dictionaryRead);
