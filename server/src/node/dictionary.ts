import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeTrie } from 'cspell-trie-lib';
import type { DictionaryLoader, LanguageDictionaryLoader } from '../core';
import { defaultDictionaryPath } from './dictionaryPath';

/**
 * Reads the compiled dictionary: the session calls it once, on the first spelling check.
 * `read`: the file's bytes when they were read already (the CLI reads them while it loads).
 */
export function compiledDictionary(path = defaultDictionaryPath(), read: () => Uint8Array | undefined = () => undefined): DictionaryLoader {
  // One-byte text (`core/spelling/alphabet.ts`), searched in the bytes as read: no string copy.
  return () => read() ?? readFileSync(path);
}

/** The other languages' dictionaries beside the bundles: dist/dictionaries/<language>.trie.br (cspell's trie, binary or text, brotli). */
export function languageDictionaries(dir = join(__dirname, 'dictionaries')): LanguageDictionaryLoader {
  return (language) => {
    if (!/^[a-z]{2}$/.test(language)) return undefined;
    const path = join(dir, `${language}.trie.br`);
    if (!existsSync(path)) return undefined;
    // zlib is required only here, when first needed: English posts never need it. (Not
    // process.getBuiltinModule: the server may run on an editor's older Node.js 20.)
    const { brotliDecompressSync } = require('node:zlib') as typeof import('node:zlib');
    return decodeTrie(brotliDecompressSync(readFileSync(path)));
  };
}
