import type { DocumentModel } from '../model/document';
import { extractTalks, type Talk } from '../model/talks';
import { detached, type LineIndex, type Range } from '../text';
import { talkDetail } from './talkDetail';

/** One talk as the workspace index keeps it: plain data, no model, so that memory stays small. */
export interface IndexedTalk {
  name: string;
  detail: string;
  uri: string;
  range: Range;
}

interface Entry extends IndexedTalk {
  // Lower-cased once, at indexing time, so that a query only compares.
  title: string;
  speakers: string;
  affiliations: string;
  /** All three, for one quick test before the field-by-field ones. */
  all: string;
  /** Which letters and digits occur: a query with others cannot match. */
  mask: number;
}

/** Results returned when a query names no limit. */
export const DEFAULT_QUERY_LIMIT = 256;

/**
 * The talks of every post in the workspace, by document URI, answering "which talk is
 * this?" by title, speaker or affiliation.
 */
export class TalkIndex {
  private readonly documents = new Map<string, { version: number | undefined; entries: Entry[] }>();
  /** Every entry, by name length, name and URI: the order of equal scores. Rebuilt after a change. */
  private ordered: Entry[] | undefined;

  /** Replaces what is known of a document; `lines` turns the talks' spans into ranges. */
  update(uri: string, talks: readonly Talk[], lines: LineIndex, version?: number): void {
    const entries = talks.map((talk): Entry => {
      // Copies, not slices of the post's text: the index outlives the text.
      const title = detached(talk.title.toLowerCase());
      const speakers = detached(talk.speakers.map((s) => s.name.toLowerCase()).join('\n'));
      const affiliations = detached(talk.speakers.map((s) => (s.affiliation ?? '').toLowerCase()).join('\n'));
      const all = detached(`${title}\n${speakers}\n${affiliations}`);
      return {
        name: detached(talk.title.length > 200 ? talk.title.slice(0, 199) + '…' : talk.title),
        detail: detached(talkDetail(talk)),
        uri,
        range: lines.range(talk.headingSpan),
        title,
        speakers,
        affiliations,
        all,
        mask: charMask(all),
      };
    });
    const replaced = this.documents.has(uri);
    this.documents.set(uri, { version, entries });
    // Keep the order up to date by a merge, so that the first query after an edit stays fast.
    if (this.ordered) this.ordered = merge(replaced ? this.ordered.filter((e) => e.uri !== uri) : this.ordered, entries.sort(byName));
  }

  updateFromModel(model: DocumentModel): void {
    this.update(model.uri, extractTalks(model).talks, model.lines, model.version);
  }

  remove(uri: string): void {
    if (this.documents.delete(uri) && this.ordered) this.ordered = this.ordered.filter((e) => e.uri !== uri);
  }

  /** The version last indexed for a document, to skip work when nothing changed. */
  versionOf(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  get talkCount(): number {
    let n = 0;
    for (const doc of this.documents.values()) n += doc.entries.length;
    return n;
  }

  /**
   * Talks matching the query, best first: title matches before speaker matches before
   * affiliation matches; exact and prefix before substring; a subsequence (`kbctl` for
   * `kubectl`) last. Case-insensitive. An empty query lists talks by name.
   */
  query(query: string, limit = DEFAULT_QUERY_LIMIT): IndexedTalk[] {
    const q = query.trim().toLowerCase();
    const compact = q.replace(/\s+/g, '');
    const mask = charMask(compact);
    // Scores are small integers: bucket the entries (already in tie-break order) by score
    // instead of sorting matches, which keeps a query linear in the number of talks.
    const buckets: Entry[][] = [];
    for (const entry of this.inOrder()) {
      const score = !q ? 1 : (entry.mask & mask) !== mask ? 0 : scoreEntry(entry, q, compact);
      if (score > 0) (buckets[score] ??= []).push(entry);
    }
    const result: IndexedTalk[] = [];
    for (let score = buckets.length - 1; score > 0 && result.length < limit; score--) {
      for (const entry of buckets[score] ?? []) {
        if (result.length >= limit) break;
        result.push({ name: entry.name, detail: entry.detail, uri: entry.uri, range: entry.range });
      }
    }
    return result;
  }

  private inOrder(): Entry[] {
    if (!this.ordered) {
      const all: Entry[] = [];
      for (const doc of this.documents.values()) for (const entry of doc.entries) all.push(entry);
      all.sort(byName);
      this.ordered = all;
    }
    return this.ordered;
  }
}

function scoreEntry(entry: Entry, q: string, compact: string): number {
  const { title, speakers, affiliations } = entry;
  if (title === q) return 1000;
  if (entry.all.indexOf(q) === -1) {
    // Fuzzy: the query's letters in order. Tighter matches rank higher; title before speakers.
    const anywhere = subsequence(entry.all, compact);
    if (!anywhere) return 0;
    const inTitle = subsequence(title, compact);
    if (inTitle) return 100 + Math.round((99 * compact.length) / inTitle);
    return 1 + Math.round((98 * compact.length) / anywhere);
  }
  let at = title.indexOf(q);
  if (at === 0) return 900;
  if (at > 0) return atWordStart(title, q, at) ? 800 : 700;
  at = speakers.indexOf(q);
  if (at !== -1) return atWordStart(speakers, q, at) ? 650 : 600;
  at = affiliations.indexOf(q);
  if (at !== -1) return atWordStart(affiliations, q, at) ? 550 : 500;
  // Across fields (`etcd ada`): the weakest match.
  return 1;
}

/** One bit per letter (and per digit, folded): a cheap necessary condition for any match. */
function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) % 5));
  }
  return mask;
}

/** Whether the match at `at` starts a word (it does at 0, or after a non-letter). */
function atWordStart(text: string, q: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  // Letters and digits continue a word; anything else (space, punctuation, newline) ends one.
  return !((before >= 97 && before <= 122) || (before >= 48 && before <= 57) || before > 127) || text.indexOf(' ' + q) !== -1;
}

/** The length of the shortest-from-first window holding `q`'s characters in order, or 0. */
function subsequence(text: string, q: string): number {
  if (!q || q.length > text.length) return 0;
  let first = -1;
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === q.charCodeAt(j)) {
      if (j === 0) first = i;
      if (++j === q.length) return i - first + 1;
    }
  }
  return 0;
}

function byName(a: Entry, b: Entry): number {
  return a.name.length - b.name.length || compare(a.name, b.name) || compare(a.uri, b.uri);
}

function merge(a: Entry[], b: Entry[]): Entry[] {
  if (b.length === 0) return a;
  const out: Entry[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = byName(a[i], b[j]) <= 0 ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
