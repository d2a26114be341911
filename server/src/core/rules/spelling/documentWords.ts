import type { DocumentModel } from '../../model/document';
import { speakerNamesOf } from '../../model/talks';
import type { Session } from '../../session/session';
import { MemoKey, sameItems, SessionKey, type Memo } from '../../session/state';
import { RunsKey, sectionRuns } from '../runs';
import { maskNonProse, sectionProse, type Token } from '../../spelling/tokens';

/** Words of one section (or of the front matter's prose), in offsets of `text`; `base` maps them to the document. */
export interface Part {
  tokens: readonly Token[];
  text: string;
  base: number;
  blockBase: number;
  /** The section's parse memo: what is derived from the part's words is kept there. */
  memo?: Memo;
}

const FRONT_MATTER_PROSE: ReadonlySet<string> = new Set(['title', 'description', 'summary', 'subtitle', 'excerpt']);
const FRONT_MATTER_NAMES: ReadonlySet<string> = new Set(['author', 'authors', 'tags', 'categories', 'keywords', 'speakers', 'speaker', 'series', 'taxonomies']);

const HEADING_PAREN_WORDS = new MemoKey<string[]>('spelling.headingParenWords');
const SPEAKER_LINE_WORDS = new MemoKey<string[]>('spelling.speakerLineWords');

/** The document's prose words by part: the front matter's prose values, then each section. */
export function documentParts(model: DocumentModel): Part[] {
  const parts: Part[] = [];
  let blockBase = 0;
  const fm = model.frontMatter;
  if (fm) {
    const tokens: Token[] = [];
    let block = 0;
    for (const entry of fm.entries) {
      if (entry.path.length !== 1 || !FRONT_MATTER_PROSE.has(String(entry.path[0]))) continue;
      const raw = model.text.slice(entry.valueSpan.start, entry.valueSpan.end);
      if (raw.length > 2000) continue;
      const masked = maskNonProse(raw);
      let first = true;
      for (const m of masked.matchAll(/[\p{L}\p{M}][\p{L}\p{M}\p{N}_'’]*/gu)) {
        const word = m[0].replace(/['’]+$/, '');
        if (word.length === 0 || word.length > 40 || /[\p{N}_]/u.test(word)) continue;
        const start = entry.valueSpan.start + (m.index ?? 0);
        const before = masked.slice(0, m.index ?? 0);
        const lower = word.toLowerCase().replace(/’/g, "'");
        tokens.push({ text: word, lower, ordinary: word.length >= 2 && /^\p{Ll}/u.test(word), start, end: start + word.length, block, sentenceStart: first || /[.!?:]\s*$/.test(before), inHeading: true, inHeadingParens: false, inLinkText: false });
        first = false;
      }
      block++;
    }
    // Its words are in document offsets; its text is the front matter, a prefix of the document.
    parts.push({ tokens, text: model.text.slice(0, fm.span.end), base: 0, blockBase });
    blockBase += block + 1;
  }
  for (const section of model.sections) {
    const prose = sectionProse(section.parsed);
    parts.push({ tokens: prose.tokens, text: section.parsed.text, base: section.span.start, blockBase, memo: section.parsed.memo });
    blockBase += prose.blocks.length + 1;
  }
  return parts;
}

/**
 * What `read` finds in each part, with the part it came from, in document order. A section's
 * part is read once per parse (`read` keeps it in the part's memo), and gathered by runs of
 * sections (see `rules/runs.ts`): a keystroke reads one run, not every part. The front matter's
 * part is read each time.
 */
export function partFindings<T>(session: Session, key: RunsKey<readonly { at: number; item: T }[]>, model: DocumentModel, parts: readonly Part[], read: (part: Part) => readonly T[]): { part: Part; item: T }[] {
  const offset = parts.length - model.sections.length;
  const out: { part: Part; item: T }[] = [];
  for (let i = 0; i < offset; i++) for (const item of read(parts[i])) out.push({ part: parts[i], item });
  const runs = sectionRuns(session, key, model.uri, model.sections, [], () => true, (from, to) => {
    const found: { at: number; item: T }[] = [];
    for (let at = from; at < to; at++) for (const item of read(parts[offset + at])) found.push({ at, item });
    return found;
  });
  for (const run of runs) for (const { at, item } of run.value) out.push({ part: parts[offset + at], item });
  return out;
}

/** A value of a part's words: kept in its section's memo, computed afresh for the front matter. */
function perPart<T>(part: Part, key: MemoKey<T>, compute: () => T): T {
  return part.memo ? part.memo.get(key, [], compute) : compute();
}

/** The names a post gives: authors, tags, speakers in talk headings, "Speakers:" lines. */
export function documentNames(model: DocumentModel, parts: readonly Part[], session: Session): ReadonlySet<string> {
  // The front matter's and the talks' names, in order; the sections' are read by runs.
  const extra: string[] = [];
  const addWords = (text: string): void => {
    for (const m of text.matchAll(/[\p{L}\p{M}'’]+/gu)) extra.push(m[0].toLowerCase());
  };
  const addValue = (value: unknown, depth = 0): void => {
    if (depth > 3) return;
    if (typeof value === 'string') addWords(value);
    else if (Array.isArray(value)) for (const v of value.slice(0, 200)) addValue(v, depth + 1);
    else if (value && typeof value === 'object') for (const v of Object.values(value).slice(0, 50)) addValue(v, depth + 1);
  };
  const data = model.frontMatter?.data ?? {};
  for (const [k, v] of Object.entries(data)) {
    if (FRONT_MATTER_NAMES.has(k)) addValue(v);
    if (k === 'extra' && v && typeof v === 'object') for (const [k2, v2] of Object.entries(v)) if (FRONT_MATTER_NAMES.has(k2)) addValue(v2);
  }
  // The front matter's own part (when there is one) comes before the sections'.
  const offset = parts.length - model.sections.length;
  for (let i = 0; i < offset; i++) {
    for (const t of headingParenWords(parts[i])) extra.push(t);
    for (const w of speakerWords(parts[i])) extra.push(w);
  }
  // The speakers the talk model recognised.
  for (const w of speakerNamesOf(model)) if (!w.includes(' ')) extra.push(w);
  const runs = sectionRuns(
    session,
    NAME_RUNS,
    model.uri,
    model.sections,
    [],
    () => true,
    (from, to) => {
      const out: string[] = [];
      for (let i = from; i < to; i++) {
        const part = parts[offset + i];
        for (const t of headingParenWords(part)) out.push(t);
        for (const w of speakerWords(part)) out.push(w);
      }
      return out;
    },
    sameItems,
  ).map((r) => r.value);
  // Most keystrokes change no name: the set of the last analysis is kept while its parts are the same.
  const kept = session.state(NAMES);
  const last = kept.get(model.uri);
  if (last && sameItems(last.runs, runs) && sameItems(last.extra, extra)) return last.names;
  const names = new Set<string>(extra);
  for (const run of runs) for (const w of run) names.add(w);
  kept.delete(model.uri);
  kept.set(model.uri, { runs, extra, names });
  if (kept.size > KEPT_DOCUMENTS) kept.delete(kept.keys().next().value!);
  return names;
}

/** Names by runs of sections (see `rules/runs.ts`), and the last set made of them, per document. */
const NAME_RUNS = new RunsKey<string[]>('spelling.nameRuns');
const NAMES = new SessionKey('spelling.names', () => new Map<string, { runs: string[][]; extra: string[]; names: Set<string> }>(), {}, { forget: (kept, uri) => kept.delete(uri) });
const KEPT_DOCUMENTS = 8;

/** Words that `<!-- talkdown-words: … -->` comments accept in this document. */
export function ignoredInDocument(text: string): string[] {
  if (!text.includes('talkdown-words')) return [];
  const out: string[] = [];
  for (const m of text.matchAll(/<!--\s*talkdown-words:?([\s\S]{0,5000}?)-->/g)) {
    for (const w of m[1].split(/[\s,]+/)) if (w) out.push(w.toLowerCase().replace(/’/g, "'"));
  }
  return out;
}

/** Lower-case words inside a heading's parentheses: speakers and companies. */
function headingParenWords(part: Part): string[] {
  return perPart(part, HEADING_PAREN_WORDS, () => part.tokens.filter((t) => t.inHeadingParens).map((t) => t.lower));
}

/** The words of the speakers a part names, kept per part. */
function speakerWords(part: Part): string[] {
  return perPart(part, SPEAKER_LINE_WORDS, () => speakerLineWords(part.text));
}

/**
 * The speaker-line recogniser: the words of `Speakers:` (or `Presenters:`, `By:`, `Hosts:`)
 * lines. The talk model reads speakers too (`extractTalks`); this one also accepts lines
 * outside talks and `Hosts:`, and is kept apart until the two agree.
 */
export function speakerLineWords(text: string): string[] {
  const out: string[] = [];
  if (!/(?:Speaker|Presenter|By|Host)s?\**\s*:/i.test(text)) return out;
  for (const m of text.matchAll(/^[ \t>*_-]*\**(?:Speakers?|Presenters?|By|Hosts?)\**\s*:\**([^\n]{0,300})/gim)) {
    for (const w of m[1].matchAll(/[\p{L}\p{M}'’]+/gu)) out.push(w[0].toLowerCase());
  }
  return out;
}
