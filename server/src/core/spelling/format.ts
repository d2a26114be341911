/**
 * The compiled dictionary's format, shared by its encoder (`encode.ts`, run at build time) and
 * its reader (`dictionary.ts`). One-byte text (`alphabet.ts`): a tag line, a header line (JSON),
 * then the sections.
 */

export const FORMAT_TAG = 'talkdown-dictionary 3';

/** Where a word comes from; a word may have several. */
export const enum WordFlag {
  US = 1,
  GB = 2,
  /** Software, Kubernetes, company and full-stack vocabularies. */
  Software = 4,
  /** Talkdown's own cloud-native and conference vocabulary. */
  CloudNative = 8,
  /** The word is usually written with capitals (a name: Kubernetes, Prometheus). */
  Capitalised = 16,
  /** A person's given name or surname (accepted only when written capitalised). */
  Person = 32,
}

/** Words at most this frequent form the common list that wider searches walk. */
export const COMMON_RANK = 40_000;

/**
 * The sections, in the body's order, each a range of the body: `lengths` (each word's length,
 * one byte a word, so that the reader finds where words start without scanning them; it packs
 * far better than the starts themselves), `common` (the common words, a dictionary of their
 * own), `words` (sorted, one a line), `flags` (one byte a word), `ranks` (two a word),
 * `misspellings` and `display` (sorted `key\tvalue` lines; a word's written form is empty when
 * it is the word with a capital first letter).
 */
export const SECTIONS = ['lengths', 'common', 'words', 'flags', 'ranks', 'misspellings', 'display'] as const;

/** The longest word the format holds (its length is one byte). */
export const LONGEST_STORED_WORD = 255;

/** The word with its first character in upper case: the written form `display` leaves empty. */
export function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export interface Header {
  words: number;
  /** The non-ASCII characters, stored as 0x80 + their index (`alphabet.ts`). */
  alphabet: number[];
  sections: Record<(typeof SECTIONS)[number], [number, number]>;
}
