import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes } from 'mdast';
import { buildModel, DEFAULT_SETTINGS, parseMarkdown, type DocumentModel } from '../../server/src/core';
import { lines, source } from './util';

/** A tree with document offsets only (line/column are derived data), for comparison. */
function normalize(node: Nodes, delta: number): unknown {
  const { position, ...rest } = node as Nodes & { children?: Nodes[] };
  const out: Record<string, unknown> = { ...rest };
  if (position) out.offsets = [position.start.offset! + delta, position.end.offset! + delta];
  if ('children' in node) out.children = (node.children as Nodes[]).map((c) => normalize(c, delta));
  return out;
}

function sectionalTree(model: DocumentModel): unknown[] {
  return model.sections.flatMap((s) => s.parsed.root.children.map((c) => normalize(c, s.delta)));
}

function assertSameAsWholeParse(text: string): DocumentModel {
  const model = buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
  // micromark drops a BOM before it counts offsets; the model counts it, as editors do.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const whole = parseMarkdown(text).children.map((c) => normalize(c, bom));
  assert.deepEqual(sectionalTree(model), whole);
  return model;
}

const TRICKY = [
  // references and footnotes defined in other sections
  lines('---', 'title: x', '---', 'See [the docs][d] and [d].[^1]', '', '## Talk', 'More [d] and [^1] and [^late].', '', '## Notes', '', '[d]: https://example.dev', '[^1]: A note.', '[^late]: Late note.', ''),
  // a heading inside fenced code and inside an HTML block is not a section start
  lines('# A', '```md', '# not a heading', '```', '', '<div>', '# inside html', '</div>', '', '# B', '~~~', '# still code', '~~~~', 'text', ''),
  // an unclosed fence runs to the end
  lines('# A', 'text', '```', '# code', '## code', ''),
  // HTML comment across a heading line
  lines('# A', '<!--', '# hidden', '-->', '# B', ''),
  // definitions inside lists and quotes, and a definition-like line inside a paragraph
  lines('# A', '[x] and [y] and [z]', '', '## B', '- item', '', '  [x]: /in-list', '', '> [y]: /in-quote', '', 'para', '[z]: /not-a-definition', ''),
  // setext headings, tables, CRLF
  'Day 1\r\n=====\r\n\r\n| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n# Talk\r\ntext [ref]\r\n\r\n[ref]: /r\r\n',
  // case-insensitive labels with inner whitespace
  lines('# A', 'a [Foo  Bar] b', '', '# B', '[foo bar]: /x', ''),
  // headings that are not ATX section starts: indented, no space, escaped
  lines('# A', ' # one space indent', '#hashtag', '\\# escaped', '    # code', ''),
  // a BOM and TOML front matter
  '\uFEFF+++\ntitle = "x"\n+++\n# A\n[^n]\n# B\n[^n]: note\n',
];

describe('sections', () => {
  it('parse to exactly the tree of a whole-document parse', () => {
    for (const text of TRICKY) assertSameAsWholeParse(text);
  });

  it('start at ATX headings outside code and HTML', () => {
    const model = assertSameAsWholeParse(TRICKY[1]);
    assert.deepEqual(
      model.sections.map((s) => model.text.slice(s.span.start, s.span.end).split('\n', 1)[0]),
      ['# A', '# B'],
    );
  });

  it('reuse the parse of every section an edit did not touch', () => {
    const body = Array.from({ length: 30 }, (_, i) => lines(`## Talk ${i}`, `Text of talk ${i} with a [link](https://example.dev/${i}).`, '')).join('\n');
    const text = lines('---', 'title: Recap', '---', body);
    const first = buildModel(source(text, undefined, 1), { maxFileSize: 1e9 });
    const edited = text.replace('Text of talk 17', 'Text of the talk 17');
    const second = buildModel(source(edited, undefined, 2), { previous: first, maxFileSize: 1e9 });
    const reused = second.sections.filter((s, i) => s.parsed === first.sections[i].parsed).length;
    assert.equal(second.sections.length, first.sections.length);
    assert.equal(reused, first.sections.length - 1);
    assert.deepEqual(sectionalTree(second), parseMarkdown(edited).children.map((c) => normalize(c, 0)));
    // Headings and links after the edit moved with it.
    const link = second.links.find((l) => l.url === 'https://example.dev/20');
    assert.ok(link);
    assert.equal(edited.slice(link.span.start, link.span.end), '[link](https://example.dev/20)');
  });

  it('reuse every section around a section that was inserted or deleted', () => {
    const body = Array.from({ length: 12 }, (_, i) => lines(`## Talk ${i}`, `About talk ${i}.`, '')).join('\n');
    const first = buildModel(source(body, undefined, 1), { maxFileSize: 1e9 });
    const inserted = body.replace('## Talk 6', lines('## A new talk', 'Fresh.', '', '## Talk 6'));
    const second = buildModel(source(inserted, undefined, 2), { previous: first, maxFileSize: 1e9 });
    const old = new Set(first.sections.map((s) => s.parsed));
    assert.equal(second.sections.filter((s) => old.has(s.parsed)).length, first.sections.length);
    assert.deepEqual(sectionalTree(second), parseMarkdown(inserted).children.map((c) => normalize(c, 0)));
    const deleted = inserted.replace(lines('## Talk 3', 'About talk 3.', '', ''), '');
    const third = buildModel(source(deleted, undefined, 3), { previous: second, maxFileSize: 1e9 });
    assert.equal(third.sections.filter((s) => second.sections.some((p) => p.parsed === s.parsed)).length, second.sections.length - 1);
    assert.deepEqual(sectionalTree(third), parseMarkdown(deleted).children.map((c) => normalize(c, 0)));
  });

  it('reparse sections whose references change meaning when a definition is added elsewhere', () => {
    const before = lines('# A', 'see [ref]', '', '# B', 'nothing', '');
    const after = lines('# A', 'see [ref]', '', '# B', '[ref]: /x', '');
    const first = buildModel(source(before), { maxFileSize: 1e9 });
    const second = buildModel(source(after, undefined, 2), { previous: first, maxFileSize: 1e9 });
    assert.ok(second.links.some((l) => l.kind === 'linkReference' && l.identifier === 'ref'));
    assert.deepEqual(sectionalTree(second), parseMarkdown(after).children.map((c) => normalize(c, 0)));
  });

  it('collect headings and links with document ranges', () => {
    const text = lines('# Day 1', '', '### [Talk](https://www.youtube.com/watch?v=abcdefghijk)', '', '![slide](img/a.png)[^1]', '', '[^1]: note', '');
    const model = assertSameAsWholeParse(text);
    assert.deepEqual(model.headings.map((h) => [h.depth, h.text]), [[1, 'Day 1'], [3, 'Talk']]);
    assert.deepEqual(
      model.links.map((l) => [l.kind, text.slice(l.span.start, l.span.end)]),
      [
        ['link', '[Talk](https://www.youtube.com/watch?v=abcdefghijk)'],
        ['image', '![slide](img/a.png)'],
        ['footnoteReference', '[^1]'],
        ['footnoteDefinition', '[^1]: note'],
      ],
    );
  });
});
