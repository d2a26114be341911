import { MemoKey } from '../../session/state';
import { WordFlag, type Dictionary } from '../../spelling/dictionary';
import type { Token } from '../../spelling/tokens';
import type { Part } from './documentWords';

/**
 * Where an unknown word stands, as far as it tells whether the writer meant it: a coinage in
 * quotation marks, a sound said twice, a surname beside a given name, a word of a foreign phrase.
 */
export interface WordContext {
  /** The only word between quotation marks (`‘bleh’`, `"cousin-frenchies"`): said on purpose. */
  quoted: boolean;
  /** Said twice in a row (`Choo choo!`): a sound or an emphasis, not a slip of spelling. */
  reduplicated: boolean;
  /** Next to a capitalised word the name lists know: a person's name. */
  besideName: boolean;
  /** After "aka": a handle. */
  handle: boolean;
  /** In a list beside a word no dictionary knows (`objdump, readelf and such`): a term among terms. */
  amongTerms: boolean;
  /** After an article or preposition of another language (`Pain au Chocolat`, `Palais des Congrès`). */
  foreignPhrase: boolean;
}

export const NO_CONTEXT: WordContext = { quoted: false, reduplicated: false, besideName: false, handle: false, amongTerms: false, foreignPhrase: false };

/** Articles and prepositions of French, Spanish, Italian, Portuguese, German and Dutch that English does not use. */
const FOREIGN_FUNCTION_WORDS: ReadonlySet<string> = new Set(['au', 'aux', 'du', 'des', 'le', 'les', 'del', 'della', 'degli', 'los', 'las', 'el', 'dos', 'das', 'der', 'und', 'von', 'het', 'een', 'et', 'avec', 'sur', 'pour']);
const OPENING_QUOTES = /["'‘“„«]$/;
const CLOSING_QUOTES = /^["'’”“»]/;

/** What is read of an unknown word from its part alone: its context, and the verdict key it gives. */
export interface KeptWord {
  context: WordContext;
  /** A letter set apart by markup (`**B**ig`): not a word of its own. */
  split: boolean;
  /** The word, its place in the sentence and its context: equal keys (in one language) get one verdict. */
  key: string;
}

const KEPT_WORDS = new MemoKey<Map<number, KeptWord>>('spelling.keptWords');

/**
 * What `wordContext` and the word's place give, kept with the part's section parse while what
 * tells a known word (`known`: the lookup and the accepted words, by identity and as a key)
 * stays the same: a keystroke reads again only the words of the section it changed.
 */
export function keptWord(part: Part, index: number, dictionary: Dictionary, isKnown: (lower: string) => boolean, known: readonly unknown[]): KeptWord {
  const kept = part.memo?.get(KEPT_WORDS, known, () => new Map<number, KeptWord>());
  let word = kept?.get(index);
  if (!word) {
    const r = part.tokens[index];
    const context = wordContext(part, index, dictionary, isKnown);
    const split = /\p{L}[*_]+$/u.test(part.text.slice(Math.max(0, r.start - 3), r.start));
    const key = `${r.text}|${r.sentenceStart ? 1 : 0}${r.soleLinkWord ? 1 : 0}${r.inHeadingParens ? 1 : 0}|${Object.values(context).map(Number).join('')}`;
    word = { context, split, key };
    kept?.set(index, word);
  }
  return word;
}

/** The context of the token at `index` of a part. */
export function wordContext(part: Part, index: number, dictionary: Dictionary, isKnown: (lower: string) => boolean): WordContext {
  const { tokens, text } = part;
  const t = tokens[index];
  const neighbour = (k: number): Token | undefined => {
    const o = tokens[k];
    if (!o || o.block !== t.block) return undefined;
    const [a, b] = k < index ? [o, t] : [t, o];
    return /^[ \t]*\r?\n?[ \t>]*$/.test(text.slice(a.end, b.start).replace(/[*_[\]]/g, '')) ? o : undefined;
  };
  const prev = neighbour(index - 1);
  const next = neighbour(index + 1);
  const before = text.slice(Math.max(0, t.start - 2), t.start);
  const after = text.slice(t.end, t.end + 2);
  // A hyphenated compound in quotes counts as one word: `"cousin-frenchies"`.
  const openAt = /-$/.test(before) ? t.start - (/[\p{L}\p{M}-]*$/u.exec(text.slice(Math.max(0, t.start - 60), t.start))?.[0].length ?? 0) : t.start;
  const closeAt = /^-/.test(after) ? t.end + (/^[\p{L}\p{M}-]*/u.exec(text.slice(t.end, t.end + 60))?.[0].length ?? 0) : t.end;
  const quoted = OPENING_QUOTES.test(text.slice(Math.max(0, openAt - 1), openAt)) && CLOSING_QUOTES.test(text.slice(closeAt, closeAt + 1));
  const same = (o: Token | undefined): boolean => !!o && o.lower === t.lower;
  const person = (o: Token | undefined): boolean => !!o && /^\p{Lu}\p{Ll}/u.test(o.text) && (dictionary.flags(o.lower) & WordFlag.Person) !== 0;
  const capitalised = /^\p{Lu}/u.test(t.text);
  const listed = (k: number): boolean => {
    const o = tokens[k];
    if (!o || o.block !== t.block) return false;
    const gap = k < index ? text.slice(o.end, t.start) : text.slice(t.end, o.start);
    return /^\s*[,/]\s*$/.test(gap) && (!isKnown(o.lower) || o.text === o.text.toUpperCase());
  };
  return {
    amongTerms: listed(index - 1) || listed(index + 1),
    quoted,
    reduplicated: same(prev) || same(next),
    besideName: capitalised && (person(prev) || person(next) || inListOfNames(tokens, text, index, person)),
    handle: !!prev && /^(aka|a\.k\.a)$/.test(prev.lower),
    foreignPhrase: !!prev && FOREIGN_FUNCTION_WORDS.has(prev.lower),
  };
}

/**
 * Whether a capitalised word is one of a pair of capitalised words, listed beside a given name and
 * surname (`Bassam Tabbara, Tony Allen & Jared Watts`): a speaker in a list of speakers.
 */
function inListOfNames(tokens: readonly Token[], text: string, index: number, person: (t: Token | undefined) => boolean): boolean {
  const t = tokens[index];
  const capital = (k: number): boolean => !!tokens[k] && tokens[k].block === t.block && /^\p{Lu}\p{Ll}/u.test(tokens[k].text);
  const spaced = (a: number, b: number): boolean => /^[ \t]+$/.test(text.slice(tokens[a].end, tokens[b].start));
  const paired = (capital(index - 1) && spaced(index - 1, index)) || (capital(index + 1) && spaced(index, index + 1));
  if (!paired) return false;
  for (let k = Math.max(0, index - 5); k <= index + 4 && k + 1 < tokens.length; k++) {
    if (Math.abs(k - index) <= 1 || k + 1 === index || !person(tokens[k]) || tokens[k].block !== t.block || !capital(k + 1) || !spaced(k, k + 1)) continue;
    const [from, to] = k < index ? [tokens[k + 1].end, t.start] : [t.end, tokens[k].start];
    if (to - from < 60 && /[,&]|\band\b/.test(text.slice(from, to))) return true;
  }
  return false;
}
