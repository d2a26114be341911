import * as vscode from 'vscode';
import { SITE_REQUEST, type SiteInfo } from '../../server/src/protocol';
import { SERVER_ENV } from '../../server/src/node/memoryMode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** Restarts allowed within RESTART_WINDOW_MS before the server is left stopped. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/**
 * Owns the language client: start, stop, restart after a crash, the output channel and
 * the language status item. The server does the work; this only connects it.
 */
export class TalkdownContext implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly output: vscode.LogOutputChannel;
  private readonly status: vscode.LanguageStatusItem;
  private readonly crashes: number[] = [];
  private pid: number | undefined;
  private site: SiteInfo | undefined;

  constructor(private readonly extension: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('Talkdown', { log: true });
    this.status = vscode.languages.createLanguageStatusItem('talkdown.status', { language: 'markdown' });
    this.status.name = 'Talkdown';
    this.status.command = { title: 'Restart', command: 'talkdown.restartServer' };
    this.setStatus('starting');
  }

  async start(): Promise<void> {
    const module = this.extension.asAbsolutePath('dist/server.js');
    // One malloc arena and fixed malloc thresholds: the server lives as long as the window, and
    // glibc would keep the high-water mark of every burst of work (server/src/node/memoryMode.ts).
    // What the user's environment sets wins.
    const env = { ...SERVER_ENV, ...process.env };
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { env } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'markdown' },
        { scheme: 'vscode-remote', language: 'markdown' },
      ],
      // Read at each start: a restart after trust was granted starts trusted.
      initializationOptions: () => ({
        workspaceTrusted: vscode.workspace.isTrusted,
        // The user's words go to VS Code's settings, which only the extension can write.
        clientCommands: ['talkdown.spelling.addToUserDictionary'],
        storagePath: this.extension.globalStorageUri.scheme === 'file' ? this.extension.globalStorageUri.fsPath : undefined,
      }),
      outputChannel: this.output,
      traceOutputChannel: this.output,
      errorHandler: this.errorHandler(),
    };
    const client = new LanguageClient('talkdown', 'Talkdown', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) {
        this.pid = client.serverProcess?.pid;
        this.setStatus('running');
        void this.refreshSite();
      } else if (newState === State.Starting) {
        this.setStatus('starting');
      } else {
        this.pid = undefined;
        this.setStatus('stopped');
      }
    });
    try {
      await client.start();
    } catch (error) {
      this.setStatus('failed', String(error));
      this.output.error(`Talkdown's language server did not start: ${String(error)}`);
    }
  }

  /** Asks the server which site the active Markdown document belongs to, for the status item. */
  async refreshSite(): Promise<SiteInfo | undefined> {
    const client = this.client;
    const document = vscode.window.activeTextEditor?.document;
    if (!client || client.state !== State.Running || !document || document.languageId !== 'markdown') return this.site;
    try {
      this.site = (await client.sendRequest<SiteInfo | null>(SITE_REQUEST, { uri: document.uri.toString() })) ?? undefined;
    } catch {
      this.site = undefined;
    }
    if (client.state === State.Running) this.setStatus('running');
    return this.site;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.needsStop()) await client.stop();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async ready(): Promise<void> {
    const client = this.client;
    if (!client) return;
    while (client.state !== State.Running) {
      await new Promise<void>((resolve) => {
        const sub = client.onDidChangeState(() => {
          sub.dispose();
          resolve();
        });
      });
    }
  }

  serverPid(): number | undefined {
    return this.pid;
  }

  /** The running language client, for requests of Talkdown's own. */
  languageClient(): LanguageClient | undefined {
    return this.client;
  }

  statusText(): string {
    return this.status.text;
  }

  showOutput(): void {
    this.output.show(true);
  }

  dispose(): void {
    void this.stop();
    this.status.dispose();
    this.output.dispose();
  }

  /**
   * The server keeps no state a user would lose, so a crash is answered with a restart
   * (the client re-sends every open document); only repeated crashes leave it stopped.
   */
  private errorHandler(): ErrorHandler {
    return {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        this.crashes.push(now);
        while (this.crashes.length > 0 && now - this.crashes[0] > RESTART_WINDOW_MS) this.crashes.shift();
        if (this.crashes.length > MAX_RESTARTS) {
          this.setStatus('failed', 'The server stopped repeatedly.');
          return {
            action: CloseAction.DoNotRestart,
            message: `Talkdown's language server stopped ${this.crashes.length} times in 3 minutes and was not restarted. Run "Talkdown: Restart Server" to try again.`,
          };
        }
        this.output.warn('The language server stopped unexpectedly; restarting it.');
        return { action: CloseAction.Restart, handled: true };
      },
    };
  }

  private setStatus(state: 'starting' | 'running' | 'stopped' | 'failed', detail?: string): void {
    const labels = {
      starting: '$(loading~spin) Talkdown: starting',
      running: '$(check) Talkdown',
      stopped: '$(debug-stop) Talkdown: stopped',
      failed: '$(error) Talkdown: not running',
    } as const;
    const site = state === 'running' ? this.site : undefined;
    this.status.text = site ? `${labels[state]} · ${site.label}` : labels[state];
    this.status.detail = detail ?? (site ? `${site.label} site (${site.reason})${site.isPost ? '; this file is a post' : ''}` : undefined);
    this.status.severity =
      state === 'failed' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    this.status.busy = state === 'starting';
  }
}
