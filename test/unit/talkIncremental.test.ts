import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel, DEFAULT_SETTINGS, type DocumentModel } from '../../server/src/core';
import { documentSymbols } from '../../server/src/core/features/documentSymbols';
import { extractTalks } from '../../server/src/core/model/talks';
import { generatePost } from '../bench/generate';
import { source } from './util';

// Reading talks again after an edit reuses what unchanged sections gave: the outline must be the
// one a fresh reading gives.

const options = { maxFileSize: DEFAULT_SETTINGS.maxFileSize };
const fresh = (text: string) => buildModel(source(text), options);
const next = (text: string, previous: DocumentModel) => buildModel(source(text, undefined, previous.version + 1), { ...options, previous });
const view = (model: DocumentModel) => JSON.stringify({ symbols: documentSymbols(model), talks: extractTalks(model).talks.map((t) => ({ ...t, section: t.section?.title, children: t.children.length })) });

describe('talks after an edit', () => {
  it('give the outline of a fresh reading, edit after edit', () => {
    let text = generatePost(40_000);
    let model = fresh(text);
    view(model);
    const edits: ((t: string) => string)[] = [
      (t) => t.slice(0, t.length >> 1) + 'x' + t.slice(t.length >> 1),
      (t) => t.replace('### Cilium at scale', '### Cilium at scale - Ana Reis and Bo Tran'),
      (t) => t.replace('## Day 1', '## Day 1\n\n### Keynote: Gardens of Code - Ada Quill\n'),
      (t) => t.replace('### Keynote: Gardens of Code - Ada Quill\n', ''),
      (t) => t + '\n\n[ref]: https://www.youtube.com/watch?v=AbCdEfGhIjK\n',
      (t) => t.replace(/\n### [^\n]*\n/, '\n'),
    ];
    for (const edit of edits) {
      text = edit(text);
      model = next(text, model);
      assert.equal(view(model), view(fresh(text)));
    }
  });
});
