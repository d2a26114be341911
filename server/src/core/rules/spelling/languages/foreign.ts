import type { Session } from '../../../session/session';
import { SessionKey } from '../../../session/state';
import type { WordSet } from '../source';
import { profileOf, type LanguageProfile } from './profiles';

/** Each remembered answer table is emptied when it reaches this size. */
const CACHE_LIMIT = 50_000;

function remember<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/**
 * Another language's dictionary, as the spell checker asks it: whether it knows a word (in the
 * case written, in lower case, after an elided article), and which of its words are one edit
 * away. Its answers are remembered for the session: the same words come back on every keystroke.
 */
export class ForeignWords {
  readonly profile: LanguageProfile;
  private readonly letters: string[];
  private readonly plain = new Map<string, string[]>();
  private readonly knownCache = new Map<string, boolean>();
  private readonly nearCache = new Map<string, string[]>();
  private readonly accentCache = new Map<string, string | null>();

  constructor(
    code: string,
    readonly words: WordSet,
  ) {
    this.profile = profileOf(code);
    const accented = Object.keys(this.profile.accents);
    this.letters = [...'abcdefghijklmnopqrstuvwxyz', ...accented];
    for (const [letter, base] of Object.entries(this.profile.accents)) {
      const list = this.plain.get(base) ?? [];
      list.push(letter);
      this.plain.set(base, list);
    }
  }

  /** The word split into an elided article or pronoun (`l'`, `qu'`) and the word it stands before. */
  private elided(word: string): [string, string] | undefined {
    const m = /^(\p{L}{1,7})'(\p{L}.*)$/u.exec(word);
    return m && this.profile.elisions.includes(m[1].toLowerCase()) ? [`${m[1]}'`, m[2]] : undefined;
  }

  /** Whether the dictionary knows a form as written, in lower case, or (for a capitalised word) as a sentence's first word. */
  private hasForm(word: string): boolean {
    const { words } = this;
    if (words.has(word)) return true;
    const lower = word.toLowerCase();
    if (lower !== word && words.has(lower)) return true;
    // A lower-case word written in capitals at a sentence start, or a capitalised word all in capitals.
    if (word.length > 1 && word === word.toUpperCase() && words.has(capitalise(lower))) return true;
    return false;
  }

  /**
   * Whether the language knows the word (straight or curly apostrophes), remembered: as
   * written, after an elided article, with `oe` for `œ`, with a capital that dropped its accent
   * (`Etre`), or as a compound of known words in a language that joins them (German, Dutch).
   */
  knows(text: string): boolean {
    const word = text.normalize('NFC').replace(/’/g, "'");
    let value = this.knownCache.get(word);
    if (value === undefined) {
      const split = this.elided(word);
      value = this.knowsForm(word) || (split !== undefined && this.knowsForm(split[1]));
      remember(this.knownCache, word, value);
    }
    return value;
  }

  /** A compound's first part written before a hyphen (`Bibliotheks-`): known as is or without its linking letters. */
  knowsHead(text: string): boolean {
    if (this.knows(text)) return true;
    const lower = text.toLowerCase();
    return this.profile.linking.some((l) => lower.endsWith(l) && lower.length - l.length >= 3 && this.knows(text.slice(0, -l.length)));
  }

  /** The part of an elided word after its article (`analyse` of `l'analyse`), or undefined. */
  elidedWord(text: string): string | undefined {
    return this.elided(text.replace(/’/g, "'"))?.[1];
  }

  private knowsForm(word: string): boolean {
    if (this.hasForm(word)) return true;
    if (/oe|ae/i.test(word) && this.hasForm(word.replace(/oe/g, 'œ').replace(/ae/g, 'æ'))) return true;
    // Swiss spelling writes `ss` for `ß` (`bloss`).
    if (this.profile.accents['ß'] && word.includes('ss') && this.hasForm(word.replace(/ss/g, 'ß'))) return true;
    // A spoken `es` run onto a verb (`gehts` for geht's).
    if (this.profile.code === 'de' && /\p{Ll}ts$/u.test(word) && this.hasForm(word.slice(0, -1))) return true;
    // Capitals often go without their accent: `Etre` for Être.
    const first = word.charAt(0);
    if (/\p{Lu}/u.test(first)) {
      for (const [letter, base] of Object.entries(this.profile.accents)) {
        if (base === first.toLowerCase() && this.hasForm(letter.toUpperCase() + word.slice(1))) return true;
      }
    }
    return this.profile.compounds && this.isCompound(word);
  }

  /**
   * A compound of two or three words the language knows (`Ausdauer` + `vermögen`), with the
   * linking letters it puts between them (`Gesundheit-s-amt`), or a verb's stem first
   * (`Verweil-möglichkeiten`).
   */
  private isCompound(word: string, depth = 0): boolean {
    const lower = word.toLowerCase();
    if (lower.length < 7 || depth > 1) return false;
    const head = (h: string): boolean => h.length >= 4 && (this.hasForm(h) || this.words.has(capitalise(h)) || this.words.has(`${h}en`) || this.words.has(`${h}n`));
    const tail = (t: string): boolean => t.length >= 4 && (this.hasForm(t) || this.words.has(capitalise(t)) || this.isCompound(t, depth + 1));
    for (let k = 4; k <= lower.length - 4; k++) {
      const h = lower.slice(0, k);
      const t = lower.slice(k);
      if (!tail(t)) continue;
      // `Verwaltung` + `daten` needs its `s`: a compound without it is misspelled.
      if (head(h) && !this.profile.linkedEndings?.test(h)) return true;
      for (const link of this.profile.linking) if (h.endsWith(link) && h.length - link.length >= 4 && head(h.slice(0, -link.length))) return true;
    }
    return false;
  }

  /**
   * The language's words one edit from this one, the likeliest first: accents changed only,
   * then one letter changed, left out, added or swapped. In the case the word is written in.
   */
  near(text: string): string[] {
    const word = text.normalize('NFC').replace(/’/g, "'");
    const cached = this.nearCache.get(word);
    if (cached) return cached;
    const split = this.elided(word);
    const found = split ? this.nearWords(split[1]).map((w) => split[0] + w) : this.nearWords(word);
    return remember(this.nearCache, word, found);
  }

  private nearWords(word: string): string[] {
    const lower = word.toLowerCase();
    const capital = isCapitalised(word);
    const scored = new Map<string, number>();
    const consider = (candidate: string, cost: number): void => {
      if (candidate.length === 0 || scored.has(candidate)) return;
      // A capitalised form is what a German noun is; a word written capitalised keeps its capital.
      const form = this.words.has(candidate) ? candidate : this.words.has(capitalise(candidate)) ? capitalise(candidate) : undefined;
      if (form === undefined) return;
      const out = capital ? capitalise(form) : form;
      const first = candidate.charAt(0) === lower.charAt(0) ? 0 : 0.5;
      if (!scored.has(out) || scored.get(out)! > cost + first) scored.set(out, cost + first);
    };
    const { letters } = this;
    for (let i = 0; i < lower.length; i++) {
      const head = lower.slice(0, i);
      const tail = lower.slice(i + 1);
      consider(head + tail, 1);
      if (i + 1 < lower.length) consider(head + lower[i + 1] + lower[i] + lower.slice(i + 2), 0.9);
      for (const l of letters) {
        if (l === lower[i]) continue;
        // An accent added, dropped or changed is the likeliest slip of all.
        const accentOnly = this.base(l) === this.base(lower[i]);
        consider(head + l + tail, accentOnly ? 0.3 : 1);
      }
    }
    for (let i = 0; i <= lower.length; i++) for (const l of letters) consider(lower.slice(0, i) + l + lower.slice(i), 1);
    const accented = this.accented(word);
    if (accented) scored.set(accented, 0.2);
    // A long word with nothing one edit away: a letter moved (`susceptlibes` → susceptibles).
    if (scored.size === 0 && lower.length >= 9) {
      for (let i = 0; i < lower.length; i++) {
        const dropped = lower.slice(0, i) + lower.slice(i + 1);
        for (let j = 0; j <= dropped.length; j++) if (Math.abs(j - i) > 1) consider(dropped.slice(0, j) + lower[i] + dropped.slice(j), 2);
      }
    }
    return [...scored.entries()].sort((a, b) => a[1] - b[1]).slice(0, 6).map(([w]) => w);
  }

  /** The plain letter an accented one stands on (`é` → e). */
  private base(letter: string): string {
    return this.profile.accents[letter] ?? letter;
  }

  /**
   * A form of the word the language knows that differs only in its accents, in up to two
   * letters (`degradation` → dégradation, `réligion` → religion); undefined when there is none.
   */
  accented(text: string): string | undefined {
    const word = text.normalize('NFC').replace(/’/g, "'");
    const cached = this.accentCache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    const split = this.elided(word);
    const found = split ? this.accentForms(split[1], split[0]) : this.accentForms(word, '');
    remember(this.accentCache, word, found ?? null);
    return found;
  }

  private accentForms(word: string, prefix: string): string | undefined {
    const chars = [...word];
    const lowerChars = [...word.toLowerCase()];
    // The letters that could carry another accent: each with its other forms.
    const options: [number, string[]][] = [];
    lowerChars.forEach((c, i) => {
      const base = this.base(c);
      const forms = [base, ...(this.plain.get(base) ?? [])].filter((f) => f !== c);
      if (forms.length > 0 && (base !== c || this.plain.has(base))) options.push([i, forms]);
    });
    if (options.length === 0 || options.length > 12) return undefined;
    const build = (changes: [number, string][]): string => {
      const out = chars.slice();
      for (const [i, f] of changes) out[i] = /\p{Lu}/u.test(chars[i]) ? f.toUpperCase() : f;
      return out.join('');
    };
    for (const [i, forms] of options) {
      for (const f of forms) {
        const candidate = build([[i, f]]);
        if (this.hasForm(candidate)) return prefix + candidate;
      }
    }
    for (let a = 0; a < options.length; a++) {
      for (let b = a + 1; b < options.length; b++) {
        for (const fa of options[a][1]) {
          for (const fb of options[b][1]) {
            const candidate = build([
              [options[a][0], fa],
              [options[b][0], fb],
            ]);
            if (this.hasForm(candidate)) return prefix + candidate;
          }
        }
      }
    }
    return undefined;
  }

  /** A compound of this language's words and English ones (`Deploymentprozess`, `Fingerfood`), in a language that joins them. */
  isMixedCompound(lower: string, english: (word: string) => boolean): boolean {
    if (!this.profile.compounds || lower.length < 8) return false;
    const part = (p: string): boolean => p.length >= 4 && (english(p) || this.hasForm(p) || this.words.has(capitalise(p)));
    for (let k = 4; k <= lower.length - 4; k++) {
      const h = lower.slice(0, k);
      const t = lower.slice(k);
      if ((english(h) || english(t)) && part(h) && part(t)) return true;
    }
    return false;
  }

  /**
   * An English stem with this language's ending (`host` + `en`, `patch` + `ate`): a loan word
   * writers form on purpose, not a typo.
   */
  isLoan(lower: string, english: (word: string) => boolean): boolean {
    for (const ending of this.profile.loanEndings) {
      if (!lower.endsWith(ending)) continue;
      const stem = lower.slice(0, lower.length - ending.length);
      if (stem.length < 3) continue;
      if (english(stem) || english(`${stem}e`) || english(`${stem}t`) || (/(\p{L})\1$/u.test(stem) && english(stem.slice(0, -1)))) return true;
    }
    return false;
  }
}

/** The session's foreign word lookups, one per loaded dictionary. */
const FOREIGN = new SessionKey('spelling.foreignWords', () => new Map<WordSet, ForeignWords>());

/** The remembered lookups of a language's dictionary. */
export function foreignWordsFor(session: Session, code: string, words: WordSet): ForeignWords {
  const byWords = session.state(FOREIGN);
  let found = byWords.get(words);
  if (!found) byWords.set(words, (found = new ForeignWords(code, words)));
  return found;
}
