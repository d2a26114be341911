import type { Session } from '../../session/session';
import { InputKey, SessionKey } from '../../session/state';
import { Dictionary, DictionaryError } from '../../spelling/dictionary';

/**
 * Where the spell checker gets its dictionary. The core does no I/O: the server and the CLI
 * give the session a loader (which reads the compiled file: its bytes, searched in place, or
 * the same one-byte text as a string), tests a dictionary built in memory. The loader runs
 * once per session, on first use; its failure is remembered and reported.
 */
export type DictionaryLoader = () => Uint8Array | string;

/** The dictionary the adapter provides; without it, spelling is off. */
export const DICTIONARY = new InputKey<DictionaryLoader | Dictionary>('spelling.dictionary');

export type DictionaryState = { dictionary: Dictionary; loadMs: number } | { error: string } | undefined;

/** The loaded dictionary (or why it could not be), kept for the session and the input it came from. */
const LOADED = new SessionKey<{ input?: DictionaryLoader | Dictionary; state?: DictionaryState }>('spelling.dictionary', () => ({}));

/** The session's dictionary, loading it if needed; undefined when none was provided (spelling is off). */
export function sessionDictionary(session: Session): DictionaryState {
  const input = session.input(DICTIONARY);
  if (input === undefined) return undefined;
  const slot = session.state(LOADED);
  if (slot.input !== input || slot.state === undefined) {
    slot.input = input;
    slot.state = load(input, session);
  }
  return slot.state;
}

function load(input: DictionaryLoader | Dictionary, session: Session): DictionaryState {
  if (input instanceof Dictionary) return { dictionary: input, loadMs: 0 };
  const started = session.clock.ms();
  try {
    const dictionary = new Dictionary(input());
    return { dictionary, loadMs: session.clock.ms() - started };
  } catch (error) {
    const reason = error instanceof DictionaryError ? `is damaged (${error.message})` : `cannot be read (${(error as Error).message.split('\n', 1)[0]})`;
    return { error: reason };
  }
}

/** The words of another language's dictionary: only membership is asked. */
export interface WordSet {
  has(word: string): boolean;
}

/**
 * Where the spell checker gets another language's dictionary (`es`, `pt`, `de`…): undefined
 * when there is none for that language. Called at most once per language and session, and only
 * when a post in that language is checked: English posts never load one.
 */
export type LanguageDictionaryLoader = (language: string) => WordSet | undefined;

export const LANGUAGE_DICTIONARIES = new InputKey<LanguageDictionaryLoader>('spelling.languageDictionaries');

const LANGUAGES_LOADED = new SessionKey<{ input?: LanguageDictionaryLoader; byLanguage: Map<string, WordSet | null> }>('spelling.languageDictionaries', () => ({
  byLanguage: new Map(),
}));

/** The dictionary of a language (an ISO 639-1 code), loaded on first use; undefined when none. */
export function languageDictionary(session: Session, language: string): WordSet | undefined {
  const input = session.input(LANGUAGE_DICTIONARIES);
  if (input === undefined) return undefined;
  const slot = session.state(LANGUAGES_LOADED);
  if (slot.input !== input) {
    slot.input = input;
    slot.byLanguage.clear();
  }
  let words = slot.byLanguage.get(language);
  if (words === undefined) {
    try {
      words = input(language) ?? null;
    } catch {
      words = null;
    }
    slot.byLanguage.set(language, words);
  }
  return words ?? undefined;
}
