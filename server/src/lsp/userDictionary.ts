import { MessageType, ShowMessageNotification, type ClientCapabilities, type Connection, type WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex, withSpellingWord, wordsConfigTarget, type AnalysisSession } from '../core';
import type { Providers } from './providers';

export const ADD_TO_USER_DICTIONARY = 'talkdown.spelling.addToUserDictionary';

/**
 * "Add to the user dictionary" for editors other than VS Code (whose extension writes its own
 * settings): the word goes to `spelling.words` of the project's `.talkdown/config.jsonc`,
 * as an edit the editor applies (and can undo). A client that cannot apply edits is told what
 * to add, and where.
 */
export function registerUserDictionary(connection: Connection, providers: Providers, session: AnalysisSession, capabilities: () => ClientCapabilities): void {
  providers.command(ADD_TO_USER_DICTIONARY, async (args) => {
    const [word, uri] = args;
    if (typeof word !== 'string' || word.trim() === '' || /\s/.test(word) || typeof uri !== 'string') return { ok: false, message: 'Give one word and the document it is from.' };
    const target = wordsConfigTarget(session, uri);
    const existing = session.workspace.readText(target);
    const text = withSpellingWord(existing, word);
    const workspace = capabilities().workspace;
    const canCreate = workspace?.workspaceEdit?.documentChanges === true && workspace.workspaceEdit.resourceOperations?.includes('create') === true;
    if (workspace?.applyEdit !== true || (existing === undefined && !canCreate)) {
      const message = `Talkdown cannot edit files in this editor: add "${word}" to "spelling": { "words": [...] } in ${target}.`;
      // A notification: every client shows it; a request would need the client to answer.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
      return { ok: false, message };
    }
    if (existing === text) return { ok: true, file: target };
    const whole = existing === undefined ? undefined : new LineIndex(existing).range({ start: 0, end: existing.length });
    const edit: WorkspaceEdit = whole
      ? { changes: { [target]: [{ range: whole, newText: text }] } }
      : { documentChanges: [{ kind: 'create', uri: target, options: { ignoreIfExists: true } }, { textDocument: { uri: target, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] }] };
    const result = await connection.workspace.applyEdit({ label: `Add "${word}" to the project's words`, edit });
    return result.applied ? { ok: true, file: target } : { ok: false, message: result.failureReason ?? 'The editor did not apply the edit.' };
  });
}
