import type { DocumentModel } from '../../model/document';
import type { Session } from '../../session/session';
import { MemoKey } from '../../session/state';
import { RunsKey, sectionRuns } from '../runs';
import type { Part } from './documentWords';
import type { Lookup } from './lookup';

// How many of a post's words the dictionary and the accepted lists know, and which they do not:
// read per part, kept with its parse, and gathered by runs of sections.

export type Unknown = { part: Part; index: number };

/** A block that looks foreign by the dictionary alone, with how many of its words are known. */
export interface LowBlock {
  words: number;
  known: number;
  part: Part;
  block: number;
}

export interface Tally {
  /** Ordinary words, and those the dictionary or the accepted lists know. */
  words: number;
  known: number;
  /** The words neither knows, in document order. */
  unknown: Unknown[];
  /** By the block's number in the document (`part.blockBase + block`). */
  lowBlocks: Map<number, LowBlock>;
  /** How often each unknown word is written (as written), over all of `unknown`. */
  counts: Map<string, number>;
}

/** What one part adds to the tally, in its own terms: blocks and word indexes of the part. */
interface PartTally {
  words: number;
  known: number;
  low: { block: number; words: number; known: number }[];
  unknown: number[];
}

interface RunTally {
  words: number;
  known: number;
  low: { at: number; block: number; words: number; known: number }[];
  unknown: { at: number; index: number }[];
  counts: Map<string, number>;
}

const TALLY_RUNS = new RunsKey<RunTally>('spelling.tallyRuns');

/**
 * The tally of the document's parts. `deps` name what `accepted` is made of (it is made anew for
 * each analysis): runs whose parses and accepted words are as before are taken as they were.
 */
export function tallyParts(session: Session, model: DocumentModel, parts: readonly Part[], lookup: Lookup, accepted: ReadonlySet<string>, deps: readonly unknown[]): Tally {
  const tally: Tally = { words: 0, known: 0, unknown: [], lowBlocks: new Map(), counts: new Map() };
  const count = (text: string, n: number) => tally.counts.set(text, (tally.counts.get(text) ?? 0) + n);
  const add = (part: Part, found: PartTally | RunTally, partAt: (at: number) => Part) => {
    tally.words += found.words;
    tally.known += found.known;
    for (const l of found.low) {
      const p = 'at' in l ? partAt(l.at as number) : part;
      tally.lowBlocks.set(p.blockBase + l.block, { words: l.words, known: l.known, part: p, block: l.block });
    }
  };
  const offset = parts.length - model.sections.length;
  for (let i = 0; i < offset; i++) {
    const found = partTally(parts[i], lookup, accepted);
    add(parts[i], found, () => parts[i]);
    for (const index of found.unknown) {
      tally.unknown.push({ part: parts[i], index });
      count(parts[i].tokens[index].text, 1);
    }
  }
  const runs = sectionRuns(session, TALLY_RUNS, model.uri, model.sections, deps, () => true, (from, to) => {
    const run: RunTally = { words: 0, known: 0, low: [], unknown: [], counts: new Map() };
    for (let at = from; at < to; at++) {
      const found = partTally(parts[offset + at], lookup, accepted);
      run.words += found.words;
      run.known += found.known;
      for (const l of found.low) run.low.push({ at, ...l });
      for (const index of found.unknown) {
        run.unknown.push({ at, index });
        const text = parts[offset + at].tokens[index].text;
        run.counts.set(text, (run.counts.get(text) ?? 0) + 1);
      }
    }
    return run;
  });
  for (const { value } of runs) {
    add(parts[offset], value, (at) => parts[offset + at]);
    for (const u of value.unknown) tally.unknown.push({ part: parts[offset + u.at], index: u.index });
    for (const [text, n] of value.counts) count(text, n);
  }
  return tally;
}

/** A part's tally: the dictionary's facts, with the words the accepted lists know counted as known. */
function partTally(part: Part, lookup: Lookup, accepted: ReadonlySet<string>): PartTally {
  const facts = partFacts(part, lookup);
  const low = new Map<number, { block: number; words: number; known: number }>();
  for (const block of facts.lowBlocks) {
    const b = facts.blocks.get(block)!;
    low.set(block, { block, words: b.words, known: b.known });
  }
  const found: PartTally = { words: facts.words, known: facts.known, low: [], unknown: [] };
  for (const index of facts.unknown) {
    const t = part.tokens[index];
    if (accepted.has(t.lower)) {
      if (!t.ordinary) continue;
      found.known++;
      const l = low.get(t.block);
      if (l) l.known++;
    } else {
      found.unknown.push(index);
    }
  }
  found.low = [...low.values()];
  return found;
}

/** What a part's words are, as far as the dictionary alone says: kept per section and variant. */
export interface PartFacts {
  /** Indexes of the words the dictionary does not know. */
  unknown: number[];
  blocks: Map<number, { words: number; known: number }>;
  /** Ordinary words, and those the dictionary knows, in the whole part. */
  words: number;
  known: number;
  /** Long blocks most of whose ordinary words the dictionary does not know. */
  lowBlocks: number[];
}

const FACTS = new MemoKey<PartFacts>('spelling.partFacts');

export function partFacts(part: Part, lookup: Lookup): PartFacts {
  // A section's facts hold for its parse, the dictionary and the variant of English.
  return part.memo ? part.memo.get(FACTS, [lookup.dictionary, lookup.mask], () => readFacts(part, lookup)) : readFacts(part, lookup);
}

function readFacts(part: Part, lookup: Lookup): PartFacts {
  const facts: PartFacts = { unknown: [], blocks: new Map(), words: 0, known: 0, lowBlocks: [] };
  part.tokens.forEach((t, i) => {
    const isWordKnown = lookup.isKnown(t.lower);
    if (!isWordKnown) facts.unknown.push(i);
    if (!t.ordinary) return;
    let b = facts.blocks.get(t.block);
    if (!b) facts.blocks.set(t.block, (b = { words: 0, known: 0 }));
    b.words++;
    if (isWordKnown) b.known++;
  });
  for (const [block, b] of facts.blocks) {
    facts.words += b.words;
    facts.known += b.known;
    if (b.words >= 12 && b.known / b.words < 0.5) facts.lowBlocks.push(block);
  }
  return facts;
}
