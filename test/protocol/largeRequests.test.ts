import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol/node';
import { generatePost } from '../bench/generate';
import { ServerUnderTest } from './lspClient';

/**
 * A request on a large post itself (its outline) needs the post's model, built on the main
 * thread: the server builds it in slices, so requests on other documents are answered
 * meanwhile, and a request cancelled while it waits answers RequestCancelled. The post is an
 * ordinary one of 2 MB with a long deadline, so that the build is surely slow (seconds on any
 * machine) and not cut early. As in responsive.test.ts, what is checked does not depend on the
 * machine's speed: hovers were answered while the outline was built, and the slowest one took
 * a small share of it. The median bound is looser than that test's: here the main thread is
 * busy the whole time, and each hover waits for the slice under way (a few milliseconds, more
 * on a loaded machine or during a collection).
 */
const FRONT = '---\ntitle: "A recap"\ndate: 2024-01-01\n---\n\n';

describe('requests on a large post do not block the others', () => {
  let server: ServerUnderTest;
  const calm = 'file:///site/calm.md';
  const large = 'file:///site/large.md';
  let outlineMs = 0;

  before(async () => {
    server = new ServerUnderTest();
    server.settings = { analysis: { deadlineMs: 60_000 } };
    await server.initialize('file:///site');
    const published = server.diagnostics(calm);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: calm, languageId: 'markdown', version: 1, text: FRONT + '## Day 1\n\nA talk about tests.\n' } });
    await published;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: large, languageId: 'markdown', version: 1, text: generatePost(2_000_000) } });
  });

  after(() => {
    if (server.process.exitCode === null) server.kill();
  });

  it('answers hovers on another document while the outline of a 2 MB post is built', async () => {
    const started = performance.now();
    let done = false;
    const outline = server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: large } }).finally(() => (done = true));
    const latencies: number[] = [];
    while (!done && performance.now() - started < 100_000) {
      const t = performance.now();
      await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: calm }, position: { line: 5, character: 4 } });
      if (!done) latencies.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const symbols = (await outline) as { name: string }[];
    outlineMs = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const median = latencies[latencies.length >> 1];
    const slowest = latencies[latencies.length - 1];
    const report = `${latencies.length} hovers during ${outlineMs.toFixed(0)} ms of outline: median ${median?.toFixed(1)} ms, slowest ${slowest?.toFixed(1)} ms`;
    console.log(report);
    assert.ok(symbols.length > 10, `${symbols.length} symbols`);
    assert.ok(latencies.length >= 5, report);
    assert.ok(slowest < outlineMs / 4, report);
    assert.ok(median < 150, report);
  });

  it('answers a request on the large post cancelled while it waits with RequestCancelled', async () => {
    // Another large post, whose model is built from nothing (smaller: its build need only outlast 50 ms).
    const other = 'file:///site/other-large.md';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: other, languageId: 'markdown', version: 1, text: generatePost(500_000) } });
    const source = new CancellationTokenSource();
    const request = server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: other } }, source.token);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const cancelledAt = performance.now();
    source.cancel();
    const error = await request.then(
      () => undefined,
      (e: unknown) => e,
    );
    const waited = performance.now() - cancelledAt;
    assert.ok(error instanceof ResponseError, `answered ${String(error)}`);
    assert.equal(error.code, LSPErrorCodes.RequestCancelled);
    // The answer came at once, not after the build.
    assert.ok(waited < outlineMs / 4, `the cancellation took ${waited.toFixed(0)} ms; the outline ${outlineMs.toFixed(0)} ms`);
    // The build goes on for the next request.
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: other } })) as unknown[];
    assert.ok(symbols.length > 10);
  });
});
