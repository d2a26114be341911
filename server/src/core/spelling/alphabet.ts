/**
 * The compiled dictionary is held as one-byte text: V8 keeps a string whose characters are all
 * ≤ U+00FF in one byte a character, which halves its memory and lets the file be read as
 * latin1, without a UTF-8 decode. ASCII stays as it is; the few other characters the word lists
 * use (accented letters, a handful of Latin Extended and Cyrillic ones) are numbered from 0x80
 * up in code-unit order, so that the mapped words sort exactly as the written ones do and every
 * binary search and trie walk visits them in the same order.
 */
export class Alphabet {
  /** The non-ASCII characters, in code-unit order; character k is stored as 0x80 + k. */
  private readonly chars: readonly number[];
  private readonly index: ReadonlyMap<number, number>;
  /** What a character outside the alphabet becomes: a code no stored word holds. */
  private readonly absent: number;

  constructor(chars: readonly number[]) {
    if (chars.length > 127) throw new Error('the dictionary uses more than 127 non-ASCII characters');
    this.chars = chars;
    this.index = new Map(chars.map((c, k) => [c, 0x80 + k]));
    this.absent = 0x80 + chars.length;
  }

  /** The alphabet of these texts' non-ASCII characters. */
  static of(texts: readonly string[]): Alphabet {
    const found = new Set<number>();
    for (const text of texts) for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) found.add(text.charCodeAt(i));
    return new Alphabet([...found].sort((a, b) => a - b));
  }

  get codes(): readonly number[] {
    return this.chars;
  }

  /** The stored form of `text` (ASCII text is returned as it is). */
  store(text: string): string {
    if (isAscii(text)) return text;
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out += String.fromCharCode(c < 0x80 ? c : (this.index.get(c) ?? this.absent));
    }
    return out;
  }

  /** The written form of stored text. */
  read(stored: string): string {
    if (isAscii(stored)) return stored;
    let out = '';
    for (let i = 0; i < stored.length; i++) {
      const c = stored.charCodeAt(i);
      out += String.fromCharCode(c < 0x80 ? c : (this.chars[c - 0x80] ?? 0xfffd));
    }
    return out;
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/**
 * Frequency ranks, two characters (high byte, low byte) a word. The first format stored one
 * UTF-16 unit a word in a UTF-8 file, which turned a rank that fell on a lone surrogate
 * (55,296 to 57,343) into U+FFFD; those ranks are kept as they were read, so that suggestions
 * keep their order.
 */
export function encodeRanks(ranks: readonly number[]): string {
  let out = '';
  for (let i = 0; i < ranks.length; i++) {
    let r = ranks[i];
    const high = r >= 0xd800 && r <= 0xdbff;
    const low = r >= 0xdc00 && r <= 0xdfff;
    if (high && i + 1 < ranks.length && ranks[i + 1] >= 0xdc00 && ranks[i + 1] <= 0xdfff) {
      out += String.fromCharCode(r >> 8, r & 0xff, ranks[i + 1] >> 8, ranks[i + 1] & 0xff);
      i++;
      continue;
    }
    if (high || low) r = 0xfffd;
    out += String.fromCharCode(r >> 8, r & 0xff);
  }
  return out;
}
