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
    besideName: capitalised && (person(prev) || person(next)),
    handle: !!prev && /^(aka|a\.k\.a)$/.test(prev.lower),
    foreignPhrase: !!prev && FOREIGN_FUNCTION_WORDS.has(prev.lower),
  };
}
