import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../server/src/core';
import { documentSymbols } from '../../server/src/core/features/documentSymbols';
import { SymbolKind } from '../../server/src/core/features/symbolKind';
import { modelOf, outlineOf, POST } from './outlineFixture';
import { lines, source } from './util';

describe('document symbols', () => {
  it('gives the front matter as one entry, then sections and talks, with talk details', () => {
    assert.deepEqual(outlineOf(documentSymbols(modelOf(POST))), [
      'Front matter [2] KubeCon recap @0-3',
      'Day 1 [3] @5-18',
      '  Tracing without tears [24] Ada Lovelace, Alan Turing · Example Corp · YouTube @7-11',
      '  Profiles everywhere [24] Grace Hopper · Vimeo @13-18',
      'Closing thoughts [3] @20-22',
    ]);
  });

  it('selects the title inside the talk’s range', () => {
    const model = modelOf(POST);
    const talk = documentSymbols(model)[1].children![0];
    assert.equal(talk.kind, SymbolKind.Event);
    assert.deepEqual(talk.selectionRange, { start: { line: 7, character: 4 }, end: { line: 7, character: 25 } });
    assert.deepEqual(talk.range.start, { line: 7, character: 0 });
  });

  it('never gives an empty name, and cuts very long ones', () => {
    const long = 'Scaling '.repeat(1000).trim();
    const symbols = documentSymbols(modelOf(lines('## 🎤', '', 'Karaoke night.', '', `## [${long}](https://youtu.be/AbCdEfGhIjK)`)));
    assert.equal(symbols[0].name, '🎤');
    assert.equal(symbols[1].name.length, 200);
    assert.ok(symbols[1].name.endsWith('…'));
  });

  it('gives nothing but the front matter for a document too large to parse', () => {
    const model = buildModel(source(POST), { maxFileSize: 100 });
    assert.deepEqual(documentSymbols(model).map((s) => s.name), ['Front matter']);
  });

  it('keeps the talks first in view after a front matter of many fields', () => {
    const fields = ['layout: post', 'title: "Notes: a long day"', 'date: 2024-11-15 09:30:00 -0500', 'author: Ada', 'tags: [kubecon, cloud]', 'categories: [conferences]', 'description: What I saw', 'image: /img/x.png', 'comments: true', 'published: true'];
    const symbols = documentSymbols(modelOf(lines('---', ...fields, '---', '', '## [Tracing without tears](https://youtu.be/AbCdEfGhIjK) (Ada Lovelace)', '', 'Notes.')));
    assert.deepEqual(symbols.map((s) => [s.name, s.kind, s.detail, s.children?.length ?? 0]), [
      ['Front matter', SymbolKind.Module, 'Notes: a long day · 2024-11-15', 0],
      ['Tracing without tears', SymbolKind.Event, 'Ada Lovelace · YouTube', 0],
    ]);
    // Without a title or date, the detail names the format.
    assert.equal(documentSymbols(modelOf(lines('+++', 'draft = true', '+++', '', 'Text.')))[0].detail, 'TOML');
  });
});
