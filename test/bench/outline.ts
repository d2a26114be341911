/**
 * Outline benchmarks: document symbols of a 1 MB post (talk extraction included, as on
 * the first request after an edit) and a workspace-symbol query over 2,000 indexed posts.
 */
import { buildModel, DEFAULT_SETTINGS } from '../../server/src/core';
import { documentSymbols } from '../../server/src/core/features/documentSymbols';
import { TalkIndex } from '../../server/src/core/features/talkIndex';
import { extractTalks } from '../../server/src/core/model/talks';
import { generatePost } from './generate';

function median(runs: number, fn: () => void): number {
  fn(); // warm up the JIT on this input
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function benchOutline(): Promise<void> {
  const post = generatePost(1_000_000);
  const options = { maxFileSize: DEFAULT_SETTINGS.maxFileSize };
  const model = () => buildModel({ uri: 'file:///bench.md', version: 1, getText: () => post }, options);
  // A fresh model each run, so that the per-model talk cache does not hide the extraction.
  const models = Array.from({ length: 16 }, model);
  let next = 0;
  const symbolsMs = median(15, () => documentSymbols(models[next++ % models.length]));
  const symbolCount = documentSymbols(models[0]).length;
  console.log(`\noutline: document symbols of a generated 1 MB post (${symbolCount} top-level symbols): median ${symbolsMs.toFixed(2)} ms`);

  // 2,000 posts of about 20 talks. Parsing dominates indexing, so 100 distinct posts are
  // parsed and each is indexed under 20 URIs; the query sees 2,000 documents either way.
  const index = new TalkIndex();
  const start = performance.now();
  for (let p = 0; p < 100; p++) {
    const text = generatePost(9_000 + (p % 7) * 300).replace(/part (\d+)/g, `part $1 of post ${p}`);
    const built = buildModel({ uri: `file:///site/_posts/post-${p}.md`, version: 0, getText: () => text }, options);
    const { talks } = extractTalks(built);
    for (let copy = 0; copy < 20; copy++) index.update(`file:///site/_posts/post-${p}-${copy}.md`, talks, built.lines);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const indexMs = performance.now() - start;
  const queries = ['karpenter', 'priya', 'example corp', 'kbctl', 'post 99', 'no such talk'];
  let q = 0;
  const queryMs = median(30, () => index.query(queries[q++ % queries.length]));
  // The first query after an edit also re-sorts the index.
  const editedText = generatePost(9_000);
  const editedModel = buildModel({ uri: 'file:///site/_posts/post-0-0.md', version: 1, getText: () => editedText }, options);
  const edited = { talks: extractTalks(editedModel).talks, lines: editedModel.lines };
  const afterEdit = median(10, () => {
    index.update('file:///site/_posts/post-0-0.md', edited.talks, edited.lines);
    index.query('cilium');
  });
  console.log(
    `outline: workspace symbols over 2,000 posts (${index.talkCount} talks; 100 parsed in ${indexMs.toFixed(0)} ms): median query ${queryMs.toFixed(2)} ms, first query after an edit ${afterEdit.toFixed(2)} ms (budget 50 ms)`,
  );
}
