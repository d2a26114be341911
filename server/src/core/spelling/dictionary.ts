/**
 * The compiled word list the spell checker reads: one sorted, lower-case, newline-separated
 * list of every accepted word, a parallel string of flags (which dictionary each word comes
 * from), the frequent words in order of frequency, known misspellings with their corrections,
 * and the written form of words that are not lower case. It is built once at build time
 * (`scripts/build-dictionaries.ts`, format in `format.ts`) and searched in the bytes of the
 * file as read: no per-word objects and no scan, so loading costs a file read; lookups are
 * binary searches.
 */

import { Alphabet } from './alphabet';
import { compareText, findLine, latin1Bytes, latin1Text } from './bytes';
import { capitalised, FORMAT_TAG, type Header } from './format';

export { encodeDictionary, type DictionaryInput } from './encode';
export { COMMON_RANK, FORMAT_TAG, WordFlag } from './format';

export class DictionaryError extends Error {}

export interface Candidate {
  word: string;
  distance: number;
  flags: number;
  /** Frequency rank; 1e6 for words not among the frequent ones. */
  rank: number;
}

/** A loaded dictionary. Every method takes lower-case words. */
export class Dictionary {
  /** The sorted words, one a line, in the alphabet's one-byte form. */
  private readonly words: Uint8Array;
  private readonly starts: Uint32Array;
  /** Words, misspellings and written forms are stored in this alphabet's one-byte form. */
  private readonly alphabet: Alphabet;
  /** One byte a word: 32 + its flags. */
  private readonly flagBytes: Uint8Array;
  /** Two bytes a word: its rank, high byte first. */
  private readonly rankBytes: Uint8Array;
  private readonly misspellingLines: Uint8Array;
  private readonly displayLines: Uint8Array;
  private readonly commonBytes: Uint8Array;
  private commonList?: Dictionary;
  /** The last searches' matches, whatever their flags: the checks of one word ask several times. */
  private readonly walks = new Map<string, Walk>();
  readonly size: number;

  /** The compiled file: its bytes (as read), or the same one-byte text as a string. */
  constructor(compiled: Uint8Array | string) {
    const bytes = typeof compiled === 'string' ? latin1Bytes(compiled) : compiled;
    if (compareText(bytes, 0, Math.min(bytes.length, FORMAT_TAG.length + 1), FORMAT_TAG + '\n') !== 0) throw new DictionaryError('not a Talkdown dictionary (wrong header)');
    const headerEnd = bytes.indexOf(0x0a, FORMAT_TAG.length + 1);
    if (headerEnd === -1) throw new DictionaryError('truncated header');
    let header: Header;
    try {
      header = JSON.parse(latin1Text(bytes, FORMAT_TAG.length + 1, headerEnd)) as Header;
    } catch {
      throw new DictionaryError('damaged header');
    }
    const body = bytes.subarray(headerEnd + 1);
    const s = header?.sections;
    const section = (key: keyof Header['sections']): Uint8Array => {
      const range = s?.[key];
      if (!Array.isArray(range) || !(range[0] <= range[1]) || range[1] > body.length) throw new DictionaryError(`damaged section ${key}`);
      return body.subarray(range[0], range[1]);
    };
    if (!Array.isArray(header.alphabet) || !header.alphabet.every((c) => Number.isInteger(c) && c >= 0x80 && c <= 0xffff)) throw new DictionaryError('damaged alphabet');
    this.alphabet = new Alphabet(header.alphabet);
    this.words = section('words');
    this.flagBytes = section('flags');
    this.rankBytes = section('ranks');
    this.misspellingLines = section('misspellings');
    this.displayLines = section('display');
    this.commonBytes = section('common');
    this.size = header.words;
    if (this.flagBytes.length !== this.size || this.rankBytes.length !== 2 * this.size) throw new DictionaryError('damaged: flags do not match the words');
    this.starts = wordStarts(section('lengths'), this.words, this.size);
  }

  private compareAt(i: number, word: string): number {
    return compareText(this.words, this.starts[i], this.starts[i + 1] - 1, word);
  }

  /** Index of the first word ≥ `word`. */
  private lowerBound(word: string): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(mid, word) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private wordAt(i: number): string {
    return this.alphabet.read(latin1Text(this.words, this.starts[i], this.starts[i + 1] - 1));
  }

  /** The word's flags, or 0 when it is not in the dictionary. */
  flags(written: string): number {
    const word = this.alphabet.store(written);
    const i = this.lowerBound(word);
    return i < this.size && this.compareAt(i, word) === 0 ? this.flagBytes[i] - 32 : 0;
  }

  /** The common words as a dictionary of their own, for wide searches; loaded on first use. */
  common(): Dictionary {
    if (this.commonBytes.length === 0) return this;
    return (this.commonList ??= new Dictionary(this.commonBytes));
  }

  /** 1 for the most frequent word; undefined for words not among the frequent ones. */
  rank(written: string): number | undefined {
    const word = this.alphabet.store(written);
    const i = this.lowerBound(word);
    if (i >= this.size || this.compareAt(i, word) !== 0) return undefined;
    return this.rankAt(i);
  }

  rankAt(i: number): number | undefined {
    const r = (this.rankBytes[2 * i] << 8) | this.rankBytes[2 * i + 1];
    return r === 0xffff ? undefined : r;
  }

  /** The corrections of a known misspelling. */
  misspelling(written: string): string[] | undefined {
    const found = findLine(this.misspellingLines, this.alphabet.store(written));
    return found && this.alphabet.read(latin1Text(this.misspellingLines, found[0], found[1])).split(',');
  }

  /** How the word is written (`kubernetes` → `Kubernetes`). */
  display(word: string): string {
    const found = findLine(this.displayLines, this.alphabet.store(word));
    if (!found) return word;
    // An empty written form is the word with a capital first letter (`encode.ts`).
    return found[0] === found[1] ? capitalised(word) : this.alphabet.read(latin1Text(this.displayLines, found[0], found[1]));
  }

  /**
   * The first word after i that does not start with word i's first `p` characters: galloping,
   * then a binary search; one loop, as a search's first calls run before V8 optimises it.
   */
  private skipPrefix(i: number, p: number): number {
    const { starts, words, size } = this;
    const a = starts[i];
    let lo = i; // shares the prefix
    let hi = i + 1;
    let step = 1;
    let galloping = true;
    for (;;) {
      if (galloping && hi >= size) {
        hi = size;
        galloping = false;
      }
      if (!galloping && hi - lo <= 1) return hi;
      const probe = galloping ? hi : (lo + hi) >>> 1;
      // Whether word `probe` starts with the first p characters of word i.
      const b = starts[probe];
      let shares = starts[probe + 1] - 1 - b >= p;
      for (let k = 0; shares && k < p; k++) shares = words[a + k] === words[b + k];
      if (!galloping) {
        if (shares) lo = probe;
        else hi = probe;
      } else if (shares) {
        lo = hi;
        step *= 2;
        hi = i + step;
      } else galloping = false;
    }
  }

  /**
   * The words within `maxDistance` edits (insertions, deletions, substitutions and swaps of
   * neighbours) of `word` whose flags pass `accept`, at most `limit` of them, in the list's
   * order. The walk's matches are kept for the last few words, whatever their flags: the checks
   * of one word ask for the same walk with other flags, or for a narrower one.
   */
  search(written: string, maxDistance: number, accept: (flags: number) => boolean, limit = 4000): Candidate[] {
    const word = this.alphabet.store(written);
    const out: Candidate[] = [];
    if (word.length === 0 || word.length > 40) return out;
    const walk = this.recentWalk(word, maxDistance);
    const { found, distances } = walk;
    for (let k = 0; k < found.length && out.length < limit; k++) {
      if (distances[k] > maxDistance) continue;
      const i = found[k];
      const flags = this.flagBytes[i] - 32;
      if (accept(flags)) out.push({ word: this.wordAt(i), distance: distances[k], flags, rank: this.rankAt(i) ?? 1e6 });
    }
    return out;
  }

  /** A kept walk that answers this one (the same, or a wider one that was not cut short), or a new one. */
  private recentWalk(word: string, maxDistance: number): Walk {
    for (let d = maxDistance; d <= maxDistance + 1; d++) {
      const kept = this.walks.get(`${d} ${word}`);
      if (kept && (d === maxDistance || kept.complete)) return kept;
    }
    const walk = this.walk(word, maxDistance);
    if (this.walks.size >= KEPT_WALKS) this.walks.delete(this.walks.keys().next().value!);
    this.walks.set(`${maxDistance} ${word}`, walk);
    return walk;
  }

  /**
   * Every word within `maxDistance` edits of `word` (stored form). The sorted list is walked as
   * a trie: words sharing a prefix share the rows of the distance table, and a prefix whose row
   * is already too far skips every word that starts with it.
   */
  private walk(word: string, maxDistance: number): Walk {
    const found: number[] = [];
    const distances: number[] = [];
    const m = word.length;
    const codes = this.words;
    const w = new Uint16Array(m);
    for (let k = 0; k < m; k++) w[k] = word.charCodeAt(k);
    const maxLen = m + maxDistance;
    const rows: Int32Array[] = [];
    for (let d = 0; d <= maxLen; d++) rows.push(new Int32Array(m + 1));
    for (let j = 0; j <= m; j++) rows[0][j] = j;
    const prefix = new Uint16Array(maxLen + 2);
    let prefixLength = 0;
    let i = 0;
    let budget = 200_000; // visited characters: bounds the time on any input
    while (i < this.size && budget > 0) {
      const start = this.starts[i];
      const len = this.starts[i + 1] - 1 - start;
      // Rows for the prefix this word shares with the last one are still valid.
      let depth = 0;
      while (depth < prefixLength && depth < len && codes[start + depth] === prefix[depth]) depth++;
      prefixLength = depth;
      let pruned = -1;
      for (let d = depth; d < len; d++) {
        if (d + 1 > maxLen) {
          pruned = d;
          break;
        }
        budget--;
        const c = codes[start + d];
        prefix[d] = c;
        prefixLength = d + 1;
        const prev = rows[d];
        const row = rows[d + 1];
        row[0] = d + 1;
        // Only the band |d + 1 - j| <= maxDistance can hold a distance within reach: the cells
        // just outside it are set to one more (all a decision needs), and the rest are not read.
        const lo = d + 1 - maxDistance > 1 ? d + 1 - maxDistance : 1;
        const hi = d + 1 + maxDistance < m ? d + 1 + maxDistance : m;
        if (lo > 1) row[lo - 1] = maxDistance + 1;
        if (hi < m) row[hi + 1] = maxDistance + 1;
        let best = row[0];
        for (let j = lo; j <= hi; j++) {
          const cost = w[j - 1] === c ? 0 : 1;
          let v = prev[j - 1] + cost;
          const del = prev[j] + 1;
          if (del < v) v = del;
          const ins = row[j - 1] + 1;
          if (ins < v) v = ins;
          if (d >= 1 && j >= 2 && c === w[j - 2] && prefix[d - 1] === w[j - 1]) {
            const swap = rows[d - 1][j - 2] + 1;
            if (swap < v) v = swap;
          }
          row[j] = v;
          if (v < best) best = v;
        }
        if (best > maxDistance) {
          pruned = d + 1;
          break;
        }
      }
      if (pruned !== -1) {
        // Skip every word that starts with the first `pruned` characters of this one.
        prefixLength = Math.min(prefixLength, pruned - 1);
        i = this.skipPrefix(i, pruned);
        continue;
      }
      const distance = m - len > maxDistance ? maxDistance + 1 : rows[len][m];
      if (distance <= maxDistance) {
        found.push(i);
        distances.push(distance);
      }
      i++;
    }
    return { found, distances, complete: i >= this.size };
  }
}

/** The matches of one walk: word indexes and their distances, in the list's order. */
interface Walk {
  found: number[];
  distances: number[];
  /** Whether the walk reached the end of the list (its budget did not cut it short). */
  complete: boolean;
}

/** How many walks a dictionary keeps. */
const KEPT_WALKS = 16;

/**
 * Where each word starts in `words`, and one past the end (where a word after the last would),
 * from the words' lengths: no scan of the words. Checked where it costs nothing more: the end,
 * and the line end before one start in 1,024.
 */
function wordStarts(lengths: Uint8Array, words: Uint8Array, size: number): Uint32Array {
  if (lengths.length !== size) throw new DictionaryError('damaged: word count does not match');
  const starts = new Uint32Array(size + 1);
  let at = 0;
  for (let i = 0; i < size; i++) {
    starts[i] = at;
    at += lengths[i] + 1;
  }
  starts[size] = at;
  let ok = at === words.length + 1;
  for (let i = 1024; ok && i < size; i += 1024) ok = words[starts[i] - 1] === 0x0a;
  if (!ok) throw new DictionaryError('damaged: word count does not match');
  return starts;
}
