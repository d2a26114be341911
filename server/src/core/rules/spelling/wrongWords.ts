import { MemoKey } from '../../session/state';
import type { Token } from '../../spelling/tokens';
import { partFindings, type Part } from './documentWords';
import type { DocumentModel } from '../../model/document';
import type { Session } from '../../session/session';
import { RunsKey } from '../runs';
import { MAX_FINDINGS, type WordIssue } from './types';

/**
 * Real words in the wrong place: a small set of closed-class grammar contexts where one word is
 * almost always a slip for another ("we where", "it's own", "event though", "more then"). Every
 * rule looks at function words (determiners, pronouns, auxiliaries, particles) only, so it needs
 * no part-of-speech data and stays quiet on the words it does not know.
 */

const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'my', 'your', 'our', 'their', 'his', 'her', 'its', 'some', 'any', 'every', 'each', 'no']);
/** Words that follow "it is" but never the possessive "its". */
const AFTER_IT_IS: ReadonlySet<string> = new Set([
  ...['a', 'an', 'the', 'not', 'never', 'been', 'being', 'going', 'gonna', 'also', 'just', 'really', 'actually', 'definitely', 'probably', 'certainly', 'basically'],
  ...['usually', 'totally', 'pretty', 'very', 'so', 'quite', 'always', 'still', 'too', 'time', 'hard', 'easy', 'great', 'worth', 'nice', 'fine', 'about', 'important', 'clear'],
]);
const COMPARATIVES: ReadonlySet<string> = new Set(['more', 'less', 'fewer', 'greater', 'larger', 'smaller', 'higher', 'lower', 'better', 'worse', 'faster', 'slower', 'bigger', 'rather', 'longer', 'shorter', 'easier', 'harder', 'older', 'newer', 'cheaper']);
const SUBJECTS_OF_WERE: ReadonlySet<string> = new Set(['we', 'they', 'there']);
const MODALS: ReadonlySet<string> = new Set(['to', 'can', 'could', 'will', 'would', 'should', 'must', 'might', 'may', 'i', 'we', 'you', 'they', 'please', 'just', 'definitely', 'also', "don't", "didn't", "let's"]);
const PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'for', 'in', 'on', 'at', 'with', 'from', 'by', 'after', 'before', 'during', 'about', 'without', 'into']);
const PARTICLES: readonly string[] = ['up', 'out', 'in', 'down', 'off', 'over', 'on'];
/** Closed compounds of a verb and its particle, as a dictionary writes the noun. */
const PHRASAL_NOUN = /^(check|set|log|sign|back|look|roll|clean|write|shut|start|break|pick|work|hand|lock|build|spin|tear|turn|drop|take|sort|try|pull|push|warm|mix|catch|cut|show)(up|out|in|down|off|over|on)$/;
const BE: ReadonlySet<string> = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', "i'm", "it's", "isn't", "aren't", "wasn't", "weren't"]);
/** Bare verbs whose past participle differs: after a form of "be" the bare form is a slip. */
const PARTICIPLES: ReadonlyMap<string, string> = new Map(Object.entries({ show: 'shown', see: 'seen', take: 'taken', write: 'written', give: 'given', know: 'known', grow: 'grown', draw: 'drawn', throw: 'thrown', speak: 'spoken', choose: 'chosen', break: 'broken', forget: 'forgotten', drive: 'driven', eat: 'eaten' }));
const AUXILIARIES_AFTER_THEY: ReadonlySet<string> = new Set(['are', 'were', 'have', 'did']);
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['me', 'him', 'her', 'us', 'you']);
const SPLIT_ADVERBS: ReadonlyMap<string, string> = new Map(Object.entries({ 'long with': 'along with', 'part from': 'apart from', 'side from': 'aside from' }));
const PRONOUN_OBJECTS: ReadonlySet<string> = new Set(['you', 'me', 'us', 'them', 'him', 'her', 'it', 'the', 'a', 'an', 'users', 'people', 'developers', 'teams', 'anyone', 'everyone', 'one']);

/** Adjectives that follow "it is" at a clause's end ("heard its good.", "its great to see"). */
const ADJECTIVES_AFTER_IT_IS: ReadonlySet<string> = new Set([
  ...['good', 'bad', 'cool', 'fun', 'awesome', 'amazing', 'interesting', 'possible', 'impossible', 'likely', 'unlikely', 'obvious', 'true', 'ok', 'okay'],
  ...['crazy', 'funny', 'weird', 'sad', 'difficult', 'simple', 'necessary', 'essential', 'safe', 'helpful', 'useful', 'normal', 'fair', 'strange', 'wonderful', 'exciting'],
]);
/** Degree and frequency adverbs: "where really good", "there very difficult". */
const INTENSIFIERS: ReadonlySet<string> = new Set(['very', 'really', 'so', 'quite', 'pretty', 'too', 'extremely', 'incredibly', 'super', 'always', 'never', 'also', 'still', 'mostly', 'largely', 'often', 'usually', 'actually', 'definitely', 'probably', 'truly']);
/** Words before "it's" that want a noun phrase: "the rest of it's name", "has it's merits". */
const BEFORE_POSSESSIVE: ReadonlySet<string> = new Set(['of', 'with', 'has', 'have', 'had', 'having', 'by', 'from', 'into', 'onto', 'within', 'lost', 'keeps', 'kept', 'changed']);
/** Prepositions that want a noun phrase after them: "of there time" → their. */
const NOUN_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'with', 'for', 'about', 'by', 'into', 'onto']);
/** Words "there" (the adverb) or "there" (existential) is followed by: they keep "there". */
const AFTER_THERE: ReadonlySet<string> = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'be', 'being', 'been', 'has', 'have', 'had', 'seems', 'seemed', 'might', 'may', 'must', 'should', 'could', 'can', 'and', 'or', 'but', 'to', 'too', 'again', 'yet', 'for', 'in', 'on', 'at', 'as', 'is', 'any', 'no']);
/** Words that end the verb of a clause before "than": after them "than" is the adverb "then" ("can be than accessed"). */
const NOT_BEFORE_THAN: ReadonlySet<string> = new Set(['be', 'been', 'and', 'will', 'would', 'can', 'could', 'should', 'must', 'might', 'may', 'we', 'they', 'i', 'he', 'she', 'just']);
/** Verbs of moving or reading through: "run though a list" → through. */
const THROUGH_VERBS = /^(run|runs|ran|running|go|goes|went|going|gone|walk|walks|walked|walking|look|looks|looked|looking|read|reading|skim|skimmed|scroll|scrolled|flip|flipped|browse|browsed|pass|passed|step|stepped|sit|sat|sitting|power|powered|push|pushed|pushing|talk|talked|talking|walk|get|got|getting)$/;
/** Bare verbs whose noun is spelled apart: after a determiner the noun is meant ("one complain"). */
const VERB_NOUNS: ReadonlyMap<string, string> = new Map(Object.entries({ complain: 'complaint', advise: 'advice', believe: 'belief', relieve: 'relief' }));
/** Nouns whose verb is spelled apart: after "to" or a modal the verb is meant ("to breath"). */
const NOUN_VERBS: ReadonlyMap<string, string> = new Map(Object.entries({ advice: 'advise', breath: 'breathe' }));
const TO_OR_MODAL = /^(to|can|could|will|would|should|must|might|may|cannot|can't|won't|don't|didn't|doesn't)$/;
/** Adjective endings: "machines where present", "scores where relative to others". */
const ADJECTIVE_ENDING = /(ent|ant|ive|ous|ful|able|ible|al|ic|less|ary)$/;
/** Adjectives that also close a clause with "where" ("where possible"): not a slip for "were". */
const ELLIPTICAL_AFTER_WHERE: ReadonlySet<string> = new Set(['possible', 'applicable', 'appropriate', 'relevant', 'necessary', 'available', 'needed', 'required', 'useful', 'practical', 'feasible', 'sensible', 'present']);
/** Prepositions after which "it" before a noun is a slip for "its". */
const NOUN_PREPOSITIONS_OF_IT = /^(regarding|concerning|including|about|of|on|in|for|with|from|by|through|at|to|into|during|under|over|despite)$/;
/** "take the load of": the particle "off" of a phrasal verb. */
const TAKE = /^(take|takes|took|taking|taken)$/;
const BURDENS = /^(load|weight|pressure|burden|strain|stress)$/;

const WRONG = new MemoKey<(WordIssue & { block: number })[]>('spelling.wrongWords');

/** The wrong words of the document's parts, in document offsets; none in the blocks given. */
export function collectWrongWords(session: Session, model: DocumentModel, parts: readonly Part[], skip: ReadonlySet<number>): WordIssue[] {
  const out: WordIssue[] = [];
  for (const { part, item: w } of partFindings(session, WRONG_RUNS, model, parts, partWrongWords)) {
    if (out.length >= MAX_FINDINGS) return out;
    if (skip.has(part.blockBase + w.block)) continue;
    out.push({ span: { start: part.base + w.span.start, end: part.base + w.span.end }, word: w.word, suggestions: w.suggestions });
  }
  return out;
}

const WRONG_RUNS = new RunsKey<readonly { at: number; item: WordIssue & { block: number } }[]>('spelling.wrongWordRuns');

function partWrongWords(part: Part): (WordIssue & { block: number })[] {
  return part.memo ? part.memo.get(WRONG, [], () => findWrongWords(part)) : findWrongWords(part);
}

export function findWrongWords(part: Part): (WordIssue & { block: number })[] {
  const { tokens, text } = part;
  const out: (WordIssue & { block: number })[] = [];
  // Two tokens are neighbours when only spaces (a soft line break included) or emphasis part them.
  const joined = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.block === b.block && /^[ \t]*\r?\n?[ \t>]*$/.test(text.slice(a.end, b.start).replace(/[*_]/g, ''));
  const report = (from: Token, to: Token, suggestions: string[]): void => {
    out.push({ span: { start: from.start, end: to.end }, word: text.slice(from.start, to.end), suggestions: suggestions.map((s) => matchCase(text.slice(from.start, to.end), s)), block: from.block });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = i > 0 && joined(tokens[i - 1], t) ? tokens[i - 1] : undefined;
    const next = joined(t, tokens[i + 1]) ? tokens[i + 1] : undefined;
    const after = next && joined(next, tokens[i + 2]) ? tokens[i + 2] : undefined;
    const w = t.lower;
    // "it's own" → its; "its a", "its not", "its really" → it's.
    if (w === "it's" && next?.lower === 'own') report(t, t, ['its']);
    else if (w === 'its' && next && AFTER_IT_IS.has(next.lower) && !(next.lower === 'time' && after && !/^(to|for)$/.test(after.lower))) report(t, t, ["it's"]);
    // "we where", "there where" → were.
    else if (w === 'where' && prev && SUBJECTS_OF_WERE.has(prev.lower)) report(t, t, ['were']);
    // "more then", "less that 10" → than.
    else if ((w === 'then' || (w === 'that' && /^\s+\d/.test(text.slice(t.end, t.end + 3)))) && prev && COMPARATIVES.has(prev.lower) && !(w === 'then' && prev.lower === 'more' && !next)) report(t, t, ['than']);
    // "event though" → even.
    else if (w === 'event' && next && (next.lower === 'though' || (next.lower === 'if' && !prev))) report(t, t, ['even']);
    // "the are" → they are / there are.
    else if (w === 'the' && next && AUXILIARIES_AFTER_THEY.has(next.lower)) report(t, t, ['they', 'there']);
    // "be show", "am not show" → shown / sure.
    else if (PARTICIPLES.has(w) && prev && (BE.has(prev.lower) || (prev.lower === 'not' && joined(tokens[i - 2], prev) && BE.has(tokens[i - 2].lower)))) {
      report(t, t, w === 'show' ? ['shown', 'sure'] : [PARTICIPLES.get(w)!]);
    }
    // "complement me" → compliment.
    else if (/^complement(s|ed|ing)?$/.test(w) && next && OBJECT_PRONOUNS.has(next.lower)) report(t, t, [w.replace('complement', 'compliment')]);
    // "a long with" → along with.
    else if (w === 'a' && next && after && SPLIT_ADVERBS.has(`${next.lower} ${after.lower}`)) report(t, next, [SPLIT_ADVERBS.get(`${next.lower} ${after.lower}`)!.split(' ')[0]]);
    // "loose the" → lose.
    else if (/^loose$/.test(w) && next && DETERMINERS.has(next.lower) && prev && /^(to|will|would|could|can|might|may|not|never|don't|didn't)$/.test(prev.lower)) report(t, t, ['lose']);
    // "Lets go" at a clause's start → let's.
    else if (w === 'lets' && t.sentenceStart && next && !PRONOUN_OBJECTS.has(next.lower) && /^\p{Ll}/u.test(next.text)) report(t, t, ["let's"]);
    // "could of" → could have.
    else if (w === 'of' && prev && /^(could|should|would|must|might)$/.test(prev.lower) && next?.lower !== 'course') report(t, t, ['have']);
    // "to checkout the", "we setup", "definitely checkout the", "more checkout [the site](…)" → the verb and its particle.
    else if (PHRASAL_NOUN.test(w) && prev && PARTICLES.includes(PHRASAL_NOUN.exec(w)![2]) && phrasalVerb(text, t, prev, next)) {
      const m = PHRASAL_NOUN.exec(w)!;
      report(t, t, [`${m[1]} ${m[2]}`]);
    } else {
      // The words before, as long as they are neighbours: [prev, the one before, …].
      const back: (Token | undefined)[] = [prev];
      for (let k = 1; k < 3 && back[k - 1]; k++) back.push(joined(tokens[i - k - 1], back[k - 1]) ? tokens[i - k - 1] : undefined);
      const found = moreWrongWords(text, t, back, next, after);
      if (found) report(t, found.to ?? t, found.suggestions);
    }
  }
  return out;
}

/** Whether a verb-and-particle compound stands as a verb: after "to", a modal or a subject, or an adverb, before an object. */
function phrasalVerb(text: string, t: Token, prev: Token, next: Token | undefined): boolean {
  const link = /^\s*\[/.test(text.slice(t.end, t.end + 3));
  const object = link || (!!next && DETERMINERS.has(next.lower));
  if (!object) return false;
  if (MODALS.has(prev.lower) || /\p{Ll}ly$/u.test(prev.text)) return true;
  // Before a link, any word but a determiner, a preposition or a name makes it a verb.
  return link && !DETERMINERS.has(prev.lower) && !PREPOSITIONS.has(prev.lower) && !/^\p{Lu}/u.test(prev.text);
}

/** Whether nothing but a clause's end follows a token: punctuation, a link, or the block's end. */
function endsClause(text: string, t: Token, next: Token | undefined): boolean {
  return !next || /^[*_]*\s*(?:[.,;:!?)(\[|]|$)/.test(text.slice(t.end, t.end + 4)) || /^[*_]*\s*\n\s*\n/.test(text.slice(t.end, t.end + 6));
}

/**
 * The rules that look two words around: possessive and contraction, "where"/"were",
 * "there"/"their"/"they're", "than"/"then", "though"/"through", verbs and nouns spelled apart.
 */
function moreWrongWords(text: string, t: Token, back: readonly (Token | undefined)[], next: Token | undefined, after: Token | undefined): { to?: Token; suggestions: string[] } | undefined {
  const w = t.lower;
  const [prev, before, third] = back;
  const n = next?.lower;
  if (w === 'its' && next) {
    // "its great to see", "heard its good.": an adjective that ends the clause or takes "to".
    if (ADJECTIVES_AFTER_IT_IS.has(n!) && (endsClause(text, next, after) || (after && /^(to|that|when|if|how|and|but|for|seeing)$/.test(after.lower)))) return { suggestions: ["it's"] };
    // "its growing and its getting better": a verb's -ing form, then a comparative, an adverb or the clause's end.
    if (/^\p{Ll}{3,}ing$/u.test(next.text) && (endsClause(text, next, after) || (after && (COMPARATIVES.has(after.lower) || INTENSIFIERS.has(after.lower) || /\p{Ll}{3}ly$/u.test(after.text) || /^(and|or|but|on|up|out|to|into|in)$/.test(after.lower))))) {
      if (!prev || !/^(of|for|by|with|in|on|to|from|about|during)$/.test(prev.lower)) return { suggestions: ["it's"] };
    }
    // "its pretty awesome": an intensifier that is not also a noun's adjective.
    if (n && /^(pretty|quite|so|too|really|kind|sort)$/.test(n) && after && /^\p{Ll}/u.test(after.text)) return { suggestions: ["it's"] };
  }
  // "the rest of it's name", "has it's merits" → its.
  if (w === "it's" && prev && BEFORE_POSSESSIVE.has(prev.lower) && next && /^\p{Ll}+$/u.test(next.text) && !AFTER_IT_IS.has(n!) && !/^(been|going|got|gotten|about|like|all|okay|ok|up|over|done|time|worth)$/.test(n!)) return { suggestions: ['its'] };
  if (w === 'where' && next && prev) {
    // "where as always" → were as.
    if (n === 'as' && after && /^(always|usual|expected|ever|before|planned)$/.test(after.lower)) return { suggestions: ['were'] };
    // "the machines where proper grinders", "delegates where present on", "scores where relative to".
    const plural = /^\p{Ll}{3,}[^s]s$/u.test(prev.text) || /^(people|children|men|women|we|they|you)$/.test(prev.lower);
    if (plural && (INTENSIFIERS.has(n!) || (ADJECTIVE_ENDING.test(n!) || n === 'proper') && !ELLIPTICAL_AFTER_WHERE.has(n!) && after && /^(to|on|at|in|for|and|with|than|as|about|of|from|during|by)$/.test(after.lower))) return { suggestions: ['were'] };
    if (plural && n === 'present' && after && /^(on|at|in|for|during)$/.test(after.lower)) return { suggestions: ['were'] };
  }
  if (w === 'there' && next) {
    // "of there time" → their; "there own" → their.
    if (n === 'own' || (prev && NOUN_PREPOSITIONS.has(prev.lower) && /^\p{Ll}+$/u.test(next.text) && !AFTER_THERE.has(n!) && !INTENSIFIERS.has(n!) && !endsClause(text, t, next))) return { suggestions: ['their'] };
    // "there very difficult to find" → they're.
    if (INTENSIFIERS.has(n!) && /^(very|so|too|quite|extremely|really|pretty)$/.test(n!) && after && (ADJECTIVE_ENDING.test(after.lower) || /^(difficult|good|great|bad|hard|easy|nice|cool|busy|expensive|cheap|popular|rare|common|small|big|friendly|helpful|keen|happy)$/.test(after.lower))) {
      if (!prev || !/^(over|out|in|up|down|back|here|from|get|got|go|went|been|be)$/.test(prev.lower)) return { suggestions: ["they're"] };
    }
  }
  // "can be than accessed" → then.
  if (w === 'than' && prev && NOT_BEFORE_THAN.has(prev.lower) && next && /^\p{Ll}/u.test(next.text) && !(before && COMPARATIVES.has(before.lower))) return { suggestions: ['then'] };
  // "run though a list" → through.
  if (w === 'though' && prev && THROUGH_VERBS.test(prev.lower) && next && DETERMINERS.has(n!)) return { suggestions: ['through'] };
  // "the worse possible accent", "the worse case" → worst.
  if (w === 'worse' && prev?.lower === 'the' && next && /^(possible|case|thing|things|part|idea|day|experience|one|of)$/.test(n!)) return { suggestions: ['worst'] };
  // "one complain about", "some advise" → the noun; "to breath" → the verb.
  if (VERB_NOUNS.has(w) && prev && /^(a|an|one|the|my|your|our|their|his|her|some|any|no|only|good|great|best|free|main|biggest|single)$/.test(prev.lower)) return { suggestions: [VERB_NOUNS.get(w)!] };
  if (NOUN_VERBS.has(w) && prev && TO_OR_MODAL.test(prev.lower) && !(before && /^(due|up|next|according|close|back)$/.test(before.lower))) return { suggestions: [NOUN_VERBS.get(w)!] };
  // "was lead by" → led.
  if (w === 'lead' && prev && /^(was|were|is|are|been|be|being)$/.test(prev.lower) && n === 'by') return { suggestions: ['led'] };
  // "take the load of the shoulders" → off.
  if (w === 'of' && prev && BURDENS.test(prev.lower) && before?.lower === 'the' && third && TAKE.test(third.lower)) return { suggestions: ['off'] };
  // "you actually loose the", "loose out" → lose.
  if (w === 'loose' && next && (n === 'out' || (DETERMINERS.has(n!) && prev && (/^(i|you|we|they|he|she|it|to|not|never|will|would|could|can|might|may)$/.test(prev.lower) || /ly$/.test(prev.lower))))) {
    return { suggestions: ['lose'] };
  }
  if (w === 'loosing' && next && (DETERMINERS.has(n!) || /^(track|sight|money|time|interest|focus|weight|data)$/.test(n!))) return { suggestions: ['losing'] };
  // "Anyway, lets get into it" → let's: after a comma, before a bare verb of suggestion.
  if (w === 'lets' && /,\s*$/.test(text.slice(Math.max(0, t.start - 3), t.start)) && next && /^(be|get|go|see|take|have|talk|look|start|dive|move|try|do|make|hope|say|just|not|face|begin|jump|wrap|continue|check|find|keep)$/.test(n!)) return { suggestions: ["let's"] };
  // "regarding it communication style" → its: "it" after a preposition, before a noun made with
  // a noun suffix (after a verb "it" can be an object: "adopting it organisation-wide").
  if (t.text !== 'IT' && w === 'it' && next && prev && NOUN_PREPOSITIONS_OF_IT.test(prev.lower) && /^\p{Ll}{3,}(tion|sion|ment|ness|ity|ship)$/u.test(next.text) && !/^-/.test(text.slice(next.end, next.end + 1))) return { suggestions: ['its'] };
  // "your going to", "your welcome." → you're.
  if (w === 'your' && next && ((/^(going|gonna|not)$/.test(n!) && !/^-/.test(text.slice(next.end, next.end + 1))) || (n === 'welcome' && endsClause(text, next, after)))) return { suggestions: ["you're"] };
  // "whose going to" → who's.
  if (w === 'whose' && next && /^(going|gonna|been|not|doing)$/.test(n!)) return { suggestions: ["who's"] };
  // "an affect on", "the affect of" → effect.
  if (w === 'affect' && prev && next && /^(a|an|the|no|any|positive|negative|big|huge|real|significant|great|little|same|side)$/.test(prev.lower) && /^(on|of)$/.test(n!)) return { suggestions: ['effect'] };
  // "weather or not", "weather it works" → whether.
  if (w === 'weather' && next && (n === 'or' ? after?.lower === 'not' : /^(it|it's|we|you|they|i|this|that|to)$/.test(n!)) && !(prev && DETERMINERS.has(prev.lower))) return { suggestions: ['whether'] };
  // "I use it everyday." → every day: the adjective does not end a clause.
  if (w === 'everyday' && endsClause(text, t, next) && prev && !DETERMINERS.has(prev.lower)) return { to: t, suggestions: ['every day'] };
  // "defiantly worth it" → definitely.
  if (w === 'defiantly' && next && /^(worth|recommend|recommended|a|an|the|will|be|going|not|one|helped|learned|enjoyed|made)$/.test(n!)) return { suggestions: ['definitely'] };
  // "quiet a few", "quiet interesting" → quite.
  if (w === 'quiet' && next && ((/^(a|an)$/.test(n!) && after && /^(few|lot|bit|while|lot)$/.test(after.lower)) || /^(interesting|good|nice|impressive|useful|different|similar|busy|long|big|large|hard|difficult|easy|popular|simple|sure|often|well)$/.test(n!))) return { suggestions: ['quite'] };
  // "accept for the last one" → except for.
  if (w === 'accept' && n === 'for' && after && /^(the|a|one|that|this|some|few|me|him|her|them|us)$/.test(after.lower) && !(prev && /^(to|will|would|can|could|we|i|they|you|not|and)$/.test(prev.lower))) return { suggestions: ['except'] };
  // "wether it's", "wether or not" → whether.
  if (w === 'wether' && next && /^(it's|it|or|the|a|an|you|we|they|i|to|this|that|there|he|she|your|our|their)$/.test(n!)) return { suggestions: ['whether'] };
  return undefined;
}

function matchCase(original: string, suggestion: string): string {
  return /^\p{Lu}/u.test(original) ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
}
