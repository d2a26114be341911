import type { Session } from '../../session/session';
import { SessionKey } from '../../session/state';
import type { EnglishVariant } from '../../settings';
import { WordFlag, type Candidate, type Dictionary } from '../../spelling/dictionary';

/** What the dictionary alone says of a word. */
export interface WordInfo {
  known: boolean;
  misspelling?: string[];
  /** Candidates, best first (empty until searched). */
  near: Candidate[];
  searched: boolean;
}

/** Each remembered answer table is emptied when it reaches this size. */
const WORD_CACHE_LIMIT = 50_000;

const ENGLISH = WordFlag.US | WordFlag.GB;
const VOCABULARIES = WordFlag.Software | WordFlag.CloudNative;

/** The dictionary flags a variant of English accepts. */
export function variantMask(language: EnglishVariant): number {
  const english = language === 'en-US' ? WordFlag.US : language === 'en-GB' ? WordFlag.GB : ENGLISH;
  return english | VOCABULARIES;
}

/** Whether the dictionary knows a word, its possessive or its contraction, under a mask. */
export function isKnown(dictionary: Dictionary, lower: string, mask: number): boolean {
  if (dictionary.flags(lower) & mask) return true;
  // Possessives and contractions of known words.
  const stem = lower.replace(/'(?:s|ll|re|ve|d|t)$/, '');
  if (stem !== lower && stem.length > 0 && dictionary.flags(stem) & mask) return true;
  return false;
}

/** A table that empties itself when full: memory stays bounded on a garbled post. */
class Bounded<T> {
  private readonly map = new Map<string, T>();
  get(key: string): T | undefined {
    return this.map.get(key);
  }
  set(key: string, value: T): void {
    if (this.map.size >= WORD_CACHE_LIMIT) this.map.clear();
    this.map.set(key, value);
  }
}

/**
 * The dictionary's answers for one variant of English, remembered for the session: the same
 * words come back on every keystroke.
 */
export class Lookup {
  readonly mask: number;
  private readonly words = new Bounded<WordInfo>();
  private readonly known = new Bounded<boolean>();
  private readonly names = new Bounded<Candidate[]>();
  private readonly veryCommon = new Bounded<boolean>();
  private readonly persons = new Bounded<boolean>();

  constructor(
    readonly dictionary: Dictionary,
    readonly language: EnglishVariant,
  ) {
    this.mask = variantMask(language);
  }

  /** isKnown, remembered. */
  isKnown(lower: string): boolean {
    let value = this.known.get(lower);
    if (value === undefined) this.known.set(lower, (value = isKnown(this.dictionary, lower, this.mask)));
    return value;
  }

  /** What the dictionary alone says of a word: known, a known misspelling, or its nearest words. */
  wordInfo(lower: string, search = true): WordInfo {
    const { dictionary, mask } = this;
    const cached = this.words.get(lower);
    if (cached && (cached.searched || !search)) return cached;
    let info: WordInfo;
    if (this.isKnown(lower)) {
      info = { known: true, near: [], searched: true };
    } else if (!search) {
      info = { known: false, misspelling: dictionary.misspelling(lower), near: [], searched: false };
    } else {
      const accept = (flags: number): boolean => (flags & mask) !== 0;
      // One edit first; two only for longer words with no common word one edit away.
      let found = dictionary.search(lower, 1, accept);
      // Two edits only among common words: a rare word two edits away is no likely intent.
      if (lower.length > 5 && !found.some((c) => c.rank <= 40_000)) {
        const seen = new Set(found.map((c) => c.word));
        found = found.concat(dictionary.common().search(lower, 2, accept).filter((c) => !seen.has(c.word)));
      }
      const seen = new Set(found.map((c) => c.word));
      const extra = [...splits(dictionary, lower, mask), ...contractions(dictionary, lower, mask)].filter((c) => !seen.has(c.word));
      const near = found.concat(extra).sort((a, b) => cost(lower, a) - cost(lower, b)).slice(0, 8);
      info = { known: false, misspelling: dictionary.misspelling(lower), near, searched: true };
    }
    this.words.set(lower, info);
    return info;
  }

  /** Vocabulary names one edit away (`kuberentes` → Kubernetes), remembered. */
  nearNames(lower: string): Candidate[] {
    let found = this.names.get(lower);
    if (!found) {
      const mask = this.mask;
      found = this.dictionary.search(lower, 1, (flags) => (flags & mask) !== 0 && !(flags & ENGLISH) && (flags & VOCABULARIES) !== 0);
      this.names.set(lower, found);
    }
    return found;
  }

  /** Whether a person's name of the name lists is one edit away, remembered. */
  nearPerson(lower: string): boolean {
    let found = this.persons.get(lower);
    if (found === undefined) {
      found = this.dictionary.search(lower, 1, (flags) => (flags & WordFlag.Person) !== 0, 50).length > 0;
      this.persons.set(lower, found);
    }
    return found;
  }

  /** Whether a very common word (among the 5,000 most frequent) is one edit away, remembered. */
  nearVeryCommon(lower: string): boolean {
    let found = this.veryCommon.get(lower);
    if (found === undefined) {
      const mask = this.mask;
      found = this.dictionary.common().search(lower, 1, (flags) => (flags & mask) !== 0).some((c) => c.rank <= 5_000);
      this.veryCommon.set(lower, found);
    }
    return found;
  }
}

/** The session's lookups, per variant mask, for the one dictionary last used. */
const LOOKUPS = new SessionKey('spelling.lookups', () => ({ dictionary: undefined as Dictionary | undefined, byMask: new Map<number, Lookup>() }));

/** The remembered lookups of a dictionary for a variant of English. */
export function lookupFor(session: Session, dictionary: Dictionary, language: EnglishVariant): Lookup {
  const state = session.state(LOOKUPS);
  if (state.dictionary !== dictionary) {
    state.byMask.clear();
    state.dictionary = dictionary;
  }
  const mask = variantMask(language);
  let lookup = state.byMask.get(mask);
  if (!lookup) state.byMask.set(mask, (lookup = new Lookup(dictionary, language)));
  return lookup;
}

/** A contraction written without its apostrophe (`dont` → don't): the likeliest fix of all. */
function contractions(dictionary: Dictionary, lower: string, mask: number): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 1; k < lower.length; k++) {
    const word = `${lower.slice(0, k)}'${lower.slice(k)}`;
    if (dictionary.flags(word) & mask & ENGLISH) out.push({ word, distance: 1, flags: dictionary.flags(word), rank: dictionary.rank(word) ?? 1e6 });
  }
  return out;
}

/** Two words run together (`sortof`): both common, offered as one edit away. */
function splits(dictionary: Dictionary, lower: string, mask: number): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 1; k < lower.length; k++) {
    const a = lower.slice(0, k);
    const b = lower.slice(k);
    if ((a.length < 2 && a !== 'a') || (b.length < 2 && b !== 'a')) continue;
    const ra = dictionary.rank(a);
    const rb = dictionary.rank(b);
    if (ra !== undefined && rb !== undefined && ra <= 5000 && rb <= 5000 && dictionary.flags(a) & mask && dictionary.flags(b) & mask) {
      out.push({ word: `${a} ${b}`, distance: 1, flags: ENGLISH, rank: Math.max(ra, rb) });
    }
  }
  return out;
}

/**
 * How unlikely a candidate is as the intended word: its edit distance, plus a little when the
 * first letter differs (writers rarely miss the first letter) and when the word is rare.
 */
function cost(typo: string, c: { word: string; distance: number; rank: number; flags: number }): number {
  // Only the apostrophe missing: nothing else is as likely.
  if (c.word.length === typo.length + 1 && c.word.replace("'", '') === typo) return 0.5;
  const firstLetter = c.word.charCodeAt(0) === typo.charCodeAt(0) ? 0 : 0.6;
  const rarity = Math.log10(Math.max(1, c.rank)) / 6; // 0 for the most common word, 1 for unranked
  const vocabulary = c.flags & VOCABULARIES && c.rank >= 1e6 ? -0.3 : 0;
  return c.distance + firstLetter + 0.5 * rarity + vocabulary + (c.word.length === typo.length ? 0 : 0.05);
}

/** A frequent word, or a term of the software vocabularies: one a writer likely meant. */
export function isCommon(c: { distance: number; rank: number; flags: number }): boolean {
  return c.rank <= 40_000 || (c.flags & VOCABULARIES) !== 0;
}
