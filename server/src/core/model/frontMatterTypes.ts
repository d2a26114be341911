import type { Memo } from '../session/state';
import type { Span } from '../text';

export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

export type FrontMatterProblemKind =
  | 'syntax'
  | 'duplicate-key'
  | 'unclosed'
  | 'executable'
  | 'unknown-language'
  | 'not-a-mapping'
  | 'too-large';

export interface FrontMatterProblem {
  kind: FrontMatterProblemKind;
  span: Span;
  message: string;
  /** A known remedy, for quick fixes: the span is a value to put in quotes. */
  remedy?: 'quote-value';
}

/** A key of the front matter, with where its key and value are written. */
export interface FrontMatterEntry {
  /** Keys from the top level down; array indexes are numbers. */
  path: (string | number)[];
  keySpan: Span;
  valueSpan: Span;
}

export interface FrontMatter {
  /** Undefined when the block names a language Talkdown does not parse. */
  format: FrontMatterFormat | undefined;
  /** The language tag after the opening delimiter (`---yaml`), or ''. */
  languageTag: string;
  /** The whole block, delimiters included. */
  span: Span;
  /** The text between the delimiters. */
  contentSpan: Span;
  /** That text itself. */
  raw: string;
  closed: boolean;
  data: Record<string, unknown>;
  entries: FrontMatterEntry[];
  problems: FrontMatterProblem[];
  /** Values derived from this block (an index of its entries), dropped with it. */
  readonly memo: Memo;
}
