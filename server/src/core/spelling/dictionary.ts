/**
 * The compiled word list the spell checker reads: one sorted, lower-case, newline-separated
 * list of every accepted word, a parallel string of flags (which dictionary each word comes
 * from), the frequent words in order of frequency, known misspellings with their corrections,
 * and the written form of words that are not lower case. It is built once at build time
 * (`scripts/build-dictionaries.ts`) and loaded as one string: no per-word objects, so loading
 * costs a file read and one scan for line ends, and lookups are binary searches.
 */

import { Alphabet, encodeRanks } from './alphabet';

export const FORMAT_TAG = 'talkdown-dictionary 2';

/** Where a word comes from; a word may have several. */
export const enum WordFlag {
  US = 1,
  GB = 2,
  /** Software, Kubernetes, company and full-stack vocabularies. */
  Software = 4,
  /** Talkdown's own cloud-native and conference vocabulary. */
  CloudNative = 8,
  /** The word is usually written with capitals (a name: Kubernetes, Prometheus). */
  Capitalised = 16,
  /** A person's given name or surname (accepted only when written capitalised). */
  Person = 32,
}

export interface DictionaryInput {
  /** Word → flags; words are stored lower case, their written form kept when it differs. */
  words: Iterable<[string, number]>;
  /** Common words, most frequent first. */
  frequent: Iterable<string>;
  /** Known misspellings and their corrections, best first. */
  misspellings: Iterable<[string, string[]]>;
}

interface Header {
  words: number;
  /** The non-ASCII characters, stored as 0x80 + their index (`alphabet.ts`). */
  alphabet: number[];
  sections: Record<'words' | 'flags' | 'ranks' | 'misspellings' | 'display' | 'common', [number, number]>;
}

const norm = (w: string): string => w.replace(/[’`]/g, "'");

/** Encodes a dictionary; the build script and tests use the same code as the loader. */
/** Words at most this frequent form the common list that wider searches walk. */
export const COMMON_RANK = 40_000;

export function encodeDictionary(input: DictionaryInput, nested = false): string {
  const merged = new Map<string, { flags: number; display?: string }>();
  for (const [raw, flags] of input.words) {
    const written = norm(raw.normalize('NFC'));
    const lower = written.toLowerCase();
    if (lower.length === 0 || lower.includes('\n') || lower.includes('\t')) continue;
    const entry = merged.get(lower) ?? { flags: 0 };
    entry.flags |= flags;
    if (written !== lower) {
      if (entry.display === undefined) entry.display = written;
      if (/^\p{Lu}/u.test(written)) entry.flags |= WordFlag.Capitalised;
    } else {
      // Written lower case somewhere: an ordinary word, not only a name.
      entry.flags |= 0x40;
    }
    merged.set(lower, entry);
  }
  const sorted = [...merged.keys()].sort(compareCodeUnits);
  const flags = sorted.map((w) => {
    const e = merged.get(w)!;
    // A word also written lower case is not a name.
    const f = e.flags & 0x40 ? e.flags & ~WordFlag.Capitalised & ~0x40 : e.flags;
    return String.fromCharCode(32 + f);
  });
  const display = sorted
    .filter((w) => merged.get(w)!.display !== undefined && !(merged.get(w)!.flags & 0x40))
    .map((w) => `${w}\t${merged.get(w)!.display}`);
  const seen = new Set<string>();
  const frequent: string[] = [];
  for (const w of input.frequent) {
    const lower = norm(w).toLowerCase();
    if (!seen.has(lower) && merged.has(lower)) {
      seen.add(lower);
      frequent.push(lower);
    }
  }
  // Each word's frequency rank (1 = most frequent), or 0xffff when unranked.
  const rankOf = new Map<string, number>();
  frequent.forEach((w, i) => rankOf.set(w, Math.min(i + 1, 0xfffe)));
  const ranks = sorted.map((w) => rankOf.get(w) ?? 0xffff);
  const misspellings: string[] = [];
  for (const [typo, fixes] of input.misspellings) {
    const lower = norm(typo).toLowerCase();
    if (merged.has(lower) || fixes.length === 0) continue;
    misspellings.push(`${lower}\t${fixes.join(',')}`);
  }
  misspellings.sort(compareCodeUnits);
  // The common words (and the cloud-native vocabulary) as a dictionary of their own: a search
  // two edits wide walks these 50,000 words rather than all 300,000.
  const common = nested
    ? ''
    : encodeDictionary(
        {
          words: sorted
            .filter((w) => (rankOf.get(w) ?? Infinity) <= COMMON_RANK || merged.get(w)!.flags & WordFlag.CloudNative)
            .map((w): [string, number] => [merged.get(w)!.flags & 0x40 ? w : (merged.get(w)!.display ?? w), merged.get(w)!.flags & ~0x40 & ~WordFlag.Capitalised]),
          frequent,
          misspellings: [],
        },
        true,
      );
  const text = { words: sorted.join('\n'), misspellings: misspellings.join('\n'), display: display.join('\n') };
  const alphabet = Alphabet.of([text.words, text.misspellings, text.display]);
  const parts = {
    common,
    words: alphabet.store(text.words),
    flags: flags.join(''),
    ranks: encodeRanks(ranks),
    misspellings: alphabet.store(text.misspellings),
    display: alphabet.store(text.display),
  };
  let at = 0;
  const sections = {} as Header['sections'];
  let body = '';
  for (const key of ['words', 'flags', 'ranks', 'misspellings', 'display', 'common'] as const) {
    sections[key] = [at, at + parts[key].length];
    body += parts[key];
    at += parts[key].length;
  }
  return `${FORMAT_TAG}\n${JSON.stringify({ words: sorted.length, alphabet: alphabet.codes, sections })}\n${body}`;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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
  private readonly words: string;
  private readonly starts: Uint32Array;
  /** Words, misspellings and written forms are stored in this alphabet's one-byte form. */
  private readonly alphabet: Alphabet;
  private readonly flagText: string;
  private readonly rankText: string;
  private readonly misspellingText: string;
  private readonly displayText: string;
  private readonly commonText: string;
  private commonList?: Dictionary;
  private displays?: Map<string, string>;
  readonly size: number;

  constructor(compiled: string) {
    if (!compiled.startsWith(FORMAT_TAG + '\n')) throw new DictionaryError('not a Talkdown dictionary (wrong header)');
    const headerEnd = compiled.indexOf('\n', FORMAT_TAG.length + 1);
    if (headerEnd === -1) throw new DictionaryError('truncated header');
    let header: Header;
    try {
      header = JSON.parse(compiled.slice(FORMAT_TAG.length + 1, headerEnd)) as Header;
    } catch {
      throw new DictionaryError('damaged header');
    }
    const body = compiled.slice(headerEnd + 1);
    const s = header?.sections;
    const section = (key: keyof Header['sections']): string => {
      const range = s?.[key];
      if (!Array.isArray(range) || !(range[0] <= range[1]) || range[1] > body.length) throw new DictionaryError(`damaged section ${key}`);
      return body.slice(range[0], range[1]);
    };
    if (!Array.isArray(header.alphabet) || !header.alphabet.every((c) => Number.isInteger(c) && c >= 0x80 && c <= 0xffff)) throw new DictionaryError('damaged alphabet');
    this.alphabet = new Alphabet(header.alphabet);
    this.words = section('words');
    this.flagText = section('flags');
    this.rankText = section('ranks');
    this.misspellingText = section('misspellings');
    this.displayText = section('display');
    this.commonText = section('common');
    this.size = header.words;
    if (this.flagText.length !== this.size || this.rankText.length !== 2 * this.size) throw new DictionaryError('damaged: flags do not match the words');
    const starts = new Uint32Array(this.size + 1);
    let n = 0;
    let at = 0;
    while (n < this.size) {
      starts[n++] = at;
      const nl = this.words.indexOf('\n', at);
      if (nl === -1) {
        at = this.words.length + 1;
        break;
      }
      at = nl + 1;
    }
    if (n !== this.size || at !== this.words.length + 1) throw new DictionaryError('damaged: word count does not match');
    starts[this.size] = this.words.length + 1;
    this.starts = starts;
  }

  private compareAt(i: number, word: string): number {
    const start = this.starts[i];
    const len = this.starts[i + 1] - 1 - start;
    const n = Math.min(len, word.length);
    for (let k = 0; k < n; k++) {
      const d = this.words.charCodeAt(start + k) - word.charCodeAt(k);
      if (d !== 0) return d;
    }
    return len - word.length;
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
    return this.alphabet.read(this.words.slice(this.starts[i], this.starts[i + 1] - 1));
  }

  /** The word's flags, or 0 when it is not in the dictionary. */
  flags(written: string): number {
    const word = this.alphabet.store(written);
    const i = this.lowerBound(word);
    return i < this.size && this.compareAt(i, word) === 0 ? this.flagText.charCodeAt(i) - 32 : 0;
  }

  /** The common words as a dictionary of their own, for wide searches; loaded on first use. */
  common(): Dictionary {
    if (this.commonText === '') return this;
    return (this.commonList ??= new Dictionary(this.commonText));
  }

  /** 1 for the most frequent word; undefined for words not among the frequent ones. */
  rank(written: string): number | undefined {
    const word = this.alphabet.store(written);
    const i = this.lowerBound(word);
    if (i >= this.size || this.compareAt(i, word) !== 0) return undefined;
    return this.rankAt(i);
  }

  rankAt(i: number): number | undefined {
    const r = (this.rankText.charCodeAt(2 * i) << 8) | this.rankText.charCodeAt(2 * i + 1);
    return r === 0xffff ? undefined : r;
  }

  /**
   * The corrections of a known misspelling: a binary search over the characters of its sorted
   * lines, each probe widened to the line it falls in, so that no index of lines is built.
   */
  misspelling(written: string): string[] | undefined {
    const word = this.alphabet.store(written);
    const text = this.misspellingText;
    // lo and hi are line starts, and the first line whose key is >= word starts in [lo, hi].
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const lineStart = text.lastIndexOf('\n', mid - 1) + 1;
      const nl = text.indexOf('\n', mid);
      const lineEnd = nl === -1 ? text.length : nl;
      if (keyAt(text, lineStart) < word) lo = lineEnd + 1;
      else hi = lineStart;
    }
    if (lo >= text.length) return undefined;
    const tab = text.indexOf('\t', lo);
    if (tab === -1 || text.slice(lo, tab) !== word) return undefined;
    const nl = text.indexOf('\n', tab);
    return this.alphabet.read(text.slice(tab + 1, nl === -1 ? text.length : nl)).split(',');
  }

  /** How the word is written (`kubernetes` → `Kubernetes`). */
  display(word: string): string {
    if (!this.displays) {
      this.displays = new Map();
      for (const line of this.displayText.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) this.displays.set(this.alphabet.read(line.slice(0, tab)), this.alphabet.read(line.slice(tab + 1)));
      }
    }
    return this.displays.get(word) ?? word;
  }

  /** Whether word j starts with the first `p` characters of word i. */
  private sharesPrefix(j: number, i: number, p: number): boolean {
    const a = this.starts[i];
    const b = this.starts[j];
    if (this.starts[j + 1] - 1 - b < p) return false;
    const codes = this.words;
    for (let k = 0; k < p; k++) if (codes.charCodeAt(a + k) !== codes.charCodeAt(b + k)) return false;
    return true;
  }

  /** The first word after i that does not start with word i's first `p` characters (galloping). */
  private skipPrefix(i: number, p: number): number {
    let step = 1;
    let lo = i; // shares the prefix
    let hi = i + 1;
    while (hi < this.size && this.sharesPrefix(hi, i, p)) {
      lo = hi;
      step *= 2;
      hi = i + step;
    }
    if (hi > this.size) hi = this.size;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.sharesPrefix(mid, i, p)) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  /**
   * The words within `maxDistance` edits (insertions, deletions, substitutions and swaps of
   * neighbours) of `word` whose flags pass `accept`. The sorted list is walked as a trie:
   * words sharing a prefix share the rows of the distance table, and a prefix whose row is
   * already too far skips every word that starts with it.
   */
  search(written: string, maxDistance: number, accept: (flags: number) => boolean, limit = 4000): Candidate[] {
    const word = this.alphabet.store(written);
    const out: Candidate[] = [];
    const m = word.length;
    const codes = this.words;
    const w = new Uint16Array(m);
    for (let k = 0; k < m; k++) w[k] = word.charCodeAt(k);
    if (m === 0 || m > 40) return out;
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
      while (depth < prefixLength && depth < len && codes.charCodeAt(start + depth) === prefix[depth]) depth++;
      prefixLength = depth;
      let pruned = -1;
      for (let d = depth; d < len; d++) {
        if (d + 1 > maxLen) {
          pruned = d;
          break;
        }
        budget--;
        const c = codes.charCodeAt(start + d);
        prefix[d] = c;
        prefixLength = d + 1;
        const prev = rows[d];
        const row = rows[d + 1];
        row[0] = d + 1;
        let best = row[0];
        for (let j = 1; j <= m; j++) {
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
      const distance = rows[len][m];
      if (distance <= maxDistance) {
        const flags = this.flagText.charCodeAt(i) - 32;
        if (accept(flags)) {
          out.push({ word: this.wordAt(i), distance, flags, rank: this.rankAt(i) ?? 1e6 });
          if (out.length >= limit) break;
        }
      }
      i++;
    }
    return out;
  }
}

/** The key of the misspelling line that starts at `at`. */
function keyAt(text: string, at: number): string {
  return text.slice(at, text.indexOf('\t', at));
}
