import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { talkHover as hover } from '../../server/src/core/features/talkHover';
import { modelOf, POST } from './outlineFixture';
import { lines } from './util';

describe('hover', () => {
  const model = modelOf(POST);
  const at = (line: number, character: number) => hover(model, model.lines.offsetAt({ line, character }));

  it('describes a talk on its heading', () => {
    const result = at(7, 10);
    assert.ok(result);
    assert.equal(
      result.contents.value,
      lines('**Tracing without tears**', '', 'Ada Lovelace (Example Corp), Alan Turing (Example Corp)', '', 'YouTube video `AbCdEfGhIjK` at 1:35'),
    );
    assert.deepEqual(result.range.start, { line: 7, character: 0 });
  });

  it('describes the talk on its video link', () => {
    const result = at(9, 3);
    assert.ok(result);
    assert.match(result.contents.value, /^\*\*Tracing without tears\*\*/);
    assert.deepEqual(result.range, { start: { line: 9, character: 0 }, end: { line: 9, character: 62 } });
  });

  it('describes a video linked in prose, and nothing elsewhere', () => {
    const text = lines('Watch [this](https://youtu.be/AbCdEfGhIjK?t=3723) later.');
    const m = modelOf(text);
    assert.equal(hover(m, 8)?.contents.value, 'YouTube video `AbCdEfGhIjK` at 1:02:03');
    assert.equal(at(11, 3), null);
    assert.equal(hover(m, 0), null);
  });
});
