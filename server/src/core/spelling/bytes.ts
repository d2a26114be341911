/**
 * The compiled dictionary is one-byte text (`alphabet.ts`) and is read as bytes: the file's
 * buffer is searched in place, with no string copy of it. These helpers read it as text.
 */

/** The bytes of one-byte text (each character ≤ U+00FF). */
export function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The text of bytes[start, end), one character a byte. */
export function latin1Text(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  // In chunks: fromCharCode takes its characters as arguments.
  for (let at = start; at < end; at += 0x2000) out += String.fromCharCode.apply(null, bytes.subarray(at, Math.min(end, at + 0x2000)) as unknown as number[]);
  return out;
}

/** Compares bytes[start, end) with one-byte text, in code-unit order. */
export function compareText(bytes: Uint8Array, start: number, end: number, text: string): number {
  const len = end - start;
  const n = Math.min(len, text.length);
  for (let k = 0; k < n; k++) {
    const d = bytes[start + k] - text.charCodeAt(k);
    if (d !== 0) return d;
  }
  return len - text.length;
}

const NL = 10;
const TAB = 9;

/**
 * The value of the line `key\tvalue` of sorted lines whose key is `key`, as a range of bytes: a
 * binary search over the bytes, each probe widened to the line it falls in, so that no index of
 * lines is built. Undefined when no line has that key.
 */
export function findLine(bytes: Uint8Array, key: string): [number, number] | undefined {
  // lo and hi are line starts, and the first line whose key is >= key starts in [lo, hi].
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const lineStart = mid === 0 ? 0 : bytes.lastIndexOf(NL, mid - 1) + 1;
    const nl = bytes.indexOf(NL, mid);
    const lineEnd = nl === -1 ? bytes.length : nl;
    if (compareText(bytes, lineStart, keyEnd(bytes, lineStart, lineEnd), key) < 0) lo = lineEnd + 1;
    else hi = lineStart;
  }
  if (lo >= bytes.length) return undefined;
  const nl = bytes.indexOf(NL, lo);
  const lineEnd = nl === -1 ? bytes.length : nl;
  const tab = keyEnd(bytes, lo, lineEnd);
  if (tab === lineEnd || compareText(bytes, lo, tab, key) !== 0) return undefined;
  return [tab + 1, lineEnd];
}

/** Where the key of the line [start, end) ends: its tab (or the line's end). */
function keyEnd(bytes: Uint8Array, start: number, end: number): number {
  const tab = bytes.indexOf(TAB, start);
  return tab === -1 || tab > end ? end : tab;
}

