import { franc } from 'franc-min';
import type { DocumentModel } from '../model/document';
import { DEFAULT_SPELLING, type EnglishVariant, type Settings, type SpellingSettings } from '../settings';
import type { Span } from '../text';
import type { Workspace } from '../workspace';
import { WordFlag, type Candidate, type Dictionary } from './dictionary';
import { currentDictionary } from './source';
import { maskNonProse, sectionProse, splitCompound, type Token } from './tokens';
import { wordListsFor } from './wordLists';

export { DEFAULT_SPELLING, type EnglishVariant, type SpellingSettings } from '../settings';

export interface WordIssue {
  span: Span;
  word: string;
  suggestions: string[];
}

export interface RepeatIssue {
  /** The second word. */
  span: Span;
  word: string;
  /** What a fix deletes: the second word, and the spaces before it when only spaces part them. */
  removeSpan: Span;
}

export interface SpellingResult {
  typos: WordIssue[];
  unknown: WordIssue[];
  repeated: RepeatIssue[];
  /** One note when the post, or some of its paragraphs, are not English and were not checked. */
  otherLanguage?: { span: Span; message: string };
  /** Set when the dictionary could not be loaded. */
  dictionaryProblem?: { span: Span; message: string };
}

/** At most this many findings of each kind per document: a garbled file must not flood. */
const MAX_FINDINGS = 200;

/**
 * Repeats that English allows: the grammatical ones ("he had had enough", "I think that that
 * works") and the reduplications writers mean ("very very", "bye bye", "ha ha", "knock knock").
 * "is is" ("what it is is…") is left out: in writing it is a slip far more often than not.
 */
const ALLOWED_REPEATS = new Set(['had', 'that', 'very', 'really', 'bye', 'ha', 'haha', 'hey', 'no', 'yeah', 'blah', 'knock', 'hmm']);
/** Short words a repeat of which is always a mistake, even capitalised ("The the"). */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'for', 'with', 'is', 'are', 'was', 'be', 'it', 'at', 'by', 'as', 'this', 'we', 'i', 'you']);

const FRONT_MATTER_PROSE = new Set(['title', 'description', 'summary', 'subtitle', 'excerpt']);
const FRONT_MATTER_NAMES = new Set(['author', 'authors', 'tags', 'categories', 'keywords', 'speakers', 'speaker', 'series', 'taxonomies']);
const LANGUAGE_KEYS = ['lang', 'language', 'locale', 'languageCode'];

const LANGUAGE_NAMES: Record<string, string> = {
  pol: 'Polish', deu: 'German', fra: 'French', spa: 'Spanish', por: 'Portuguese', ita: 'Italian', nld: 'Dutch', ces: 'Czech',
  slk: 'Slovak', swe: 'Swedish', dan: 'Danish', nob: 'Norwegian', fin: 'Finnish', hun: 'Hungarian', ron: 'Romanian', tur: 'Turkish',
  rus: 'Russian', ukr: 'Ukrainian', jpn: 'Japanese', cmn: 'Chinese', kor: 'Korean', hrv: 'Croatian', srp: 'Serbian', slv: 'Slovenian',
  cat: 'Catalan', ind: 'Indonesian', vie: 'Vietnamese', ell: 'Greek', bul: 'Bulgarian', lit: 'Lithuanian', lav: 'Latvian', est: 'Estonian',
};

interface WordInfo {
  known: boolean;
  misspelling?: string[];
  /** Candidates, best first (empty until searched). */
  near: Candidate[];
  searched: boolean;
}

// What the dictionary says of each word, per accepted variant mask; bounded.
const wordCache = new Map<number, Map<string, WordInfo>>();
const knownCache = new Map<number, Map<string, boolean>>();
const WORD_CACHE_LIMIT = 50_000;
let cachedDictionary: Dictionary | undefined;

function cacheFor<T>(caches: Map<number, Map<string, T>>, dictionary: Dictionary, mask: number): Map<string, T> {
  if (cachedDictionary !== dictionary) {
    wordCache.clear();
    knownCache.clear();
    nameCache.clear();
    veryCommonCache.clear();
    cachedDictionary = dictionary;
  }
  let cache = caches.get(mask);
  if (!cache) caches.set(mask, (cache = new Map()));
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  return cache;
}

/** isKnown, remembered. */
function isKnownCached(dictionary: Dictionary, lower: string, mask: number): boolean {
  const cache = cacheFor(knownCache, dictionary, mask);
  let value = cache.get(lower);
  if (value === undefined) cache.set(lower, (value = isKnown(dictionary, lower, mask)));
  return value;
}

function variantMask(language: EnglishVariant): number {
  const english = language === 'en-US' ? WordFlag.US : language === 'en-GB' ? WordFlag.GB : WordFlag.US | WordFlag.GB;
  return english | WordFlag.Software | WordFlag.CloudNative;
}

function isKnown(dictionary: Dictionary, lower: string, mask: number): boolean {
  if (dictionary.flags(lower) & mask) return true;
  // Possessives and contractions of known words.
  const stem = lower.replace(/'(?:s|ll|re|ve|d|t)$/, '');
  if (stem !== lower && stem.length > 0 && dictionary.flags(stem) & mask) return true;
  return false;
}

/** What the dictionary alone says of a word: known, a known misspelling, or its nearest words. */
export function wordInfo(dictionary: Dictionary, lower: string, language: EnglishVariant, search = true): WordInfo {
  const mask = variantMask(language);
  const cache = cacheFor(wordCache, dictionary, mask);
  const cached = cache.get(lower);
  if (cached && (cached.searched || !search)) return cached;
  let info: WordInfo;
  if (isKnownCached(dictionary, lower, mask)) {
    info = { known: true, near: [], searched: true };
  } else if (!search) {
    info = { known: false, misspelling: dictionary.misspelling(lower), near: [], searched: false };
  } else {
    const accept = (flags: number): boolean => (flags & mask) !== 0;
    // One edit first; two only for longer words with no common word one edit away.
    let found = dictionary.search(lower, 1, accept);
    // Two edits only among common words: a rare word two edits away is no likely intent.
    if (lower.length > 5 && !found.some((c) => c.rank <= 40_000)) {
      const seen = new Set(found.map((c) => c.word));
      found = found.concat(dictionary.common().search(lower, 2, accept).filter((c) => !seen.has(c.word)));
    }
    const seen = new Set(found.map((c) => c.word));
    const extra = [...splits(dictionary, lower, mask), ...contractions(dictionary, lower, mask)].filter((c) => !seen.has(c.word));
    const near = found.concat(extra).sort((a, b) => cost(lower, a) - cost(lower, b)).slice(0, 8);
    info = { known: false, misspelling: dictionary.misspelling(lower), near, searched: true };
  }
  cache.set(lower, info);
  return info;
}

/** Vocabulary names one edit away (`kuberentes` → Kubernetes), remembered. */
function nearNames(dictionary: Dictionary, lower: string, mask: number): Candidate[] {
  const cache = cacheFor(nameCache, dictionary, mask);
  let found = cache.get(lower);
  if (!found) {
    const english = WordFlag.US | WordFlag.GB;
    found = dictionary.search(lower, 1, (flags) => (flags & mask) !== 0 && !(flags & english) && (flags & (WordFlag.Software | WordFlag.CloudNative)) !== 0);
    cache.set(lower, found);
  }
  return found;
}
const nameCache = new Map<number, Map<string, Candidate[]>>();

/** Whether a very common word (among the 5,000 most frequent) is one edit away, remembered. */
function nearVeryCommon(dictionary: Dictionary, lower: string, mask: number): boolean {
  const cache = cacheFor(veryCommonCache, dictionary, mask);
  let found = cache.get(lower);
  if (found === undefined) {
    found = dictionary.common().search(lower, 1, (flags) => (flags & mask) !== 0).some((c) => c.rank <= 5_000);
    cache.set(lower, found);
  }
  return found;
}
const veryCommonCache = new Map<number, Map<string, boolean>>();

/** A contraction written without its apostrophe (`dont` → don't): the likeliest fix of all. */
function contractions(dictionary: Dictionary, lower: string, mask: number): Candidate[] {
  const out: Candidate[] = [];
  const english = WordFlag.US | WordFlag.GB;
  for (let k = 1; k < lower.length; k++) {
    const word = `${lower.slice(0, k)}'${lower.slice(k)}`;
    if (dictionary.flags(word) & mask & english) out.push({ word, distance: 1, flags: dictionary.flags(word), rank: dictionary.rank(word) ?? 1e6 });
  }
  return out;
}

/** Two words run together (`sortof`): both common, offered as one edit away. */
function splits(dictionary: Dictionary, lower: string, mask: number): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 1; k < lower.length; k++) {
    const a = lower.slice(0, k);
    const b = lower.slice(k);
    if ((a.length < 2 && a !== 'a') || (b.length < 2 && b !== 'a')) continue;
    const ra = dictionary.rank(a);
    const rb = dictionary.rank(b);
    if (ra !== undefined && rb !== undefined && ra <= 5000 && rb <= 5000 && dictionary.flags(a) & mask && dictionary.flags(b) & mask) {
      out.push({ word: `${a} ${b}`, distance: 1, flags: WordFlag.US | WordFlag.GB, rank: Math.max(ra, rb) });
    }
  }
  return out;
}

/**
 * How unlikely a candidate is as the intended word: its edit distance, plus a little when the
 * first letter differs (writers rarely miss the first letter) and when the word is rare.
 */
function cost(typo: string, c: { word: string; distance: number; rank: number; flags: number }): number {
  // Only the apostrophe missing: nothing else is as likely.
  if (c.word.length === typo.length + 1 && c.word.replace("'", '') === typo) return 0.5;
  const firstLetter = c.word.charCodeAt(0) === typo.charCodeAt(0) ? 0 : 0.6;
  const rarity = Math.log10(Math.max(1, c.rank)) / 6; // 0 for the most common word, 1 for unranked
  const vocabulary = c.flags & (WordFlag.CloudNative | WordFlag.Software) && c.rank >= 1e6 ? -0.3 : 0;
  return c.distance + firstLetter + 0.5 * rarity + vocabulary + (c.word.length === typo.length ? 0 : 0.05);
}

/** A frequent word, or a term of the software vocabularies: one a writer likely meant. */
function isCommon(c: { distance: number; rank: number; flags: number }): boolean {
  return c.rank <= 40_000 || (c.flags & (WordFlag.Software | WordFlag.CloudNative)) !== 0;
}

const resultCache = new WeakMap<DocumentModel, { key: string; result: SpellingResult }>();

/** The spelling findings of a document; computed once per model, settings and word lists. */
export function checkSpelling(model: DocumentModel, settings: Settings, workspace: Workspace): SpellingResult {
  const state = currentDictionary();
  const spelling = settings.spelling ?? DEFAULT_SPELLING;
  const lists = wordListsFor(workspace, model.uri);
  const key = `${spelling.language}|${spelling.words.join(' ')}|${lists.key}|${state && 'error' in state ? state.error : ''}`;
  const cached = resultCache.get(model);
  if (cached && cached.key === key) return cached.result;
  const result = computeSpelling(model, spelling, lists.words, state);
  resultCache.set(model, { key, result });
  return result;
}

interface DocToken extends Token {
  /** Document offsets. */
  start: number;
  end: number;
  /** Blocks numbered across the document. */
  block: number;
}

function computeSpelling(
  model: DocumentModel,
  spelling: SpellingSettings,
  listed: ReadonlySet<string>,
  state: ReturnType<typeof currentDictionary>,
): SpellingResult {
  const result: SpellingResult = { typos: [], unknown: [], repeated: [] };
  if (state === undefined) return result;
  const top: Span = { start: model.bomLength, end: model.bomLength };

  const declared = declaredLanguage(model);
  if (declared && !/^en(?:[-_]|$)/i.test(declared.value)) {
    result.otherLanguage = { span: declared.span, message: `The post's language is "${declared.value}": its spelling is not checked.` };
    return result;
  }

  const parts = documentParts(model);
  if ('error' in state) {
    result.dictionaryProblem = { span: top, message: `Spelling is not checked: the dictionary ${state.error}. Other checks go on.` };
    result.repeated = collectRepeats(parts, new Set());
    return result;
  }
  const dictionary = state.dictionary;
  const mask = variantMask(spelling.language);
  const accepted = new Set<string>([...listed, ...spelling.words.map((w) => w.toLowerCase()), ...ignoredInDocument(model.text)]);
  const names = documentNames(model, parts);

  // Which blocks, and whether the whole post, are not English: the share of ordinary
  // (lower-case) words that an English dictionary knows. Counted per part, and cached there.
  let words = 0;
  let known = 0;
  const unknown: { part: Part; index: number }[] = [];
  // Blocks that look foreign by the dictionary alone, and how many of their words the
  // accepted lists know: only those few blocks are recounted.
  const lowBlocks = new Map<number, { words: number; known: number; part: Part; block: number }>();
  for (const part of parts) {
    const facts = partFacts(part, dictionary, mask);
    words += facts.words;
    known += facts.known;
    for (const block of facts.lowBlocks) {
      const b = facts.blocks.get(block)!;
      lowBlocks.set(part.blockBase + block, { words: b.words, known: b.known, part, block });
    }
    for (const index of facts.unknown) {
      const t = part.tokens[index];
      if (accepted.has(t.lower)) {
        if (!t.ordinary) continue;
        known++;
        const low = lowBlocks.get(part.blockBase + t.block);
        if (low) low.known++;
      } else {
        unknown.push({ part, index });
      }
    }
  }
  // Few known words is not enough: a paragraph listing project names has few too. The text
  // must also read as another language (letter patterns, not the dictionary).
  if (words >= 30 && known / words < 0.6) {
    const language = languageName(parts.flatMap((p) => p.tokens.map((t) => t.text)).join(' '));
    if (language) {
      result.otherLanguage = { span: top, message: `The post looks written in ${language}: its spelling is not checked. Set \`lang\` in the front matter to say so.` };
      return result;
    }
  }
  const foreign = new Set<number>();
  const languages = new Set<string>();
  for (const [block, b] of lowBlocks) {
    if (b.known / b.words >= 0.5) continue;
    const language = languageName(b.part.tokens.filter((t) => t.block === b.block).map((t) => t.text).join(' '));
    if (!language) continue;
    foreign.add(block);
    languages.add(language);
  }
  if (foreign.size > 0) {
    const inForeign = parts.flatMap((p) => p.tokens.filter((t) => foreign.has(p.blockBase + t.block)).map((t) => ({ t, base: p.base })));
    const language = languages.size === 1 ? [...languages][0] : undefined;
    const count = foreign.size === 1 ? 'A paragraph' : `${foreign.size} paragraphs`;
    const first = inForeign[0];
    result.otherLanguage = {
      span: { start: first.base + first.t.start, end: first.base + first.t.end },
      message: `${count} ${foreign.size === 1 ? 'looks' : 'look'} ${language ? `written in ${language}` : 'written in other languages'}; ${foreign.size === 1 ? 'its' : 'their'} spelling is not checked.`,
    };
  }

  // How often each unknown word is used: a word used three times is deliberate.
  const counts = new Map<string, number>();
  for (const { part, index } of unknown) counts.set(part.tokens[index].text, (counts.get(part.tokens[index].text) ?? 0) + 1);

  const verdicts = new Map<string, ReturnType<typeof classify> | null>();
  for (const { part, index } of unknown) {
    const r = part.tokens[index];
    if (foreign.has(part.blockBase + r.block)) continue;
    // The same word in the same position of a sentence gets the same verdict: decide it once.
    const key = `${r.text}|${r.sentenceStart ? 1 : 0}${r.soleLinkWord ? 1 : 0}${r.inHeadingParens ? 1 : 0}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      const t: DocToken = { ...r, start: part.base + r.start, end: part.base + r.end, block: part.blockBase + r.block };
      verdicts.set(key, (verdict = classify(dictionary, spelling.language, t, accepted, names, counts.get(r.text) ?? 1) ?? null));
    }
    if (!verdict) continue;
    // A possessive's finding is its bare word (`Linekrd` of `Linekrd's`).
    const trim = verdict.trim ?? 0;
    const issue: WordIssue = { span: { start: part.base + r.start, end: part.base + r.end - trim }, word: r.text.slice(0, r.text.length - trim), suggestions: verdict.suggestions };
    if (verdict.kind === 'typo') {
      if (result.typos.length < MAX_FINDINGS) result.typos.push(issue);
    } else if (result.unknown.length < MAX_FINDINGS) {
      result.unknown.push(issue);
    }
  }
  result.repeated = collectRepeats(parts, foreign);
  return result;
}

/** Words of one section (or of the front matter's prose), in offsets of `text`; `base` maps them to the document. */
interface Part {
  tokens: readonly Token[];
  text: string;
  base: number;
  blockBase: number;
}

/** What a part's words are, as far as the dictionary alone says: kept per section and variant. */
interface PartFacts {
  /** Indexes of the words the dictionary does not know. */
  unknown: number[];
  blocks: Map<number, { words: number; known: number }>;
  /** Ordinary words, and those the dictionary knows, in the whole part. */
  words: number;
  known: number;
  /** Long blocks most of whose ordinary words the dictionary does not know. */
  lowBlocks: number[];
}

const factsCache = new WeakMap<readonly Token[], { dictionary: Dictionary; mask: number; facts: PartFacts }>();

function partFacts(part: Part, dictionary: Dictionary, mask: number): PartFacts {
  const cached = factsCache.get(part.tokens);
  if (cached && cached.dictionary === dictionary && cached.mask === mask) return cached.facts;
  const facts: PartFacts = { unknown: [], blocks: new Map(), words: 0, known: 0, lowBlocks: [] };
  part.tokens.forEach((t, i) => {
    const isWordKnown = isKnownCached(dictionary, t.lower, mask);
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
  factsCache.set(part.tokens, { dictionary, mask, facts });
  return facts;
}

function classify(
  dictionary: Dictionary,
  language: EnglishVariant,
  t: DocToken,
  accepted: ReadonlySet<string>,
  names: ReadonlySet<string>,
  occurrences: number,
): { kind: 'typo' | 'unknown'; suggestions: string[]; trim?: number } | undefined {
  const word = t.text.includes('’') ? t.text.replace(/’/g, "'") : t.text;
  const lower = word.toLowerCase();
  if (isKnownCached(dictionary, lower, variantMask(language)) || accepted.has(lower)) return undefined;
  // ALL-CAPS words are acronyms; a single letter is never wrong.
  if (word.length < 2 || (word === word.toUpperCase() && /\p{Lu}/u.test(word))) return undefined;
  const mask = variantMask(language);
  // A possessive is judged as the bare word (`Linekrd's` as `Linekrd`) and keeps its ending.
  const possessive = /^(.{2,})('s)$/i.exec(word);
  if (possessive) {
    const stem = possessive[1];
    const verdict = classify(dictionary, language, { ...t, text: stem, lower: stem.toLowerCase(), end: t.end - 2 }, accepted, names, occurrences);
    return verdict && { ...verdict, trim: 2 };
  }

  const innerCapitals = /.\p{Lu}/u.test(word.replace(/^\p{Lu}+(?=\p{Lu}\p{Ll})/u, 'X'));
  if (innerCapitals) {
    // camelCase and PascalCase: a name when its parts are words or when it is simply unknown.
    const parts = splitCompound(word);
    const partKnown = (p: string): boolean => p.length < 2 || accepted.has(p.toLowerCase()) || isKnownCached(dictionary, p.toLowerCase(), mask);
    if (parts.length > 1 && parts.every(partKnown)) return undefined;
    // An acronym may end with the capital before a lower-case part (`RBACdoors`: RBAC, doors).
    const acronymFirst = word.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Ll})/u).filter((p) => p.length > 0);
    if (acronymFirst.length > 1 && acronymFirst.every((p) => p.length < 2 || p === p.toUpperCase() || partKnown(p))) return undefined;
    return compoundVerdict(dictionary, language, word, parts, partKnown);
  }
  // Not Latin-script English: not ours to judge.
  if (!/^[a-z'-]+$/i.test(word.normalize('NFD').replace(/\p{M}/gu, ''))) return { kind: 'unknown', suggestions: [] };
  // The post's own names: its speakers, authors and tags.
  if (names.has(lower) || t.inHeadingParens) return undefined;

  const capitalised = /^\p{Lu}/u.test(word);
  const cheap = wordInfo(dictionary, lower, language, false);
  if (cheap.misspelling) return { kind: 'typo', suggestions: suggestionsFor(dictionary, word, wordInfo(dictionary, lower, language)) };
  const nameLike = t.soleLinkWord || (capitalised && !t.sentenceStart);
  if (nameLike) {
    // A name of the vocabularies, misspelled: `Kuberentes`.
    if (capitalised && !t.soleLinkWord && lower.length >= 6) {
      const near = nearNames(dictionary, lower, mask);
      if (near.length > 0) return { kind: 'typo', suggestions: suggestionsFor(dictionary, word, { known: false, near, searched: true }) };
    }
    // A capitalised word one edit from a very common word is a typo rather than a name
    // (`the Perfomance team`); names that close to common words are short.
    if (capitalised && !t.soleLinkWord && lower.length >= 7) {
      if (nearVeryCommon(dictionary, lower, mask)) return { kind: 'typo', suggestions: suggestionsFor(dictionary, word, wordInfo(dictionary, lower, language)) };
    }
    return { kind: 'unknown', suggestions: [] };
  }
  // Letters held for effect ("gooooo"), closed compounds of two words ("backpressure") and
  // inflections of known words ("webservers") are deliberate far more often than not; a word
  // used three times is meant.
  if (occurrences >= 3 || lower.length < 4 || /(\p{L})\1\1/u.test(lower) || isCompound(dictionary, lower, language) || isInflection(dictionary, lower, language)) {
    return { kind: 'unknown', suggestions: [] };
  }
  const info = wordInfo(dictionary, lower, language);
  const suggestions = suggestionsFor(dictionary, word, info);
  // A vocabulary word that is this one plus a plural ending (`loopvars`) makes it the
  // singular of an identifier, not a typo of it.
  const english = WordFlag.US | WordFlag.GB;
  const near = info.near.filter((c) => (c.word !== `${lower}s` && c.word !== `${lower}es`) || c.flags & english);
  const close =
    near.some((c) => c.distance === 1 && (isCommon(c) || lower.length >= 8)) ||
    (lower.length >= 7 && near.some((c) => c.distance === 2 && c.rank <= 20_000));
  // A capitalised word at a sentence's start may still be a name: ask for a closer match.
  if (capitalised && !near.some((c) => c.distance === 1 && c.rank <= 20_000)) return { kind: 'unknown', suggestions };
  return { kind: close ? 'typo' : 'unknown', suggestions };
}

/**
 * A camelCase or PascalCase word the dictionaries do not know: a name, unless it is one edit
 * from a term of the vocabularies (`OpenTelemety` → OpenTelemetry) or one of its parts is one
 * edit from a frequent word or a term (`DataPipline` → DataPipeline). Names whose parts are
 * not close to anything (`McDonald`, `WattTime`) stay quiet.
 */
function compoundVerdict(
  dictionary: Dictionary,
  language: EnglishVariant,
  word: string,
  parts: readonly string[],
  partKnown: (part: string) => boolean,
): { kind: 'typo' | 'unknown'; suggestions: string[] } {
  const mask = variantMask(language);
  const lower = word.toLowerCase();
  const fixedParts: string[] = [];
  for (let i = 0; i < parts.length && fixedParts.length < 5; i++) {
    const part = parts[i];
    if (part.length < 5 || partKnown(part) || part === part.toUpperCase()) continue;
    const info = wordInfo(dictionary, part.toLowerCase(), language);
    for (const c of info.near) {
      if (c.distance !== 1 || c.word.includes(' ') || c.word.includes("'") || !(c.rank <= 20_000 || (c.flags & (WordFlag.Software | WordFlag.CloudNative) && c.word.length >= 6))) continue;
      const fixed = matchCase(part, c.word);
      const whole = [...parts.slice(0, i), fixed, ...parts.slice(i + 1)].join('');
      if (!fixedParts.includes(whole)) fixedParts.push(whole);
    }
  }
  // Known terms first, written as the vocabulary writes them, else as the word is written.
  const suggestions: string[] = [];
  if (lower.length >= 7) {
    for (const c of nearNames(dictionary, lower, mask)) {
      const written = dictionary.display(c.word);
      const term = written !== c.word ? written : (fixedParts.find((f) => f.toLowerCase() === c.word) ?? written);
      if (!suggestions.includes(term)) suggestions.push(term);
    }
  }
  for (const f of fixedParts) if (!suggestions.some((s) => s.toLowerCase() === f.toLowerCase())) suggestions.push(f);
  return suggestions.length > 0 ? { kind: 'typo', suggestions: suggestions.slice(0, 5) } : { kind: 'unknown', suggestions: [] };
}

function isCompound(dictionary: Dictionary, lower: string, language: EnglishVariant): boolean {
  for (let k = 4; k <= lower.length - 4; k++) {
    const mask = variantMask(language);
    if (isKnown(dictionary, lower.slice(0, k), mask) && isKnown(dictionary, lower.slice(k), mask)) return true;
  }
  return false;
}

function isInflection(dictionary: Dictionary, lower: string, language: EnglishVariant): boolean {
  const mask = variantMask(language);
  for (const suffix of ['s', 'es', 'ed', 'd', 'ing', 'er', 'ers']) {
    if (lower.length - suffix.length >= 4 && lower.endsWith(suffix) && isKnown(dictionary, lower.slice(0, -suffix.length), mask)) return true;
  }
  return false;
}

function suggestionsFor(dictionary: Dictionary, word: string, info: WordInfo): string[] {
  const out: string[] = [];
  for (const fix of info.misspelling ?? []) out.push(fix);
  for (const c of info.near) {
    const written = dictionary.display(c.word);
    if (!out.some((o) => o.toLowerCase() === c.word)) out.push(c.word.includes(' ') ? c.word : written);
  }
  return out.slice(0, 5).map((s) => matchCase(word, s));
}

function matchCase(original: string, suggestion: string): string {
  if (suggestion !== suggestion.toLowerCase()) return suggestion; // a name keeps its own form
  if (original.length > 1 && original === original.toUpperCase()) return suggestion.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  return suggestion;
}

/** The document's prose words by part: the front matter's prose values, then each section. */
function documentParts(model: DocumentModel): Part[] {
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
    parts.push({ tokens: prose.tokens, text: section.parsed.text, base: section.span.start, blockBase });
    blockBase += prose.blocks.length + 1;
  }
  return parts;
}

/** The names a post gives: authors, tags, speakers in talk headings, "Speakers:" lines. */
function documentNames(model: DocumentModel, parts: readonly Part[]): Set<string> {
  const names = new Set<string>();
  const addWords = (text: string): void => {
    for (const m of text.matchAll(/[\p{L}\p{M}'’]+/gu)) names.add(m[0].toLowerCase());
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
  for (const part of parts) for (const t of parenNames(part.tokens)) names.add(t);
  for (const part of parts) for (const w of speakerLineNames(part)) names.add(w);
  return names;
}

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
function parenNames(tokens: readonly Token[]): string[] {
  let cached = parenCache.get(tokens);
  if (!cached) parenCache.set(tokens, (cached = tokens.filter((t) => t.inHeadingParens).map((t) => t.lower)));
  return cached;
}
const parenCache = new WeakMap<readonly Token[], string[]>();

/** Words of `Speakers:` (or `Presenters:`, `By:`, `Hosts:`) lines, kept per part. */
function speakerLineNames(part: Part): string[] {
  let cached = speakerCache.get(part.tokens);
  if (!cached) {
    cached = [];
    if (/(?:Speaker|Presenter|By|Host)s?\**\s*:/i.test(part.text)) {
      for (const m of part.text.matchAll(/^[ \t>*_-]*\**(?:Speakers?|Presenters?|By|Hosts?)\**\s*:\**([^\n]{0,300})/gim)) {
        for (const w of m[1].matchAll(/[\p{L}\p{M}'’]+/gu)) cached.push(w[0].toLowerCase());
      }
    }
    speakerCache.set(part.tokens, cached);
  }
  return cached;
}
const speakerCache = new WeakMap<readonly Token[], string[]>();

function collectRepeats(parts: readonly Part[], foreign: ReadonlySet<number>): RepeatIssue[] {
  const out: RepeatIssue[] = [];
  for (const part of parts) {
    for (const r of partRepeats(part)) {
      if (out.length >= MAX_FINDINGS) return out;
      if (foreign.has(part.blockBase + r.block)) continue;
      out.push({
        span: { start: part.base + r.span.start, end: part.base + r.span.end },
        word: r.word,
        removeSpan: { start: part.base + r.removeSpan.start, end: part.base + r.removeSpan.end },
      });
    }
  }
  return out;
}

const repeatCache = new WeakMap<readonly Token[], (RepeatIssue & { block: number })[]>();

/** A part's repeated words, in its own offsets; kept as long as its words are. */
function partRepeats(part: Part): (RepeatIssue & { block: number })[] {
  const cached = repeatCache.get(part.tokens);
  if (cached) return cached;
  const out: (RepeatIssue & { block: number })[] = [];
  const tokens = part.tokens;
  for (let i = 1; i < tokens.length && out.length < MAX_FINDINGS; i++) {
    const a = tokens[i - 1];
    const b = tokens[i];
    if (a.block !== b.block) continue;
    const lower = b.lower;
    if (a.lower !== lower || ALLOWED_REPEATS.has(lower)) continue;
    const gap = part.text.slice(a.end, b.start);
    // Only spaces, a line break or inline markup between them: no punctuation, no link target.
    if (!/^[\s*_~]*$/.test(gap) || gap.length === 0) continue;
    // Names that repeat ("Bora Bora", "Talk Talk"): capitalised twice, mid-sentence.
    if (/^\p{Lu}/u.test(a.text) && /^\p{Lu}/u.test(b.text) && !FUNCTION_WORDS.has(lower)) continue;
    // Part of a compound: "take part in in-person events", "built-in in production".
    if (/^-\p{L}/u.test(part.text.slice(b.end, b.end + 2)) || part.text[a.start - 1] === '-') continue;
    out.push({ span: { start: b.start, end: b.end }, word: b.text, removeSpan: repeatRemoval(part.text, a, b, gap), block: b.block });
  }
  repeatCache.set(part.tokens, out);
  return out;
}

/**
 * What deleting the repeat removes, so that the markup stays whole: `the *the* talk` loses
 * ` *the*`, `**the** the talk` loses ` the`, `the *the talk*` loses `the `.
 */
function repeatRemoval(text: string, a: Token, b: Token, gap: string): Span {
  const [, closing, , opening] = /^([*_~]*)(\s*)([*_~]*)$/.exec(gap) ?? ['', '', '', ''];
  const start = a.end + closing.length;
  if (opening === '') return { start, end: b.end };
  const reversed = [...opening].reverse().join('');
  if (text.startsWith(reversed, b.end)) return { start, end: b.end + reversed.length };
  const after = /^\s*/.exec(text.slice(b.end, b.end + 20))?.[0].length ?? 0;
  return { start: b.start, end: b.end + after };
}

function declaredLanguage(model: DocumentModel): { value: string; span: Span } | undefined {
  const fm = model.frontMatter;
  if (!fm) return undefined;
  for (const key of LANGUAGE_KEYS) {
    const value = fm.data[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const entry = fm.entries.find((e) => e.path.length === 1 && e.path[0] === key);
    return { value: value.trim(), span: entry?.valueSpan ?? fm.span };
  }
  return undefined;
}

function languageName(text: string): string | undefined {
  const code = franc(text.slice(0, 4000), { minLength: 20 });
  if (code === 'und' || code === 'eng' || code === 'sco') return undefined;
  return LANGUAGE_NAMES[code] ?? code;
}
