import { setFlagsFromString } from 'node:v8';

/**
 * Asks V8 to favour a small heap over collection speed: it collects sooner and keeps fewer
 * pages, so that the language server, which lives as long as the editor and whose live data
 * is small, does not hold the high-water mark of a burst of edits or of workspace indexing.
 * The flag is read at each collection, so setting it at start-up works (semi-space sizes,
 * read when the heap is made, stay as they are).
 */
/**
 * The environment the language server is best started with (read by the C library when the
 * process starts, so it is the client's to set): one malloc arena instead of one per thread,
 * which would each keep the memory of a past burst of work.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };

export function preferSmallHeap(): void {
  if (process.env.TALKDOWN_HEAP === 'default') return;
  setFlagsFromString('--optimize-for-size');
}
