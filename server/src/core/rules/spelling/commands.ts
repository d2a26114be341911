import type { Session } from '../../session/session';
import type { CommandHandler, CommandResult } from '../family';
import { wordListTarget } from './wordLists';

export const ADD_TO_WORKSPACE_DICTIONARY = 'talkdown.spelling.addToWorkspaceDictionary';
/** Handled by the client: it writes the `talkdown.spelling.words` setting. */
export const ADD_TO_USER_DICTIONARY = 'talkdown.spelling.addToUserDictionary';

const NEW_LIST_HEADER = '# Words Talkdown accepts in this site, one per line, shared by everyone who writes here.\n';

/**
 * Adds a word to the nearest `.talkdown/words.txt` (a new one in the workspace folder when
 * there is none), through the workspace: arguments `[documentUri, word]`.
 */
export function addToWorkspaceDictionary(session: Session, args: readonly unknown[]): CommandResult {
  const [uri, word] = args;
  if (typeof uri !== 'string' || typeof word !== 'string' || word.trim() === '' || /\s/.test(word)) return { ok: false, message: 'Give a document and one word to add.' };
  const { workspace } = session;
  if (!workspace.writeText) return { ok: false, message: 'This workspace cannot write files: the word was not added.' };
  const target = wordListTarget(session, uri);
  const existing = workspace.readText(target);
  // A list that exists but cannot be read is not replaced by a new one.
  if (existing === undefined && workspace.exists(target)) return { ok: false, message: `Talkdown cannot read ${target}: the word was not added.` };
  const text = existing ?? NEW_LIST_HEADER;
  const words = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  // Already there (written elsewhere, maybe): the list is read again all the same.
  if (words.has(word)) return { ok: true, wrote: [target] };
  const written = workspace.writeText(target, text + (text === '' || text.endsWith('\n') ? '' : '\n') + word + '\n');
  return written ? { ok: true, wrote: [target] } : { ok: false, message: `Talkdown could not write ${target}: the word was not added.` };
}

export const SPELLING_COMMANDS: Readonly<Record<string, CommandHandler>> = { [ADD_TO_WORKSPACE_DICTIONARY]: addToWorkspaceDictionary };
