import { WordFlag } from '../../../spelling/dictionary';
import type { Token } from '../../../spelling/tokens';
import { isCommon, type Lookup } from '../lookup';
import { classify, type Verdict } from '../verdict';
import type { ForeignWords } from './foreign';

/** Where a word of another language's text stands. */
export interface ForeignContext {
  /** After a first name: a surname. */
  afterName: boolean;
  /** Cut short with a full stop that ends no sentence (`bspw.`). */
  abbreviation: boolean;
  /** Before a hyphen that joins it to the next word (`Bibliotheks-Dashboard`). */
  compoundHead: boolean;
  /** The word it makes with the next one, when the language knows that word (`éco système`). */
  joined?: string;
}

/**
 * What a word of a paragraph in another language is, when neither that language's dictionary
 * nor the English one knows it: undefined when it is fine after all, else a typo (with the
 * language's own words as suggestions) or an unknown word (a name, a loan, a term).
 */
export function classifyForeign(
  foreign: ForeignWords,
  lookup: Lookup,
  t: Token,
  accepted: ReadonlySet<string>,
  names: ReadonlySet<string>,
  occurrences: number,
  context: ForeignContext,
): Verdict | undefined {
  const word = t.text.replace(/’/g, "'");
  const lower = word.toLowerCase();
  if (foreign.knows(word) || lookup.isKnown(lower) || accepted.has(lower)) return undefined;
  // The first part of a hyphenated compound (`Bibliotheks-Dashboard`) keeps its linking letters.
  if (context.compoundHead && foreign.profile.compounds && foreign.knowsHead(word)) return undefined;
  // An English word after an elided article (`l'inner`): a loan.
  const elided = foreign.elidedWord(word);
  if (elided && (lookup.isKnown(elided.toLowerCase()) || accepted.has(elided.toLowerCase()))) return undefined;
  if (word.length < 2 || (word === word.toUpperCase() && /\p{Lu}/u.test(word))) return undefined;
  // camelCase and PascalCase are product names: the English rules for them hold in any language.
  if (/.\p{Lu}/u.test(word)) return classify(lookup, t, accepted, names, occurrences);
  if (names.has(lower) || t.inHeadingParens) return undefined;
  if (context.joined && lower.length >= 2) return { kind: 'typo', suggestions: [context.joined] };
  const capitalised = /^\p{Lu}/u.test(word);
  if (capitalised && lookup.dictionary.flags(lower) & WordFlag.Person) return undefined;
  const { profile } = foreign;
  const english = (w: string): boolean => lookup.isKnown(w);
  // Borrowed English verbs and nouns with the language's endings (`deployen`), held letters
  // ("suuuper") and words used three times are meant.
  // Abbreviations (`bspw.`, `inkl.`) are cut short on purpose.
  const abbreviation = (context.abbreviation && lower.length <= 5) || !/[aeiouyäöüéèêàáíóúąęó]/u.test(lower);
  // Only the accents wrong (`differentes`): a slip, whatever else the word looks like.
  const accented = foreign.accented(word);
  if (accented && !abbreviation && lower.length >= 4) return { kind: 'typo', suggestions: [accented] };
  if (abbreviation || foreign.isLoan(lower, english) || foreign.isMixedCompound(lower, english) || occurrences >= 3 || /(\p{L})\1\1/u.test(lower)) return { kind: 'unknown', suggestions: [] };
  // Capitalised mid-sentence: a name, except in a language that capitalises its nouns, where a
  // long word one edit from a noun is that noun misspelled (unless it follows a name: a surname).
  const nameLike = t.soleLinkWord || (capitalised && !t.sentenceStart) || context.afterName;
  if (nameLike && !(profile.capitalisedNouns && capitalised && lower.length >= 8 && !context.afterName)) {
    // A name of the software vocabularies misspelled (`Kuberentes`) is a typo in any language.
    const vocabulary = lower.length >= 6 ? lookup.nearNames(lower) : [];
    if (vocabulary.length > 0) return { kind: 'typo', suggestions: vocabulary.slice(0, 3).map((c) => c.word) };
    if (context.afterName || t.soleLinkWord || lower.length < 7) return { kind: 'unknown', suggestions: [] };
    // A long capitalised word one edit from an ordinary word of the language (`la Dopammine`),
    // or, with none, from a very common English one (a title: `Sofware Craftsmanship`).
    const near = foreign.near(word).filter((w) => foreign.words.has(w.toLowerCase()));
    // Near a word English knows too (`Sofware`), or long: a misspelling rather than a name.
    if (near.length > 0 && (lower.length >= 9 || near.some((w) => lookup.isKnown(w.toLowerCase())))) return { kind: 'typo', suggestions: near };
    if (near.length > 0) return { kind: 'unknown', suggestions: [] };
    const v = classify(lookup, t, accepted, names, occurrences);
    if (v?.kind === 'typo') return v;
    return lower.length >= 8 ? englishTypo(lookup, word, lower) : { kind: 'unknown', suggestions: [] };
  }
  if (lower.length < 4) return { kind: 'unknown', suggestions: [] };
  const near = foreign.near(word);
  if (near.length > 0 && (lower.length >= 5 || !nameLike)) {
    // A German capitalised word must be near a noun: near a verb or an adjective it is a name.
    if (!(nameLike && profile.capitalisedNouns && !near.some((n) => /^\p{Lu}/u.test(n)))) return { kind: 'typo', suggestions: near };
  }
  // An English word misspelled inside the other language's text (`instalations`).
  if (lower.length >= 6) {
    const v = classify(lookup, t, accepted, names, occurrences);
    if (v?.kind === 'typo') return v;
  }
  return lower.length >= 8 ? englishTypo(lookup, word, lower) : { kind: 'unknown', suggestions: [] };
}

/** A long word one edit from a frequent English word or term (a talk title's `Attentitve`): a typo of it. */
function englishTypo(lookup: Lookup, word: string, lower: string): Verdict {
  // Two English words run together (`rockstar`, `Slidemotion`) are a coinage.
  for (let k = 3; k <= lower.length - 3; k++) if (lookup.isKnown(lower.slice(0, k)) && lookup.isKnown(lower.slice(k))) return { kind: 'unknown', suggestions: [] };
  const near = lookup.wordInfo(lower).near.filter((c) => c.distance === 1 && isCommon(c));
  if (near.length === 0) return { kind: 'unknown', suggestions: [] };
  const capital = /^\p{Lu}/u.test(word);
  return { kind: 'typo', suggestions: near.slice(0, 3).map((c) => (capital ? c.word.charAt(0).toUpperCase() + c.word.slice(1) : c.word)) };
}


/**
 * A word the English dictionary knows but the paragraph's language does not, while a form
 * with other accents is one of its words (`degradation` in French for dégradation, `fur` in
 * German for für): a typo of that form.
 */
export function accentVerdict(foreign: ForeignWords, lookup: Lookup, t: Token, accepted: ReadonlySet<string>): Verdict | undefined {
  const word = t.text.replace(/’/g, "'");
  if (word.length < 3 || accepted.has(t.lower) || !/^\p{Ll}/u.test(word)) return undefined;
  // Very common English words (an English phrase) and software terms (`email`) are written so on purpose.
  const { dictionary } = lookup;
  if ((dictionary.rank(t.lower) ?? 1e9) <= 1000 || dictionary.flags(t.lower) & (WordFlag.Software | WordFlag.CloudNative)) return undefined;
  if (foreign.knows(word)) return undefined;
  const accented = foreign.accented(word);
  return accented ? { kind: 'typo', suggestions: [accented] } : undefined;
}
