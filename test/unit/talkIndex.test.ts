import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind } from '../../server/src/core/features/symbolKind';
import { TalkIndex } from '../../server/src/core/features/talkIndex';
import { workspaceSymbols } from '../../server/src/core/features/workspaceSymbols';
import { extractTalks } from '../../server/src/core/model/talks';
import { modelOf, POST } from './outlineFixture';
import { lines } from './util';

describe('TalkIndex and workspace symbols', () => {
  const index = new TalkIndex();
  index.updateFromModel(modelOf(POST, 'file:///site/a.md'));
  index.updateFromModel(
    modelOf(
      lines(
        '## Kubectl tricks (Barbara Liskov, Initech)',
        '',
        '[Video](https://youtu.be/ZyXwVuTsRqP)',
        '',
        '## Tracing at Initech (Edsger Dijkstra, Example Labs)',
        '',
        '[Video](https://youtu.be/0123456789_)',
      ),
      'file:///site/b.md',
    ),
  );

  const names = (query: string) => index.query(query).map((t) => t.name);

  it('finds talks by title, best match first', () => {
    assert.deepEqual(names('tracing'), ['Tracing at Initech', 'Tracing without tears']);
    assert.deepEqual(names('TEARS'), ['Tracing without tears']);
  });

  it('finds talks by speaker and by affiliation, after title matches', () => {
    assert.deepEqual(names('liskov'), ['Kubectl tricks']);
    assert.deepEqual(names('example corp'), ['Tracing without tears']);
    // "Initech" is in one title and one affiliation: the title match comes first.
    assert.deepEqual(names('initech'), ['Tracing at Initech', 'Kubectl tricks']);
  });

  it('matches subsequences loosely', () => {
    assert.deepEqual(names('kbctl'), ['Kubectl tricks']);
    assert.deepEqual(names('zzz'), []);
  });

  it('returns locations and details as workspace symbols', () => {
    const [symbol] = workspaceSymbols(index, 'profiles');
    assert.deepEqual(symbol, {
      name: 'Profiles everywhere',
      kind: SymbolKind.Event,
      location: { uri: 'file:///site/a.md', range: { start: { line: 13, character: 0 }, end: { line: 13, character: 69 } } },
      containerName: 'Grace Hopper · Vimeo',
    });
  });

  it('replaces and removes a document’s talks', () => {
    const local = new TalkIndex();
    local.updateFromModel(modelOf(POST, 'file:///site/a.md'));
    assert.equal(local.talkCount, 2);
    assert.deepEqual(local.query('').map((t) => t.name), ['Profiles everywhere', 'Tracing without tears']);
    // Replacing after a query keeps the index's order (it is merged, not rebuilt).
    local.updateFromModel(modelOf('## [Only one](https://youtu.be/AbCdEfGhIjK)\n\n## [Aaa](https://youtu.be/AbCdEfGhIjK)', 'file:///site/a.md'));
    local.updateFromModel(modelOf('## [Zed talk](https://youtu.be/AbCdEfGhIjK)', 'file:///site/b.md'));
    assert.deepEqual(local.query('').map((t) => t.name), ['Aaa', 'Only one', 'Zed talk']);
    local.remove('file:///site/b.md');
    local.remove('file:///site/a.md');
    assert.equal(local.talkCount, 0);
  });

  it('answers over 2,000 posts of 20 talks (its speed is measured by npm run bench)', () => {
    const big = new TalkIndex();
    const text = Array.from({ length: 20 }, (_, i) => `## Talk ${i} about etcd (Speaker Number${i}, Example Corp)\n\n[Video](https://youtu.be/AbCdEfGhIjK)\n`).join('\n');
    const model = modelOf(text);
    const { talks } = extractTalks(model);
    for (let p = 0; p < 2000; p++) big.update(`file:///site/post-${p}.md`, talks, model.lines);
    assert.equal(big.talkCount, 40_000);
    for (const q of ['number7', 'example', 'tlkabt']) assert.ok(big.query(q).length > 0, q);
    assert.ok(big.query('number7').every((t) => /Number7/.test(JSON.stringify(t))));
    assert.deepEqual(big.query('nothing-matches-this'), []);
  });
});
