/**
 * dist/cli.js: starts the CLI bundle (dist/cli-main.js) from V8's code cache when the build
 * left one for this Node.js, so that a cold start does not compile a megabyte of JavaScript.
 * The build ends the bundle with a line naming its content (`//# talkdown-build <sha1>`) and
 * starts the cache (dist/cli-main.js.cache) with the same name: a stale or foreign cache is
 * never used (V8 itself checks only the source's length), and then the bundle is compiled as
 * usual. Comparing names rather than hashing the bundle at every start spares loading crypto.
 * Node 20 has no module.enableCompileCache.
 */
import { closeSync, fstatSync, openSync, read, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { defaultDictionaryPath } from '../node/dictionaryPath';

// The English dictionary (8 MB) is read on another thread while the bundle loads: nearly every
// post has prose to check. In one read, not fs.readFile's chunks of 512 KB, each of which waits
// for the main thread to ask for the next: it is busy loading the bundle.
const dictionaryRead = readWhole(defaultDictionaryPath());
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

function readWhole(path: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    let fd: number;
    let buffer: Buffer;
    try {
      fd = openSync(path, 'r');
      buffer = Buffer.allocUnsafe(fstatSync(fd).size);
    } catch (error) {
      reject(error);
      return;
    }
    const next = (at: number): void =>
      read(fd, buffer, at, buffer.length - at, at, (error, n) => {
        if (!error && n > 0 && at + n < buffer.length) return next(at + n);
        closeSync(fd);
        if (error) reject(error);
        else resolve(buffer.subarray(0, at + n));
      });
    next(0);
  });
}
