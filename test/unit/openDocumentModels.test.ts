import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModel, DEFAULT_SETTINGS, modelSteps, type BuildOptions, type DocumentModel, type TextSource } from '../../server/src/core';
import { OpenDocumentModels } from '../../server/src/lsp/openDocumentModels';

const URI = 'file:///site/post.md';

/**
 * A stand-in clock and build: each step costs `stepMs` of the clock, and the build takes
 * `stepCount` steps unless the deadline stops it (then its model says where).
 */
function harness(options: { stepCount?: number; stepMs?: number; deadlineMs?: number; sliceMs?: number } = {}) {
  const { stepCount = 10, stepMs = 5, deadlineMs = 1000, sliceMs = 8 } = options;
  let clock = 0;
  const documents = new Map<string, TextDocument>([[URI, TextDocument.create(URI, 'markdown', 1, '# A post\n')]]);
  const builds: { version: number; text: string; options: BuildOptions; steps: number }[] = [];
  let yields = 0;
  const pending: (() => void)[] = [];
  function* steps(source: TextSource, buildOptions: BuildOptions): Generator<void, DocumentModel> {
    const record = { version: source.version, text: source.getText(), options: buildOptions, steps: 0 };
    builds.push(record);
    let cut = false;
    for (let i = 0; i < stepCount; i++) {
      if (buildOptions.deadline && clock >= buildOptions.deadline.at) {
        cut = true;
        break;
      }
      clock += stepMs;
      record.steps++;
      yield;
    }
    const model = buildModel(source, { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    return cut ? { ...model, cut: { reason: 'deadline', offset: 0, deadlineMs } } : model;
  }
  const models = new OpenDocumentModels((uri) => documents.get(uri), () => undefined, {
    deadlineMs: () => deadlineMs,
    sliceMs,
    now: () => clock,
    // The event loop, held by the test: `turn()` lets the builds go on by one slice.
    yieldToEvents: () => {
      yields++;
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    steps,
  });
  const turn = async () => {
    for (const resolve of pending.splice(0)) resolve();
    await new Promise((resolve) => setImmediate(resolve));
  };
  const settle = async () => {
    for (let i = 0; i < 1000 && (pending.length > 0 || i < 2); i++) await turn();
  };
  const edit = (text: string) => {
    const document = documents.get(URI)!;
    documents.set(URI, TextDocument.update(document, [{ text }], document.version + 1));
  };
  return { models, builds, edit, turn, settle, yields: () => yields, close: () => documents.delete(URI) };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

describe('OpenDocumentModels', () => {
  it('builds in slices, letting the event loop run between them', async () => {
    const h = harness({ stepCount: 10, stepMs: 5, sliceMs: 8 });
    const model = h.models.get(URI);
    await h.settle();
    assert.equal((await model)?.version, 1);
    // 10 steps of 5 ms in slices of 8 ms: one yield after every second step.
    assert.equal(h.yields(), 5);
    assert.equal(h.builds.length, 1);
  });

  it('shares one build among the requests on a version, and keeps its model', async () => {
    const h = harness();
    const a = h.models.get(URI);
    await h.turn();
    const b = h.models.get(URI);
    await h.settle();
    assert.equal(await a, await b);
    assert.equal(await h.models.get(URI), await a);
    assert.equal(h.builds.length, 1);
    assert.equal(h.models.builtModel(URI), await a);
  });

  it('answers a cancelled request with RequestCancelled, and the others with the model', async () => {
    const h = harness();
    const source = new CancellationTokenSource();
    const cancelledOne = h.models.get(URI, source.token);
    const other = h.models.get(URI, new CancellationTokenSource().token);
    await h.turn();
    source.cancel();
    const error = await rejection(cancelledOne);
    assert.ok(error instanceof ResponseError);
    assert.equal(error.code, LSPErrorCodes.RequestCancelled);
    await h.settle();
    assert.equal((await other)?.version, 1);
    assert.equal(h.builds.length, 1);
  });

  it('refuses at once a request cancelled before it asks', async () => {
    const h = harness();
    const source = new CancellationTokenSource();
    source.cancel();
    const error = await rejection(h.models.get(URI, source.token));
    assert.equal((error as ResponseError<void>).code, LSPErrorCodes.RequestCancelled);
  });

  it('gives the build the analysis deadline, and keeps the partial model it cut there', async () => {
    const h = harness({ stepCount: 1000, stepMs: 5, deadlineMs: 100 });
    const model = h.models.get(URI);
    await h.settle();
    assert.deepEqual((await model)?.cut, { reason: 'deadline', offset: 0, deadlineMs: 100 });
    assert.equal(h.builds[0].options.deadline?.ms, 100);
    assert.equal(h.builds[0].steps, 20);
    // The same version is not built again; the next one builds on it.
    assert.equal(await h.models.get(URI), await model);
    h.edit('# An edited post\n');
    const next = h.models.get(URI);
    await h.settle();
    assert.equal((await next)?.version, 2);
    assert.equal(h.builds[1].options.previous, await model);
  });

  it('stops the build of a version nobody waits for once the document moved on', async () => {
    const h = harness({ stepCount: 100, stepMs: 5 });
    const source = new CancellationTokenSource();
    const first = h.models.get(URI, source.token);
    await h.turn();
    source.cancel();
    await rejection(first);
    h.edit('# Edited\n');
    const second = h.models.get(URI);
    await h.settle();
    assert.equal((await second)?.version, 2);
    assert.ok(h.builds[0].steps < 100, `the stale build ran ${h.builds[0].steps} steps`);
    assert.equal(h.builds[1].text, '# Edited\n');
  });

  it('finishes an older version for the requests still waiting for it', async () => {
    const h = harness({ stepCount: 20, stepMs: 5 });
    const first = h.models.get(URI);
    await h.turn();
    h.edit('# Edited\n');
    const second = h.models.get(URI);
    await h.settle();
    assert.equal((await first)?.version, 1);
    assert.equal((await second)?.version, 2);
    assert.equal(h.builds[0].steps, 20);
    assert.equal(h.models.builtModel(URI)?.version, 2);
  });

  it('answers undefined when the document closes during the build', async () => {
    const h = harness({ stepCount: 100 });
    const model = h.models.get(URI);
    await h.turn();
    h.close();
    h.models.forget(URI);
    await h.settle();
    assert.equal(await model, undefined);
    assert.equal(h.models.builtModel(URI), undefined);
  });

  it('builds a real post the way buildModel does, cut short by the clock', async () => {
    const text = '---\ntitle: A recap\n---\n\n' + Array.from({ length: 40 }, (_, i) => `## Talk ${i}\n\nSome words about [it](https://example.com/${i}).\n`).join('\n');
    const document = TextDocument.create(URI, 'markdown', 1, text);
    let clock = 0;
    const models = new OpenDocumentModels(() => document, () => undefined, { deadlineMs: () => 10_000, now: () => (clock += 1) });
    const full = await models.get(URI);
    const whole = buildModel(document, { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    assert.deepEqual(full?.headings.map((h) => h.text), whole.headings.map((h) => h.text));
    assert.equal(full?.cut, undefined);
    // A deadline of 30 ticks: some sections parsed, the rest left unparsed after the cut.
    const short = new OpenDocumentModels(() => document, () => undefined, { deadlineMs: () => 30, now: () => (clock += 1), steps: modelSteps });
    const cut = await short.get(URI);
    assert.ok(cut?.cut, 'the model says where it was cut');
    assert.ok(cut.headings.length > 0 && cut.headings.length < whole.headings.length, `${cut.headings.length} headings`);
  });
});
