/**
 * The compiled dictionary's format, shared by its encoder (`encode.ts`, run at build time) and
 * its reader (`dictionary.ts`). One-byte text (`alphabet.ts`): a tag line, a header line (JSON,
 * padded with spaces so that the body starts at a multiple of 4 bytes), then the sections.
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
 * The sections, in the body's order, each a range of the body: `starts` (where each word starts
 * in `words`, and one past its end: 32-bit little-endian, so that the reader uses the bytes as
 * they are), `common` (the common words, a dictionary of their own; both start at a multiple of
 * 4 bytes), `words` (sorted, one a line), `flags` (one byte a word), `ranks` (two a word),
 * `misspellings` and `display` (sorted `key\tvalue` lines).
 */
export const SECTIONS = ['starts', 'common', 'words', 'flags', 'ranks', 'misspellings', 'display'] as const;

export interface Header {
  words: number;
  /** The non-ASCII characters, stored as 0x80 + their index (`alphabet.ts`). */
  alphabet: number[];
  sections: Record<(typeof SECTIONS)[number], [number, number]>;
}
