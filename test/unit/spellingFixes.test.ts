import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, codeFixes, DEFAULT_SETTINGS, MemoryWorkspace, runCommand, type AnalysisSession, type FindingRef, type Workspace } from '../../server/src/core';
import { testDictionary } from '../support/dictionary';
import { testSession } from '../support/session';
import { lines } from './util';

const URI = 'file:///site/_posts/2024-05-01-recap.md';
const LIST = 'file:///site/.talkdown/words.txt';

function analyzed(session: AnalysisSession, text: string) {
  return analyze(session, { uri: URI, version: 1, getText: () => text }, { settings: DEFAULT_SETTINGS });
}

function fixesOf(session: AnalysisSession, text: string, pick: (f: FindingRef) => boolean) {
  const { model, findings } = analyzed(session, text);
  const finding = findings.find(pick);
  assert.ok(finding, 'the finding is there');
  const context = { model, settings: DEFAULT_SETTINGS, session, workspace: session.workspace };
  return codeFixes(context, finding.span, [finding]);
}

const TEXT = lines('---', 'title: Notes', '---', '', 'We saw teh talk about the performnce and the the demo with Zorblatt.', '');

describe('spelling quick fixes', () => {
  const session = testSession({ files: {}, roots: ['file:///site'], dictionary: testDictionary() });

  it('a likely typo with one suggestion: the replacement first, preferred and safe; then the word lists and the comment', () => {
    const fixes = fixesOf(session, TEXT, (f) => f.code === 'spelling/likely-typo' && TEXT.slice(f.span.start, f.span.end) === 'performnce');
    assert.deepEqual(
      fixes.map((f) => [f.title, f.isPreferred, f.safe ?? false]),
      [
        ['Change to "performance"', true, true],
        ['Add "performnce" to the workspace dictionary', undefined, false],
        ['Add "performnce" to the user dictionary', undefined, false],
        ['Ignore "performnce" in this document', false, false],
      ],
    );
    const at = TEXT.indexOf('performnce');
    assert.deepEqual(fixes[0].edits, [{ span: { start: at, end: at + 'performnce'.length }, newText: 'performance' }]);
    assert.deepEqual(fixes[1].command, { id: 'talkdown.spelling.addToWorkspaceDictionary', title: 'Add to the workspace dictionary', arguments: [URI, 'performnce'] });
    assert.deepEqual(fixes[2].command, { id: 'talkdown.spelling.addToUserDictionary', title: 'Add to the user dictionary', arguments: ['performnce', URI] });
    const fmEnd = TEXT.indexOf('---', 4) + 4;
    assert.deepEqual(fixes[3].edits, [{ span: { start: fmEnd, end: fmEnd }, newText: '<!-- talkdown-words: performnce -->\n' }]);
  });

  it('several suggestions: at most three replacements, the first preferred, none safe', () => {
    const { model } = analyzed(session, TEXT);
    const context = { model, settings: DEFAULT_SETTINGS, session, workspace: session.workspace };
    const span = { start: 0, end: 3 };
    const fixes = codeFixes(context, span, [{ code: 'spelling/likely-typo', span, data: { word: 'teh', suggestions: ['the', 'ten', 'tea', 'tech'] } }]);
    assert.deepEqual(
      fixes.filter((f) => f.title.startsWith('Change')).map((f) => [f.title, f.isPreferred, f.safe ?? false]),
      [
        ['Change to "the"', true, false],
        ['Change to "ten"', false, false],
        ['Change to "tea"', false, false],
      ],
    );
  });

  it('an unknown word: no replacement is preferred, none is safe', () => {
    const fixes = fixesOf(session, TEXT, (f) => f.code === 'spelling/unknown-word');
    assert.deepEqual(fixes.map((f) => f.title), ['Add "Zorblatt" to the workspace dictionary', 'Add "Zorblatt" to the user dictionary', 'Ignore "Zorblatt" in this document']);
    assert.ok(fixes.every((f) => !f.isPreferred && !f.safe));
  });

  it('a repeated word: one safe, preferred removal', () => {
    const fixes = fixesOf(session, TEXT, (f) => f.code === 'spelling/repeated-word');
    const at = TEXT.indexOf('the the') + 3;
    assert.deepEqual(fixes, [
      { code: 'spelling/repeated-word', findingSpan: { start: at + 1, end: at + 4 }, title: 'Remove the repeated "the"', isPreferred: true, safe: true, edits: [{ span: { start: at, end: at + 4 }, newText: '' }] },
    ]);
  });

  it('"ignore in this document" adds the word to an existing comment', () => {
    const text = lines('A performnce here.', '<!-- talkdown-words: Zorblatt -->', '');
    const ignore = fixesOf(session, text, (f) => f.code === 'spelling/likely-typo').find((f) => f.title.startsWith('Ignore'))!;
    const at = text.indexOf(' -->');
    assert.deepEqual(ignore.edits, [{ span: { start: at, end: at }, newText: ' performnce' }]);
  });

  it('findings whose data is not a spelling finding get no fix', () => {
    const { model } = analyzed(session, TEXT);
    const context = { model, settings: DEFAULT_SETTINGS, session, workspace: session.workspace };
    const span = { start: 0, end: 3 };
    assert.deepEqual(codeFixes(context, span, [{ code: 'spelling/likely-typo', span, data: { word: 3 } }, { code: 'spelling/repeated-word', span }]), []);
  });
});

describe('spelling: the workspace word list command', () => {
  const unknownWords = (session: AnalysisSession) => analyzed(session, TEXT).findings.filter((f) => f.code === 'spelling/unknown-word').map((f) => TEXT.slice(f.span.start, f.span.end));

  it('creates the list in the workspace folder, and the word is accepted once the session hears of the write', () => {
    const workspace = new MemoryWorkspace({}, ['file:///site']);
    const session = testSession({ workspace, dictionary: testDictionary() });
    assert.deepEqual(unknownWords(session), ['Zorblatt']);
    const result = runCommand(session, 'talkdown.spelling.addToWorkspaceDictionary', [URI, 'Zorblatt']);
    assert.deepEqual(result, { ok: true, wrote: [LIST] });
    assert.match(workspace.readText(LIST)!, /^# Words Talkdown accepts.*\nZorblatt\n$/);
    session.filesChanged(result.wrote!.map((uri) => ({ uri, kind: 'changed' as const })));
    assert.deepEqual(unknownWords(session), []);
  });

  it('appends to the nearest existing list, once', () => {
    const workspace = new MemoryWorkspace({ [LIST]: 'Quuxify' }, ['file:///site']);
    const session = testSession({ workspace, dictionary: testDictionary() });
    assert.equal(runCommand(session, 'talkdown.spelling.addToWorkspaceDictionary', [URI, 'Zorblatt']).ok, true);
    assert.equal(runCommand(session, 'talkdown.spelling.addToWorkspaceDictionary', [URI, 'Zorblatt']).ok, true);
    assert.equal(workspace.readText(LIST), 'Quuxify\nZorblatt\n');
  });

  it('answers with a reason when the workspace cannot write, and refuses bad arguments', () => {
    const readOnly: Workspace = { roots: ['file:///site'], readText: () => undefined, exists: () => false };
    const session = testSession({ workspace: readOnly, dictionary: testDictionary() });
    const result = runCommand(session, 'talkdown.spelling.addToWorkspaceDictionary', [URI, 'Zorblatt']);
    assert.equal(result.ok, false);
    assert.match(result.message!, /cannot write/);
    const failing = testSession({ workspace: { ...readOnly, writeText: () => false }, dictionary: testDictionary() });
    assert.equal(runCommand(failing, 'talkdown.spelling.addToWorkspaceDictionary', [URI, 'Zorblatt']).ok, false);
    for (const args of [[], [URI], [URI, ''], [URI, 'two words'], [3, 'word']]) assert.equal(runCommand(session, 'talkdown.spelling.addToWorkspaceDictionary', args).ok, false, JSON.stringify(args));
  });
});

describe('spelling: session state', () => {
  it('word lists are read once, and read again after an event on a word list or a folder', () => {
    const workspace = new MemoryWorkspace({ [LIST]: 'Zorblatt\n' }, ['file:///site']);
    const reads: string[] = [];
    const counting: Workspace = { roots: workspace.roots, exists: (uri) => workspace.exists(uri), readText: (uri) => (reads.push(uri), workspace.readText(uri)) };
    const session = testSession({ workspace: counting, dictionary: testDictionary() });
    const unknown = () => analyzed(session, TEXT).findings.filter((f) => f.code === 'spelling/unknown-word').length;
    assert.equal(unknown(), 0);
    const first = reads.filter((uri) => uri.endsWith('words.txt')).length;
    assert.ok(first > 0);
    workspace.delete(LIST);
    assert.equal(unknown(), 0, 'kept');
    session.filesChanged([{ uri: 'file:///site/_posts/other.md', kind: 'changed' }]);
    assert.equal(unknown(), 0, 'an unrelated change keeps the lists');
    assert.equal(reads.filter((uri) => uri.endsWith('words.txt')).length, first, 'no word list read again');
    session.filesChanged([{ uri: 'file:///site/.talkdown', kind: 'deleted' }]);
    assert.equal(unknown(), 1);
  });

  it('the dictionary is loaded once per session, and a failure is one finding per document', () => {
    let loads = 0;
    const session = testSession({ dictionary: () => (loads++, 'not a dictionary') });
    for (const uri of ['file:///a.md', 'file:///b.md']) {
      const { findings } = analyze(session, { uri, version: 1, getText: () => 'A performnce of the the band, and teh end.' }, { settings: DEFAULT_SETTINGS });
      assert.deepEqual(findings.map((f) => f.code), ['spelling/dictionary-unavailable', 'spelling/repeated-word']);
    }
    assert.equal(loads, 1);
  });
});
