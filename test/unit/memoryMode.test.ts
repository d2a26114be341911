import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { ANALYSIS_WORKER_LIMITS, HeapMode } from '../../server/src/node/memoryMode';

/** The young generation of a worker started now, in MB, once allocation has grown it to its largest. */
function workerNewSpaceMb(): Promise<number> {
  const code = `const v8 = require('node:v8'); const kept = []; for (let i = 0; i < 2e6; i++) kept.push({ i }); const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space'); require('node:worker_threads').parentPort.postMessage(space.space_size);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (size: number) => {
      resolve(size / 1024 / 1024);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

test('a worker started while the writer types gets a full-size young generation, not the small heap’s', async () => {
  const mode = new HeapMode(true);
  try {
    const before = await workerNewSpaceMb();
    mode.preferSmall();
    assert.ok((await workerNewSpaceMb()) < before, 'the small heap makes small young spaces');
    mode.typing();
    // Turning the small heap off also undoes the semi-space size it implied.
    assert.equal(await workerNewSpaceMb(), before);
  } finally {
    mode.dispose();
  }
});

test('the analysis worker gets a young generation twice V8’s default, for what a long post’s analysis makes', async () => {
  const code = `const v8 = require('node:v8'); const kept = []; for (let i = 0; i < 4e6; i++) kept.push({ i }); const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space'); require('node:worker_threads').parentPort.postMessage(space.space_size);`;
  const newSpaceMb = (options: object) =>
    new Promise<number>((resolve, reject) => {
      const worker = new Worker(code, { eval: true, ...options });
      worker.once('message', (size: number) => {
        resolve(size / 1024 / 1024);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
  const plain = await newSpaceMb({});
  assert.equal(await newSpaceMb({ resourceLimits: ANALYSIS_WORKER_LIMITS }), plain * 2);
});
