import { sessionFor } from '../support/session';
/**
 * Inputs the differential fuzzer (test/fuzz/) found, minimised, each with the bug it showed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes } from 'mdast';
import { analyze, buildModel, DEFAULT_SETTINGS, MemoryWorkspace, parseMarkdown, type DocumentModel } from '../../server/src/core';
import { analyzeText, lines, source, summarize } from './util';

/** A tree with document offsets only, as in sections.test.ts. */
function normalize(node: Nodes, delta: number): unknown {
  const { position, ...rest } = node as Nodes & { children?: Nodes[] };
  const out: Record<string, unknown> = { ...rest };
  if (position) out.offsets = [position.start.offset! + delta, position.end.offset! + delta];
  if ('children' in node) out.children = (node.children as Nodes[]).map((c) => normalize(c, delta));
  return out;
}

/** The model's sections parse to the tree of one parse of the whole text. */
function assertSameAsWholeParse(text: string): DocumentModel {
  const model = buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
  const sectional = model.sections.flatMap((s) => s.parsed.root.children.map((c) => normalize(c, s.delta)));
  assert.deepEqual(sectional, parseMarkdown(text).children.map((c) => normalize(c, 0)));
  return model;
}

describe('inputs found by fuzzing', () => {
  it('links and headings of a section parsed after stand-in definitions are where the text has them', () => {
    // Section "## B" references [x], defined in "## C": it is parsed after a stand-in line,
    // and its links' spans were moved back by that line's length.
    const text = lines('# A', '', '## B', 'See [x] and [^n].', '', '### B.1', '', '[y]: /unused', '', '## C', '[x]: /u', '[^n]: A note.', '');
    const model = buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    assert.ok(model.sections[1].parsed.prefixLength > 0);
    const covered = (span: { start: number; end: number }) => text.slice(span.start, span.end);
    assert.deepEqual(
      model.links.map((l) => `${l.kind} ${covered(l.span)}`),
      ['linkReference [x]', 'footnoteReference [^n]', 'definition [y]: /unused', 'definition [x]: /u', 'footnoteDefinition [^n]: A note.'],
    );
    assert.deepEqual(model.headings.map((h) => covered(h.span)), ['# A', '## B', '### B.1', '## C']);
    // The unused definition's finding (and its quick fix, which removes the span) covers it.
    assert.deepEqual(summarize(text, analyzeText(text)).filter((s) => s.startsWith('link/')), ['link/unused-definition@7:0-7:12 "[y]: /unused"']);
  });

  it('a finding never ends before it starts (footnote defined in a quote after stand-ins)', () => {
    const text = '\n# [^2\r\n>> ##### teh {#q}\r\n>> [1]:[foo\n#\n[^2]:[Foo  Bar]:t';
    for (const f of analyzeText(text).findings) assert.ok(f.span.start <= f.span.end, `${f.code} ${JSON.stringify(f.span)}`);
  });

  it('a URL GFM turns into a link after the parse (inside brackets) gets its own span, not the section start', () => {
    // `[https://…]` is a reference that does not resolve; GFM then links the URL in its text,
    // and such links have no position in the tree.
    const text = lines('## Keynote', '', 'Video: [https://youtu.be/dQw4w9WgXcQ] and (slides)[https://example.dev/s], [www.example.dev]', '');
    const model = buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    assert.deepEqual(
      model.links.filter((l) => l.kind === 'link').map((l) => text.slice(l.span.start, l.span.end)),
      ['https://youtu.be/dQw4w9WgXcQ', 'https://example.dev/s', 'www.example.dev'],
    );
    const { findings } = analyze(sessionFor(new MemoryWorkspace()), source(text), { settings: DEFAULT_SETTINGS, externalLinks: () => ({ status: 'unreachable', reason: 'dns' }) });
    const unreachable = findings.filter((f) => f.code === 'link/external-unreachable').map((f) => text.slice(f.span.start, f.span.end));
    assert.deepEqual(unreachable, ['https://youtu.be/dQw4w9WgXcQ', 'https://example.dev/s', 'www.example.dev']);
  });

  it('a URL GFM links after the parse is found where it is written with an escaped colon, not in a later attribute', () => {
    // `https\://…` reads as `https://…`: GFM links the text, and the link has no position. The
    // text as read is not in the source: it was found in the `href` after it, or not at all
    // (then the span was the whole table cell).
    for (const host of ['youtu.be', 'youtu.e']) {
      const text = lines('## Talk', '', '| Talk | Video |', '|---|---|', `| A | https\\://${host}/dQw4w9WgXcQ <a href="https://youtu.be/dQw4w9WgXcQ">the video</a> |`, '');
      const fresh = buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
      const edited = buildModel(source(text, undefined, 2), { maxFileSize: DEFAULT_SETTINGS.maxFileSize, previous: buildModel(source(text.replace(host, 'x' + host)), { maxFileSize: DEFAULT_SETTINGS.maxFileSize }) });
      for (const model of [fresh, edited]) {
        assert.deepEqual(
          model.links.filter((l) => l.kind === 'link').map((l) => text.slice(l.span.start, l.span.end)),
          [`https\\://${host}/dQw4w9WgXcQ`],
        );
      }
    }
  });

  it('a URL GFM links after the parse is found where it is written with a NUL, which it reads as U+FFFD', () => {
    const text = lines('# Kubernetes', '', '- (talk)[https://youtu.\u0000be/dQw4w9WgXcQ] `code [a](nope.png)`', '');
    const model = buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    assert.deepEqual(
      model.links.filter((l) => l.kind === 'link').map((l) => text.slice(l.span.start, l.span.end)),
      ['https://youtu.\u0000be/dQw4w9WgXcQ'],
    );
  });

  it('a reference to a definition in another section resolves when its label starts with a space or folds case', () => {
    // The stand-in test looked for `[` and the label's first word, lower-cased: `[ Foo bar]`
    // and `[SS]` (for `[ß]`) were missed, and parsed as text: undefined, and the definitions unused.
    const text = lines('# A', '', 'See [ foo bar], [talk][ Foo  Bar ], [SS] and [\nfoo\nbar].', '', '## B', '', '[Foo  Bar]: https://example.dev', '[ß]: https://example.dev/ss', '');
    const model = buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    assert.deepEqual(model.links.filter((l) => l.kind === 'linkReference').map((l) => l.identifier), ['foo bar', 'foo bar', 'ss', 'foo bar']);
    assert.deepEqual(summarize(text, analyzeText(text)).filter((s) => s.startsWith('link/')), []);
  });

  it('a fence after a lone carriage return hides the headings after it', () => {
    // The section scan split lines at `\n` only; micromark also ends a line at a lone `\r`,
    // so `~~~` opened a fence the scan did not see, and it cut at `# Not a heading`.
    const text = 'Notes\r~~~\r\n# Not a heading\r\ncode\r\n';
    const model = assertSameAsWholeParse(text);
    assert.equal(model.sections.length, 1);
    assert.deepEqual(model.headings, []);
    assertSameAsWholeParse('x\r# A\r<!--\r# hidden\r-->\r# B\r');
  });

  it('a fence or HTML block opened indented, then a less indented line: no section starts inside what may be code', () => {
    // The scan does not see list items. A fence in a list item closed at column 0 is not
    // closed: the list ends and that line opens a fence running to the end of the post. The
    // scan took it for the close and cut at the headings inside.
    for (const text of [
      lines('- step', '', '  ```sh', '  npm i', '```', '# In code', '```', '# Heading', ''),
      lines('- ```', '  x', '  ```', 'text', '  ```', '# In code', '  ```', ''),
      lines('- a', '  - b', '', '    ```', '    x', '   ```', '# Heading', '   ```', '# In code', '   ```', ''),
      lines('- a', '', '  <!--', '```', '# In code', '-->', '# In code too', '```', ''),
    ]) {
      const model = assertSameAsWholeParse(text);
      assert.ok(!model.headings.some((h) => h.text.startsWith('In code')), text);
    }
    // Code in a list item indented as it should be still lets the next heading start a section.
    const fine = lines('- step', '', '  ```sh', '  # a comment', '  ```', '', '# Next', '');
    assert.equal(assertSameAsWholeParse(fine).sections.length, 2);
  });

  it('a `<tag` line that continues a paragraph does not hide the fence after it', () => {
    // Only some tags open an HTML block after a paragraph line, and any other tag only when
    // it is alone on its line; otherwise the line is text and a fence after it is a fence.
    // The scan read every `<tag` line as an HTML block to the next blank line, missed the
    // fence, and cut at a heading inside it.
    for (const text of [
      lines('Notes', '<span>', '```', '', '# In code', '```', ''),
      lines('<a href="https://youtu.be/dQw4w9WgXcQ">Video</a> and more', '```', '', '# In code', ''),
      lines('Notes', '<em>', '<!--', '', '# In code', '-->', ''),
    ]) {
      const model = assertSameAsWholeParse(text);
      assert.deepEqual(model.headings, [], text);
    }
    // A block tag, or a tag alone on its line after a blank one, is an HTML block, as before.
    assert.equal(assertSameAsWholeParse(lines('<div>', '```', '', '# Heading', '')).sections.length, 2);
    assert.equal(assertSameAsWholeParse(lines('', '<span class="x">', '```', '', '# Heading', '')).sections.length, 2);
  });

  it('a fence whose info string holds U+2028 is a fence to the scan', () => {
    // `.` in the scan's fence pattern does not match a line separator, which micromark
    // reads as an ordinary character: the fence was missed and a heading inside it cut.
    const model = assertSameAsWholeParse('```\u2028\n# In code\n```\n\n# Heading\n');
    assert.deepEqual(model.headings.map((h) => h.text), ['Heading']);
  });

  it('one-line JSON front matter is closed on its line', () => {
    // The close was looked for as a line holding only `}`, from the opening line on: a
    // one-line object was never closed (front-matter/unclosed), or closed by the first `}`
    // line of the body.
    for (const text of [lines('{ "title": "Recap", "tags": ["a", "b"] }', '', 'Body.', ''), lines('{ "title": "Recap" }  ', '', '```', '}', '```', '')]) {
      const { model, findings } = analyzeText(text, {}, 'file:///site/content/posts/recap.md');
      assert.equal(model.frontMatter?.closed, true, text);
      assert.equal(model.frontMatter?.data.title, 'Recap');
      assert.equal(model.frontMatter?.span.end, text.indexOf('\n') + 1);
      assert.deepEqual(findings.filter((f) => f.code.startsWith('front-matter/')), []);
    }
    // An object whose first line only opens it is still read to its closing line.
    assert.deepEqual(analyzeText(lines('{ "a": {}', '}', 'Body.', '')).model.frontMatter?.data, { a: {} });
  });

  it('a second U+FEFF after the byte-order mark is text, and offsets after it are right', () => {
    // The first section starts after the mark; micromark dropped the next U+FEFF as one
    // more mark, so every offset of the first section was one short.
    const text = '\uFEFF\uFEFFIntro with [a link](nope.md).\n\n# Talk\n';
    const model = buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
    const link = model.links.find((l) => l.kind === 'link')!;
    assert.equal(text.slice(link.span.start, link.span.end), '[a link](nope.md)');
    const sectional = model.sections.flatMap((s) => s.parsed.root.children.map((c) => normalize(c, s.delta)));
    assert.deepEqual(sectional, parseMarkdown(text).children.map((c) => normalize(c, 1)));
  });

  it('front matter closes at a line of its own, not after a U+2028 line separator', () => {
    // The closing patterns used `^` and `$` with the `m` flag, which also match at U+2028
    // and U+2029; Jekyll, Hugo and remark end lines at `\n` and `\r` only.
    const text = '---\ntitle: x\u2028---\ntags: [a]\n---\n\nBody.\n';
    const fm = analyzeText(text).model.frontMatter!;
    assert.equal(fm.span.end, text.indexOf('\n\nBody') + 1);
    assert.deepEqual(fm.data.tags, ['a']);
    assert.equal(analyzeText('---\n---\u2028\n# Talk\n').model.frontMatter?.closed, false);
  });

  it('front matter opened by a delimiter and a lone carriage return is a finding, not a crash', () => {
    // gray-matter ends lines at `\n` only: it read `title: the` as the block's language and
    // threw, and the exception escaped analyze.
    const text = '\uFEFF---\rtitle: the\ndate: 2024-05-01\n---\n\nBody.\n';
    const { findings } = analyzeText(text);
    assert.deepEqual(summarize(text, { ...analyzeText(text), findings: findings.filter((f) => f.code.startsWith('front-matter/')) }), ['front-matter/syntax@0:1-0:4 "---"']);
  });

  it('a line of text that starts with backticks is paragraph text to the scan', () => {
    // ```` `` ```` is not a fence but text; the scan did not count it as paragraph text, so
    // the `<tag>` line after it looked like an HTML block, which hid the fence after that.
    const model = assertSameAsWholeParse(lines('``', '<thediv>', '```', '', '# In code', ''));
    assert.deepEqual(model.headings, []);
  });

  it('a talk heading with an e-mail address GFM links after the parse keeps its title span', () => {
    // The autolink and the text GFM splits around it carry no position: the title span was
    // an empty range at the line start, or ended before it began.
    for (const text of [lines('# Intro', '', '## Keynote [by a@example.dev', '', 'Speaker: Ada Lovelace', ''), ' <g c="">[a@e.d\n=\nSpeaker:Aa L']) {
      const { findings } = analyzeText(text);
      for (const f of findings) assert.ok(f.span.start <= f.span.end, JSON.stringify(f));
      const talk = findings.find((f) => f.code === 'structure/talk-without-link');
      assert.ok(talk && talk.span.end > talk.span.start, JSON.stringify(findings));
    }
    assert.equal(summarize(lines('# Intro', '', '## Keynote [by a@example.dev', '', 'Speaker: Ada Lovelace', ''), analyzeText(lines('# Intro', '', '## Keynote [by a@example.dev', '', 'Speaker: Ada Lovelace', ''))).find((s) => s.startsWith('structure/talk-without-link')), 'structure/talk-without-link@2:3-2:28 "Keynote [by a@example.dev"');
  });

  it('a talk whose video link is a reference is read again when the definition\'s URL changes in another section', () => {
    // The heading's reading was kept per section for one set of definition labels; a new URL
    // for the same label (no video any more) left the talk with its old video.
    const before = lines('## Platform day', '', '### Scaling the control plane - Ada Lovelace', '', 'Watch it [here][v].', '', '### Quiet upgrades - Grace Hopper', '', '[Video](https://youtu.be/dQw4w9WgXcQ)', '', '## Links', '', '[v]: https://www.youtube.com/watch?v=dQw4w9WgXcQ', '');
    const after = before.replace('https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://example.dev/notes');
    const session = sessionFor(new MemoryWorkspace());
    const first = analyze(session, source(before), { settings: DEFAULT_SETTINGS });
    const edited = analyze(session, source(after, undefined, 2), { settings: DEFAULT_SETTINGS, previous: first.model });
    const fresh = analyze(sessionFor(new MemoryWorkspace()), source(after, undefined, 2), { settings: DEFAULT_SETTINGS });
    assert.deepEqual(summarize(after, edited), summarize(after, fresh));
    assert.ok(summarize(after, fresh).includes('structure/talk-without-link@2:4-2:29 "Scaling the control plane"'), summarize(after, fresh).join('\n'));
  });

  it('a CDATA block goes on past `]]]>` as micromark reads it, so a heading after it is inside', () => {
    assertSameAsWholeParse(lines('# the', '', '<![CDATA[', '# x[^1]]]>', '', '# inside <small>Ada</small>', ''));
    const model = assertSameAsWholeParse(lines('<![CDATA[', 'x]]]]>', '', '# after', ''));
    assert.deepEqual(model.headings.map((h) => h.text), ['after']);
  });

  it('a heading kept from the last version is weighed again when the next heading stops being deeper', () => {
    // The kept reading held for the same body end; a sub-heading turned into a sibling at the
    // same place changes how the heading above it is weighed.
    const before = lines('## Welcome (GraceHopper, Initech)', '', 'Presented by Grace Hopper', '', '### Later notes (Grace Hopper, Initech)', '', 'More.', '');
    const after = before.replace('### Later', '## ### Later');
    const session = sessionFor(new MemoryWorkspace());
    const first = analyze(session, source(before), { settings: DEFAULT_SETTINGS });
    const edited = analyze(session, source(after, undefined, 2), { settings: DEFAULT_SETTINGS, previous: first.model });
    const fresh = analyze(sessionFor(new MemoryWorkspace()), source(after, undefined, 2), { settings: DEFAULT_SETTINGS });
    assert.deepEqual(summarize(after, edited), summarize(after, fresh));
    assert.notDeepEqual(summarize(before, first).filter((s) => s.startsWith('structure/')), summarize(after, fresh).filter((s) => s.startsWith('structure/')));
  });

  it('a block left open in a list item, a quote or a footnote at a section\'s end ends as the next heading ends it', () => {
    // An HTML comment opened in a footnote definition, a fence in a list item: parsed alone, a
    // section gave them its last line ending (and blank lines) too; the heading that follows in
    // the document closes them one line ending earlier.
    for (const body of ['[^1]:<!-- the', '- ```\n  code', '- a\n  ```\n  code', '[^1]: ```\n    code', '- <pre>\n  x', '1. a\n\n   <!-- x']) {
      for (const gap of ['\n', '\n\n', '\n\n\n', '\n  \n', '\n\n \t\n']) {
        assertSameAsWholeParse(`# Talk\n\n${body}${gap}# Next\n\ntext\n`);
        assertSameAsWholeParse(`---\ntitle: T\n---\n\n${body}${gap}# Next\n`);
        // With a stand-in definition before the section, and after the first.
        assertSameAsWholeParse(`# A\n\n${body} [x]${gap}# B\n\n[x]: /u\n`);
        assertSameAsWholeParse(`${body} [x]${gap}# B\n\n[x]: /u\n`);
      }
    }
  });
});
