import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/core';
import { AnalysisWorker, HARD_MARGIN_MS } from '../../server/src/lsp/analysisWorker';

/**
 * The worker's protocol with a stand-in worker script: a text that says `hang` never finishes
 * (a section the parser cannot get through), any other gets one finding that echoes the text.
 */
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
const texts = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'text') { const old = texts.get(m.uri) ?? ''; texts.set(m.uri, old.slice(0, m.start) + m.insert + old.slice(m.end)); }
  if (m.type === 'analyse') {
    parentPort.postMessage({ type: 'started', id: m.id });
    const text = texts.get(m.uri);
    if (text.includes('hang')) for (;;);
    parentPort.postMessage({ type: 'result', id: m.id, findings: [{ code: 'test/echo', message: text }] });
  }
});
`;

describe('the analysis worker', () => {
  let dir: string;
  let worker: AnalysisWorker;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'talkdown-worker-'));
    writeFileSync(join(dir, 'analysisWorker.js'), STAND_IN);
    worker = new AnalysisWorker(join(dir, 'analysisWorker.js'), () => ({ roots: [] }));
  });
  after(async () => {
    await worker.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns findings, and sends only what changed of a text it holds', async () => {
    const first = await worker.analyse('file:///a.md', 1, '# One\n', DEFAULT_SETTINGS, 1000);
    assert.deepEqual(first, { findings: [{ code: 'test/echo', message: '# One\n' }] });
    const second = await worker.analyse('file:///a.md', 2, '# One more\n', DEFAULT_SETTINGS, 1000);
    assert.deepEqual(second, { findings: [{ code: 'test/echo', message: '# One more\n' }] });
  });

  it('stops a worker stuck past the deadline, and starts a new one for the next request', async () => {
    const started = performance.now();
    const stuck = await worker.analyse('file:///b.md', 1, 'hang', DEFAULT_SETTINGS, 50);
    assert.deepEqual(stuck, { timedOut: true });
    assert.ok(performance.now() - started >= 50 + HARD_MARGIN_MS - 5);
    assert.equal(worker.restarts, 1);
    // The new worker holds no text yet: the whole text goes again.
    const next = await worker.analyse('file:///a.md', 3, '# Fine\n', DEFAULT_SETTINGS, 1000);
    assert.deepEqual(next, { findings: [{ code: 'test/echo', message: '# Fine\n' }] });
  });

  it('drops a queued request that a newer version of its document replaces', async () => {
    const blocker = worker.analyse('file:///c.md', 1, 'slow? no', DEFAULT_SETTINGS, 1000);
    const older = worker.analyse('file:///d.md', 1, 'old', DEFAULT_SETTINGS, 1000);
    const newer = worker.analyse('file:///d.md', 2, 'new', DEFAULT_SETTINGS, 1000);
    assert.deepEqual(await older, { dropped: 'superseded' });
    assert.deepEqual(await newer, { findings: [{ code: 'test/echo', message: 'new' }] });
    await blocker;
  });

  it('sends small posts to the main thread and large ones to the worker', () => {
    assert.equal(worker.wants(15_000), false);
    assert.equal(worker.wants(1_000_000), true);
    assert.equal(new AnalysisWorker('x', () => ({ roots: [] }), 'never').wants(1_000_000), false);
    assert.equal(new AnalysisWorker('x', () => ({ roots: [] }), 'always').wants(10), true);
  });
});
