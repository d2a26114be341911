/**
 * Encodes the compiled dictionary (`format.ts`) from word lists: run at build time by
 * `scripts/build-dictionaries.ts`, and by tests that build a dictionary in memory.
 */

import { Alphabet, encodeRanks } from './alphabet';
import { capitalised, COMMON_RANK, FORMAT_TAG, LONGEST_STORED_WORD, SECTIONS, WordFlag, type Header } from './format';

export interface DictionaryInput {
  /** Word → flags; words are stored lower case, their written form kept when it differs. */
  words: Iterable<[string, number]>;
  /** Common words, most frequent first. */
  frequent: Iterable<string>;
  /** Known misspellings and their corrections, best first. */
  misspellings: Iterable<[string, string[]]>;
}

const norm = (w: string): string => w.replace(/[’`]/g, "'");

/** Encodes a dictionary; the build script and tests use the same code as the loader. */
export function encodeDictionary(input: DictionaryInput, nested = false): string {
  const merged = new Map<string, { flags: number; display?: string }>();
  for (const [raw, flags] of input.words) {
    const written = norm(raw.normalize('NFC'));
    const lower = written.toLowerCase();
    if (lower.length === 0 || lower.length > LONGEST_STORED_WORD || lower.includes('\n') || lower.includes('\t')) continue;
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
    // A word written with a capital first letter, as most are, keeps no written form: an empty one.
    .map((w) => `${w}\t${merged.get(w)!.display === capitalised(w) ? '' : merged.get(w)!.display}`);
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
  const words = alphabet.store(text.words);
  const parts: Record<(typeof SECTIONS)[number], string> = {
    lengths: sorted.map((w) => String.fromCharCode(w.length)).join(''),
    common,
    words,
    flags: flags.join(''),
    ranks: encodeRanks(ranks),
    misspellings: alphabet.store(text.misspellings),
    display: alphabet.store(text.display),
  };
  let at = 0;
  const sections = {} as Header['sections'];
  let body = '';
  for (const key of SECTIONS) {
    sections[key] = [at, at + parts[key].length];
    body += parts[key];
    at += parts[key].length;
  }
  return `${FORMAT_TAG}\n${JSON.stringify({ words: sorted.length, alphabet: alphabet.codes, sections })}\n${body}`;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

