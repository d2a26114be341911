import { parseSpeakers } from './speakers';
import type { Speaker } from './types';

// Headings as written: `TALK: Title (Speaker, Org) 4/5 {#id}`, `ABC-123 - Title - Speaker`.

// A kind of session before the title: `Keynote:`, `Closing keynote:`, `Key Note -`, `Panel:`; a closed
// list of structural words in a few languages, not names.
const KIND_WORDS = '(?:(?:opening|closing|morning|evening)\\s+)?(?:key\\s?note|lightning\\s+talks?|talk|workshop|panel|session|tutorial|palestra|charla|ponencia|taller|vortrag|conf[ée]rence|atelier|intervento|prelekcja|wyk[łl]ad)';
const TALK_PREFIX = new RegExp(`^(?:${KIND_WORDS}\\s*(?:[:：]|\\s[-–—]\\s*(?=\\S))|[\\[(]${KIND_WORDS}[\\])]\\s*[:：]?)\\s*`, 'iu');
/** Words that name talks, in a few languages: a closed list of structural vocabulary. */
export const LIST_HEADING = /(?<![\p{L}])(?:sessions?|talks?|schedule|agenda|line-?up|program(?:me)?|presentations?|prezentacj\p{L}{1,3}|recordings?|keynotes?|panels?|workshops?|palestras?|charlas|ponencias|sess[õo]es|vortr[äa]ge|conf[ée]rences|interventi|prelekcj[aeiiom]{1,3}|wyk[łl]ad(?:y|ów)?)(?![\p{L}])/iu;

/** A schedule slot before the title: `09:30`, `9h30`, `14:00–14:45`. */
const TIME_SLOT = /^(\d{1,2}[:h.]\d{2})(?!\d)(?:\s*[-–—]\s*\d{1,2}[:h.]\d{2})?\s*(?:[-–—|:]\s*)?(?=\S)/;
/** `Names, "Title"`: the title in quotation marks after the speakers. */
const NAMES_THEN_QUOTED = /^([^"“”]{3,200}?),\s*["“]([^"“”]{2,300})["”]$/u;
const THEME_PREFIX = /^(?:theme|track|topic)\s*[:：]\s*/i;
const SESSION_CODE = /^(?!CVE)([A-Z]{2,6}-?\d{2,4}[A-Z]?(?:-[A-Z0-9]{1,4})?)\s*[-–—:|]\s*(\S.*)$/s;
const RATING = /\s*[-–—|,:]?\s*[(\[]?(\d{1,2}(?:\.\d)?\s*\/\s*(?:5|10)|[★⭐]{1,5})[)\]]?$/u;
/** `{#id}`, or a kramdown attribute list `{:target="_blank"}`, at the end. */
const HEADING_ID = /\s*\{[#:][^{}]{0,200}\}$/;
/** A rating written in symbols after a dash: `- 💀💀 ★★:`. */
const SYMBOL_RATING = /\s[-–—|]\s*((?:[\p{So}\p{Sk}\uFE0F\u200D]\s*){1,12})[:：]?$/u;

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
  /** The kind prefix as written (`Keynote:`), which names keep. */
  prefixText?: string;
  /** A schedule slot written before the title. */
  slot?: string;
  sessionCode?: string;
  rating?: string;
}

/** Splits a heading's text into title, prefix, session code, rating and speakers. */
export function readTitle(raw: string): TitleParts {
  let title = raw.replace(/\s+/g, ' ').trim();
  const result: TitleParts = { title, speakers: [], speakerEvidence: 'none' };
  title = stripTail(title, HEADING_ID);
  const talkPrefix = TALK_PREFIX.exec(title);
  const prefix = talkPrefix ?? THEME_PREFIX.exec(title);
  if (prefix) {
    result.prefix = talkPrefix ? 'talk' : 'theme';
    if (result.prefix === 'talk') result.prefixText = prefix[0].trim();
    title = title.slice(prefix[0].length);
  }
  const slot = TIME_SLOT.exec(title);
  if (slot && slot[0].length < title.length) {
    result.slot = slot[1];
    title = title.slice(slot[0].length);
    const again = TALK_PREFIX.exec(title);
    if (again && !result.prefix) {
      result.prefix = 'talk';
      result.prefixText = again[0].trim();
      title = title.slice(again[0].length);
    }
  }
  // `Names, "Title"`: the speakers first, then the quoted title.
  const quoted = NAMES_THEN_QUOTED.exec(title);
  if (quoted) {
    const parsed = parseSpeakers(quoted[1]);
    if (parsed) {
      result.speakers = parsed.speakers;
      result.speakerEvidence = 'strong';
      result.speakerStyle = 'speaker-suffix';
      result.title = quoted[2].trim();
      return result;
    }
  }
  const code = SESSION_CODE.exec(title);
  if (code) {
    result.sessionCode = code[1];
    title = code[2];
  }
  const symbols = tail(title, SYMBOL_RATING);
  if (symbols && symbols.index > 0) {
    result.rating = symbols.match[1].replace(/\s+/g, '');
    title = title.slice(0, symbols.index).trimEnd();
  }
  const rating = result.rating ? undefined : tail(title, RATING);
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
      const after = title.slice(last + sep.length);
      // `Name (Org)`: one speaker with the affiliation in parentheses.
      const withOrg = /^([^()]{3,80}?)\s*\(([^()]{1,80})\)$/u.exec(after);
      const person = withOrg ? parseSpeakers(withOrg[1]) : undefined;
      const parsed = person && person.affiliations === 0 ? { speakers: person.speakers.map((s) => ({ ...s, affiliation: withOrg![2].trim() })), affiliations: 1 } : parseSpeakers(after);
      if (parsed) {
        result.speakers = parsed.speakers;
        result.speakerEvidence = parsed.affiliations > 0 || parsed.speakers.length > 1 || result.rating ? 'strong' : 'weak';
        result.speakerStyle = 'speaker-suffix';
        title = title.slice(0, last).trimEnd();
      }
    }
  }
  if (result.speakers.length === 0) title = otherSpeakerForms(title, result);
  title = title.trim();
  result.title = title.replace(/[:：]$/, '').trim();
  if (result.slot && result.speakerEvidence === 'weak') result.speakerEvidence = 'strong';
  return result;
}

/**
 * Less common ways to write the speaker: `Title by Name`, `Title -Name`, `Title, Name`, and
 * `Name - Title`. Each is weak evidence: it counts when sibling headings are talks.
 */
function otherSpeakerForms(title: string, result: TitleParts): string {
  const take = (speakersText: string, rest: string): boolean => {
    const parsed = parseSpeakers(speakersText);
    if (!parsed || rest.trim().length < 2) return false;
    result.speakers = parsed.speakers;
    result.speakerEvidence = parsed.speakers.length > 1 ? 'strong' : 'weak';
    result.speakerStyle = 'speaker-suffix';
    return true;
  };
  const by = /^(.{2,300}?)\s+(?:by|von|par|por|przez)\s+([^,;]{3,120}(?:[,;&][^,;]{2,80}){0,4})$/u.exec(title);
  if (by && take(by[2], by[1])) return by[1];
  const glued = /^(.{2,300})\s[-–—](?=\p{Lu})([^-–—]{3,80})$/u.exec(title);
  if (glued && take(glued[2], glued[1])) return glued[1];
  const comma = /^(.{8,300}),\s+([^,]{3,60})$/u.exec(title);
  if (comma && !/,/.test(comma[1].slice(-1)) && parseSpeakers(comma[2])?.speakers.length === 1 && take(comma[2], comma[1])) {
    result.speakerEvidence = 'weak';
    return comma[1];
  }
  // `Title? Name`: a question, then the names.
  const question = /^(.{8,300}\?)\s+([^?]{3,120})$/u.exec(title);
  if (question && take(question[2], question[1])) {
    result.speakerEvidence = 'weak';
    return question[1];
  }
  // `Name - Title`: the title starts with a capital, and the name part names people only.
  const first = /^([^-–—]{3,80}?)\s[-–—]\s(\p{Lu}.{1,300})$/u.exec(title);
  if (first && !/\s(?:from|at|@)\s/.test(first[1]) && !parseSpeakers(first[2]) && parseSpeakers(first[1])?.affiliations === 0 && take(first[1], first[2])) {
    result.speakerEvidence = 'weak';
    return first[2];
  }
  return title;
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

const FIRST_PERSON = /(?<![\p{L}])(?:i|me|my|mine|we|us|our|ours)(?![\p{L}'’])/iu;

/** A question, or words in the first person: the writer speaking, not a talk's title. */
export function writerSpeaking(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  return /\?$/.test(t) || FIRST_PERSON.test(t);
}

/**
 * Whether a heading reads as a talk's title: Title Case (at least 60% of its words of four or more
 * letters capitalised, before any ` – ` or `: ` subtitle), no first-person pronoun, no question.
 */
export function readsAsTitle(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t || /\?$/.test(t) || FIRST_PERSON.test(t)) return false;
  const lead = t.split(/\s[-–—]\s|:\s/)[0];
  const words = lead.split(' ').filter((w) => /^\p{L}{4,}/u.test(w));
  if (words.length < 2) return false;
  // A short heading with a number is a date or a day (`Day 2 - May 14`), not a title.
  if (/\d/.test(t) && t.split(' ').length <= 5) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}
