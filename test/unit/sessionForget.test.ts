import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, SessionKey } from '../../server/src/core';
import { sessionFor, testSession } from '../support/session';
import { ListingMemoryWorkspace } from '../support/workspace';
import { testDictionary } from '../support/dictionary';
import { source } from './util';

const A = 'file:///site/_posts/2024-05-01-a.md';
const B = 'file:///site/_posts/2024-05-02-b.md';

describe('a closed document in the session', () => {
  it('is taken out of the state kept per document, and only of that', () => {
    const session = testSession();
    const PER_DOCUMENT = new SessionKey('test/per-document', () => new Map<string, number>(), {}, { forget: (map, uri) => map.delete(uri) });
    const WHOLE = new SessionKey('test/whole', () => new Map<string, number>());
    session.state(PER_DOCUMENT).set(A, 1).set(B, 2);
    session.state(WHOLE).set(A, 1);
    session.forgetDocument(A);
    assert.deepEqual([...session.state(PER_DOCUMENT).keys()], [B]);
    assert.deepEqual([...session.state(WHOLE).keys()], [A]);
  });

  it('has its editor settings and its resolved settings dropped', () => {
    const session = testSession();
    session.setEditorSettings({ maxFileSize: 10 }, A);
    assert.equal(session.settingsFor(A).maxFileSize, 10);
    session.forgetDocument(A);
    assert.notEqual(session.settingsFor(A).maxFileSize, 10);
  });

  it('is analysed as before when it is opened again', () => {
    const files = { 'file:///site/_config.yml': 'title: x\npermalink: pretty\n', 'file:///site/about.md': '# About\n' };
    const session = sessionFor(new ListingMemoryWorkspace(files, ['file:///site']));
    const text = '---\ntitle: A\n---\n# A\n\nSee [about](/about/) and [gone](/gone/).\n';
    const links = () => analyze(session, source(text, A)).findings.filter((f) => f.code.startsWith('link/')).map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);
    const before = links();
    assert.deepEqual(before, ['link/no-such-file /gone/']);
    session.forgetDocument(A);
    assert.deepEqual(links(), before);
  });

  it('is spell-checked as before when it is opened again (its word counts and form index were let go)', () => {
    const session = testSession({ dictionary: testDictionary() });
    const text = '---\ntitle: A\n---\n# Notes\n\nWe saw teh talk about Hightower, and Hightwoer was there.\n';
    const spelling = () => analyze(session, source(text, A)).findings.filter((f) => f.code.startsWith('spelling/')).map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);
    const before = spelling();
    assert.ok(before.includes('spelling/likely-typo teh'), before.join('; '));
    session.forgetDocument(A);
    assert.deepEqual(spelling(), before);
  });
});
