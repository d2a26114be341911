import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel, DEFAULT_SETTINGS, type DocumentModel } from '../../server/src/core';
import { MAX_LINE_LENGTH } from '../../server/src/core/model/document';
import { mentions } from '../../server/src/core/model/mentions';
import { analyzeText, lines, source } from './util';

const options = { maxFileSize: DEFAULT_SETTINGS.maxFileSize };
const model = (text: string, previous?: DocumentModel) => buildModel(source(text, undefined, previous ? previous.version + 1 : 1), { ...options, previous });

describe('whether a post mentions a string', () => {
  const body = lines('---', 'title: Recap', '---', '## One', '', 'Plain notes.', '', '## Two', '', 'More notes.', '');

  it('answers as the text does, wherever the string is written', () => {
    assert.equal(mentions(model(body), 'talkdown-'), false);
    assert.equal(mentions(model(body.replace('title: Recap', 'title: Recap # talkdown-disable-line')), 'talkdown-'), true);
    assert.equal(mentions(model(body.replace('More notes.', 'More <!-- talkdown-words: etcd --> notes.')), 'talkdown-words'), true);
    assert.equal(mentions(model(body.replace('Plain notes.', 'Plain notes.' + ' word'.repeat(MAX_LINE_LENGTH / 4) + ' talkdown-')), 'talkdown-'), true);
    const fmLong = body.replace('title: Recap', `title: "${'x'.repeat(MAX_LINE_LENGTH)} talkdown-"`);
    assert.equal(mentions(model(fmLong), 'talkdown-'), true);
  });

  it('sees a string typed into a section it had read before, and one deleted', () => {
    const first = model(body);
    assert.equal(mentions(first, 'talkdown-'), false);
    const typed = model(body.replace('More notes.', 'More notes. <!-- talkdown-disable-line -->'), first);
    assert.equal(mentions(typed, 'talkdown-'), true);
    assert.equal(mentions(model(body, typed), 'talkdown-'), false);
  });

  it('keeps suppression comments working in the sections after the first', () => {
    const text = lines('## One', '', 'Notes.', '', '## Two', '', 'A [dangling][nowhere] reference. <!-- talkdown-disable-line link -->', '');
    assert.deepEqual(analyzeText(text).findings.filter((f) => f.code.startsWith('link/')), []);
    assert.equal(analyzeText(text.replace(' <!-- talkdown-disable-line link -->', '')).findings.filter((f) => f.code === 'link/undefined-reference').length, 1);
  });
});
