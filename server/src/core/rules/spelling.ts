import { Severity, type Report } from '../findings';
import { checkSpelling } from '../spelling/check';
import type { Rule, RuleContext } from './rule';

/** Data a spelling finding carries for its quick fixes. */
export interface SpellingData {
  word: string;
  suggestions: string[];
  /** For repeats: what removing the second word deletes. */
  removeSpan?: { start: number; end: number };
}

function quoted(list: string[]): string {
  return list.map((s) => `"${s}"`).join(', ');
}

const likelyTypo: Rule = {
  code: 'spelling/likely-typo',
  defaultSeverity: Severity.Warning,
  summary: 'A word that is probably misspelled: close to a common word, or a known misspelling.',
  *check({ model, settings, workspace }: RuleContext): Iterable<Report> {
    for (const t of checkSpelling(model, settings, workspace).typos) {
      const hint = t.suggestions.length > 0 ? `: did you mean ${quoted(t.suggestions.slice(0, 3))}?` : '.';
      yield { span: t.span, message: `"${t.word}" looks misspelled${hint}`, data: { word: t.word, suggestions: t.suggestions } satisfies SpellingData };
    }
  },
};

const unknownWord: Rule = {
  code: 'spelling/unknown-word',
  defaultSeverity: Severity.Hint,
  summary: 'A word no dictionary knows, most likely a name or a term (a hint, off the Problems list by default).',
  *check({ model, settings, workspace }: RuleContext): Iterable<Report> {
    for (const t of checkSpelling(model, settings, workspace).unknown) {
      yield { span: t.span, message: `"${t.word}" is not in the dictionaries.`, data: { word: t.word, suggestions: t.suggestions } satisfies SpellingData };
    }
  },
};

const repeatedWord: Rule = {
  code: 'spelling/repeated-word',
  defaultSeverity: Severity.Warning,
  summary: 'The same word twice in a row ("the the"), across line breaks and markup too.',
  *check({ model, settings, workspace }: RuleContext): Iterable<Report> {
    for (const r of checkSpelling(model, settings, workspace).repeated) {
      yield { span: r.span, message: `"${r.word}" is repeated.`, data: { word: r.word, suggestions: [], removeSpan: r.removeSpan } satisfies SpellingData };
    }
  },
};

const otherLanguage: Rule = {
  code: 'spelling/other-language',
  defaultSeverity: Severity.Information,
  summary: 'The post, or some of its paragraphs, are not in English: their spelling is not checked.',
  *check({ model, settings, workspace }: RuleContext): Iterable<Report> {
    const note = checkSpelling(model, settings, workspace).otherLanguage;
    if (note) yield { span: note.span, message: note.message };
  },
};

const dictionaryUnavailable: Rule = {
  code: 'spelling/dictionary-unavailable',
  defaultSeverity: Severity.Warning,
  summary: 'The spelling dictionary is missing or damaged: words are not checked (repeated words still are).',
  *check({ model, settings, workspace }: RuleContext): Iterable<Report> {
    const problem = checkSpelling(model, settings, workspace).dictionaryProblem;
    if (problem) yield { span: problem.span, message: problem.message };
  },
};

export const spellingRules: readonly Rule[] = [likelyTypo, repeatedWord, unknownWord, otherLanguage, dictionaryUnavailable];
