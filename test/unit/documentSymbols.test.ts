import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../server/src/core';
import { documentSymbols } from '../../server/src/core/features/documentSymbols';
import { SymbolKind } from '../../server/src/core/features/symbolKind';
import { modelOf, outlineOf, POST } from './outlineFixture';
import { lines, source } from './util';

describe('document symbols', () => {
  it('nests front matter fields, sections and talks, with talk details', () => {
    assert.deepEqual(outlineOf(documentSymbols(modelOf(POST))), [
      'front matter [2] YAML @0-3',
      '  title [7] "KubeCon recap" @1-1',
      '  tags [7] [kubecon] @2-2',
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
    assert.deepEqual(documentSymbols(model).map((s) => s.name), ['front matter']);
  });
});
