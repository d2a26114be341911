import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel, DEFAULT_SETTINGS, type DocumentModel } from '../../server/src/core';
import { extractTalks, type OutlineNode, type Talk } from '../../server/src/core/model/talks';
import { lines, source } from './util';

function modelOf(text: string): DocumentModel {
  return buildModel(source(text), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
}

function talksOf(text: string): Talk[] {
  return extractTalks(modelOf(text)).talks;
}

/** The tree as indented `S title` / `T title` lines: the shape at a glance. */
function shape(text: string): string[] {
  const out: string[] = [];
  const walk = (nodes: OutlineNode[], indent: string) => {
    for (const node of nodes) {
      out.push(`${indent}${node.kind === 'talk' ? 'T' : 'S'} ${node.title}`);
      walk(node.children, indent + '  ');
    }
  };
  walk(extractTalks(modelOf(text)).root, '');
  return out;
}

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('talk styles', () => {
  it('reads link headings grouped under theme headings', () => {
    const text = lines(
      '## Observability',
      '',
      '### [Tracing without tears](https://www.youtube.com/watch?v=AbCdEfGhIjK)',
      '',
      'Notes.',
      '',
      '### [Profiles everywhere](https://youtu.be/ZyXwVuTsRqP)',
      '',
      '## Security',
      '',
      '### [Signing all the things](https://www.youtube.com/watch?v=0123456789_)',
    );
    assert.deepEqual(shape(text), ['S Observability', '  T Tracing without tears', '  T Profiles everywhere', 'S Security', '  T Signing all the things']);
    const [first] = talksOf(text);
    assert.equal(first.style, 'link-heading');
    assert.equal(first.video?.host, 'youtube');
    assert.equal(first.video?.id, 'AbCdEfGhIjK');
    assert.equal(first.section?.title, 'Observability');
    assert.equal(slice(text, first.titleSpan), 'Tracing without tears');
    assert.equal(slice(text, first.span), lines('### [Tracing without tears](https://www.youtube.com/watch?v=AbCdEfGhIjK)', '', 'Notes.'));
  });

  it('reads TALK: prefixes and THEME: groups', () => {
    const text = lines(
      '### THEME: Platform engineering',
      '',
      '### TALK: [Golden paths, revisited](https://youtu.be/AbCdEfGhIjK)',
      '',
      'Text.',
      '',
      '### TALK: Internal developer portals',
      '',
      'More text.',
    );
    const outline = extractTalks(modelOf(text));
    assert.deepEqual(outline.talks.map((t) => [t.title, t.style]), [
      ['Golden paths, revisited', 'prefixed'],
      ['Internal developer portals', 'prefixed'],
    ]);
    assert.equal(outline.sections[0].title, 'Platform engineering');
    assert.equal(outline.sections[0].theme, true);
    // The theme heading has no body of its own, so it groups the talks at its level.
    assert.deepEqual(shape(text), ['S Platform engineering', '  T Golden paths, revisited', '  T Internal developer portals']);
  });

  it('reads speakers with affiliations in parentheses', () => {
    const text = lines(
      '## Tracing without tears (Ada Lovelace, Example Corp; Alan Turing, Example Org)',
      '',
      'Text.',
      '',
      '## Scaling the scheduler (Grace Hopper & Edsger Dijkstra, Example Labs)',
      '',
      'Text.',
      '',
      '## Breaking news at scale (Mel Stone and Dee Gale, New York Times)',
      '',
      'Text.',
      '',
      '## Solo act (Barbara Liskov)',
      '',
      'Text.',
    );
    const talks = talksOf(text);
    assert.deepEqual(
      talks.map((t) => [t.title, t.speakers]),
      [
        ['Tracing without tears', [{ name: 'Ada Lovelace', affiliation: 'Example Corp' }, { name: 'Alan Turing', affiliation: 'Example Org' }]],
        ['Scaling the scheduler', [{ name: 'Grace Hopper', affiliation: 'Example Labs' }, { name: 'Edsger Dijkstra', affiliation: 'Example Labs' }]],
        ['Breaking news at scale', [{ name: 'Mel Stone', affiliation: 'New York Times' }, { name: 'Dee Gale', affiliation: 'New York Times' }]],
        // A lone name is weak evidence, accepted because sibling headings are talks.
        ['Solo act', [{ name: 'Barbara Liskov' }]],
      ],
    );
    assert.ok(talks.every((t) => t.style === 'speakers-in-parentheses'));
  });

  it('reads `Title - Speaker`, with a rating', () => {
    const talks = talksOf(lines('## Day 1', '', '### Profiling in production - Grace Hopper 4/5', '', 'Text.', '', '### Queues all the way down - Alan Turing, Example Org', '', 'Text.'));
    assert.deepEqual(
      talks.map((t) => [t.title, t.speakers, t.rating, t.style]),
      [
        ['Profiling in production', [{ name: 'Grace Hopper' }], '4/5', 'speaker-suffix'],
        ['Queues all the way down', [{ name: 'Alan Turing', affiliation: 'Example Org' }], undefined, 'speaker-suffix'],
      ],
    );
  });

  it('reads a plain heading followed by a video or slides line, a bare URL, an embed', () => {
    const text = lines(
      '## Tracing without tears',
      '',
      '[Video Link](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=95) · [Slides](https://speakerdeck.com/example/tracing)',
      '',
      'Notes.',
      '',
      '## Profiles everywhere',
      '',
      'https://youtu.be/ZyXwVuTsRqP?t=1m35s',
      '',
      '## Only slides',
      '',
      'Slides: [deck](https://example.dev/only-slides.pdf)',
      '',
      '## Embedded',
      '',
      '<iframe width="560" src="https://www.youtube.com/embed/0123456789_?start=3723"></iframe>',
      '',
      '## Recorded elsewhere',
      '',
      '[Recording](https://conf.example.dev/2024/recorded)',
    );
    const talks = talksOf(text);
    assert.deepEqual(
      talks.map((t) => [t.title, t.style, t.video?.id, t.video?.timestampSeconds, t.slides?.url]),
      [
        ['Tracing without tears', 'link-line', 'AbCdEfGhIjK', 95, 'https://speakerdeck.com/example/tracing'],
        ['Profiles everywhere', 'link-line', 'ZyXwVuTsRqP', 95, undefined],
        ['Only slides', 'link-line', undefined, undefined, 'https://example.dev/only-slides.pdf'],
        ['Embedded', 'link-line', '0123456789_', 3723, undefined],
        ['Recorded elsewhere', 'link-line', undefined, undefined, undefined],
      ],
    );
    assert.equal(talks[4].video?.host, 'other');
  });

  it('reads setext headings with the speaker in <small>', () => {
    const text = lines('DAY 2', '=====', '', 'Streaming joins <small>Ada Lovelace, Example Corp</small>', '-----------------', '', 'Text.');
    assert.deepEqual(shape(text), ['S DAY 2', '  T Streaming joins']);
    const [talk] = talksOf(text);
    assert.equal(talk.style, 'small-speaker');
    assert.deepEqual(talk.speakers, [{ name: 'Ada Lovelace', affiliation: 'Example Corp' }]);
    assert.equal(talk.depth, 2);
  });

  it('reads bold pseudo-headings in a post without heading talks', () => {
    const text = lines(
      '## Day 1',
      '',
      '**Keeping etcd healthy**',
      '',
      'Compaction, defragmentation and alarms.',
      '',
      '**Cilium at scale**',
      'Sam Rivera, Initech',
      '',
      'Identity-based policy.',
      '',
      '## Closing thoughts',
      '',
      'Bye.',
    );
    const talks = talksOf(text);
    assert.deepEqual(talks.map((t) => [t.title, t.style, t.speakers]), [
      ['Keeping etcd healthy', 'bold', []],
      ['Cilium at scale', 'bold', [{ name: 'Sam Rivera', affiliation: 'Initech' }]],
    ]);
    assert.equal(slice(text, talks[0].span), lines('**Keeping etcd healthy**', '', 'Compaction, defragmentation and alarms.'));
    assert.deepEqual(shape(text), ['S Day 1', '  T Keeping etcd healthy', '  T Cilium at scale', 'S Closing thoughts']);
  });

  it('does not read bold lead-ins as talks when the post’s talks are headings', () => {
    const text = lines(
      '## [Tracing without tears](https://youtu.be/AbCdEfGhIjK)',
      '',
      'Text.',
      '',
      '## Closing thoughts',
      '',
      '**What worked**',
      '',
      'The hallway track.',
      '',
      '**What did not**',
      '',
      'The coffee.',
    );
    assert.deepEqual(shape(text), ['T Tracing without tears', 'S Closing thoughts']);
  });

  it('reads a bullet list of sessions, each item with a link', () => {
    const text = lines(
      '## Sessions of the day',
      '',
      '- [Intro to eBPF](https://vimeo.com/123456789) - Liz Example',
      '- [Cilium at scale](https://sched.example.dev/cilium) (Sam Rivera, Initech)',
      '- Scaling etcd by Alex Kim ([video](https://youtu.be/AbCdEfGhIjK))',
      '- Coffee break',
    );
    const talks = talksOf(text);
    assert.deepEqual(
      talks.map((t) => [t.title, t.style, t.speakers.map((s) => s.name), t.video?.host ?? t.page?.url]),
      [
        ['Intro to eBPF', 'list-item', ['Liz Example'], 'vimeo'],
        ['Cilium at scale', 'list-item', ['Sam Rivera'], 'https://sched.example.dev/cilium'],
        ['Scaling etcd', 'list-item', ['Alex Kim'], 'youtube'],
      ],
    );
    assert.equal(talks[0].section?.title, 'Sessions of the day');
    assert.equal(slice(text, talks[0].span), '- [Intro to eBPF](https://vimeo.com/123456789) - Liz Example');
  });

  it('reads session codes, kept apart from the title', () => {
    const [talk] = talksOf(lines('### COP318 - Cost optimisation at scale', '', 'Text.'));
    assert.equal(talk.title, 'Cost optimisation at scale');
    assert.equal(talk.sessionCode, 'COP318');
    assert.equal(talk.style, 'session-code');
  });

  it('nests a talk written under another talk’s heading', () => {
    const text = lines('## [Gateway API is GA](https://youtu.be/AbCdEfGhIjK)', '', 'Text.', '', '### [Mesh support](https://youtu.be/ZyXwVuTsRqP)', '', 'More.', '', '## [Next talk](https://youtu.be/0123456789_)');
    assert.deepEqual(shape(text), ['T Gateway API is GA', '  T Mesh support', 'T Next talk']);
    const [outer] = talksOf(text);
    assert.ok(slice(text, outer.span).endsWith('More.'));
  });
});

describe('headings that are not talks', () => {
  it('stay sections: days, introduction, karaoke, takeaways, notes, closing thoughts', () => {
    const text = lines(
      '# KubeCon 2024',
      '',
      '## Introduction',
      '',
      'Why I went. See [the schedule](https://kccnceu2024.sched.com/).',
      '',
      '## Day 1',
      '',
      '### [Tracing without tears](https://youtu.be/AbCdEfGhIjK)',
      '',
      'Text.',
      '',
      '### Karaoke',
      '',
      'We sang. [Photos](https://example.dev/photos).',
      '',
      '### [Profiles everywhere](https://youtu.be/ZyXwVuTsRqP)',
      '',
      '## Takeaways',
      '',
      '- one',
      '',
      '## Notes',
      '',
      'Footnotes here.',
      '',
      '## Closing thoughts',
      '',
      'Thanks to [Example Corp](https://example.dev) for the ticket.',
    );
    assert.deepEqual(shape(text), [
      'S KubeCon 2024',
      '  S Introduction',
      '  S Day 1',
      '    T Tracing without tears',
      '    S Karaoke',
      '    T Profiles everywhere',
      '  S Takeaways',
      '  S Notes',
      '  S Closing thoughts',
    ]);
  });

  it('needs more than a lone name when no sibling heading is a talk', () => {
    assert.deepEqual(shape(lines('## Thanks (Ada Lovelace)', '', 'For the ticket.', '', '## Kubernetes (K8s) in 2024', '', 'Text.')), [
      'S Thanks (Ada Lovelace)',
      'S Kubernetes (K8s) in 2024',
    ]);
    // Parentheses that are not names are part of the title.
    assert.deepEqual(shape(lines('## [Kubernetes (K8s) at home](https://youtu.be/AbCdEfGhIjK)')), ['T Kubernetes (K8s) at home']);
  });
});

describe('bounds and odd input', () => {
  it('reads 5,000 talks quickly', () => {
    const parts: string[] = [];
    for (let i = 0; i < 5000; i++) {
      if (i % 50 === 0) parts.push(`## Day ${i / 50 + 1}`, '');
      parts.push(`### Talk number ${i} (Ada Lovelace, Example Corp)`, '', '[Video Link](https://youtu.be/AbCdEfGhIjK)', '', 'Notes.', '');
    }
    const model = modelOf(parts.join('\n'));
    const start = performance.now();
    const outline = extractTalks(model);
    const elapsed = performance.now() - start;
    assert.equal(outline.talks.length, 5000);
    assert.equal(outline.sections.length, 100);
    assert.equal(outline.talks[4999].title, 'Talk number 4999');
    assert.ok(elapsed < 2000, `took ${elapsed.toFixed(0)} ms`);
    // Computed once per model.
    assert.equal(extractTalks(model), outline);
  });

  it('handles a 10,000-character heading', () => {
    const title = 'Scaling '.repeat(1240) + 'etcd';
    const text = lines(`## ${title} (Ada Lovelace, Example Corp)`, '', '[Video](https://youtu.be/AbCdEfGhIjK)');
    assert.ok(text.split('\n')[0].length <= 10_000);
    const start = performance.now();
    const [talk] = talksOf(text);
    assert.ok(performance.now() - start < 500);
    assert.equal(talk.title, title);
    assert.deepEqual(talk.speakers, [{ name: 'Ada Lovelace', affiliation: 'Example Corp' }]);
    const spaces = lines(`## a${' '.repeat(9_990)}b - `, '', 'Text.');
    assert.deepEqual(shape(spaces), [`S a${' '.repeat(9_990)}b -`.replace(/\s+/g, ' ')]);
  });

  it('handles headings made only of a link, or only of emoji', () => {
    const text = lines('## [](https://youtu.be/AbCdEfGhIjK)', '', '## <https://youtu.be/ZyXwVuTsRqP>', '', '## 🎤🎉', '', 'Party.');
    const outline = extractTalks(modelOf(text));
    assert.deepEqual(outline.talks.map((t) => t.title), ['https://youtu.be/AbCdEfGhIjK', 'https://youtu.be/ZyXwVuTsRqP']);
    assert.deepEqual(outline.sections.map((s) => s.title), ['🎤🎉']);
  });

  it('keeps spans in UTF-16 offsets with CRLF line breaks and emoji', () => {
    const text = '---\r\ntitle: "🎤 recap"\r\n---\r\n\r\n## 🎤 Day 1\r\n\r\n### [🚀 Rockets](https://youtu.be/AbCdEfGhIjK) (Ada Lovelace, Example Corp)\r\n\r\nText.\r\n';
    const model = modelOf(text);
    const [talk] = extractTalks(model).talks;
    assert.equal(talk.title, '🚀 Rockets');
    assert.equal(text.slice(talk.titleSpan.start, talk.titleSpan.end), '🚀 Rockets');
    // The rocket is two UTF-16 code units: the title ends at character 5 + 10.
    assert.deepEqual(model.lines.range(talk.titleSpan), { start: { line: 6, character: 5 }, end: { line: 6, character: 15 } });
    assert.deepEqual(model.lines.range(talk.span), { start: { line: 6, character: 0 }, end: { line: 8, character: 5 } });
    assert.equal(extractTalks(model).sections[0].title, '🎤 Day 1');
  });

  it('returns an empty outline for a document too large to parse', () => {
    const model = buildModel(source('## [A](https://youtu.be/AbCdEfGhIjK)\n'), { maxFileSize: 10 });
    assert.deepEqual(extractTalks(model), { root: [], talks: [], sections: [] });
  });
});

describe('a speakers line under the heading', () => {
  it('gives the talk its speakers and affiliations', () => {
    const text = [
      '## Day 1',
      '',
      '### [Paved roads](https://www.youtube.com/watch?v=aBcDeFgHiJk)',
      '',
      '**Speakers:** Jordan Doe (Example Corp), Sam Rivera (Acme Cloud)',
      '',
      'Notes.',
      '',
      '### Observability at scale',
      '',
      'Speaker: Alex Kim',
      '',
      '[Slides](https://speakerdeck.com/example/otel)',
      '',
    ].join('\n');
    const model = buildModel({ uri: 'file:///p.md', version: 1, getText: () => text }, { maxFileSize: 1e9 });
    const { talks } = extractTalks(model);
    assert.deepEqual(
      talks.map((t) => [t.title, t.speakers.map((s) => [s.name, s.affiliation ?? null])]),
      [
        ['Paved roads', [['Jordan Doe', 'Example Corp'], ['Sam Rivera', 'Acme Cloud']]],
        ['Observability at scale', [['Alex Kim', null]]],
      ],
    );
  });
});

describe('talks of a re-analysed document', () => {
  it('keep exact spans when an edit above moves their unchanged sections', () => {
    const body = [
      '## Day 1',
      '',
      'Intro.',
      '',
      '### [Karpenter at scale](https://www.youtube.com/watch?v=ZyXwVuTsRqP&t=95) (Priya Natarajan, Example Corp)',
      '',
      'Notes with a [reference][ref].',
      '',
      '[ref]: https://example.dev',
      '',
    ].join('\n');
    const first = buildModel({ uri: 'file:///p.md', version: 1, getText: () => body }, { maxFileSize: 1e9 });
    assert.equal(extractTalks(first).talks.length, 1);
    const edited = body.replace('Intro.', 'A longer introduction, typed since.');
    const second = buildModel({ uri: 'file:///p.md', version: 2, getText: () => edited }, { previous: first, maxFileSize: 1e9 });
    assert.ok(second.sections.some((s) => first.sections.some((p) => p.parsed === s.parsed)), 'the talk section was reused');
    const [talk] = extractTalks(second).talks;
    assert.equal(edited.slice(talk.video!.span.start, talk.video!.span.end), '[Karpenter at scale](https://www.youtube.com/watch?v=ZyXwVuTsRqP&t=95)');
    assert.equal(edited.slice(talk.titleSpan.start, talk.titleSpan.end), 'Karpenter at scale');
    assert.equal(talk.video!.timestampSeconds, 95);
  });

  it('read from reused sections, equal what a fresh parse reads, edit after edit', () => {
    const body = lines(
      '## Day 1',
      '',
      'Intro.',
      '',
      '### [Karpenter at scale](https://www.youtube.com/watch?v=ZyXwVuTsRqP&t=95) (Priya Natarajan, Example Corp)',
      '',
      '[Slides](https://speakerdeck.com/example/karpenter)',
      '',
      '**Scheduling, revisited** - Alan Turing',
      '',
      '[Video](https://vimeo.com/123456789)',
      '',
      '## Day 2',
      '',
      '- [Paved roads](https://youtu.be/AbCdEfGhIjK) - Jordan Doe',
      '- [Tracing](https://youtu.be/0123456789_) - Sam Rivera',
    );
    let previous = buildModel({ uri: 'file:///p.md', version: 1, getText: () => body }, { maxFileSize: 1e9 });
    extractTalks(previous);
    for (const [version, intro] of [[2, 'A longer introduction.'], [3, 'Short.'], [4, 'A longer introduction.']] as const) {
      const text = body.replace('Intro.', intro);
      const model = buildModel({ uri: 'file:///p.md', version, getText: () => text }, { previous, maxFileSize: 1e9 });
      const fresh = buildModel({ uri: 'file:///p.md', version, getText: () => text }, { maxFileSize: 1e9 });
      assert.deepEqual(extractTalks(model), extractTalks(fresh), intro);
      previous = model;
    }
  });
});
