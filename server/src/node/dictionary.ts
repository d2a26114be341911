import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setDictionaryLoader } from '../core/spelling/source';

/** The compiled dictionary beside the bundles: dist/dictionaries/en.dict. */
export function defaultDictionaryPath(): string {
  return process.env.TALKDOWN_DICTIONARY ?? join(__dirname, 'dictionaries', 'en.dict');
}

/** Lets the core read the compiled dictionary, lazily, on the first spelling check. */
export function useCompiledDictionary(path = defaultDictionaryPath()): void {
  setDictionaryLoader(() => readFileSync(path, 'utf8'));
}
