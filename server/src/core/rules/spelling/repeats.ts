import type { Span } from '../../text';
import type { Token } from '../../spelling/tokens';
import { MemoKey } from '../../session/state';
import { partFindings, type Part } from './documentWords';
import type { DocumentModel } from '../../model/document';
import type { Session } from '../../session/session';
import { RunsKey } from '../runs';
import { MAX_FINDINGS, type RepeatIssue } from './types';

/**
 * Repeats that English allows: the grammatical ones ("he had had enough", "I think that that
 * works") and the reduplications writers mean ("very very", "bye bye", "ha ha", "knock knock").
 * "is is" ("what it is is…") is left out: in writing it is a slip far more often than not.
 * Beyond these, a pair said for effect ends in an exclamation or a pause ("Choo choo!", "cough
 * cough,"), and a name can repeat the word before it in another case ("the hotel Hotel Florida");
 * a slip runs on in mid-sentence ("the the talk", "server Server" across a line break).
 */
const ALLOWED_REPEATS: ReadonlySet<string> = new Set(['had', 'that', 'very', 'really', 'so', 'many', 'much', 'more', 'please', 'oh', 'yes', 'bye', 'ha', 'haha', 'hey', 'no', 'yeah', 'blah', 'knock', 'hmm', 'etc']);
/** Short words a repeat of which is always a mistake, even capitalised ("The the"). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'on', 'and', 'or', 'for', 'with', 'is', 'are', 'was', 'be', 'it', 'at', 'by', 'as', 'this', 'we', 'i', 'you']);

type PartRepeat = RepeatIssue & { block: number };

const REPEATS = new MemoKey<PartRepeat[]>('spelling.repeats');

/** The repeated words of the document's parts, in document offsets; none in foreign blocks. */
export function collectRepeats(session: Session, model: DocumentModel, parts: readonly Part[], foreign: ReadonlySet<number>): RepeatIssue[] {
  const out: RepeatIssue[] = [];
  for (const { part, item: r } of partFindings(session, REPEAT_RUNS, model, parts, partRepeats)) {
    if (out.length >= MAX_FINDINGS) return out;
    if (foreign.has(part.blockBase + r.block)) continue;
    out.push({
      span: { start: part.base + r.span.start, end: part.base + r.span.end },
      word: r.word,
      removeSpan: { start: part.base + r.removeSpan.start, end: part.base + r.removeSpan.end },
    });
  }
  return out;
}

const REPEAT_RUNS = new RunsKey<readonly { at: number; item: PartRepeat }[]>('spelling.repeatRuns');

/** A part's repeated words, in its own offsets; a section's are kept as long as its parse is. */
function partRepeats(part: Part): PartRepeat[] {
  return part.memo ? part.memo.get(REPEATS, [], () => findRepeats(part)) : findRepeats(part);
}

function findRepeats(part: Part): PartRepeat[] {
  const out: PartRepeat[] = [];
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
    if (!FUNCTION_WORDS.has(lower)) {
      // Said for effect: the pair ends in an exclamation or a pause.
      if (/^[*_~]*[!?,…]/.test(part.text.slice(b.end, b.end + 3))) continue;
      // A name that starts with the word before it, in capitals: "the hotel Hotel Florida".
      const third = tokens[i + 1];
      if (/^\p{Ll}/u.test(a.text) && /^\p{Lu}/u.test(b.text) && third && third.block === b.block && /^\p{Lu}/u.test(third.text) && /^[ \t]+$/.test(part.text.slice(b.end, third.start))) continue;
    }
    // Part of a compound: "take part in in-person events", "built-in in production".
    if (/^-\p{L}/u.test(part.text.slice(b.end, b.end + 2)) || part.text[a.start - 1] === '-') continue;
    out.push({ span: { start: b.start, end: b.end }, word: b.text, removeSpan: repeatRemoval(part.text, a, b, gap), block: b.block });
  }
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
