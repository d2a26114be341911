import type { Span } from '../../text';

/** What the talk model reads from a post: talks, the sections that group them, their links. */

export type TalkStyle =
  | 'link-heading'
  | 'prefixed'
  | 'session-code'
  | 'speakers-in-parentheses'
  | 'speaker-suffix'
  | 'small-speaker'
  | 'link-line'
  | 'speakers-line'
  | 'session-child'
  | 'bold'
  | 'list-item';

export interface Speaker {
  name: string;
  affiliation?: string;
}

export type VideoHost = 'youtube' | 'vimeo' | 'fosdem' | 'media.ccc.de' | 'twitch' | 'infoq' | 'dailymotion' | 'file' | 'other';

export interface VideoLink {
  url: string;
  host: VideoHost;
  id?: string;
  timestampSeconds?: number;
  /** Where the link is written. */
  span: Span;
}

export interface TalkLink {
  url: string;
  span: Span;
}

export interface Talk {
  kind: 'talk';
  /** Clean: no link syntax, prefix, speakers, rating or session code. Never empty. */
  title: string;
  /** The kind of session as written before the title (`Keynote:`, `Panel:`), which names keep. */
  prefix?: string;
  /** A schedule slot written before the title (`09:30`). */
  slot?: string;
  speakers: Speaker[];
  video?: VideoLink;
  slides?: TalkLink;
  /** A link to the talk's own page (a schedule entry) that is neither video nor slides. */
  page?: TalkLink;
  sessionCode?: string;
  /** As written: `4/5`, `★★★`. */
  rating?: string;
  style: TalkStyle;
  /** Heading depth, or 0 for bold and list-item talks. */
  depth: number;
  /** The heading to just before the next heading of the same or a higher level (trailing blank lines excluded). */
  span: Span;
  /** The heading, bold paragraph or list item's first paragraph. */
  headingSpan: Span;
  /** Where the title is written, within `headingSpan`. */
  titleSpan: Span;
  /** The enclosing group (day, track, theme), if any. */
  section?: OutlineSection;
  /** Talks written under this one's heading (a talk within a talk, such as a demo). */
  children: Talk[];
}

export interface OutlineSection {
  kind: 'section';
  title: string;
  depth: number;
  /** A `THEME:` (or `TRACK:`) heading, whose prefix is left out of `title`. */
  theme: boolean;
  span: Span;
  headingSpan: Span;
  titleSpan: Span;
  parent?: OutlineSection;
  children: OutlineNode[];
}

export type OutlineNode = OutlineSection | Talk;

export interface TalkOutline {
  /** Top-level sections and talks, in document order. */
  root: OutlineNode[];
  /** Every talk, in document order. */
  talks: Talk[];
  /** Every section, in document order. */
  sections: OutlineSection[];
}
