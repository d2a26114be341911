import { parentPort } from 'node:worker_threads';
import { AnalysisSession, analyze, analyzeAsync, DICTIONARY, LANGUAGE_DICTIONARIES, LINK_INDEX, LinkIndex, type DocumentModel, type Finding } from '../core';
import { systemClock } from '../node/clock';
import { compiledDictionary, languageDictionaries } from '../node/dictionary';
import { fillLinkIndex, updateLinkIndex } from '../node/linkIndex';
import { NodeWorkspace } from '../node/workspace';
import type { FromWorker, ToWorker } from './analysisWorker';

/**
 * The analysis worker's entry (bundled as dist/analysisWorker.js; see analysisWorker.ts): its
 * own session over the disk and the texts the main thread sends, and the last model of each
 * document, so that an edit re-parses only the sections it touched.
 */
const port = parentPort;
if (!port) throw new Error('analysisWorker.js runs as a worker thread');

const texts = new Map<string, string>();
const models = new Map<string, DocumentModel>();
const cancelled = new Set<number>();
let session: AnalysisSession | undefined;
let linkIndex: LinkIndex | undefined;

const send = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'init': {
      const workspace = new NodeWorkspace(message.init.roots, (uri) => texts.get(uri));
      session = new AnalysisSession({
        workspace,
        clock: systemClock,
        docsBaseUri: message.init.docsBaseUri,
        inputs: [[DICTIONARY, compiledDictionary()], [LANGUAGE_DICTIONARIES, languageDictionaries()]],
      });
      const index = (linkIndex = new LinkIndex(workspace));
      session.provide(LINK_INDEX, index);
      warmUp(session);
      void fillLinkIndex(index, message.init.roots, { openText: (uri) => texts.get(uri) }).catch(() => undefined);
      return;
    }
    case 'text': {
      const old = texts.get(message.uri) ?? '';
      texts.set(message.uri, old.slice(0, message.start) + message.insert + old.slice(message.end));
      return;
    }
    case 'forget':
      texts.delete(message.uri);
      models.delete(message.uri);
      session?.forgetDocument(message.uri);
      return;
    case 'files':
      session?.filesChanged(message.events);
      if (linkIndex) for (const event of message.events.slice(0, 10_000)) void updateLinkIndex(linkIndex, event.uri, event.kind === 'deleted').catch(() => false);
      return;
    case 'settings':
      session?.settingsChanged();
      return;
    case 'cancel':
      cancelled.add(message.id);
      return;
    case 'analyse':
      void run(message);
      return;
  }
});

async function run(message: Extract<ToWorker, { type: 'analyse' }>): Promise<void> {
  const text = texts.get(message.uri) ?? '';
  send({ type: 'started', id: message.id });
  try {
    if (!session) throw new Error('the worker was not initialised');
    const analysis = await analyzeAsync(session, { uri: message.uri, version: message.version, getText: () => text }, {
      settings: message.settings,
      deadlineMs: message.deadlineMs,
      previous: models.get(message.uri),
      // Between slices the worker reads its messages: a newer version cancels this one.
      yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)),
      signal: { get isCancellationRequested() { return cancelled.has(message.id); } },
    });
    if (!analysis) {
      send({ type: 'cancelled', id: message.id });
      return;
    }
    if (texts.has(message.uri)) models.set(message.uri, analysis.model);
    send({ type: 'result', id: message.id, findings: analysis.findings.map(plain) });
  } catch (error) {
    send({ type: 'failed', id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    cancelled.delete(message.id);
  }
}

/** One small post analysed at start: the parser and rules are compiled then, not on a document's deadline. */
function warmUp(session: AnalysisSession): void {
  const sections = Array.from({ length: 8 }, (_, i) => `## Talk ${i}\n\nA talk about *testing*, with [slides](https://example.com/${i}) and a note[^n].\n\n- one\n- two\n`);
  const text = `---\ntitle: Warm up\ndate: 2024-01-01\n---\n\n${sections.join('\n')}\n[^n]: A note.\n`;
  try {
    analyze(session, { uri: 'untitled:warm-up.md', version: 0, getText: () => text });
  } catch {
    // Only a warm-up.
  }
}

/** A finding as a structured clone takes it: data that holds functions or class instances goes through JSON. */
function plain(finding: Finding): Finding {
  if (finding.data === undefined || typeof finding.data !== 'object') return finding;
  return { ...finding, data: JSON.parse(JSON.stringify(finding.data)) as unknown };
}
