import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex, sharedEnds } from '../../server/src/core/text';
import { maskLines } from '../../server/src/core/model/mask';
import { MAX_LINE_LENGTH, MAX_NESTING } from '../../server/src/core/model/document';

// The line index of an edited text is read from the earlier version's where the edit left the
// text as it was: it must answer as an index built afresh.

const piece = fc.constantFrom('a', 'bc', '\n', '\n\n', '# h\n', ' ', 'é', '😀', '\r\n', '\r');
const texts = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

function lineView(index: LineIndex, text: string): string {
  const out: string[] = [];
  for (let line = 0; line < index.lineCount; line++) out.push(`${index.lineStart(line)}-${index.lineEnd(line)}`);
  for (let offset = 0; offset <= text.length; offset++) {
    const p = index.positionAt(offset);
    out.push(`${p.line}:${p.character}`);
  }
  return out.join(' ');
}

describe('line index after an edit', () => {
  it('answers as one built afresh, for any edit', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), texts, (before, a, b, insert) => {
        const start = a % (before.length + 1);
        const end = start + (b % (before.length - start + 1));
        const after = before.slice(0, start) + insert + before.slice(end);
        const ends = sharedEnds(before, after);
        assert.ok(ends.prefix + ends.suffix <= Math.min(before.length, after.length));
        assert.equal(before.slice(0, ends.prefix), after.slice(0, ends.prefix));
        assert.equal(before.slice(before.length - ends.suffix), after.slice(after.length - ends.suffix));
        const incremental = new LineIndex(after, { lines: new LineIndex(before), ends });
        assert.equal(lineView(incremental, after), lineView(new LineIndex(after), after));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the shared ends of long texts in whole chunks and characters', () => {
    const base = 'x'.repeat(10_000) + '\n' + 'y'.repeat(9_000);
    const edited = base.slice(0, 5_000) + 'Z' + base.slice(5_000);
    assert.deepEqual(sharedEnds(base, edited), { prefix: 5_000, suffix: base.length - 5_000 });
    assert.deepEqual(sharedEnds(base, base), { prefix: base.length, suffix: 0 });
  });

  it('masks the lines of an edited text as a masking done afresh does', () => {
    const long = 'w'.repeat(MAX_LINE_LENGTH + 1);
    const deep = '> '.repeat(MAX_NESTING + 1) + 'x';
    const lineish = fc.constantFrom('a', 'bc', '\n', '\n\n', '# h\n', ' ', '😀', '\r\n', long, deep, '- ', '> ');
    const masked = fc.array(lineish, { maxLength: 24 }).map((p) => p.join(''));
    fc.assert(
      fc.property(masked, fc.nat(), fc.nat(), masked, (before, a, b, insert) => {
        const start = a % (before.length + 1);
        const end = start + (b % (before.length - start + 1));
        const after = before.slice(0, start) + insert + before.slice(end);
        const incremental = maskLines(after, { masking: maskLines(before), text: before, ends: sharedEnds(before, after) });
        const fresh = maskLines(after);
        assert.equal(incremental.masked, fresh.masked);
        assert.deepEqual(incremental.longLines, fresh.longLines);
        assert.deepEqual(incremental.deepLines, fresh.deepLines);
      }),
      { numRuns: 1500 },
    );
  });
});
