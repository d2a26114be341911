/**
 * npm run soak: the language server's memory over a long session. 10,000 distinct edits to a
 * 15 KB post and 500 documents opened and closed; the server's RSS, after it is idle and has
 * collected garbage, must grow by at most 10 MB. Then the RSS with a generated 2,000-post
 * Jekyll site indexed (budget 150 MB). The server runs as the VS Code client starts it (with
 * its malloc settings, SERVER_ENV); "idle" is as idleMemory says. SOAK_EDITS, SOAK_OPENS and
 * SOAK_POSTS make a smaller run; `npm run soak -- edits` or `-- site` runs one half;
 * SOAK_SNAPSHOT=<prefix> writes heap snapshots (which inflate the RSS that run reports).
 */
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ServerUnderTest } from '../protocol/lspClient';
import { generatePost } from '../bench/generate';
import { generateJekyllSite } from './site';
import { SERVER_ENV } from '../../server/src/node/memoryMode';

const EDITS = Number(process.env.SOAK_EDITS ?? 10_000);
const OPENS = Number(process.env.SOAK_OPENS ?? 500);
const POSTS = Number(process.env.SOAK_POSTS ?? 2_000);
const GROWTH_BUDGET_MB = 10;
const SITE_BUDGET_MB = 150;

interface Memory {
  rss: number;
  maxRss: number;
  heapUsed: number;
  heapTotal: number;
  spaces: Record<string, number>;
  arrayBuffers: number;
  external: number;
  linkFiles: number;
  linksReady: boolean;
  talks: number;
  documents: number;
}

/** The server as the VS Code client starts it (its environment), with the debug requests on. */
export function debugServer(): ServerUnderTest {
  return new ServerUnderTest({ execArgv: ['--expose-gc', ...(process.env.SOAK_NODE_FLAGS ?? '').split(' ').filter(Boolean)], env: { ...SERVER_ENV, TALKDOWN_DEBUG_REQUESTS: '1' } });
}

/**
 * The server's memory once it is idle: 300 ms without requests, then (in the server) three
 * full collections, 10 s of quiet (freed pages go back to the system, and V8 sees a low
 * allocation rate, as in an idle editor), and three more, which shrink the young generation.
 */
export async function idleMemory(server: ServerUnderTest, heapSnapshot?: string, settleMs?: number): Promise<Memory> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return server.connection.sendRequest<Memory>('talkdown/debug/memory', { ...(heapSnapshot ? { heapSnapshot } : {}), ...(settleMs === undefined ? {} : { settleMs }) });
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const detail = (m: Memory) => `heapTotal ${mb(m.heapTotal)}, external ${mb(m.external)}, arrayBuffers ${mb(m.arrayBuffers)}, spaces KB ${JSON.stringify(m.spaces)}`;

async function soakEdits(): Promise<boolean> {
  const server = debugServer();
  await server.initialize(null);
  const uri = 'file:///soak/_posts/2024-11-15-recap.md';
  let text = generatePost(15_000);
  let version = 1;
  const first = server.diagnostics(uri);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  await first;
  const start = await idleMemory(server, process.env.SOAK_SNAPSHOT && `${process.env.SOAK_SNAPSHOT}-start.heapsnapshot`);
  const t = performance.now();
  // Distinct edits at a moving place, as typing between words: a space, or a common word,
  // inserted before a space; every other edit takes the previous one back out.
  const spaces: number[] = [];
  for (let at = text.indexOf(' ', 400); at !== -1 && at < text.length - 200; at = text.indexOf(' ', at + 1)) spaces.push(at);
  let undo: { at: number; length: number } | undefined;
  for (let i = 0; i < EDITS; i++) {
    version++;
    let at: number;
    let inserted: string;
    let end = 0;
    if (undo) {
      at = undo.at;
      inserted = '';
      end = undo.length;
      undo = undefined;
    } else {
      at = spaces[(i * 7919) % spaces.length];
      inserted = i % 10 === 0 ? ' the' : ' ';
      undo = { at, length: inserted.length };
    }
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - text.lastIndexOf('\n', at - 1) - 1;
    text = text.slice(0, at) + inserted + text.slice(at + end);
    const published = server.diagnostics(uri, (p) => p.version === version);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + end } }, text: inserted }],
    });
    await published;
    if (i % 1000 === 999) server.published.length = 0;
  }
  const editMs = performance.now() - t;
  for (let i = 0; i < OPENS; i++) {
    const other = `file:///soak/_posts/2024-10-${String((i % 28) + 1).padStart(2, '0')}-note-${i}.md`;
    const published = server.diagnostics(other);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: other, languageId: 'markdown', version: 1, text: `---\ntitle: Note ${i}\ndate: 2024-10-01\n---\n# Note ${i}\n\nSome prose about talk ${i}, with [a link](/x/${i}/).\n` },
    });
    await published;
    const cleared = server.diagnostics(other, (p) => p.diagnostics.length === 0);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: other } });
    await cleared;
  }
  server.published.length = 0;
  const end = await idleMemory(server, process.env.SOAK_SNAPSHOT && `${process.env.SOAK_SNAPSHOT}-end.heapsnapshot`);
  await server.shutdown();
  const growth = (end.rss - start.rss) / 1024 / 1024;
  console.log(`edits: ${EDITS} in ${(editMs / 1000).toFixed(1)} s (${(editMs / EDITS).toFixed(2)} ms each, edit to diagnostics); ${OPENS} documents opened and closed`);
  console.log(`  start: ${detail(start)}; end: ${detail(end)}`);
  console.log(`server RSS idle after GC: start ${mb(start.rss)} MB (heap ${mb(start.heapUsed)}), end ${mb(end.rss)} MB (heap ${mb(end.heapUsed)}), peak ${mb(end.maxRss)} MB; growth ${growth.toFixed(1)} MB (budget ${GROWTH_BUDGET_MB} MB)`);
  return growth <= GROWTH_BUDGET_MB;
}

async function soakSite(): Promise<boolean> {
  const root = generateJekyllSite(POSTS);
  try {
    const server = debugServer();
    const rootUri = pathToFileURL(root).href;
    const t = performance.now();
    await server.initialize(rootUri);
    const uri = `${rootUri}/_posts/2016-01-01-recap-336.md`;
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: generatePost(6_000) },
    });
    // Indexed when the link index is ready and the talk index has stopped growing.
    let memory = await idleMemory(server, undefined, 0);
    let talks = -1;
    while (!memory.linksReady || memory.talks !== talks) {
      talks = memory.talks;
      await new Promise((resolve) => setTimeout(resolve, 500));
      memory = await idleMemory(server, undefined, 0);
    }
    const indexedMs = performance.now() - t;
    memory = await idleMemory(server);
    if (process.env.SOAK_SNAPSHOT) await idleMemory(server, `${process.env.SOAK_SNAPSHOT}-site.heapsnapshot`);
    await server.shutdown();
    console.log(`${POSTS}-post Jekyll site: ${memory.linkFiles} files, ${memory.talks} talks indexed in ~${(indexedMs / 1000).toFixed(1)} s; server RSS idle after GC ${mb(memory.rss)} MB (heap ${mb(memory.heapUsed)}), peak ${mb(memory.maxRss)} MB (budget ${SITE_BUDGET_MB} MB)`);
    console.log(`  ${detail(memory)}`);
    return memory.rss / 1024 / 1024 <= SITE_BUDGET_MB;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  let ok = true;
  if (!only || only === 'edits') ok = (await soakEdits()) && ok;
  if (!only || only === 'site') ok = (await soakSite()) && ok;
  console.log(ok ? 'soak: within budget' : 'soak: OVER BUDGET');
  process.exitCode = ok ? 0 : 1;
}

if (require.main === module) void main();
