import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS, type Analysis } from '../../server/src/core';
import { sessionFor } from '../support/session';
import { ListingMemoryWorkspace } from '../support/workspace';
import { lines, source } from './util';

// Link findings are kept per section, in its own offsets, and read again only when the section,
// the site, or what the section's links depend on elsewhere in the post (its anchors, its
// definitions) changes. After any edit they must be those of a fresh analysis.

const ROOT = 'file:///site';
const POST = `${ROOT}/_posts/2025-01-10-recap.md`;
const FILES = {
  [`${ROOT}/_config.yml`]: 'title: x\n',
  [`${ROOT}/assets/arch.png`]: '',
};

function linkView(text: string, analysis: Analysis): string[] {
  return analysis.findings.filter((f) => f.code.startsWith('link/')).map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`);
}

/** Applies the edits one after another, each analysed from the previous model, and checks each against a fresh analysis. */
function replay(start: string, edits: ((text: string) => string)[]): string[][] {
  const session = sessionFor(new ListingMemoryWorkspace({ ...FILES, [POST]: start }, [ROOT]));
  const settings = DEFAULT_SETTINGS;
  let text = start;
  let version = 1;
  let previous = analyze(session, source(text, POST, version), { settings }).model;
  const views = [linkView(text, analyze(sessionFor(new ListingMemoryWorkspace({ ...FILES, [POST]: start }, [ROOT])), source(text, POST), { settings }))];
  for (const edit of edits) {
    text = edit(text);
    version++;
    const incremental = analyze(session, source(text, POST, version), { settings, previous });
    const fresh = analyze(sessionFor(new ListingMemoryWorkspace({ ...FILES, [POST]: text }, [ROOT])), source(text, POST), { settings });
    assert.deepEqual(linkView(text, incremental), linkView(text, fresh), `after edit ${version - 1}`);
    views.push(linkView(text, incremental));
    previous = incremental.model;
  }
  return views;
}

const POST_TEXT = lines(
  '---',
  'title: Recap',
  '---',
  '## Alpha talk',
  '',
  'Notes with ![a missing image](/assets/nope.png) and ![a fine one](/assets/arch.png).',
  '',
  '## Beta talk',
  '',
  'See [the first talk](#alpha-talk) and [the glossary][glossary].',
  '',
  '## Gamma talk',
  '',
  '[glossary]: https://example.com/glossary',
  '',
);

describe('link findings after an edit', () => {
  it('move with their section when an edit above it changes its offsets', () => {
    const views = replay(POST_TEXT, [(t) => t.replace('## Alpha talk', '## Alpha talk, with a longer title\n\nAnd a new paragraph.')]);
    assert.deepEqual(views[0], ['link/no-such-file@5:30 "/assets/nope.png"']);
    assert.deepEqual(views[1], ['link/no-such-file@7:30 "/assets/nope.png"', 'link/missing-anchor@11:21 "#alpha-talk"']);
  });

  it('see an anchor go and come back when only another section changed', () => {
    const views = replay(POST_TEXT, [(t) => t.replace('## Alpha talk', '## Alpha session'), (t) => t.replace('## Alpha session', '## Alpha talk')]);
    assert.ok(views[1].some((v) => v.startsWith('link/missing-anchor@')), views[1].join('\n'));
    assert.ok(!views[2].some((v) => v.startsWith('link/missing-anchor@')), views[2].join('\n'));
  });

  it('see a definition in another section removed, and the reference left undefined', () => {
    const views = replay(POST_TEXT, [(t) => t.replace('[glossary]: https://example.com/glossary', 'No definition here.')]);
    assert.ok(!views[0].some((v) => v.startsWith('link/undefined-reference')), views[0].join('\n'));
    assert.ok(views[1].includes('link/undefined-reference@9:53 "glossary"'), views[1].join('\n'));
  });

  it('keep the front matter out of the first section when the front matter grows', () => {
    const views = replay(lines('---', 'title: Recap', '---', 'A [broken](/nowhere/) link.', ''), [(t) => t.replace('title: Recap', 'title: Recap\nimage: /nope.png')]);
    assert.deepEqual(views[0], ['link/no-such-file@3:11 "/nowhere/"']);
    assert.deepEqual(views[1], ['link/no-such-file@4:11 "/nowhere/"']);
  });

  it('read again in a long post only where needed, across runs of sections', () => {
    const sections = Array.from({ length: 100 }, (_, i) => {
      const body = i === 40 || i === 90 ? `A [broken](/nowhere-${i}/) link.` : i === 80 ? 'Back to [the tenth](#talk-10) and [the glossary][glossary].' : i === 95 ? '[glossary]: https://example.com/glossary' : `Notes on talk ${i}.`;
      return `## Talk ${i}\n\n${body}\n`;
    });
    const start = lines('---', 'title: Recap', '---', ...sections);
    const views = replay(start, [
      (t) => t.replace('Notes on talk 5.', 'Notes on talk 5, with more words.'),
      (t) => t.replace('## Talk 10\n', '## Talk ten\n'),
      (t) => t.replace('## Talk ten\n', '## Talk 10\n'),
      (t) => t.replace('[glossary]: https://example.com/glossary', 'Gone.'),
      (t) => t.replace('Notes on talk 60.', 'Notes on [a new broken link](/missing/).'),
    ]);
    const codes = (view: string[]) => view.map((v) => v.split('@')[0]);
    assert.deepEqual(codes(views[1]), ['link/no-such-file', 'link/no-such-file']);
    assert.deepEqual(codes(views[2]), ['link/no-such-file', 'link/missing-anchor', 'link/no-such-file']);
    assert.deepEqual(codes(views[3]), ['link/no-such-file', 'link/no-such-file']);
    assert.deepEqual(codes(views[4]), ['link/no-such-file', 'link/undefined-reference', 'link/no-such-file']);
    assert.deepEqual(codes(views[5]), ['link/no-such-file', 'link/no-such-file', 'link/undefined-reference', 'link/no-such-file']);
  });
});
