import type { DocumentModel } from '../../model/document';
import type { Span } from '../../text';
import type { CodeFix, FixContext, FindingRef } from '../family';
import { ADD_TO_USER_DICTIONARY, ADD_TO_WORKSPACE_DICTIONARY } from './commands';
import type { SpellingData } from './types';

const WORD_CODES: ReadonlySet<string> = new Set(['spelling/likely-typo', 'spelling/unknown-word']);

/** The finding's data, when it has the shape a spelling finding gives it. */
function dataOf(finding: FindingRef): SpellingData | undefined {
  const data = finding.data as Partial<SpellingData> | undefined;
  if (!data || typeof data.word !== 'string' || !Array.isArray(data.suggestions)) return undefined;
  const removeSpan = data.removeSpan && typeof data.removeSpan.start === 'number' && typeof data.removeSpan.end === 'number' ? data.removeSpan : undefined;
  return { word: data.word, suggestions: data.suggestions.filter((s): s is string => typeof s === 'string'), removeSpan };
}

/**
 * Quick fixes for spelling findings: replace with a suggestion (the best first, preferred for a
 * likely typo), add the word to the workspace's `.talkdown/words.txt` or to the user's words,
 * ignore it in this document (a `<!-- talkdown-words: … -->` comment), remove a repeated word.
 */
export function spellingFixes({ model }: FixContext, finding: FindingRef): CodeFix[] {
  const data = dataOf(finding);
  if (!data) return [];
  const base = { code: finding.code, findingSpan: finding.span };
  if (finding.code === 'spelling/repeated-word') {
    if (!data.removeSpan) return [];
    // Removing the second of two words is the one thing a writer means.
    return [{ ...base, title: `Remove the repeated "${data.word}"`, isPreferred: true, safe: true, edits: [{ span: data.removeSpan, newText: '' }] }];
  }
  if (finding.code === 'spelling/wrong-word') {
    return data.suggestions.slice(0, 3).map((s, i) => ({ ...base, title: `Change to "${s}"`, isPreferred: i === 0, edits: [{ span: finding.span, newText: s }] }));
  }
  if (!WORD_CODES.has(finding.code)) return [];
  const typo = finding.code === 'spelling/likely-typo';
  const fixes: CodeFix[] = data.suggestions.slice(0, 3).map((s, i) => ({
    ...base,
    title: `Change to "${s}"`,
    isPreferred: typo && i === 0,
    ...(typo && data.suggestions.length === 1 ? { safe: true } : {}),
    edits: [{ span: finding.span, newText: s }],
  }));
  fixes.push(
    {
      ...base,
      title: `Add "${data.word}" to the workspace dictionary`,
      edits: [],
      command: { id: ADD_TO_WORKSPACE_DICTIONARY, title: 'Add to the workspace dictionary', arguments: [model.uri, data.word] },
    },
    {
      ...base,
      title: `Add "${data.word}" to the user dictionary`,
      edits: [],
      command: { id: ADD_TO_USER_DICTIONARY, title: 'Add to the user dictionary', arguments: [data.word, model.uri] },
    },
    { ...base, title: `Ignore "${data.word}" in this document`, isPreferred: false, edits: [ignoreEdit(model, data.word)] },
  );
  return fixes;
}

/** Adds the word to the document's `<!-- talkdown-words: … -->` comment, or writes one after the front matter. */
function ignoreEdit(model: DocumentModel, word: string): { span: Span; newText: string } {
  const existing = /<!--\s*talkdown-words:?[^\n]*?(\s*)-->/.exec(model.text);
  if (existing) {
    const at = existing.index + existing[0].length - 3 - existing[1].length;
    return { span: { start: at, end: at }, newText: ` ${word}` };
  }
  const at = model.frontMatter?.closed ? model.frontMatter.span.end : model.bomLength;
  const before = at > 0 && model.text.charAt(at - 1) !== '\n' ? '\n' : '';
  return { span: { start: at, end: at }, newText: `${before}<!-- talkdown-words: ${word} -->\n` };
}
