import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { DocumentModel, Workspace } from '../core';
import type { SpellingData } from '../core/rules/spelling';
import { forgetWordLists, wordListTarget } from '../core/spelling/wordLists';
import { toPath } from '../node/workspace';
import type { Providers } from './providers';

export const ADD_TO_WORKSPACE_DICTIONARY = 'talkdown.spelling.addToWorkspaceDictionary';
/** Handled by the client: it writes the `talkdown.spelling.words` setting. */
export const ADD_TO_USER_DICTIONARY = 'talkdown.spelling.addToUserDictionary';

const WORD_CODES = new Set(['spelling/likely-typo', 'spelling/unknown-word']);

/**
 * Quick fixes for spelling findings: replace with a suggestion (the best first, preferred),
 * add the word to the workspace's `.talkdown/words.txt` or to the user's words, ignore it in
 * this document (a `<!-- talkdown-words: … -->` comment), remove a repeated word.
 */
export function registerSpellingFeatures(
  providers: Providers,
  getModel: (uri: string) => DocumentModel | undefined,
  workspace: () => Workspace,
  refresh: () => void,
): void {
  providers.codeAction('spelling', (params) => {
    if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return [];
    const uri = params.textDocument.uri;
    const model = getModel(uri);
    if (!model) return [];
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'talkdown' || typeof diagnostic.code !== 'string' || !diagnostic.code.startsWith('spelling/')) continue;
      const data = (diagnostic.data as { finding?: SpellingData } | undefined)?.finding;
      if (!data) continue;
      if (diagnostic.code === 'spelling/repeated-word' && data.removeSpan) {
        actions.push(fix(`Remove the repeated "${data.word}"`, diagnostic, uri, [{ range: model.lines.range(data.removeSpan), newText: '' }], true));
        continue;
      }
      if (!WORD_CODES.has(diagnostic.code)) continue;
      const typo = diagnostic.code === 'spelling/likely-typo';
      data.suggestions.slice(0, 3).forEach((s, i) => {
        actions.push(fix(`Change to "${s}"`, diagnostic, uri, [{ range: diagnostic.range, newText: s }], typo && i === 0));
      });
      actions.push({
        title: `Add "${data.word}" to the workspace dictionary`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Add to the workspace dictionary', command: ADD_TO_WORKSPACE_DICTIONARY, arguments: [uri, data.word] },
      });
      actions.push({
        title: `Add "${data.word}" to the user dictionary`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Add to the user dictionary', command: ADD_TO_USER_DICTIONARY, arguments: [data.word] },
      });
      actions.push(fix(`Ignore "${data.word}" in this document`, diagnostic, uri, [ignoreEdit(model, data.word)], false));
    }
    return actions;
  });

  providers.command(ADD_TO_WORKSPACE_DICTIONARY, (args) => {
    const [uri, word] = args;
    if (typeof uri !== 'string' || typeof word !== 'string' || word.trim() === '' || /\s/.test(word)) return { ok: false };
    const target = wordListTarget(workspace(), uri);
    const path = toPath(target);
    if (!path) return { ok: false };
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = '# Words Talkdown accepts in this site, one per line, shared by everyone who writes here.\n';
    }
    const words = new Set(text.split(/\r?\n/).map((l) => l.trim()));
    if (!words.has(word)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text + (text === '' || text.endsWith('\n') ? '' : '\n') + word + '\n');
    }
    forgetWordLists();
    refresh();
    return { ok: true, file: target };
  });
}

function fix(title: string, diagnostic: Diagnostic, uri: string, edits: { range: Diagnostic['range']; newText: string }[], isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes: { [uri]: edits } } };
}

/** Adds the word to the document's `<!-- talkdown-words: … -->` comment, or writes one after the front matter. */
function ignoreEdit(model: DocumentModel, word: string): { range: Diagnostic['range']; newText: string } {
  const existing = /<!--\s*talkdown-words:?[^\n]*?(\s*)-->/.exec(model.text);
  if (existing) {
    const at = existing.index + existing[0].length - 3 - existing[1].length;
    return { range: model.lines.range({ start: at, end: at }), newText: ` ${word}` };
  }
  const at = model.frontMatter?.closed ? model.frontMatter.span.end : model.bomLength;
  const before = at > 0 && model.text.charAt(at - 1) !== '\n' ? '\n' : '';
  return { range: model.lines.range({ start: at, end: at }), newText: `${before}<!-- talkdown-words: ${word} -->\n` };
}
