import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel, DEFAULT_SETTINGS, type DocumentModel } from '../../server/src/core';
import { documentSymbols, foldingRanges, hover, SymbolKind, workspaceSymbols, type DocumentSymbol } from '../../server/src/core/features/outline';
import { TalkIndex } from '../../server/src/core/features/talkIndex';
import { extractTalks } from '../../server/src/core/model/talks';
import { structureFamily } from '../../server/src/core/rules/structure';
import { runRules } from '../../server/src/core/rules/run';
import { testSession } from '../support/session';
import { lines, source } from './util';

function modelOf(text: string, uri?: string): DocumentModel {
  return buildModel(source(text, uri), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
}

const POST = lines(
  '---', // 0
  'title: "KubeCon recap"',
  'tags: [kubecon]',
  '---',
  '',
  '## Day 1', // 5
  '',
  '### Tracing without tears (Ada Lovelace, Example Corp; Alan Turing, Example Corp)', // 7
  '',
  '[Video Link](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=95)', // 9
  '',
  'Notes on tracing.',
  '',
  '### [Profiles everywhere](https://vimeo.com/123456789) - Grace Hopper', // 13
  '',
  '- one',
  '- two',
  '- three',
  '- four',
  '',
  '## Closing thoughts', // 20
  '',
  'See you next year.',
);

/** name [kind] detail @startLine-endLine, nested by indentation. */
function outlineOf(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [
    `${indent}${s.name} [${s.kind}]${s.detail ? ' ' + s.detail : ''} @${s.range.start.line}-${s.range.end.line}`,
    ...outlineOf(s.children ?? [], indent + '  '),
  ]);
}

describe('document symbols', () => {
  it('nests front matter fields, sections and talks, with talk details', () => {
    assert.deepEqual(outlineOf(documentSymbols(modelOf(POST))), [
      'front matter [2] YAML @0-3',
      '  title [7] "KubeCon recap" @1-1',
      '  tags [7] [kubecon] @2-2',
      'Day 1 [3] @5-18',
      '  Tracing without tears [24] Ada Lovelace, Alan Turing · Example Corp · YouTube @7-11',
      '  Profiles everywhere [24] Grace Hopper · Vimeo @13-18',
      'Closing thoughts [3] @20-22',
    ]);
  });

  it('selects the title inside the talk’s range', () => {
    const model = modelOf(POST);
    const talk = documentSymbols(model)[1].children![0];
    assert.equal(talk.kind, SymbolKind.Event);
    assert.deepEqual(talk.selectionRange, { start: { line: 7, character: 4 }, end: { line: 7, character: 25 } });
    assert.deepEqual(talk.range.start, { line: 7, character: 0 });
  });

  it('never gives an empty name, and cuts very long ones', () => {
    const long = 'Scaling '.repeat(1000).trim();
    const symbols = documentSymbols(modelOf(lines('## 🎤', '', 'Karaoke night.', '', `## [${long}](https://youtu.be/AbCdEfGhIjK)`)));
    assert.equal(symbols[0].name, '🎤');
    assert.equal(symbols[1].name.length, 200);
    assert.ok(symbols[1].name.endsWith('…'));
  });

  it('gives nothing but the front matter for a document too large to parse', () => {
    const model = buildModel(source(POST), { maxFileSize: 100 });
    assert.deepEqual(documentSymbols(model).map((s) => s.name), ['front matter']);
  });
});

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

describe('structure rules', () => {
  const run = (code: string, text: string) => {
    const model = modelOf(text);
    const session = testSession();
    return runRules({ model, settings: DEFAULT_SETTINGS, session, workspace: session.workspace }, [structureFamily])
      .filter((f) => f.code === code)
      .map((f) => text.slice(f.span.start, f.span.end));
  };

  it('structure/talk-without-link reports talks with no video, slides or page link', () => {
    const text = lines(
      '### Tracing without tears (Ada Lovelace, Example Corp)',
      '',
      'No link.',
      '',
      '### [Profiles everywhere](https://youtu.be/AbCdEfGhIjK)',
      '',
      '### Scheduling (Alan Turing, Example Org)',
      '',
      '[Slides](https://speakerdeck.com/example/scheduling)',
    );
    assert.deepEqual(run('structure/talk-without-link', text), ['Tracing without tears']);
  });

  it('an embedded player in the generator\'s syntax counts as the talk\'s video', () => {
    const text = lines(
      '### Tracing without tears (Ada Lovelace, Example Corp)',
      '',
      '{{< youtube AbCdEfGhIjK >}}',
      '',
      '### Profiles everywhere (Alan Turing, Example Org)',
      '',
      '{% include youtube.html id="ZyXwVuTsRqP" %}',
      '',
      '### Scheduling (Grace Hopper, Example Co)',
      '',
      '{{< vimeo 123456789 >}}',
      '',
      '### Not a video (Edsger Dijkstra, Example Inc)',
      '',
      '{{< youtube-nocookie >}} is a shortcode some sites add.',
    );
    assert.deepEqual(run('structure/talk-without-link', text), ['Not a video']);
  });

  it('structure/talk-without-speakers reports only when most talks name speakers', () => {
    const most = lines(
      '## A talk (Ada Lovelace, Example Corp)',
      '',
      '## B talk (Alan Turing, Example Org)',
      '',
      '## [C talk](https://youtu.be/AbCdEfGhIjK)',
    );
    assert.deepEqual(run('structure/talk-without-speakers', most), ['C talk']);
    const few = lines('## [A](https://youtu.be/AbCdEfGhIjK)', '', '## [B](https://youtu.be/ZyXwVuTsRqP)', '', '## C (Ada Lovelace, Example Corp)');
    assert.deepEqual(run('structure/talk-without-speakers', few), []);
  });

  it('has a documentation page for each code', async () => {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const code of structureFamily.checks.flatMap((c) => Object.keys(c.codes))) {
      const rule = { code };
      assert.ok(existsSync(join(__dirname, '..', '..', 'docs', 'rules', `${rule.code}.md`)), rule.code);
    }
  });
});
