import type { DocumentModel } from '../../model/document';
import { detached } from '../../text';
import type { Session } from '../../session/session';
import { MemoKey, sameItems, SessionKey } from '../../session/state';
import { RunsKey, sectionRuns } from '../runs';
import { WordFlag } from '../../spelling/dictionary';
import type { Lookup } from './lookup';

/**
 * The post's own spellings: every run of letters anywhere in its text (prose, link texts, URL
 * paths, handles, HTML), split at camel case, lower-cased, with how often each occurs, and the
 * form it is written in most often. A name the post writes right elsewhere is how a typo of it
 * is recognised (`Hightwoer` in a post that links `/hightower` and writes `Hightower` twice).
 */
export interface DocumentForms {
  counts: ReadonlyMap<string, { count: number; written: string }>;
  /** One-deletion keys → the forms that reduce to them (a form is also its own key). */
  byDeletion: ReadonlyMap<string, string[]>;
  /** Forms of 8 letters or more by their first letter, for the two-edit search of long words (writers rarely miss the first letter). */
  long: ReadonlyMap<string, string[]>;
  /** Forms of 6 letters or more, written capitalised, by their sorted letters: `Aorura` is `Aurora` with two letters swapped. */
  anagrams: ReadonlyMap<string, string[]>;
}

const FORMS = new MemoKey<DocumentForms>('spelling.documentForms');
type Counts = Map<string, { count: number; written: string }>;
const SECTION_COUNTS = new MemoKey<Counts>('spelling.sectionForms');

/**
 * The last index built, per document: it depends only on the forms, in order, and on which are
 * written capitalised, so an edit that adds or drops no form (most keystrokes) reuses it. A few
 * documents are kept.
 */
const INDEXES = new SessionKey('spelling.formIndexes', () => new Map<string, Index>(), {}, { forget: (kept, uri) => kept.delete(uri) });
const KEPT_INDEXES = 8;
interface Index {
  keys: readonly string[];
  byDeletion: ReadonlyMap<string, string[]>;
  long: ReadonlyMap<string, string[]>;
  anagrams: ReadonlyMap<string, string[]>;
}

export function documentForms(model: DocumentModel, session: Session): DocumentForms {
  return model.memo.get(FORMS, [], () => {
    const counts = documentCounts(model, session);
    const { byDeletion, long, anagrams } = indexOf(session, model.uri, counts);
    return { counts, byDeletion, long, anagrams };
  });
}

/**
 * The counts of the whole text, summed from each section's (kept with its parse, keyed by its
 * text): in text order, so that first occurrences are those of a scan of the whole text. A run
 * of letters never crosses a section's start, which is a line's. Sections are summed by runs of
 * RUN_LENGTH, and the sum of a run is kept while its parses are (see `rules/runs.ts`): a
 * keystroke sums one run anew, then the runs.
 */
function documentCounts(model: DocumentModel, session: Session): Counts {
  const { sections, text } = model;
  if (sections.length === 0 || sections[0].span.start > model.bomLength || sections[sections.length - 1].span.end !== text.length) return readCounts(text);
  // A section's parse holds its text with over-long and over-deep lines blanked; where none is
  // (and past the front matter, whose lines are not listed), that is the section's own text,
  // and its counts are kept with the parse as they are. Elsewhere they are keyed by the text.
  const masked = [...model.longLines, ...model.deepLines].sort((a, b) => a.start - b.start);
  let m = 0;
  const plain = sections.map((section, i) => {
    while (m < masked.length && masked[m].end <= section.span.start) m++;
    return i > 0 && !section.parsed.unparsed && !(m < masked.length && masked[m].start < section.span.end);
  });
  const runs = sectionRuns(session, COUNT_RUNS, model.uri, sections, [], (run) => run.plain, (from, to) => {
    const parts: Counts[] = [];
    let allPlain = true;
    for (let i = from; i < to; i++) {
      const section = sections[i];
      if (plain[i]) {
        parts.push(section.parsed.memo.get(SECTION_COUNTS, [], () => readCounts(section.parsed.text)));
        continue;
      }
      allPlain = false;
      // Kept as the key: a copy, not a view of this version's whole text.
      const raw = detached(text.slice(section.span.start, section.span.end));
      parts.push(section.parsed.memo.get(SECTION_COUNTS, [raw], () => readCounts(raw)));
    }
    return { plain: allPlain, sum: sum(parts) };
  });
  return sum(runs.map((r) => r.value.sum));
}

/**
 * The counts of runs of sections, summed. A run whose sections are all plain (their parses hold
 * their texts) is kept while its parses are; another is read again (its counts are keyed by text).
 */
const COUNT_RUNS = new RunsKey<{ plain: boolean; sum: Counts }>('spelling.formRuns');

/** Counts summed in order: a form's first writing is that of the first part that has it. */
function sum(parts: readonly Counts[]): Counts {
  const counts: Counts = new Map();
  for (const part of parts) {
    for (const [lower, entry] of part) {
      const known = counts.get(lower);
      if (known) known.count += entry.count;
      else counts.set(lower, { count: entry.count, written: entry.written });
    }
  }
  return counts;
}


function readCounts(text: string): Counts {
  const counts: Counts = new Map();
  for (const m of text.matchAll(/[\p{L}\p{M}]+/gu)) {
    const pieces = m[0].split(/(?<=\p{Ll})(?=\p{Lu})/u);
    // A camel-case name counts whole too (`StatsBomb`), and by its parts (handles: `theJaneDoe`).
    if (pieces.length > 1) pieces.push(m[0]);
    for (const piece of pieces) {
      if (piece.length < 4 || piece.length > 30) continue;
      const lower = piece.toLowerCase();
      const entry = counts.get(lower);
      if (entry) entry.count++;
      else counts.set(lower, { count: 1, written: piece });
    }
  }
  return counts;
}

function indexOf(session: Session, uri: string, counts: Counts): Index {
  const kept = session.state(INDEXES);
  const keys: string[] = [];
  for (const [form, entry] of counts) keys.push(entry.written.charCodeAt(0) < 97 ? `${form}^` : form);
  const last = kept.get(uri);
  if (last && sameItems(last.keys, keys)) return last;
  const byDeletion = new Map<string, string[]>();
  const long = new Map<string, string[]>();
  const anagrams = new Map<string, string[]>();
  for (const form of counts.keys()) {
    for (const key of deletions(form)) {
      const list = byDeletion.get(key);
      if (list) {
        if (!list.includes(form)) list.push(form);
      } else byDeletion.set(key, [form]);
    }
    if (form.length >= 8) {
      const list = long.get(form[0]);
      if (list) list.push(form);
      else long.set(form[0], [form]);
    }
    // Only forms written capitalised are looked up by their letters (see documentVariant).
    if (form.length >= 6 && counts.get(form)!.written.charCodeAt(0) < 97) {
      const key = sorted(form);
      const list = anagrams.get(key);
      if (list) list.push(form);
      else anagrams.set(key, [form]);
    }
  }
  const index = { keys, byDeletion, long, anagrams };
  kept.delete(uri);
  kept.set(uri, index);
  if (kept.size > KEPT_INDEXES) kept.delete(kept.keys().next().value!);
  return index;
}

function sorted(word: string): string {
  return [...word].sort().join('');
}

function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const ENGLISH = WordFlag.US | WordFlag.GB;
const NAMES = WordFlag.Capitalised | WordFlag.Person | WordFlag.Software | WordFlag.CloudNative;

/**
 * The post's own spelling of a word it writes once wrong: a form of the post one edit away
 * (two for words of 8 letters or more) that is not an ordinary English word (those are the
 * dictionary's job), not the word plus a plural ending nor the word with a letter put before it
 * (a handle: `jdoe` for `doe`), and that the post writes more often, or that a dictionary knows
 * as a name while the word is unknown. Undefined when there is none.
 */
export function documentVariant(forms: DocumentForms, lookup: Lookup, word: string): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 4 || word === word.toUpperCase() || !/^[\p{L}\p{M}]+$/u.test(word)) return undefined;
  // A person's name the lists know is written as meant (`Schad` in a post that links `sched.com`).
  const capitalised = /^\p{Lu}/u.test(word);
  if (capitalised && lookup.dictionary.flags(lower) & WordFlag.Person) return undefined;
  const own = forms.counts.get(lower)?.count ?? 1;
  const candidates = new Set<string>();
  for (const key of deletions(lower)) for (const form of forms.byDeletion.get(key) ?? []) if (form !== lower && osa(lower, form, 1) <= 1) candidates.add(form);
  // Two edits for long words, unless only the ending differs (`Deobfuscating`, `deobfuscation`).
  const stem = (w: string): string => w.slice(0, -3);
  if (lower.length >= 8) for (const form of forms.long.get(lower[0]) ?? []) if (form !== lower && Math.abs(form.length - lower.length) <= 2 && stem(form) !== stem(lower) && osa(lower, form, 2) <= 2) candidates.add(form);
  // A capitalised word with two letters swapped of a capitalised word of the post, English or not.
  const swapped = new Set<string>();
  // Not for a word one edit from a person's name: `Ropert` is a surname, not `Report`.
  if (lower.length >= 6 && capitalised && !lookup.nearPerson(lower)) {
    for (const form of forms.anagrams.get(sorted(lower)) ?? []) {
      if (form !== lower && form[0] === lower[0] && /^\p{Lu}/u.test(forms.counts.get(form)!.written) && osa(lower, form, 2) <= 2) swapped.add(form);
    }
  }
  let best: { form: string; count: number } | undefined;
  for (const form of [...candidates, ...swapped]) {
    const flags = lookup.dictionary.flags(form);
    // An English word is the dictionary's job, unless it is a name, or a term the post writes
    // capitalised that is not an everyday word (`Spinnaker` for `Spinakker`, not `Free` for `Freek`).
    if (flags & ENGLISH && !(flags & (WordFlag.Capitalised | WordFlag.Person)) && !swapped.has(form) && !(flags & NAMES && /^\p{Lu}/u.test(forms.counts.get(form)!.written) && (lookup.dictionary.rank(form) ?? 1e6) > 5_000)) continue;
    // The word with an ending of its own (`pythony`, `devs`) is not a slip for the form.
    if (form === `${lower}s` || form === `${lower}es` || (lower.startsWith(form) && /^(s|es|y|ish|z|er|ers)$/.test(lower.slice(form.length)))) continue;
    if (form.length === lower.length + 1 && form.endsWith(lower)) continue;
    const count = forms.counts.get(form)!.count;
    // A swapped form the dictionary knows is the right one, however often each is written.
    // A name written less often than the word must be a slip away from it (`Hightwoer` for
    // `Hightower`), not another letter (`Nopia`, written three times, is not `Nokia`).
    const named = (flags & NAMES) !== 0 || (swapped.has(form) && lookup.isKnown(form));
    if (count <= own && !(named && (own < 3 || isSlip(lower, form) || swapped.has(form)))) continue;
    if (!best || count > best.count) best = { form, count };
  }
  if (!best) return undefined;
  const written = forms.counts.get(best.form)!.written;
  if (written !== written.toLowerCase()) return written;
  return /^\p{Lu}/u.test(word) ? written.charAt(0).toUpperCase() + written.slice(1) : written;
}

/** Optimal string alignment distance, or max + 1 once it exceeds max. */
function osa(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** A doubled or dropped letter, or two neighbouring letters swapped: how fingers slip. */
export function isSlip(typo: string, word: string): boolean {
  if (typo.length === word.length) {
    const i = [...typo].findIndex((ch, k) => ch !== word[k]);
    return i >= 0 && typo[i] === word[i + 1] && typo[i + 1] === word[i] && typo.slice(i + 2) === word.slice(i + 2);
  }
  const [long, short] = typo.length > word.length ? [typo, word] : [word, typo];
  for (let i = 0; i < long.length; i++) {
    if (long.slice(0, i) + long.slice(i + 1) === short) return long[i] === long[i - 1] || long[i] === long[i + 1];
  }
  return false;
}
