import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsScheduler } from './lsp/diagnostics';
import { SettingsCache } from './lsp/settings';
import { NodeWorkspace } from './node/workspace';
import { AnalysisSession, type DocumentModel } from './core';
import { systemClock } from './node/clock';
import { TalkIndex } from './core/features/talkIndex';
import { CurrentModels, registerOutlineFeatures } from './lsp/symbols';
import { indexFile, indexWorkspaceRoots } from './node/indexFolder';
import { FRONT_MATTER_TRIGGERS, registerFrontMatterFeatures } from './lsp/frontMatterFeatures';
import { registerHover } from './lsp/hover';
import { registerSiteRequest } from './lsp/site';
import { Providers } from './lsp/providers';
import { attachLinkIndex, LinkIndex } from './core/links/linkIndex';
import { LINK_TRIGGERS, registerLinkFeatures } from './lsp/links';
import { fillLinkIndex, updateLinkIndex } from './node/linkIndex';
import { ExternalLinks } from './lsp/externalLinks';
import { registerSpellingFeatures } from './lsp/spelling';
import { registerRuleFixes } from './lsp/codeActions';
import { useCompiledDictionary } from './node/dictionary';
import { forgetWordLists } from './core/spelling/wordLists';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

function usage(): string {
  return 'usage: talkdown-language-server --stdio   (or --node-ipc, --socket=<port>, --pipe=<name>)';
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(usage() + '\n');
  process.exit(0);
}
if (!process.send && !process.argv.slice(2).some((arg) => TRANSPORTS.some((t) => arg.startsWith(t)))) {
  process.stderr.write(`talkdown-language-server: no transport given\n${usage()}\n`);
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsCache(connection);

// dist/server.js sits next to docs/ in the extension and in the npm package.
const docsBaseUri = pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href;

const workspace = new NodeWorkspace([], (uri) => documents.get(uri)?.getText());
const session = new AnalysisSession({ workspace, clock: systemClock, docsBaseUri });
// Diagnostics and the request features share models: each builds on the newest the other has.
const diagnostics: DiagnosticsScheduler = new DiagnosticsScheduler(connection, settings, session, (uri) => documents.get(uri), (uri): DocumentModel | undefined =>
  currentModels.builtModel(uri),
);
const talkIndex = new TalkIndex();
const currentModels: CurrentModels = new CurrentModels((uri) => documents.get(uri), (uri) => diagnostics.model(uri));
registerOutlineFeatures(connection, (uri) => currentModels.get(uri), talkIndex, () => documents.keys());
const providers = new Providers(connection);
registerFrontMatterFeatures(providers, (uri) => currentModels.get(uri), settings, session);
registerSpellingFeatures(providers, (uri) => currentModels.get(uri), () => workspace, () => diagnostics.scheduleAll(documents.keys()));
registerRuleFixes(providers, (uri) => currentModels.get(uri), settings, session, () => diagnostics.scheduleAll(documents.keys()));
useCompiledDictionary();
registerHover(connection, (uri) => currentModels.get(uri), settings, session);
registerSiteRequest(connection, (uri) => currentModels.get(uri), settings, session);
// The files, pages and headings links resolve against, kept current from file events.
const linkIndex = new LinkIndex(workspace);
attachLinkIndex(workspace, linkIndex);
registerLinkFeatures(connection, providers, (uri) => currentModels.get(uri), settings, () => workspace, session);
const externalLinks = new ExternalLinks(connection, diagnostics, (uri) => currentModels.get(uri), () => documents.keys());
externalLinks.register(providers);

connection.onInitialize((params): InitializeResult => {
  let roots = (params.workspaceFolders ?? []).map((folder) => folder.uri.replace(/\/$/, ''));
  if (roots.length === 0 && params.rootUri) roots = [params.rootUri.replace(/\/$/, '')];
  workspace.roots = roots;
  settings.supportsConfiguration = params.capabilities.workspace?.configuration === true;
  externalLinks.initialize(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      hoverProvider: true,
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      completionProvider: { triggerCharacters: [...new Set([...FRONT_MATTER_TRIGGERS, ...LINK_TRIGGERS])] },
      documentLinkProvider: { resolveProvider: false },
      definitionProvider: true,
      referencesProvider: true,
      executeCommandProvider: { commands: providers.commandIds },
    },
    serverInfo: { name: 'talkdown', version: SERVER_VERSION },
  };
});

connection.onInitialized(() => {
  void indexWorkspaceRoots(workspace.roots, talkIndex, { isOpen: (uri) => documents.get(uri) !== undefined, log: (m) => connection.console.error(m) });
  void fillLinkIndex(linkIndex, workspace.roots, { openText: (uri) => documents.get(uri)?.getText() }).then(
    () => diagnostics.scheduleAll(documents.keys()),
    (error) => connection.console.error(`Talkdown could not index links: ${(error as Error).stack ?? String(error)}`),
  );
  if (settings.supportsConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'talkdown' });
  }
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  session.settingsChanged();
  diagnostics.scheduleAll(documents.keys());
});

// Fired on open too: a document seen for the first time is analysed at once.
documents.onDidChangeContent((event) => diagnostics.schedule(event.document.uri));
documents.onDidClose((event) => {
  settings.forget(event.document.uri);
  diagnostics.close(event.document.uri);
  externalLinks.forget(event.document.uri);
  currentModels.forget(event.document.uri);
  talkIndex.remove(event.document.uri);
  void indexFile(event.document.uri, talkIndex);
});

// Files changed on disk (created, edited elsewhere, deleted, renamed): the site's tags, the
// talk index and every open document's findings may depend on them.
connection.onDidChangeWatchedFiles(async ({ changes }) => {
  const kinds = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;
  session.filesChanged(changes.map((change) => ({ uri: change.uri, kind: kinds[change.type] })));
  // Links resolve against the index: a created, deleted or renamed file (an image too) changes them.
  for (const change of changes.slice(0, 10_000)) {
    await updateLinkIndex(linkIndex, change.uri, change.type === FileChangeType.Deleted).catch(() => false);
  }
  forgetWordLists();
  for (const change of changes) {
    if (!/\.(?:md|markdown)$/i.test(change.uri) || documents.get(change.uri)) continue;
    if (change.type === FileChangeType.Deleted) talkIndex.remove(change.uri);
    else void indexFile(change.uri, talkIndex);
  }
  diagnostics.scheduleAll(documents.keys());
});

process.on('uncaughtException', (error) => {
  connection.console.error(`Talkdown: unexpected error: ${error.stack ?? String(error)}`);
});

documents.listen(connection);
connection.listen();

declare const SERVER_VERSION: string;
