import { parseSpeakers } from './speakers';
import type { Speaker } from './types';

// Headings as written: `TALK: Title (Speaker, Org) 4/5 {#id}`, `ABC-123 - Title - Speaker`.

const TALK_PREFIX = /^(?:talk|keynote|lightning talk|workshop|panel|session)\s*[:：]\s*/i;
const THEME_PREFIX = /^(?:theme|track|topic)\s*[:：]\s*/i;
const SESSION_CODE = /^(?!CVE)([A-Z]{2,6}-?\d{2,4}[A-Z]?(?:-[A-Z0-9]{1,4})?)\s*[-–—:|]\s*(\S.*)$/s;
const RATING = /\s*[-–—|,:]?\s*[(\[]?(\d{1,2}(?:\.\d)?\s*\/\s*(?:5|10)|[★⭐]{1,5})[)\]]?$/u;
const HEADING_ID = /\s*\{#[^{}]{0,200}\}$/;

/** A spaced dash; a new expression per use, since a global one keeps its position. */
function suffixSeparator(): RegExp {
  return /\s[-–—]\s/g;
}

export interface TitleParts {
  title: string;
  speakers: Speaker[];
  /** Speakers with an affiliation, or more than one: strong evidence of a talk. */
  speakerEvidence: 'none' | 'weak' | 'strong';
  speakerStyle?: 'speakers-in-parentheses' | 'speaker-suffix';
  prefix?: 'talk' | 'theme';
  sessionCode?: string;
  rating?: string;
}

/** Splits a heading's text into title, prefix, session code, rating and speakers. */
export function readTitle(raw: string): TitleParts {
  let title = raw.replace(/\s+/g, ' ').trim();
  const result: TitleParts = { title, speakers: [], speakerEvidence: 'none' };
  title = stripTail(title, HEADING_ID);
  const prefix = TALK_PREFIX.exec(title) ?? THEME_PREFIX.exec(title);
  if (prefix) {
    result.prefix = TALK_PREFIX.test(prefix[0]) ? 'talk' : 'theme';
    title = title.slice(prefix[0].length);
  }
  const code = SESSION_CODE.exec(title);
  if (code) {
    result.sessionCode = code[1];
    title = code[2];
  }
  const rating = tail(title, RATING);
  if (rating && rating.index > 0) {
    result.rating = rating.match[1].replace(/\s+/g, '');
    title = title.slice(0, rating.index).trimEnd();
  }
  // `Title (Speakers)`: the last balanced parenthesis group at the end.
  if (title.endsWith(')')) {
    const open = matchingOpen(title, title.length - 1);
    if (open > 0) {
      const parsed = parseSpeakers(title.slice(open + 1, -1));
      if (parsed) {
        result.speakers = parsed.speakers;
        result.speakerEvidence = parsed.affiliations > 0 || parsed.speakers.length > 1 ? 'strong' : 'weak';
        result.speakerStyle = 'speakers-in-parentheses';
        title = title.slice(0, open).trimEnd();
      }
    }
  }
  // `Title - Speaker`: the last spaced dash, with a short name list after it.
  if (result.speakers.length === 0) {
    let last = -1;
    let sep = '';
    const from = Math.max(0, title.length - 200);
    const separator = suffixSeparator();
    separator.lastIndex = from;
    for (let m = separator.exec(title); m; m = separator.exec(title)) {
      last = m.index;
      sep = m[0];
    }
    if (last > 0) {
      const parsed = parseSpeakers(title.slice(last + sep.length));
      if (parsed) {
        result.speakers = parsed.speakers;
        result.speakerEvidence = parsed.affiliations > 0 || parsed.speakers.length > 1 || result.rating ? 'strong' : 'weak';
        result.speakerStyle = 'speaker-suffix';
        title = title.slice(0, last).trimEnd();
      }
    }
  }
  result.title = title.trim();
  return result;
}

/** An end-anchored match on at most the last 60 characters: linear on any heading. */
function tail(text: string, pattern: RegExp): { match: RegExpExecArray; index: number } | undefined {
  const from = Math.max(0, text.length - 60);
  const match = pattern.exec(text.slice(from));
  return match ? { match, index: from + match.index } : undefined;
}

function stripTail(text: string, pattern: RegExp): string {
  const t = tail(text, pattern);
  return t ? text.slice(0, t.index) : text;
}

function matchingOpen(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && close - i <= 402; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return i;
  }
  return -1;
}
