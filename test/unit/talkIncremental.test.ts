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

  it('keep the sections an edit left in place, with their blocks, and place the moved ones anew', () => {
    const text = generatePost(20_000);
    const model = fresh(text);
    view(model);
    const at = text.indexOf('\n', text.length >> 1);
    // Replaced in place: every section stays where it was, but the edited one.
    assert.notEqual(text[at - 1], 'x');
    const replaced = next(text.slice(0, at - 1) + 'x' + text.slice(at), model);
    const edited = replaced.sections.findIndex((s) => s.span.start <= at && at < s.span.end);
    replaced.sections.forEach((s, i) => assert.equal(s === model.sections[i], i !== edited, `section ${i}`));
    assert.equal(view(replaced), view(fresh(replaced.text)));
    // Typed: the sections after the edit move, and are placed again.
    const typed = next(replaced.text.slice(0, at) + 'yz' + replaced.text.slice(at), replaced);
    typed.sections.forEach((s, i) => assert.equal(s === replaced.sections[i], i < edited, `section ${i}`));
    assert.equal(view(typed), view(fresh(typed.text)));
  });
});
