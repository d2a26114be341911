import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DictionaryLoader } from '../core';

/** The compiled dictionary beside the bundles: dist/dictionaries/en.dict. */
export function defaultDictionaryPath(): string {
  return process.env.TALKDOWN_DICTIONARY ?? join(__dirname, 'dictionaries', 'en.dict');
}

/** Reads the compiled dictionary: the session calls it once, on the first spelling check. */
export function compiledDictionary(path = defaultDictionaryPath()): DictionaryLoader {
  return () => readFileSync(path, 'utf8');
}
