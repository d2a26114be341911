import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsScheduler } from './lsp/diagnostics';
import { AnalysisWorker, workerEntry, workerMode } from './lsp/analysisWorker';
import { SettingsCache } from './lsp/settings';
import { NodeWorkspace } from './node/workspace';
import { AnalysisSession, deadlineOf, DICTIONARY, isMarkdownFile, LANGUAGE_DICTIONARIES, LINK_INDEX, LinkIndex, TalkIndex, type DocumentModel } from './core';
import { systemClock } from './node/clock';
import { registerOutlineFeatures } from './lsp/symbols';
import { OpenDocumentModels } from './lsp/openDocumentModels';
import { indexFile, indexWorkspaceRoots } from './node/indexFolder';
import { FRONT_MATTER_TRIGGERS, registerFrontMatterFeatures } from './lsp/frontMatterFeatures';
import { registerHover } from './lsp/hover';
import { registerSiteRequest } from './lsp/site';
import { Providers } from './lsp/providers';
import { LINK_TRIGGERS, registerLinkFeatures } from './lsp/links';
import { fillLinkIndex, updateLinkIndex } from './node/linkIndex';
import { ExternalLinks } from './lsp/externalLinks';
import { registerRuleFixes } from './lsp/codeActions';
import { ConfigFilePublisher } from './lsp/configFile';
import { FileWatching } from './lsp/fileWatching';
import { ADD_TO_USER_DICTIONARY, registerUserDictionary } from './lsp/userDictionary';
import { compiledDictionary, languageDictionaries } from './node/dictionary';
import { registerDebugRequests } from './node/debug';
import { HeapMode } from './node/memoryMode';

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

const heapMode = new HeapMode();
heapMode.preferSmall();
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

// dist/server.js sits next to docs/ in the extension and in the npm package.
const docsBaseUri = pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href;

const workspace = new NodeWorkspace([], (uri) => documents.get(uri)?.getText());
const session = new AnalysisSession({ workspace, clock: systemClock, docsBaseUri, inputs: [[DICTIONARY, compiledDictionary()], [LANGUAGE_DICTIONARIES, languageDictionaries()]] });
const settings = new SettingsCache(connection, session);
const configFiles = new ConfigFilePublisher(connection, session);
// Diagnostics and the request features share models: each builds on the newest the other has.
const diagnostics: DiagnosticsScheduler = new DiagnosticsScheduler(connection, settings, session, (uri) => documents.get(uri), (uri): DocumentModel | undefined =>
  currentModels.builtModel(uri),
);
diagnostics.addHook({ published: () => configFiles.update(documents.keys()) });
// Large or slow documents are analysed in a worker thread, so that requests are answered meanwhile.
const workerJs = workerEntry(__dirname);
const analysisWorker = workerJs && workerMode() !== 'never' ? new AnalysisWorker(workerJs, () => ({ roots: [...workspace.roots], docsBaseUri }), workerMode(), () => heapMode.typing()) : undefined;
if (analysisWorker) {
  diagnostics.offload(analysisWorker);
  session.onEvent((event) => analysisWorker.sessionEvent(event));
}
const talkIndex = new TalkIndex();
// Requests on a large post build its model in slices, up to the analysis deadline.
const currentModels: OpenDocumentModels = new OpenDocumentModels((uri) => documents.get(uri), (uri) => diagnostics.model(uri), {
  deadlineMs: async (uri) => deadlineOf(await settings.get(uri)),
});
const modelOf = (uri: string, token?: CancellationToken) => currentModels.get(uri, token);
registerOutlineFeatures(connection, modelOf, talkIndex, () => documents.keys());
const providers = new Providers(connection);
registerFrontMatterFeatures(providers, modelOf, settings, session);
registerRuleFixes(providers, modelOf, settings, session, () => diagnostics.scheduleAll(documents.keys()));
registerHover(connection, modelOf, settings, session);
registerSiteRequest(connection, modelOf, settings, session);
// The files, pages and headings links resolve against, kept current from file events.
const linkIndex = new LinkIndex(workspace);
session.provide(LINK_INDEX, linkIndex);
registerLinkFeatures(connection, providers, modelOf, settings, session);
const externalLinks = new ExternalLinks(connection, diagnostics, modelOf, () => documents.keys());
externalLinks.register();

let registersConfiguration = false;
let clientCapabilities: ClientCapabilities = {};

connection.onInitialize((params): InitializeResult => {
  let roots = (params.workspaceFolders ?? []).map((folder) => folder.uri.replace(/\/$/, ''));
  if (roots.length === 0 && params.rootUri) roots = [params.rootUri.replace(/\/$/, '')];
  workspace.roots = roots;
  settings.supportsConfiguration = params.capabilities.workspace?.configuration === true;
  registersConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  fileWatching.initialize(params.capabilities);
  clientCapabilities = params.capabilities;
  // VS Code's extension writes the user's words to its own settings; other clients get the server's.
  const clientCommands = (params.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands;
  if (!Array.isArray(clientCommands) || !clientCommands.includes(ADD_TO_USER_DICTIONARY)) registerUserDictionary(connection, providers, session, () => clientCapabilities);
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
  // Only what the client can register dynamically is registered so.
  if (settings.supportsConfiguration && registersConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'talkdown' });
  }
  fileWatching.start(workspace.roots).catch((error) => connection.console.error(`Talkdown could not watch files: ${(error as Error).message}`));
});

connection.onDidChangeConfiguration((params) => {
  settings.clear();
  settings.pushed(params.settings);
  diagnostics.scheduleAll(documents.keys());
});

// Fired on open too: a document seen for the first time is analysed at once.
documents.onDidChangeContent((event) => {
  heapMode.typing();
  diagnostics.changedContent(event.document.uri);
});
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
const fileWatching = new FileWatching(connection, async (events) => {
  session.filesChanged(events);
  // Links resolve against the index: a created, deleted or renamed file (an image too) changes them.
  for (const event of events.slice(0, 10_000)) {
    await updateLinkIndex(linkIndex, event.uri, event.kind === 'deleted').catch(() => false);
  }
  for (const event of events) {
    if (!isMarkdownFile(event.uri) || documents.get(event.uri)) continue;
    if (event.kind === 'deleted') talkIndex.remove(event.uri);
    else void indexFile(event.uri, talkIndex);
  }
  diagnostics.scheduleAll(documents.keys());
});
connection.onShutdown(() => {
  fileWatching.dispose();
  heapMode.dispose();
  void analysisWorker?.dispose();
});
registerDebugRequests(connection, () => ({ documents: documents.keys().length, linkFiles: linkIndex.size, linksReady: linkIndex.ready, talks: talkIndex.talkCount }));

process.on('uncaughtException', (error) => {
  connection.console.error(`Talkdown: unexpected error: ${error.stack ?? String(error)}`);
});

documents.listen(connection);
connection.listen();

declare const SERVER_VERSION: string;
