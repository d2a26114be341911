import type { DocumentModel } from '../../model/document';
import { mentions } from '../../model/mentions';
import type { Session } from '../../session/session';
import { MemoKey } from '../../session/state';
import { WordFlag } from '../../spelling/dictionary';
import type { Token } from '../../spelling/tokens';
import { DEFAULT_SPELLING, type Settings, type SpellingSettings } from '../../settings';
import type { Span } from '../../text';
import { documentNames, documentParts, ignoredInDocument, type Part } from './documentWords';
import { declaredLanguage, dictionaryCode, isEnglish, languageCode, nameOf } from './language';
import { lookupFor, type Lookup } from './lookup';
import { keptWord } from './context';
import { collectRepeats } from './repeats';
import { collectWrongWords } from './wrongWords';
import { languageDictionary, sessionDictionary, type DictionaryState, type WordSet } from './source';
import { MAX_FINDINGS, type SpellingResult, type WordIssue } from './types';
import { documentForms, documentVariant } from './variants';
import { partFacts, tallyParts, type Unknown } from './tally';
import { classify, type Verdict } from './verdict';
import { wordListsFor } from './wordLists';
import { foreignWordsFor, type ForeignWords } from './languages/foreign';
import { accentVerdict, classifyForeign, type ForeignContext } from './languages/verdict';
import { foreignWrongWords } from './languages/wrongWords';

const RESULT = new MemoKey<SpellingResult>('spelling.result');
const NOT_FOREIGN: ForeignContext = { afterName: false, abbreviation: false, compoundHead: false };

/**
 * The spelling findings of a document; computed once per model, spelling settings, word lists
 * and dictionary (the word lists and the dictionary are the session's, dropped by its events).
 */
export function checkSpelling(model: DocumentModel, settings: Settings, session: Session): SpellingResult {
  const state = sessionDictionary(session);
  const spelling = settings.spelling ?? DEFAULT_SPELLING;
  const lists = wordListsFor(session, model.uri);
  return model.memo.get(RESULT, [spelling.language, spelling.words.join(' '), lists, state, session], () => computeSpelling(model, spelling, lists.words, state, session));
}

function computeSpelling(model: DocumentModel, spelling: SpellingSettings, listed: ReadonlySet<string>, state: DictionaryState, session: Session): SpellingResult {
  const result: SpellingResult = { typos: [], unknown: [], repeated: [] };
  if (state === undefined) return result;
  const top: Span = { start: model.bomLength, end: model.bomLength };

  // A post declared in another language is checked with that language's dictionary beside
  // English (its talk titles and terms are often English); without one, it is not checked.
  const declared = declaredLanguage(model);
  let abroad: WordSet | undefined;
  let abroadCode = declared ? dictionaryCode(declared.value) : '';
  if (declared && !isEnglish(declared.value)) abroad = languageDictionary(session, abroadCode);
  if (declared && !isEnglish(declared.value) && !abroad) {
    result.otherLanguage = { span: declared.span, message: `The post's language is "${declared.value}": its spelling is not checked.` };
    return result;
  }

  const parts = documentParts(model);
  if ('error' in state) {
    result.dictionaryProblem = { span: top, message: `Spelling is not checked: the dictionary ${state.error}. Other checks go on.` };
    result.repeated = collectRepeats(session, model, parts, new Set());
    return result;
  }
  const lookup = lookupFor(session, state.dictionary, spelling.language);
  const ignored = mentions(model, 'talkdown-words') ? ignoredInDocument(model.text) : [];
  const accepted = new Set<string>([...listed, ...spelling.words.map((w) => w.toLowerCase()), ...ignored]);
  const names = documentNames(model, parts, session);

  // Which blocks, and whether the whole post, are not English: the share of ordinary
  // (lower-case) words that an English dictionary knows. Counted per part, and cached there.
  const tally = tallyParts(session, model, parts, lookup, accepted, [lookup.dictionary, lookup.mask, listed, spelling.words.join('\n'), ignored.join('\n')]);
  let { words, known } = tally;
  const { unknown, lowBlocks } = tally;
  const unknownAtFirst = unknown.length;
  // Few known words is not enough: a paragraph listing project names has few too. The text
  // must also read as another language (letter patterns, not the dictionary). Only a post with
  // a low share of English words pays for the detection.
  const text = (): string => parts.flatMap((p) => p.tokens.map((t) => t.text)).join(' ');
  if (!abroad && words >= 30 && known / words < 0.75) {
    const code = languageCode(text());
    const other = code ? languageDictionary(session, dictionaryCode(code)) : undefined;
    // The other language's dictionary must explain the words English does not.
    const otherWords = other && code ? foreignWordsFor(session, dictionaryCode(code), other) : undefined;
    if (other && code && otherWords && countKnown(unknown, { has: (w) => otherWords.knows(w) }) >= 0.1 * words) {
      abroad = other;
      abroadCode = dictionaryCode(code);
    }
    else if (code && known / words < 0.6) {
      result.otherLanguage = { span: top, message: `The post looks written in ${nameOf(code)}: its spelling is not checked. Set \`lang\` in the front matter to say so.` };
      return result;
    }
  }
  // The language each block is checked in, beside English: the post's, or a paragraph's own.
  const blockLanguage = new Map<number, ForeignWords>();
  const abroadWords = abroad && foreignWordsFor(session, abroadCode, abroad);
  if (abroadWords) dropKnown(unknown, { has: (w) => abroadWords.knows(w) }, lowBlocks);
  const foreign = new Set<number>();
  const languages = new Set<string>();
  for (const [block, b] of lowBlocks) {
    if (b.known / b.words >= 0.5) continue;
    const code = languageCode(b.part.tokens.filter((t) => t.block === b.block).map((t) => t.text).join(' '));
    if (!code) continue;
    // A paragraph in a language with a dictionary is checked with it.
    const other = abroad ? undefined : languageDictionary(session, dictionaryCode(code));
    if (other) {
      const otherWords = foreignWordsFor(session, dictionaryCode(code), other);
      const inBlock = unknown.filter((u) => u.part === b.part && u.part.tokens[u.index].block === b.block);
      const rest = new Set(dropKnown(inBlock, { has: (w) => otherWords.knows(w) }, new Map([[block, b]])));
      for (let i = unknown.length - 1; i >= 0; i--) if (inBlock.includes(unknown[i]) && !rest.has(unknown[i])) unknown.splice(i, 1);
      if (b.known / b.words >= 0.5) {
        blockLanguage.set(block, otherWords);
        continue;
      }
    }
    foreign.add(block);
    languages.add(nameOf(code));
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
  // Counted with the tally, unless other languages' dictionaries took words out of the list.
  let counts = tally.counts;
  if (unknown.length !== unknownAtFirst) {
    counts = new Map<string, number>();
    for (const { part, index } of unknown) counts.set(part.tokens[index].text, (counts.get(part.tokens[index].text) ?? 0) + 1);
  }

  const english = new Map<number, boolean>();
  const counted = new Map<Part, Map<number, number>>();
  const languageOf = (part: Part, block: number): ForeignWords | undefined => {
    const found = blockLanguage.get(part.blockBase + block);
    if (found || !abroadWords) return found;
    let isEn = english.get(part.blockBase + block);
    if (isEn === undefined) english.set(part.blockBase + block, (isEn = isEnglishBlock(part, block, lookup, abroadWords, counted)));
    return isEn ? undefined : abroadWords;
  };
  const isKnown = (w: string): boolean => lookup.isKnown(w) || accepted.has(w);
  const knownBy = [lookup, [...accepted].join('\n')];
  const verdicts = new Map<string, Verdict | null>();
  const judged: { part: Part; index: number; verdict: Verdict }[] = [];
  for (const { part, index } of unknown) {
    const r = part.tokens[index];
    if (foreign.size > 0 && foreign.has(part.blockBase + r.block)) continue;
    const kept = keptWord(part, index, lookup.dictionary, isKnown, knownBy);
    // A letter set apart by markup (`**B**ig`) is not a word of its own.
    if (kept.split) continue;
    const language = languageOf(part, r.block);
    const foreignAt: ForeignContext = language ? foreignContext(part, index, lookup, language) : NOT_FOREIGN;
    const context = kept.context;
    // The same word in the same position of a sentence gets the same verdict: decide it once.
    const key = language ? `${kept.key}|${language.profile.code}${foreignAt.afterName ? 1 : 0}${foreignAt.abbreviation ? 1 : 0}${foreignAt.compoundHead ? 1 : 0}${foreignAt.joined ?? ''}` : kept.key;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      // A word the post writes right elsewhere (a name in a heading, a link, a URL) is a typo of it.
      const meant = context.quoted || context.handle || context.reduplicated;
      const variant = accepted.has(r.lower) || meant ? undefined : documentVariant(documentForms(model, session), lookup, r.text);
      const occurrences = counts.get(r.text) ?? 1;
      if (variant) verdict = { kind: 'typo', suggestions: [variant] };
      else if (language) verdict = classifyForeign(language, lookup, r, accepted, names, occurrences, foreignAt) ?? null;
      else {
        // How often the post writes the word: in prose, and anywhere else (links, tags, file names).
        const uses = Math.max(occurrences, documentForms(model, session).counts.get(r.lower)?.count ?? 1);
        verdict = classify(lookup, r, accepted, names, uses, context) ?? null;
      }
      verdicts.set(key, verdict);
    }
    if (verdict) judged.push({ part, index, verdict });
  }
  // Words English knows that the block's language writes with accents (`degradation`, `fur`).
  if (abroadWords || blockLanguage.size > 0) judged.push(...accentSlips(parts, languageOf, lookup, accepted));
  judged.sort((a, b) => a.part.base + a.part.tokens[a.index].start - (b.part.base + b.part.tokens[b.index].start));
  for (const { part, index, verdict } of judged) {
    const r = part.tokens[index];
    // A possessive's finding is its bare word (`Linekrd` of `Linekrd's`).
    const trim = verdict.trim ?? 0;
    const issue: WordIssue = { span: { start: part.base + r.start, end: part.base + r.end - trim }, word: r.text.slice(0, r.text.length - trim), suggestions: verdict.suggestions };
    if (verdict.kind === 'typo') {
      if (result.typos.length < MAX_FINDINGS) result.typos.push(issue);
    } else if (result.unknown.length < MAX_FINDINGS) {
      result.unknown.push(issue);
    }
  }
  // Repeats a language allows (German `die die`, French `faire faire`) are not slips.
  result.repeated = collectRepeats(session, model, parts, foreign).filter((r) => !allowedRepeat(parts, r, languageOf));
  // The English grammar contexts hold in English text; other languages have their own.
  if (!abroad) result.wrongWords = collectWrongWords(session, model, parts, foreign);
  if (abroadWords || blockLanguage.size > 0) {
    const slips = foreignWrongWords(parts, languageOf);
    if (slips.length > 0) result.wrongWords = [...(result.wrongWords ?? []), ...slips];
  }
  return result;
}


/** A repeated word that the language of its block writes twice on purpose. */
function allowedRepeat(parts: readonly Part[], r: { span: Span; word: string }, languageOf: (part: Part, block: number) => ForeignWords | undefined): boolean {
  const part = parts.find((p) => p.base <= r.span.start && r.span.start - p.base <= p.text.length);
  const token = part?.tokens.find((t) => part.base + t.start === r.span.start);
  const language = part && token ? languageOf(part, token.block) : undefined;
  return language !== undefined && language.profile.repeats.includes(r.word.toLowerCase());
}

/** Where a word of another language's text stands: after a name (a surname), or cut short with a full stop. */
function foreignContext(part: Part, index: number, lookup: Lookup, language: ForeignWords): ForeignContext {
  const t = part.tokens[index];
  const next = part.tokens[index + 1];
  // A part of a word split in two (`éco système`): the two together are a word.
  const joined = next && next.block === t.block && part.text.slice(t.end, next.start) === ' ' && language.knows(t.text + next.text) ? t.text + next.text : undefined;
  const prev = index > 0 ? part.tokens[index - 1] : undefined;
  const gap = prev ? part.text.slice(prev.end, t.start) : '';
  const afterName =
    prev !== undefined &&
    prev.block === t.block &&
    /^[\s-]{1,2}$/.test(gap) &&
    /^\p{Lu}\p{Ll}/u.test(prev.text) &&
    /^\p{Lu}/u.test(t.text) &&
    // A first name, or a word no dictionary knows (a name: `Nieper-Wißkirchen`).
    ((lookup.dictionary.flags(prev.lower) & WordFlag.Person) !== 0 || (!lookup.isKnown(prev.lower) && !language.knows(prev.text)));
  // A full stop that ends no sentence: the next word goes on in lower case.
  return { afterName, abbreviation: /^\.(?:\s+\p{Ll}|[,)])/u.test(part.text.slice(t.end, t.end + 4)) || (t.text.length <= 4 && /^\.\s/.test(part.text.slice(t.end, t.end + 2))), compoundHead: /^-\p{L}/u.test(part.text.slice(t.end, t.end + 2)), joined };
}

/** In a post in another language, a block (a talk title, a quote) that reads as English. */
function isEnglishBlock(part: Part, block: number, lookup: Lookup, words: ForeignWords, counted: Map<Part, Map<number, number>>): boolean {
  const b = partFacts(part, lookup).blocks.get(block);
  if (!b || b.words < 4 || b.known / b.words < 0.85) return false;
  // The ordinary words the post's language knows, per block: counted once per part.
  let inLanguage = counted.get(part);
  if (!inLanguage) {
    counted.set(part, (inLanguage = new Map()));
    for (const t of part.tokens) if (t.ordinary && words.knows(t.text)) inLanguage.set(t.block, (inLanguage.get(t.block) ?? 0) + 1);
  }
  return (inLanguage.get(block) ?? 0) / b.words < 0.7;
}

/** The words English knows that a block's language does not, but does with other accents. */
function accentSlips(
  parts: readonly Part[],
  languageOf: (part: Part, block: number) => ForeignWords | undefined,
  lookup: Lookup,
  accepted: ReadonlySet<string>,
): { part: Part; index: number; verdict: Verdict }[] {
  const out: { part: Part; index: number; verdict: Verdict }[] = [];
  for (const part of parts) {
    part.tokens.forEach((t, index) => {
      if (!t.ordinary || !lookup.isKnown(t.lower)) return;
      const language = languageOf(part, t.block);
      if (!language) return;
      // Beside a word only English knows, the word is English (`crossing areas`).
      const englishOnly = (n: Token | undefined): boolean => n !== undefined && n.block === t.block && lookup.isKnown(n.lower) && !language.knows(n.text);
      if (englishOnly(part.tokens[index - 1]) || englishOnly(part.tokens[index + 1])) return;
      const verdict = accentVerdict(language, lookup, t, accepted);
      if (verdict) out.push({ part, index, verdict });
    });
  }
  return out;
}

function knownTo(words: WordSet, text: string): boolean {
  return words.has(text) || words.has(text.toLowerCase()) || (text.includes('’') && words.has(text.replace(/’/g, "'")));
}

/** How many ordinary words of the list another language's dictionary knows. */
function countKnown(unknown: readonly Unknown[], words: WordSet): number {
  let n = 0;
  for (const { part, index } of unknown) if (part.tokens[index].ordinary && knownTo(words, part.tokens[index].text)) n++;
  return n;
}

/** Takes out of the list the words another language's dictionary knows, counting them in their blocks; returns what is left. */
function dropKnown(unknown: Unknown[], words: WordSet, lowBlocks: Map<number, { known: number }>): Unknown[] {
  let kept = 0;
  for (const u of unknown) {
    const t = u.part.tokens[u.index];
    if (!knownTo(words, t.text)) {
      unknown[kept++] = u;
      continue;
    }
    const low = t.ordinary ? lowBlocks.get(u.part.blockBase + t.block) : undefined;
    if (low) low.known++;
  }
  unknown.length = kept;
  return unknown;
}
