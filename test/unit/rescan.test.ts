import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { rescanSections, scanSections, type SectionScan } from '../../server/src/core/model/sections';
import { sharedEnds } from '../../server/src/core/text';

// A section scan of an edited text, made from the earlier version's where the texts agree,
// must be the scan of the whole text.

const line = fc.constantFrom('# Talk\n', '## Day 2\n', 'Some notes.\n', '\n', '```\n', '~~~js\n', '<div>\n', '</div>\n', '<!-- note\n', '-->\n', '[ref]: https://example.com\n', '[^1]: A note.\n', '  - item\n', '    indented\n', '> quote\n', '#hashtag\n', '\r\n');
const doc = fc.array(line, { minLength: 1, maxLength: 30 }).map((lines) => lines.join(''));

function view(scan: SectionScan): string {
  const labels = (map: SectionScan['definitions']) => [...map].map(([id, d]) => `${id}=${d.label}@${[...d.sections].join(',')}`).join(' ');
  return `${scan.starts.join(',')} | ${labels(scan.definitions)} | ${labels(scan.footnotes)}`;
}

describe('section scan after an edit', () => {
  it('is the scan of the whole edited text', () => {
    let rescanned = 0;
    fc.assert(
      fc.property(doc, fc.nat(), fc.nat(), fc.array(line, { maxLength: 4 }).map((l) => l.join('')), (before, a, b, insert) => {
        const start = a % (before.length + 1);
        const end = start + (b % (before.length - start + 1));
        const after = before.slice(0, start) + insert + before.slice(end);
        const again = rescanSections(after, { scan: scanSections(before, 0), length: before.length, ends: sharedEnds(before, after) });
        if (!again) return;
        rescanned++;
        assert.equal(view(again), view(scanSections(after, 0)));
      }),
      { numRuns: 4000 },
    );
    // Many of the edits are read this way (not those in the first section, or near a definition).
    assert.ok(rescanned > 200, `${rescanned} rescans`);
  });
});
