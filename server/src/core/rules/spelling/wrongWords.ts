import { MemoKey } from '../../session/state';
import type { Token } from '../../spelling/tokens';
import type { Part } from './documentWords';
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
const PARTICLES: readonly string[] = ['up', 'out', 'in', 'down', 'off', 'over', 'on'];
/** Closed compounds of a verb and its particle, as a dictionary writes the noun. */
const PHRASAL_NOUN = /^(check|set|log|sign|back|look|roll|clean|write|shut|start|break|pick|work|hand|lock|build|spin|tear|turn|drop|take|sort|try|pull|push|warm|mix|catch|cut|show)(up|out|in|down|off|over|on)$/;
const BE: ReadonlySet<string> = new Set(['am', 'is', 'are', 'was', 'were', 'be', 'been', "i'm", "it's", "isn't", "aren't", "wasn't", "weren't"]);
/** Bare verbs whose past participle differs: after a form of "be" the bare form is a slip. */
const PARTICIPLES: Readonly<Record<string, string>> = { show: 'shown', see: 'seen', take: 'taken', write: 'written', give: 'given', know: 'known', grow: 'grown', draw: 'drawn', throw: 'thrown', speak: 'spoken', choose: 'chosen', break: 'broken', forget: 'forgotten', drive: 'driven', eat: 'eaten' };
const AUXILIARIES_AFTER_THEY: ReadonlySet<string> = new Set(['are', 'were', 'have', 'did']);
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['me', 'him', 'her', 'us', 'you']);
const SPLIT_ADVERBS: Readonly<Record<string, string>> = { 'long with': 'along with', 'part from': 'apart from', 'side from': 'aside from' };
const PRONOUN_OBJECTS: ReadonlySet<string> = new Set(['you', 'me', 'us', 'them', 'him', 'her', 'it', 'the', 'a', 'an', 'users', 'people', 'developers', 'teams', 'anyone', 'everyone', 'one']);

const WRONG = new MemoKey<WordIssue[]>('spelling.wrongWords');

/** The wrong words of the document's parts, in document offsets; none in the blocks given. */
export function collectWrongWords(parts: readonly Part[], skip: ReadonlySet<number>): WordIssue[] {
  const out: WordIssue[] = [];
  for (const part of parts) {
    const found = part.memo ? part.memo.get(WRONG, [], () => findWrongWords(part)) : findWrongWords(part);
    for (const w of found) {
      if (out.length >= MAX_FINDINGS) return out;
      if (skip.has(part.blockBase + (w as WordIssue & { block: number }).block)) continue;
      out.push({ span: { start: part.base + w.span.start, end: part.base + w.span.end }, word: w.word, suggestions: w.suggestions });
    }
  }
  return out;
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
    else if (PARTICIPLES[w] && prev && (BE.has(prev.lower) || (prev.lower === 'not' && joined(tokens[i - 2], prev) && BE.has(tokens[i - 2].lower)))) {
      report(t, t, w === 'show' ? ['shown', 'sure'] : [PARTICIPLES[w]]);
    }
    // "complement me" → compliment.
    else if (/^complement(s|ed|ing)?$/.test(w) && next && OBJECT_PRONOUNS.has(next.lower)) report(t, t, [w.replace('complement', 'compliment')]);
    // "a long with" → along with.
    else if (w === 'a' && next && after && SPLIT_ADVERBS[`${next.lower} ${after.lower}`]) report(t, next, [SPLIT_ADVERBS[`${next.lower} ${after.lower}`].split(' ')[0]]);
    // "loose the" → lose.
    else if (/^loose$/.test(w) && next && DETERMINERS.has(next.lower) && prev && /^(to|will|would|could|can|might|may|not|never|don't|didn't)$/.test(prev.lower)) report(t, t, ['lose']);
    // "Lets go" at a clause's start → let's.
    else if (w === 'lets' && t.sentenceStart && next && !PRONOUN_OBJECTS.has(next.lower) && /^\p{Ll}/u.test(next.text)) report(t, t, ["let's"]);
    // "could of" → could have.
    else if (w === 'of' && prev && /^(could|should|would|must|might)$/.test(prev.lower)) report(t, t, ['have']);
    // "to checkout the", "we setup" → the verb and its particle.
    else if (PHRASAL_NOUN.test(w) && prev && MODALS.has(prev.lower) && ((next && DETERMINERS.has(next.lower)) || /^\s*\[/.test(text.slice(t.end, t.end + 3)))) {
      const m = PHRASAL_NOUN.exec(w)!;
      if (PARTICLES.includes(m[2])) report(t, t, [`${m[1]} ${m[2]}`]);
    }
  }
  return out;
}

function matchCase(original: string, suggestion: string): string {
  return /^\p{Lu}/u.test(original) ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
}
