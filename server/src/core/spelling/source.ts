import { Dictionary, DictionaryError } from './dictionary';

/**
 * Where the spell checker gets its dictionary. The core does no I/O: the server and the CLI
 * give it a loader (which reads the compiled file), tests give it a dictionary built in memory.
 * The loader runs once, on first use; its failure is remembered and reported as one finding.
 */
export type DictionaryLoader = () => string;

type State = { status: 'unset' } | { status: 'pending'; load: DictionaryLoader } | { status: 'ready'; dictionary: Dictionary; loadMs: number } | { status: 'failed'; reason: string };

let state: State = { status: 'unset' };

/** Gives the core the compiled dictionary's text, to be read on first use. */
export function setDictionaryLoader(load: DictionaryLoader): void {
  state = { status: 'pending', load };
}

/** Gives the core a dictionary already loaded (tests). */
export function setDictionary(dictionary: Dictionary | undefined): void {
  state = dictionary ? { status: 'ready', dictionary, loadMs: 0 } : { status: 'unset' };
}

export type DictionaryState = { dictionary: Dictionary; loadMs: number } | { error: string } | undefined;

/** The dictionary, loading it if needed; undefined when none was configured (spelling is off). */
export function currentDictionary(): DictionaryState {
  if (state.status === 'unset') return undefined;
  if (state.status === 'pending') {
    const started = Date.now();
    try {
      const dictionary = new Dictionary(state.load());
      state = { status: 'ready', dictionary, loadMs: Date.now() - started };
    } catch (error) {
      const reason = error instanceof DictionaryError ? `it is damaged (${error.message})` : `it cannot be read (${(error as Error).message.split('\n', 1)[0]})`;
      state = { status: 'failed', reason };
    }
  }
  if (state.status === 'failed') return { error: state.reason };
  if (state.status === 'ready') return { dictionary: state.dictionary, loadMs: state.loadMs };
  return undefined;
}
