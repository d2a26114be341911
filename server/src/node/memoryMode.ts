import { setFlagsFromString } from 'node:v8';

/**
 * The environment the language server is best started with (read by the C library when the
 * process starts, so it is the client's to set). One malloc arena instead of one per thread,
 * which would each keep the memory of a past burst of work. And fixed thresholds: by default
 * glibc raises both each time a large mapped block is freed, after which blocks of 64 KB (the
 * buffers stdin is read into) and more come from the main heap, and the free space at its top
 * stays mapped: after 4,000 edits to a 15 KB post, 11 MB of its 17 MB were free, 5 MB of them
 * at the top. With blocks of 64 KB and more mapped on their own and the top given back past
 * 128 KB, the heap holds little more than its live data: the soak's growth went from 11-12 MB
 * to 4-8 MB, most of what is left V8's pages (optimised code, the heap).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_TRIM_THRESHOLD_: '131072' };

/**
 * Asks V8 to favour a small heap over collection speed: it collects sooner and keeps fewer
 * pages, so that the language server, which lives as long as the editor and whose live data
 * is small, does not hold the high-water mark of a burst of edits or of workspace indexing.
 * The flag is read at each collection, so setting it at start-up works (semi-space sizes,
 * read when the heap is made, stay as they are).
 */
function preferSmallHeap(): void {
  if (process.env.TALKDOWN_HEAP === 'default') return;
  setFlagsFromString('--optimize-for-size');
}

/**
 * The analysis worker's young generation: semi-spaces of 32 MB, twice V8's default. What an
 * analysis of a long post makes lives until the next keystroke, and with the default V8 collects
 * once per keystroke and moves most of it to the old generation, to be collected again later:
 * on a 1 MB post, the larger young generation cuts a keystroke's CPU by about a tenth (its median
 * by a fifth). The pages go back when the worker is idle: the 2,000-post site's idle RSS is the
 * same.
 */
export const ANALYSIS_WORKER_LIMITS = { maxYoungGenerationSizeMb: 96 } as const;

/** How long after the last edit the server is taken to be idle, and the small heap preferred again. */
export const TYPING_PAUSE_MS = 2_000;

/**
 * The small heap costs a lot of time while a document is edited: V8 collects far more often,
 * three times the CPU of a keystroke on a 15 KB post, and a worker started meanwhile gets
 * small young spaces, fourteen times the CPU on a 1 MB post. So while the writer types, the
 * heap may grow as V8 likes; TYPING_PAUSE_MS after the last edit the small heap is preferred
 * again, and V8 trims what the burst left at its next collections. Indexing at start-up is not
 * typing: it keeps the small heap.
 */
export class HeapMode {
  private small = false;
  private last = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly enabled = process.env.TALKDOWN_HEAP !== 'default') {}

  /** The small heap, now and after each pause in typing. */
  preferSmall(): void {
    if (!this.enabled) return;
    preferSmallHeap();
    this.small = true;
  }

  /** The writer edits a document. */
  typing(now = performance.now()): void {
    if (!this.enabled) return;
    this.last = now;
    if (this.small) {
      setFlagsFromString('--no-optimize-for-size');
      // The small heap also implied small semi-spaces, which turning it off leaves set: a
      // worker started now would get a young generation of 2 MB, and collect all the time.
      setFlagsFromString('--max-semi-space-size=0');
      this.small = false;
    }
    if (!this.timer) this.arm(TYPING_PAUSE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const since = performance.now() - this.last;
      if (since < TYPING_PAUSE_MS) return this.arm(TYPING_PAUSE_MS - since);
      this.preferSmall();
    }, ms);
    this.timer.unref();
  }
}
