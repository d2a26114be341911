import type { ParsedSection } from '../model/markdown';
import type { Section } from '../model/document';
import type { Session } from '../session/session';
import { sameItems, SessionKey } from '../session/state';

// What a check derives from a long post, kept by runs of consecutive sections: an edit changes
// one section, so one run is read again and the others are taken as they were, wherever the
// edit moved them. A run's value holds no document offsets of its own (its sections place it).

/** Sections per run: a keystroke reads this many sections' kept facts again, not the post's. */
export const RUN_LENGTH = 32;

/** Documents whose runs a key keeps; an older one's are read again when it is next analysed. */
const KEPT_DOCUMENTS = 8;

interface Run<V> {
  parses: readonly ParsedSection[];
  deps: readonly unknown[];
  value: V;
}

/** The runs one check keeps, per document; a closed document's are dropped. */
export class RunsKey<V> {
  readonly state: SessionKey<Map<string, Run<V>[]>>;
  constructor(name: string) {
    this.state = new SessionKey(name, () => new Map(), {}, { forget: (kept, uri) => kept.delete(uri) });
  }
}

/**
 * The value of each run of the document's sections, in order. A run is reused when its sections
 * have the same parses as before, `deps` are the same values, and `valid` (what else the value
 * depends on: the first section's front matter, the post's anchors) accepts it. A run read again
 * whose value `same` finds equal to the one before keeps that one, so that what is derived from
 * the values is known unchanged by their identities.
 */
export function sectionRuns<V>(
  session: Session,
  key: RunsKey<V>,
  uri: string,
  sections: readonly Section[],
  deps: readonly unknown[],
  valid: (value: V, from: number) => boolean,
  compute: (from: number, to: number) => V,
  same?: (before: V, now: V) => boolean,
): { from: number; value: V }[] {
  const kept = session.state(key.state);
  const before = kept.get(uri) ?? [];
  const runs: Run<V>[] = [];
  const out: { from: number; value: V }[] = [];
  for (let from = 0; from < sections.length; from += RUN_LENGTH) {
    const to = Math.min(from + RUN_LENGTH, sections.length);
    const last = before[runs.length];
    let run: Run<V>;
    if (last && sameParses(last.parses, sections, from, to) && sameItems(last.deps, deps) && valid(last.value, from)) run = last;
    else {
      const parses: ParsedSection[] = [];
      for (let i = from; i < to; i++) parses.push(sections[i].parsed);
      const value = compute(from, to);
      run = { parses, deps, value: last && same?.(last.value, value) ? last.value : value };
    }
    runs.push(run);
    out.push({ from, value: run.value });
  }
  // Most recently analysed last, so that the oldest document is the one let go.
  kept.delete(uri);
  kept.set(uri, runs);
  if (kept.size > KEPT_DOCUMENTS) kept.delete(kept.keys().next().value!);
  return out;
}

function sameParses(parses: readonly ParsedSection[], sections: readonly Section[], from: number, to: number): boolean {
  if (parses.length !== to - from) return false;
  for (let i = from; i < to; i++) if (parses[i - from] !== sections[i].parsed || sections[i].parsed.unparsed) return false;
  return true;
}
