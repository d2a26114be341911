import * as vscode from 'vscode';
import type { SiteInfo } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { TalkdownContext } from './ctx';
import { registerExternalLinks } from './externalLinks';

let ctx: TalkdownContext | undefined;

/** What the extension gives other extensions and its tests. */
export interface TalkdownApi {
  /** Resolves once the language server is running. */
  ready(): Promise<void>;
  /** The language server's process id, while it runs. */
  serverPid(): number | undefined;
  /** The site of the active Markdown document, as the status item shows it. */
  site(): Promise<SiteInfo | undefined>;
  /** The language status item's text. */
  statusText(): string;
}

export async function activate(context: vscode.ExtensionContext): Promise<TalkdownApi> {
  ctx = new TalkdownContext(context);
  context.subscriptions.push(
    ctx,
    vscode.commands.registerCommand('talkdown.restartServer', () => ctx?.restart()),
    vscode.commands.registerCommand('talkdown.showOutput', () => ctx?.showOutput()),
    vscode.window.onDidChangeActiveTextEditor(() => void ctx?.refreshSite()),
    registerCommands(() => ctx?.languageClient()),
    registerExternalLinks(() => ctx?.languageClient()),
    vscode.commands.registerCommand('talkdown.spelling.addToUserDictionary', addToUserDictionary),
  );
  await ctx.start();
  return {
    ready: () => ctx?.ready() ?? Promise.resolve(),
    serverPid: () => ctx?.serverPid(),
    site: () => ctx?.refreshSite() ?? Promise.resolve(undefined),
    statusText: () => ctx?.statusText() ?? '',
  };
}

/** Adds a word to `talkdown.spelling.words` in the user's settings; the server re-checks on the change. */
async function addToUserDictionary(word?: unknown): Promise<void> {
  const value = typeof word === 'string' ? word : await vscode.window.showInputBox({ prompt: 'Word to add to your spelling dictionary' });
  if (!value || /\s/.test(value.trim())) return;
  const config = vscode.workspace.getConfiguration('talkdown.spelling');
  const words = config.get<string[]>('words') ?? [];
  if (!words.includes(value.trim())) await config.update('words', [...words, value.trim()], vscode.ConfigurationTarget.Global);
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
}
