import type { Span } from '../../text';

export interface WordIssue {
  span: Span;
  word: string;
  suggestions: string[];
}

export interface RepeatIssue {
  /** The second word. */
  span: Span;
  word: string;
  /** What a fix deletes: the second word, and the spaces before it when only spaces part them. */
  removeSpan: Span;
}

export interface SpellingResult {
  typos: WordIssue[];
  unknown: WordIssue[];
  repeated: RepeatIssue[];
  /** Real words in a context where they are almost always a slip for another ("we where"). */
  wrongWords?: WordIssue[];
  /** One note when the post, or some of its paragraphs, are not English and were not checked. */
  otherLanguage?: { span: Span; message: string };
  /** Set when the dictionary could not be loaded. */
  dictionaryProblem?: { span: Span; message: string };
}

/** Data a spelling finding carries for its quick fixes. */
export interface SpellingData {
  word: string;
  suggestions: string[];
  /** For repeats: what removing the second word deletes. */
  removeSpan?: { start: number; end: number };
}

/** At most this many findings of each kind per document: a garbled file must not flood. */
export const MAX_FINDINGS = 200;
