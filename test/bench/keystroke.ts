/**
 * A keystroke as an editor sees it: one character typed in the middle of a post, sent to the
 * bundled language server as an incremental change, timed until the diagnostics of that version
 * are published (debounce included), once the writer has typed for a while (the first keystrokes
 * after opening are shown beside). Side by side, in the same run and on the same texts, the
 * peers an editor runs on each keystroke: markdownlint, cspell-lib and VS Code's Markdown
 * language service (their diagnostics, in process). Budgets are medians: ≤ 5 ms on 15 KB and
 * ≤ 20 ms on 1 MB for Talkdown. Run alone with `node --import tsx test/bench/keystroke.ts`.
 */
import { ServerUnderTest } from '../protocol/lspClient';
import { generatePost } from './generate';
import { SERVER_ENV } from '../../server/src/node/memoryMode';

const EDITS = 50;

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

type Edit = { text: string; line: number; character: number; removed: number; inserted: string };

/**
 * `EDITS` single-character edits at the end of a line in the middle of `text`. `replace`, as
 * the core's keystroke benchmark makes them: a character typed, then replaced by another
 * (x, y, x…), so the text keeps its length. `type`: characters typed one after another, as a
 * writer does, so that every later section moves by one at each keystroke.
 */
function edits(text: string, mode: 'replace' | 'type' = 'replace'): Edit[] {
  const mid = text.indexOf('\n', Math.floor(text.length / 2));
  const line = text.slice(0, mid).split('\n').length - 1;
  const character = mid - text.lastIndexOf('\n', mid - 1) - 1;
  const out: Edit[] = [];
  let typed = '';
  for (let i = 0; i < EDITS; i++) {
    const inserted = i % 2 ? 'y' : 'x';
    if (mode === 'type') {
      out.push({ text: text.slice(0, mid) + typed + inserted + text.slice(mid), line, character: character + typed.length, removed: 0, inserted });
      typed += inserted;
    } else {
      out.push({ text: text.slice(0, mid) + inserted + text.slice(mid), line, character, removed: i === 0 ? 0 : 1, inserted });
    }
  }
  return out;
}

/**
 * The server's median over `EDITS` keystrokes, after it has seen `warmUp` of them (a writer who
 * has typed for a while: the JIT has compiled the keystroke path), and over the first `EDITS`
 * after the post was opened (what the first keystrokes feel like), in one session.
 */
async function talkdownThroughServer(text: string, mode: 'replace' | 'type', warmUp: number): Promise<{ warm: number; first: number }> {
  // In the environment the VS Code client gives it.
  const server = new ServerUnderTest({ env: { ...SERVER_ENV } });
  await server.initialize(null);
  const uri = 'file:///bench/_posts/2024-11-15-keystroke.md';
  const first = server.diagnostics(uri, () => true, 60_000);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await first;
  const times: number[] = [];
  let version = 1;
  // The warm-up repeats the same edits at the same place: every position stays valid, since the
  // line only grows.
  const all = [...Array.from({ length: Math.ceil(warmUp / EDITS) }, () => edits(text, mode)).flat().slice(0, warmUp), ...edits(text, mode)];
  for (const edit of all) {
    version++;
    const v = version;
    const published = server.diagnostics(uri, (p) => p.version === v, 60_000);
    const t = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: edit.line, character: edit.character }, end: { line: edit.line, character: edit.character + edit.removed } }, text: edit.inserted }],
    });
    await published;
    times.push(performance.now() - t);
    server.published.length = 0;
  }
  await server.shutdown();
  return { warm: median(times.slice(warmUp)), first: median(times.slice(0, Math.min(EDITS, times.length))) };
}

/** A peer's median over the first `count` edits (a peer that takes seconds a keystroke on 1 MB is timed on fewer). */
async function timeEach(text: string, mode: 'replace' | 'type', check: (text: string) => Promise<unknown> | unknown, count = EDITS): Promise<number> {
  await check(text); // warm up
  const times: number[] = [];
  for (const edit of edits(text, mode).slice(0, count)) {
    const t = performance.now();
    await check(edit.text);
    times.push(performance.now() - t);
  }
  return median(times);
}

async function peers(): Promise<{ name: string; check: (text: string) => Promise<unknown> | unknown }[]> {
  const list: { name: string; check: (text: string) => Promise<unknown> | unknown }[] = [];
  const { lint } = (await import('markdownlint/sync')) as { lint: (options: { strings: Record<string, string> }) => unknown };
  list.push({ name: 'markdownlint', check: (text) => lint({ strings: { post: text } }) });
  const { spellCheckDocument } = (await import('cspell-lib')) as typeof import('cspell-lib');
  list.push({
    name: 'cspell-lib',
    check: (text) => spellCheckDocument({ uri: 'file:///bench/post.md', text, languageId: 'markdown', locale: 'en' }, { generateSuggestions: false, noConfigSearch: true }, { words: [] }),
  });
  list.push({ name: 'vscode-markdown-ls', check: await markdownLanguageService() });
  return list;
}

/** VS Code's Markdown language service with markdown-it, on one open document and no folder. */
async function markdownLanguageService(): Promise<(text: string) => Promise<unknown>> {
  const mdls = await import('vscode-markdown-languageservice');
  const { TextDocument } = await import('vscode-languageserver-textdocument');
  const { URI } = await import('vscode-uri');
  const MarkdownIt = (await import('markdown-it')).default;
  const md = new MarkdownIt({ html: true });
  const never = () => ({ dispose() {} });
  // The service keeps what it read of a document until the workspace says that it changed, as
  // VS Code's does on each edit.
  const changed: ((document: unknown) => void)[] = [];
  const onDidChange = (listener: (document: unknown) => void, thisArg?: unknown) => {
    const bound = (document: unknown) => listener.call(thisArg, document);
    changed.push(bound);
    return { dispose: () => void changed.splice(changed.indexOf(bound), 1) };
  };
  let document = TextDocument.create('file:///bench/post.md', 'markdown', 1, '');
  const workspace = {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: onDidChange,
    onDidCreateMarkdownDocument: never,
    onDidDeleteMarkdownDocument: never,
    getAllMarkdownDocuments: async () => [document],
    hasMarkdownDocument: (uri: { toString(): string }) => uri.toString() === document.uri,
    openMarkdownDocument: async (uri: { toString(): string }) => (uri.toString() === document.uri ? document : undefined),
    stat: async () => undefined,
    readDirectory: async () => [],
  };
  const parser = { slugifier: mdls.githubSlugifier, tokenize: async (doc: { getText(): string }) => md.parse(doc.getText(), {}) };
  const service = mdls.createLanguageService({ workspace, parser, logger: { level: 0, log() {} } } as unknown as Parameters<typeof mdls.createLanguageService>[0]);
  const options = {
    validateReferences: mdls.DiagnosticLevel.warning,
    validateFragmentLinks: mdls.DiagnosticLevel.warning,
    validateFileLinks: mdls.DiagnosticLevel.warning,
    validateMarkdownFileLinkFragments: mdls.DiagnosticLevel.warning,
    validateUnusedLinkDefinitions: mdls.DiagnosticLevel.warning,
    validateDuplicateLinkDefinitions: mdls.DiagnosticLevel.warning,
    ignoreLinks: [],
  };
  const token = { isCancellationRequested: false, onCancellationRequested: never };
  void URI;
  let version = 1;
  return (text) => {
    document = TextDocument.create(document.uri, 'markdown', ++version, text);
    for (const listener of changed) listener(document);
    return service.computeDiagnostics(document, options, token as never);
  };
}

export async function benchKeystroke(): Promise<void> {
  console.log(`\nkeystroke to published diagnostics through the language server (${EDITS} single-character edits after a warm-up of typing, median ms; "first": the first ${EDITS} after opening; peers in process, same texts; "typing" inserts one character after another)`);
  const list = await peers();
  console.log('input'.padEnd(18) + 'talkdown'.padStart(10) + 'first'.padStart(8) + list.map((p) => p.name.padStart(20) + 'ratio'.padStart(7)).join('') + '   budget');
  const small = generatePost(15_000);
  const large = generatePost(1_000_000);
  for (const [name, text, mode, budget, warmUp] of [
    ['generated 15 KB', small, 'replace', 5, 200],
    ['typing 15 KB', small, 'type', 5, 200],
    ['generated 1 MB', large, 'replace', 20, 30],
    ['typing 1 MB', large, 'type', 20, 30],
  ] as const) {
    const talkdown = await talkdownThroughServer(text, mode, warmUp);
    let row = name.padEnd(18) + talkdown.warm.toFixed(2).padStart(10) + talkdown.first.toFixed(2).padStart(8);
    for (const peer of list) {
      const ms = await timeEach(text, mode, peer.check, text.length > 100_000 ? 11 : EDITS);
      row += ms.toFixed(2).padStart(20) + (talkdown.warm / ms).toPrecision(3).padStart(7);
    }
    console.log(`${row}   ≤ ${budget} ms ${talkdown.warm <= budget ? 'ok' : 'OVER'}`);
  }
}

if (require.main === module) void benchKeystroke();
