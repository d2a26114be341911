import type {
  CodeAction,
  CodeActionParams,
  CompletionItem,
  CancellationToken,
  CompletionParams,
  Connection,
  ExecuteCommandParams,
} from 'vscode-languageserver';
import { guarded } from './guard';

/**
 * A connection takes one handler per request. Features (front matter, links, spelling…)
 * each add their providers here, and one handler per request asks them all; a provider
 * that fails is logged and skipped, so the others still answer.
 */
export type CodeActionProvider = (params: CodeActionParams, token?: CancellationToken) => Promise<CodeAction[]> | CodeAction[];
export type CompletionProvider = (params: CompletionParams, token?: CancellationToken) => Promise<CompletionItem[] | null> | CompletionItem[] | null;
export type CommandHandler = (args: unknown[]) => unknown;

export class Providers {
  private readonly codeActions: { name: string; provide: CodeActionProvider }[] = [];
  private readonly completions: { name: string; provide: CompletionProvider }[] = [];
  private readonly commands = new Map<string, CommandHandler>();

  constructor(connection: Connection) {
    connection.onCodeAction(async (params, token) => {
      const all: CodeAction[] = [];
      for (const { name, provide } of this.codeActions) all.push(...(await guarded<CodeAction[]>(connection, `${name} code actions`, [], () => provide(params, token))));
      return all;
    });
    connection.onCompletion(async (params, token) => {
      let all: CompletionItem[] | null = null;
      for (const { name, provide } of this.completions) {
        const items = await guarded<CompletionItem[] | null>(connection, `${name} completion`, null, () => provide(params, token));
        if (items) (all ??= []).push(...items);
      }
      return all;
    });
    connection.onExecuteCommand((params: ExecuteCommandParams) => {
      const handler = this.commands.get(params.command);
      if (!handler) return null;
      return guarded(connection, `command ${params.command}`, null, () => handler(params.arguments ?? []));
    });
  }

  codeAction(name: string, provide: CodeActionProvider): void {
    this.codeActions.push({ name, provide });
  }

  completion(name: string, provide: CompletionProvider): void {
    this.completions.push({ name, provide });
  }

  /** Server-side commands; list their ids in the `executeCommandProvider` capability. */
  command(id: string, handler: CommandHandler): void {
    this.commands.set(id, handler);
  }

  /** The command ids, for the `executeCommandProvider` capability. */
  get commandIds(): string[] {
    return [...this.commands.keys()];
  }
}
