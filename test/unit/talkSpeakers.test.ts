import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel } from '../../server/src/core';
import { parseSpeakers, parseSpeakersLine, speakerNamesOf } from '../../server/src/core/model/talks';
import { lines, source } from './util';

describe('speakers', () => {
  it('parses speaker lists', () => {
    assert.deepEqual(parseSpeakers('Ada Lovelace')?.speakers, [{ name: 'Ada Lovelace' }]);
    assert.deepEqual(parseSpeakers('Ada Lovelace, Alan Turing')?.speakers, [{ name: 'Ada Lovelace' }, { name: 'Alan Turing' }]);
    assert.deepEqual(parseSpeakers('Ada Lovelace & Alan Turing, Example Corp')?.speakers, [
      { name: 'Ada Lovelace', affiliation: 'Example Corp' },
      { name: 'Alan Turing', affiliation: 'Example Corp' },
    ]);
    assert.deepEqual(parseSpeakers('Jean van der Berg, CNCF; Seth McCombs, AcuityMD')?.speakers, [
      { name: 'Jean van der Berg', affiliation: 'CNCF' },
      { name: 'Seth McCombs', affiliation: 'AcuityMD' },
    ]);
    assert.equal(parseSpeakers('K8s'), undefined);
    assert.equal(parseSpeakers('Part 2'), undefined);
    assert.equal(parseSpeakers('The Hard Way'), undefined);
  });

  it('parses a speakers line, with affiliations in parentheses', () => {
    assert.deepEqual(parseSpeakersLine('Speakers: Jordan Doe (Example Corp), Sam Rivera (Acme Cloud)'), [
      { name: 'Jordan Doe', affiliation: 'Example Corp' },
      { name: 'Sam Rivera', affiliation: 'Acme Cloud' },
    ]);
    assert.deepEqual(parseSpeakersLine('Presented by: Ada Lovelace & Alan Turing, Example Corp'), [
      { name: 'Ada Lovelace', affiliation: 'Example Corp' },
      { name: 'Alan Turing', affiliation: 'Example Corp' },
    ]);
    assert.equal(parseSpeakersLine('Notes on tracing.'), undefined);
  });
});

describe('speakerNamesOf', () => {
  it('holds the whole names and the words of every recognised speaker and affiliation, lower-cased', () => {
    const text = lines(
      '## Tracing without tears (Ada Lovelace, Example Corp)',
      '',
      '[Video](https://youtu.be/AbCdEfGhIjK)',
      '',
      '## [Paved roads](https://youtu.be/ZyXwVuTsRqP)',
      '',
      '**Speakers:** Jordan O’Doe (Acme Cloud)',
      '',
      '## Plain section (not a speaker)',
      '',
      'Prose.',
    );
    const model = buildModel(source(text), { maxFileSize: 1e9 });
    const names = speakerNamesOf(model);
    assert.deepEqual([...names].sort(), ['acme', 'acme cloud', 'ada', 'ada lovelace', 'cloud', 'corp', 'example', 'example corp', 'jordan', 'jordan o’doe', 'lovelace', 'o’doe'].sort());
    assert.equal(speakerNamesOf(model), names, 'computed once per model');
  });
});
