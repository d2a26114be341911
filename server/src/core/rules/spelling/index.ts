import { Severity } from '../../findings';
import type { CodeReport, RuleContext, RuleFamily } from '../family';
import { checkSpelling } from './check';
import { SPELLING_COMMANDS } from './commands';
import { spellingFixes } from './fixes';
import type { SpellingData } from './types';

export { ADD_TO_USER_DICTIONARY, ADD_TO_WORKSPACE_DICTIONARY } from './commands';
export { DICTIONARY, LANGUAGE_DICTIONARIES, type DictionaryLoader, type LanguageDictionaryLoader, type WordSet } from './source';
export type { RepeatIssue, SpellingData, SpellingResult, WordIssue } from './types';

function quoted(list: string[]): string {
  return list.map((s) => `"${s}"`).join(', ');
}

function* spellingReports({ model, settings, session }: RuleContext): Iterable<CodeReport> {
  const result = checkSpelling(model, settings, session);
  if (result.dictionaryProblem) yield { code: 'spelling/dictionary-unavailable', ...result.dictionaryProblem };
  for (const t of result.typos) {
    const hint = t.suggestions.length > 0 ? `: did you mean ${quoted(t.suggestions.slice(0, 3))}?` : '.';
    yield { code: 'spelling/likely-typo', span: t.span, message: `"${t.word}" looks misspelled${hint}`, data: { word: t.word, suggestions: t.suggestions } satisfies SpellingData };
  }
  for (const r of result.repeated) {
    yield { code: 'spelling/repeated-word', span: r.span, message: `"${r.word}" is repeated.`, data: { word: r.word, suggestions: [], removeSpan: r.removeSpan } satisfies SpellingData };
  }
  for (const t of result.wrongWords ?? []) {
    yield { code: 'spelling/wrong-word', span: t.span, message: `"${t.word}" looks like the wrong word here: did you mean ${quoted(t.suggestions.slice(0, 3))}?`, data: { word: t.word, suggestions: t.suggestions } satisfies SpellingData };
  }
  for (const t of result.unknown) {
    yield { code: 'spelling/unknown-word', span: t.span, message: `"${t.word}" is not in the dictionaries.`, data: { word: t.word, suggestions: t.suggestions } satisfies SpellingData };
  }
  if (result.otherLanguage) yield { code: 'spelling/other-language', ...result.otherLanguage };
}

/** The spelling of a post's prose: typos, repeated words, other languages; their quick fixes; the word-list command. */
export const spellingFamily: RuleFamily = {
  name: 'spelling',
  checks: [
    {
      codes: {
        'spelling/likely-typo': { defaultSeverity: Severity.Warning, summary: 'A word that is probably misspelled: close to a common word, or a known misspelling.' },
        'spelling/repeated-word': { defaultSeverity: Severity.Warning, summary: 'The same word twice in a row ("the the"), across line breaks and markup too.' },
        'spelling/wrong-word': { defaultSeverity: Severity.Warning, summary: 'A real word where English grammar wants another: "we where", "it\'s own", "more then", "event though".' },
        'spelling/unknown-word': { defaultSeverity: Severity.Hint, summary: 'A word no dictionary knows, most likely a name or a term (a hint, off the Problems list by default).' },
        'spelling/other-language': { defaultSeverity: Severity.Information, summary: 'The post, or some of its paragraphs, are not in English: their spelling is not checked.' },
        'spelling/dictionary-unavailable': { defaultSeverity: Severity.Warning, summary: 'The spelling dictionary is missing or damaged: words are not checked (repeated words still are).' },
      },
      check: spellingReports,
      fixes: spellingFixes,
    },
  ],
  commands: SPELLING_COMMANDS,
};
