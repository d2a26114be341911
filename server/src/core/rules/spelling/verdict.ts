import { WordFlag } from '../../spelling/dictionary';
import { splitCompound, type Token } from '../../spelling/tokens';
import { NO_CONTEXT, type WordContext } from './context';
import { isCommon, isKnown, type Lookup, type WordInfo } from './lookup';
import { isSlip } from './variants';

/** A word the dictionary does not know: a likely typo, or only unknown (a name, a term). */
export interface Verdict {
  kind: 'typo' | 'unknown';
  suggestions: string[];
  /** Characters the finding leaves off the word's end (a possessive's `'s`). */
  trim?: number;
}

const ENGLISH = WordFlag.US | WordFlag.GB;
const VOCABULARIES = WordFlag.Software | WordFlag.CloudNative;

/**
 * What a word no dictionary knows is: undefined when it is fine after all (accepted, an
 * acronym, a name of the post, a compound of known parts), else a typo or an unknown word.
 */
export function classify(lookup: Lookup, t: Token, accepted: ReadonlySet<string>, names: ReadonlySet<string>, occurrences: number, context: WordContext = NO_CONTEXT): Verdict | undefined {
  const word = t.text.includes('’') ? t.text.replace(/’/g, "'") : t.text;
  const lower = word.toLowerCase();
  if (lookup.isKnown(lower) || accepted.has(lower)) return undefined;
  // ALL-CAPS words are acronyms; a single letter is never wrong.
  if (word.length < 2 || (word === word.toUpperCase() && /\p{Lu}/u.test(word))) return undefined;
  // A possessive is judged as the bare word (`Linekrd's` as `Linekrd`) and keeps its ending.
  const possessive = /^(.{2,})('s)$/i.exec(word);
  if (possessive) {
    const stem = possessive[1];
    const verdict = classify(lookup, { ...t, text: stem, lower: stem.toLowerCase(), end: t.end - 2 }, accepted, names, occurrences, context);
    return verdict && { ...verdict, trim: 2 };
  }

  const innerCapitals = /.\p{Lu}/u.test(word.replace(/^\p{Lu}+(?=\p{Lu}\p{Ll})/u, 'X'));
  // A camelCase name the post writes three times or more is meant (`CSSconfEU`).
  if (innerCapitals && occurrences >= 3) return { kind: 'unknown', suggestions: [] };
  if (innerCapitals) {
    // camelCase and PascalCase: a name when its parts are words or when it is simply unknown.
    const parts = splitCompound(word);
    const partKnown = (p: string): boolean => p.length < 2 || accepted.has(p.toLowerCase()) || lookup.isKnown(p.toLowerCase());
    if (parts.length > 1 && parts.every(partKnown)) return undefined;
    // An acronym may end with the capital before a lower-case part (`RBACdoors`: RBAC, doors).
    const acronymFirst = word.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Ll})/u).filter((p) => p.length > 0);
    if (acronymFirst.length > 1 && acronymFirst.every((p) => p.length < 2 || p === p.toUpperCase() || partKnown(p))) return undefined;
    return compoundVerdict(lookup, word, parts, partKnown);
  }
  // Not Latin-script English: not ours to judge. Nor a word with accents: English typos add
  // none, so it is a foreign word or a name (`congrès`, `Université`).
  const bare = word.normalize('NFD');
  if (!/^[a-z'-]+$/i.test(bare.replace(/\p{M}/gu, '')) || bare.length !== word.length) return { kind: 'unknown', suggestions: [] };
  // The post's own names: its speakers, authors and tags.
  if (names.has(lower) || t.inHeadingParens) return undefined;

  // `I'tm` is the pronoun's contraction, not a name.
  const capitalised = /^\p{Lu}/u.test(word) && !/^I'/.test(word);
  // A person's name, written as one.
  if (capitalised && lookup.dictionary.flags(lower) & WordFlag.Person) return undefined;
  // Said on purpose: a coinage in quotes, a sound said twice, a name beside a name, a foreign phrase;
  // a British or American spelling of a known word (`deserialise`); a known word with a suffix of talk (`marketingy`).
  if (context.quoted || context.reduplicated || context.besideName || context.handle || (capitalised && context.foreignPhrase) || otherVariant(lookup, lower) || coinage(lookup, lower)) {
    return { kind: 'unknown', suggestions: [] };
  }
  const cheap = lookup.wordInfo(lower, false);
  // A known misspelling, unless it is a plural the list does not know (`enumerables`) or a short
  // capitalised name in mid-sentence (`Startd`), which the name checks below judge.
  const misspelling = cheap.misspelling?.filter((fix) => `${fix}s` !== lower && `${fix}es` !== lower);
  if (misspelling && misspelling.length > 0 && !(capitalised && !t.sentenceStart && lower.length < 7)) return { kind: 'typo', suggestions: suggestionsFor(lookup, word, lookup.wordInfo(lower)) };
  // Two letters swapped or one doubled in a term or a capitalised word of the lists: `Lamdba`, `Affrican`.
  if (capitalised && !t.soleLinkWord && lower.length >= 5) {
    const slip = lookup.wordInfo(lower).near.find((c) => c.distance === 1 && c.flags & (WordFlag.Capitalised | VOCABULARIES) && !(c.flags & WordFlag.Person) && c.rank <= 40_000 && isSlip(lower, c.word));
    if (slip) return { kind: 'typo', suggestions: suggestionsFor(lookup, word, lookup.wordInfo(lower)) };
  }
  // A capitalised word one edit from a person's name is a name (`Collina`, `Sareh`); a word the
  // post writes three times or more, prose or not (links, tags, file names), is meant.
  if ((capitalised && lower.length >= 4 && lookup.nearPerson(lower)) || occurrences >= 3) return { kind: 'unknown', suggestions: [] };
  const nameLike = t.soleLinkWord || (capitalised && !t.sentenceStart);
  if (nameLike) {
    // A name of the vocabularies, misspelled: `Kuberentes`.
    if (capitalised && !t.soleLinkWord && lower.length >= 6) {
      const near = lookup.nearNames(lower);
      if (near.length > 0) return { kind: 'typo', suggestions: suggestionsFor(lookup, word, { known: false, near, searched: true }) };
    }
    // A capitalised word one edit from a very common word is a typo rather than a name
    // (`the Perfomance team`); names that close to common words are short.
    if (capitalised && !t.soleLinkWord && lower.length >= 7) {
      if (lookup.nearVeryCommon(lower)) return { kind: 'typo', suggestions: suggestionsFor(lookup, word, lookup.wordInfo(lower)) };
    }
    return { kind: 'unknown', suggestions: [] };
  }
  // Letters held for effect ("gooooo"), closed compounds of two words ("backpressure") and
  // inflections of known words ("webservers") are deliberate far more often than not; a word
  // used three times is meant.
  if (occurrences >= 3 || lower.length < 4 || /(\p{L})\1\1/u.test(lower) || isCompound(lookup, lower) || isInflection(lookup, lower)) {
    return { kind: 'unknown', suggestions: [] };
  }
  const info = lookup.wordInfo(lower);
  const suggestions = suggestionsFor(lookup, word, info);
  // A vocabulary word that is this one plus a plural ending (`loopvars`) makes it the
  // singular of an identifier, not a typo of it.
  // Contractions are among the most frequent words, though the frequency list leaves them out.
  const near = info.near
    .filter((c) => (c.word !== `${lower}s` && c.word !== `${lower}es`) || c.flags & ENGLISH)
    .map((c) => (c.word.includes("'") && c.flags & ENGLISH && c.rank >= 1e6 ? { ...c, rank: lookup.dictionary.rank(c.word.replace("'", '')) ?? c.rank } : c));
  // A short word is a typo only of a common English word with the same first letter: `fdoc` and
  // `evac` are names and abbreviations, not slips for `doc` and `eval`.
  const short = lower.length <= 5;
  const close =
    near.some((c) => c.distance === 1 && (short ? c.word[0] === lower[0] && c.rank <= 40_000 && (c.flags & ENGLISH) !== 0 : isCommon(c) || lower.length >= 8)) ||
    (lower.length >= 7 && !context.amongTerms && near.some((c) => c.distance === 2 && c.rank <= 20_000));
  // A capitalised word at a sentence's start may still be a name: ask for a closer match.
  if (capitalised && !near.some((c) => c.distance === 1 && c.rank <= 40_000 && c.flags & ENGLISH)) return { kind: 'unknown', suggestions };
  return { kind: close ? 'typo' : 'unknown', suggestions };
}

/**
 * A camelCase or PascalCase word the dictionaries do not know: a name, unless it is one edit
 * from a term of the vocabularies (`OpenTelemety` → OpenTelemetry) or one of its parts is one
 * edit from a frequent word or a term (`DataPipline` → DataPipeline). Names whose parts are
 * not close to anything (`McDonald`, `WattTime`) stay quiet.
 */
function compoundVerdict(lookup: Lookup, word: string, parts: readonly string[], partKnown: (part: string) => boolean): Verdict {
  const { dictionary } = lookup;
  const lower = word.toLowerCase();
  const fixedParts: string[] = [];
  for (let i = 0; i < parts.length && fixedParts.length < 5; i++) {
    const part = parts[i];
    if (part.length < 5 || partKnown(part) || part === part.toUpperCase()) continue;
    const info = lookup.wordInfo(part.toLowerCase());
    for (const c of info.near) {
      if (c.distance !== 1 || c.word.includes(' ') || c.word.includes("'") || !(c.rank <= 20_000 || (c.flags & VOCABULARIES && c.word.length >= 6))) continue;
      const fixed = matchCase(part, c.word);
      const whole = [...parts.slice(0, i), fixed, ...parts.slice(i + 1)].join('');
      if (!fixedParts.includes(whole)) fixedParts.push(whole);
    }
  }
  // Known terms first, written as the vocabulary writes them, else as the word is written.
  const suggestions: string[] = [];
  if (lower.length >= 7) {
    for (const c of lookup.nearNames(lower)) {
      const written = dictionary.display(c.word);
      const term = written !== c.word ? written : (fixedParts.find((f) => f.toLowerCase() === c.word) ?? written);
      if (!suggestions.includes(term)) suggestions.push(term);
    }
  }
  for (const f of fixedParts) if (!suggestions.some((s) => s.toLowerCase() === f.toLowerCase())) suggestions.push(f);
  return suggestions.length > 0 ? { kind: 'typo', suggestions: suggestions.slice(0, 5) } : { kind: 'unknown', suggestions: [] };
}

function isCompound(lookup: Lookup, lower: string): boolean {
  const { dictionary, mask } = lookup;
  for (let k = 4; k <= lower.length - 4; k++) {
    const a = lower.slice(0, k);
    const b = lower.slice(k);
    if (!isKnown(dictionary, a, mask) || !isKnown(dictionary, b, mask)) continue;
    // One edit from a frequent English word, the parts are a coincidence (`examplex`: exam, plex;
    // `thanksfully`: thanks, fully), unless the word is that word's plural (`loopvars`).
    const slip = lookup.wordInfo(lower).near.some((c) => c.distance === 1 && c.rank <= 40_000 && c.flags & ENGLISH && !c.word.includes(' ') && !c.word.includes("'") && c.word !== lower.slice(0, -1) && `${c.word}s` !== lower);
    if (slip) return false;
    return true;
  }
  return false;
}

/** A British or American spelling of a known word: `-ise` for `-ize` and the other way round. */
function otherVariant(lookup: Lookup, lower: string): boolean {
  const m = /^(.{3,})i([sz])(e|es|ed|ing|ation|ations|er|ers)$/.exec(lower);
  return !!m && lookup.isKnown(`${m[1]}i${m[2] === 's' ? 'z' : 's'}${m[3]}`);
}

/** A known word with a suffix of spoken English: `marketingy`, `interwebz`. */
function coinage(lookup: Lookup, lower: string): boolean {
  const m = /^(.{5,}?)(y|z|ish)$/.exec(lower);
  return !!m && lookup.isKnown(m[1]) && !lookup.wordInfo(lower, false).misspelling;
}

/**
 * An inflection of a known word (`webservers`). The English lists already hold every valid
 * inflection of their words, so one of a plain English stem that is also one edit from a very
 * common word is a typo of that word (`coffes`), not a new form.
 */
function isInflection(lookup: Lookup, lower: string): boolean {
  for (const suffix of ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers', 'or', 'ors']) {
    if (lower.length - suffix.length < 4 || !lower.endsWith(suffix)) continue;
    const stem = lower.slice(0, -suffix.length);
    if (!isKnown(lookup.dictionary, stem, lookup.mask)) continue;
    const english = (lookup.dictionary.flags(stem) & VOCABULARIES) === 0;
    if (english && lookup.wordInfo(lower).near.some((c) => c.distance === 1 && c.rank <= 5_000 && (c.flags & ENGLISH) !== 0)) continue;
    // A past form of a plain English word that the lists do not give is no verb's (`passionated`).
    if (english && suffix === 'd' && stem.endsWith('e') && (lookup.dictionary.rank(stem) ?? 1e6) <= 20_000) continue;
    return true;
  }
  return false;
}

/** Suggestions, best first: known corrections, then the nearest words, in the word's case. */
function suggestionsFor(lookup: Lookup, word: string, info: WordInfo): string[] {
  const out: string[] = [];
  for (const fix of info.misspelling ?? []) out.push(fix);
  for (const c of info.near) {
    const written = lookup.dictionary.display(c.word);
    if (!out.some((o) => o.toLowerCase() === c.word)) out.push(c.word.includes(' ') ? c.word : written);
  }
  return out.slice(0, 5).map((s) => matchCase(word, s));
}

function matchCase(original: string, suggestion: string): string {
  if (suggestion !== suggestion.toLowerCase()) return suggestion; // a name keeps its own form
  if (original.length > 1 && original === original.toUpperCase()) return suggestion.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  return suggestion;
}
