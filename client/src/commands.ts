import * as vscode from 'vscode';
import { SITE_REQUEST, type SiteInfo } from '../../server/src/protocol';
import { isIsoDate, newPostText, postFileName, talkText, type NewPost, type NewTalk } from '../../server/src/core';

/** The part of the language client the commands use. */
export interface RequestSender {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
}

/**
 * Talkdown: New Recap Post and Talkdown: Insert Talk. Both take an optional argument with
 * the answers, so that tests and other extensions can run them without prompts; whatever
 * is missing is asked for.
 */
export function registerCommands(server: () => RequestSender | undefined): vscode.Disposable {
  const siteInfo = async (uri: vscode.Uri): Promise<SiteInfo | undefined> => {
    try {
      return (await server()?.sendRequest<SiteInfo | null>(SITE_REQUEST, { uri: uri.toString() })) ?? undefined;
    } catch {
      // A stopped server: fall back to a plain Markdown post beside the current file.
      return undefined;
    }
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand('talkdown.newRecapPost', (args?: Partial<NewPost>) => newRecapPost(siteInfo, args)),
    vscode.commands.registerCommand('talkdown.insertTalk', (args?: Partial<NewTalk>) => insertTalk(siteInfo, args)),
  );
}

/** Creates the post (or opens it, if it exists) and returns its URI; undefined when cancelled. */
async function newRecapPost(siteInfo: (uri: vscode.Uri) => Promise<SiteInfo | undefined>, args: Partial<NewPost> = {}): Promise<vscode.Uri | undefined> {
  const conference =
    args.conference ??
    (await vscode.window.showInputBox({
      title: 'New Recap Post',
      prompt: 'The conference',
      placeHolder: 'KubeCon Europe 2025',
      validateInput: (value) => (value.trim() ? undefined : 'Give the conference a name'),
    }));
  if (!conference?.trim()) return undefined;
  const date =
    args.date ??
    (await vscode.window.showInputBox({
      title: 'New Recap Post',
      prompt: 'The date of the post (YYYY-MM-DD)',
      value: today(),
      validateInput: (value) => (isIsoDate(value.trim()) ? undefined : 'Write the date as YYYY-MM-DD'),
    }));
  if (date === undefined) return undefined;
  if (!isIsoDate(date.trim())) throw new Error(`Talkdown: "${date}" is not a date written YYYY-MM-DD`);
  const post = { conference: conference.trim(), date: date.trim() };

  // The site is the one of the file being edited, else the first workspace folder's.
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)?.uri) ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const near = active && active.scheme !== 'untitled' ? active : folder && vscode.Uri.joinPath(folder, 'new-post.md');
  if (!near) throw new Error('Talkdown: open a folder or a post first; the new post goes into its site');
  const info = await siteInfo(near);
  const dir = info?.postsDir ? vscode.Uri.parse(info.postsDir) : vscode.Uri.joinPath(near, '..');
  const generator = info?.generator ?? 'generic';
  const target = vscode.Uri.joinPath(dir, postFileName(generator, post));

  if (await exists(target)) {
    void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(target)} already exists; it was opened, not replaced.`);
  } else {
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(newPostText(generator, post)));
  }
  const editor = await vscode.window.showTextDocument(target);
  // The cursor goes below the front matter, where the writing starts.
  const end = new vscode.Position(editor.document.lineCount - 1, 0);
  editor.selection = new vscode.Selection(end, end);
  return target;
}

/** Inserts a talk at the cursor, in the style the post already uses; returns the inserted text. */
async function insertTalk(siteInfo: (uri: vscode.Uri) => Promise<SiteInfo | undefined>, args?: Partial<NewTalk>): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Talkdown: Insert Talk needs a Markdown post open in the editor.');
    return undefined;
  }
  const ask = (prompt: string, placeHolder: string) => vscode.window.showInputBox({ title: 'Insert Talk', prompt, placeHolder });
  // Given an argument, missing fields are empty rather than asked for.
  const title = args ? args.title : await ask('The talk’s title', 'Paved roads people want to drive on');
  if (!title?.trim()) return undefined;
  const speakers = args ? (args.speakers ?? '') : await ask('Speakers (Name, Company; Name, Company), or empty', 'Ada Lovelace, Example Corp');
  if (speakers === undefined) return undefined;
  const videoUrl = args ? (args.videoUrl ?? '') : await ask('The video’s URL, or empty', 'https://www.youtube.com/watch?v=…');
  if (videoUrl === undefined) return undefined;

  const info = await siteInfo(editor.document.uri);
  const talk = talkText(info?.talkStyle ?? 'link-heading', { title, speakers, videoUrl }, info?.talkDepth ?? 3);
  // Headings need blank lines around them: the talk goes on an empty line, or after the current one.
  const document = editor.document;
  const line = document.lineAt(editor.selection.active.line);
  const atEmptyLine = line.isEmptyOrWhitespace;
  const position = atEmptyLine ? line.range.start : line.range.end;
  const before = atEmptyLine ? (line.lineNumber > 0 && !document.lineAt(line.lineNumber - 1).isEmptyOrWhitespace ? '\n' : '') : '\n\n';
  const next = line.lineNumber + 1 < document.lineCount ? document.lineAt(line.lineNumber + 1) : undefined;
  const after = next && !next.isEmptyOrWhitespace ? '\n' : '';
  // The line's own break ends the talk; a blank line keeps it apart from the next paragraph.
  const text = (before + talk).replace(/\n$/, '') + after;
  const done = await editor.edit((edit) => edit.insert(position, text));
  return done ? talk : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
