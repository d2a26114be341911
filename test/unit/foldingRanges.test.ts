import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldingRanges } from '../../server/src/core/features/foldingRanges';
import { modelOf, POST } from './outlineFixture';
import { lines } from './util';

describe('folding ranges', () => {
  it('folds front matter, sections, talks and long lists', () => {
    assert.deepEqual(foldingRanges(modelOf(POST)), [
      { startLine: 0, endLine: 3 },
      { startLine: 5, endLine: 18 },
      { startLine: 7, endLine: 11 },
      { startLine: 13, endLine: 18 },
      { startLine: 15, endLine: 18 },
      { startLine: 20, endLine: 22 },
    ]);
  });

  it('does not fold a list of three items or a one-line section', () => {
    assert.deepEqual(foldingRanges(modelOf(lines('## A', '## B', '', '- 1', '- 2', '- 3'))), [{ startLine: 1, endLine: 5 }]);
  });
});
