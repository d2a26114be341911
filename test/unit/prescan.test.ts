import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SECTION_LINES } from '../../server/src/core/model/document';
import { costlyBlocks } from '../../server/src/core/model/prescan';
import { generatePost } from '../bench/generate';
import { analyzeText, lines } from './util';

describe('the pre-scan bounds what one section costs to parse', () => {
  it('a paragraph of 100,000 lines of *a is one skipped block with a note; the headings and links after it are checked', () => {
    const text = lines('# Recap', '', '## First talk', '*a\n'.repeat(100_000) + '', '## Second talk', '', 'See [the slides]().', '');
    const { findings, model } = analyzeText(text);
    const codes = findings.map((f) => f.code);
    assert.ok(codes.includes('document/dense-markup'), codes.join());
    assert.ok(codes.includes('link/empty-destination'), codes.join());
    assert.deepEqual(model.headings.map((h) => h.text), ['Recap', 'First talk', 'Second talk']);
    const note = findings.find((f) => f.code === 'document/dense-markup')!;
    assert.equal(note.range.start.line, 3);
    assert.match(note.message, /100,000 markup characters/);
  });

  it('50,000 footnote references in one paragraph, and 100,000 lines of [, are skipped likewise', () => {
    for (const body of ['See [^1].\n'.repeat(50_000) + '\n[^1]: The note.\n', '[\n'.repeat(100_000)]) {
      const { findings } = analyzeText(body);
      assert.equal(findings.filter((f) => f.code === 'document/dense-markup').length, 1);
    }
  });

  it('a section of more lines than a parse may take has the rest of it skipped with one note, blank lines too', () => {
    const text = lines('## Talk', '', 'Text.', '\n'.repeat(MAX_SECTION_LINES + 10), 'More [text]().', '', '## Next', '', '[x]()', '');
    const { findings } = analyzeText(text);
    assert.deepEqual(
      findings.map((f) => `${f.code}@${f.range.start.line}`),
      [`document/long-section@${MAX_SECTION_LINES + 2}`, `link/empty-destination@${MAX_SECTION_LINES + 18}`],
    );
  });

  it('an ordinary post of 3 MB, and its sections, are below every limit', () => {
    const text = generatePost(3_000_000);
    assert.deepEqual(costlyBlocks(text, [0], 0).length > 0, true, 'one section of 3 MB is over the limit');
    const starts = [0];
    for (let at = text.indexOf('\n#'); at !== -1; at = text.indexOf('\n#', at + 1)) starts.push(at + 1);
    assert.deepEqual(costlyBlocks(text, starts, 0), []);
  });
});

describe('the analysis deadline', () => {
  it('stops parsing at half the deadline; the sections after the cut are one unparsed section, with one note where it stopped', async () => {
    const { AnalysisSession, analyze, DEFAULT_SETTINGS, fixedClock, MemoryWorkspace } = await import('../../server/src/core');
    // Each reading of the clock moves it on by 10 ms.
    let now = 0;
    const session = new AnalysisSession({ workspace: new MemoryWorkspace(), clock: fixedClock('2025-06-15T12:00:00Z', () => (now += 10)) });
    const text = Array.from({ length: 200 }, (_, i) => `## Talk ${i}\n\nSee [nothing]().\n`).join('\n');
    const { model, findings } = analyze(session, { uri: 'file:///site/_posts/2024-05-01-a.md', version: 1, getText: () => text }, { settings: DEFAULT_SETTINGS, deadlineMs: 200 });
    const parsed = model.sections.filter((s) => !s.parsed.unparsed);
    assert.ok(parsed.length > 0 && parsed.length < 20, `${parsed.length} sections parsed`);
    assert.equal(model.sections.length, parsed.length + 1);
    assert.equal(model.sections[model.sections.length - 1].span.end, text.length);
    const notes = findings.filter((f) => f.code === 'document/deadline');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].span.start, model.cut?.offset);
    assert.match(notes[0].message, /longer than 200 ms \(setting: talkdown\.analysis\.deadlineMs\)/);
    // No check reads what was not parsed: the empty links of the later talks are not reported.
    assert.equal(findings.filter((f) => f.code === 'link/empty-destination').length, parsed.length);
  });
});
