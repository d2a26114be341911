import { join } from 'node:path';

/**
 * The compiled dictionary beside the bundles: dist/dictionaries/en.dict (or TALKDOWN_DICTIONARY).
 * A module of its own so that the CLI's launcher, which reads the file while the bundle loads,
 * takes nothing else with it.
 */
export function defaultDictionaryPath(): string {
  return process.env.TALKDOWN_DICTIONARY ?? join(__dirname, 'dictionaries', 'en.dict');
}
