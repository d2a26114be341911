/**
 * fast-check arbitraries for the differential fuzzer: recap-like Markdown documents (front
 * matter of every kind, talk headings, links of every syntax, code, HTML, lists, quotes,
 * CRLF, BOM, astral characters, typos) and LSP-style incremental edits on them.
 *
 * Edits are generated as positions relative to the text they will apply to (an anchor
 * number resolved against the current text), so that they shrink well and stay meaningful
 * whatever the earlier edits did.
 */
import fc from 'fast-check';

// ------------------------------------------------------------------ vocabulary

/** Words the in-memory dictionary knows (see `incremental.test.ts`). */
export const KNOWN_WORDS = [
  'the', 'a', 'an', 'and', 'of', 'to', 'in', 'on', 'we', 'saw', 'talk', 'talks', 'was', 'good', 'great',
  'performance', 'about', 'it', 'is', 'this', 'keynote', 'speaker', 'day', 'notes', 'video', 'slides',
  'observability', 'platform', 'cluster', 'team', 'future', 'data', 'security', 'scaling', 'recap',
  'conference', 'workshop', 'panel', 'gateway', 'routes', 'hallway', 'track', 'session', 'company',
];

/** Typos of known words and a known misspelling, so that the spelling rules have work. */
const TYPOS = ['performnce', 'teh', 'obervability', 'keynot', 'secruity', 'conferance', 'platfrom', 'sesion'];
/** Names and terms no dictionary knows. */
const NAMES = ['Kubernetes', 'Linkerd', 'OpenTelemetry', 'Ada', 'Lovelace', 'Grace', 'Hopper', 'ACME', 'KubeCon', 'FOSDEM'];
/** Characters that are more than one UTF-16 unit, or that combine. */
const WIDE = ['🎤', '😀', '𝒳', '🇫🇷', '👩‍💻', 'é', 'ß', '中文', 'e\u0301', '🦀🦀', 'Ωmega', '\u00a0'];

const word = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...KNOWN_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...TYPOS) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...WIDE) },
  // Doubled words, across a line break too.
  { weight: 1, arbitrary: fc.constantFrom('the the', 'a a', 'talk talk', 'the\nthe', 'is is') },
);

const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(' '));

// ------------------------------------------------------------------ destinations

const YOUTUBE = ['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42', 'https://youtu.be/short', 'https://vimeo.com/123456'];
const URLS = [
  ...YOUTUBE,
  'https://example.dev',
  'https://example.dev/a b',
  'htps://example.dev',
  'www.example.dev/page',
  '',
  '#recap',
  '#keynote',
  '#missing-anchor',
  '/2024/11/20/kubecon/#keynote',
  '/2024/11/20/kubecon/#nope',
  './2024-11-20-kubecon.md#second-day',
  '2024-11-20-kubecon.md',
  '/assets/img/arch.png',
  '/assets/img/team.jpg',
  '/nope.png',
  '../about.md',
  '/posts/a/#gateway-api',
  '/images/logo.png',
  'mailto:a@example.dev',
  'https://speakerdeck.com/x/slides',
  '@/posts/a.md#gateway-api',
  '@/posts/nope.md',
];
const url = fc.constantFrom(...URLS);
const LABELS = ['r', 'r', 'ref', 'Foo  Bar', 'foo bar', 'x'];
const label = fc.constantFrom(...LABELS);
const FOOTNOTES = ['1', '1', '2', 'note', 'Ω'];
const footnote = fc.constantFrom(...FOOTNOTES);

// ------------------------------------------------------------------ inline

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: words(1, 6) },
  { weight: 3, arbitrary: fc.tuple(words(1, 3), url).map(([t, u]) => `[${t}](${u})`) },
  { weight: 1, arbitrary: fc.tuple(words(1, 2), url).map(([t, u]) => `[${t}](${u} "a title")`) },
  { weight: 2, arbitrary: fc.tuple(words(1, 2), label).map(([t, l]) => `[${t}][${l}]`) },
  { weight: 1, arbitrary: label.map((l) => `[${l}]`) },
  { weight: 1, arbitrary: label.map((l) => `[${l}][]`) },
  { weight: 1, arbitrary: fc.constantFrom('<https://example.dev>', '<mailto:a@example.dev>', 'https://youtu.be/dQw4w9WgXcQ', 'www.example.dev') },
  { weight: 1, arbitrary: fc.tuple(words(1, 2), url).map(([t, u]) => `![${t}](${u})`) },
  { weight: 2, arbitrary: footnote.map((f) => `[^${f}]`) },
  { weight: 1, arbitrary: fc.tuple(url, words(1, 2)).map(([u, t]) => `<a href="${u}">${t}</a>`) },
  { weight: 1, arbitrary: url.map((u) => `<img src="${u}">`) },
  { weight: 1, arbitrary: fc.constantFrom('[post]({% post_url 2024-11-20-kubecon %})', '[gone]({% post_url 2020-01-01-gone %})', '[about]({% link about.md %})') },
  { weight: 1, arbitrary: fc.constantFrom('[a]({{< ref "posts/a.md" >}})', '[b]({{< relref "nope.md" >}})', '{{< ref "posts/a.md#gateway-api" >}}') },
  { weight: 1, arbitrary: fc.constantFrom('[z](@/posts/a.md#gateway-api)', '[z](@/posts/a.md#nope)') },
  { weight: 2, arbitrary: fc.constantFrom('`code [a](nope.png)`', '``a ` b``', '`unclosed', '`[^x]`') },
  { weight: 2, arbitrary: words(1, 3).map((w) => `**${w}**`) },
  { weight: 1, arbitrary: words(1, 3).map((w) => `_${w}_`) },
  { weight: 1, arbitrary: fc.tuple(words(1, 2), url).map(([t, u]) => `(${t})[${u}]`) },
  { weight: 1, arbitrary: fc.constantFrom('[x]()', '[]()', '[x](<>)', '<!-- [b](gone.md) -->', '<br>', '\\[not a link]', 'a\\', '<small>Ada</small>') },
  { weight: 1, arbitrary: fc.constantFrom('{{< youtube dQw4w9WgXcQ >}}', '{% youtube dQw4w9WgXcQ %}', '{{% notice %}}', '{{ .Title }}') },
);

const inlines = (min: number, max: number) => fc.array(inline, { minLength: min, maxLength: max }).map((p) => p.join(' '));

// ------------------------------------------------------------------ headings

const speaker = fc.constantFrom('Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Jo', 'Ada Lovelace & Grace Hopper');
const company = fc.constantFrom('ACME', 'Example Corp', 'Isovalent', 'Google');
const title = words(1, 5);

const headingText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: title },
  { weight: 2, arbitrary: fc.tuple(title, fc.constantFrom(...YOUTUBE)).map(([t, u]) => `[${t}](${u})`) },
  { weight: 2, arbitrary: fc.tuple(title, speaker).map(([t, s]) => `${t} - ${s}`) },
  { weight: 1, arbitrary: fc.tuple(title, speaker).map(([t, s]) => `${t} — ${s}`) },
  { weight: 2, arbitrary: fc.tuple(title, speaker, company).map(([t, s, c]) => `${t} (${s}, ${c})`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('TALK', 'Keynote', 'Talk', 'Workshop', 'Theme', 'Track'), title).map(([p, t]) => `${p}: ${t}`) },
  { weight: 1, arbitrary: fc.tuple(title, fc.constantFrom('5/5', '4.5/5', '★★★', '8/10')).map(([t, r]) => `${t} - ${r}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('KEY-101', 'DEV204', 'SEC-12'), title).map(([c, t]) => `${c} - ${t}`) },
  { weight: 1, arbitrary: fc.tuple(title, fc.constantFrom('{#second-day}', '{#q}', '{#}')).map(([t, id]) => `${t} ${id}`) },
  { weight: 1, arbitrary: fc.tuple(title, speaker).map(([t, s]) => `${t} <small>${s}</small>`) },
  { weight: 1, arbitrary: fc.constantFrom('Day 1', 'Sessions', 'Talks', 'Keynotes', 'Q&A', 'Recap', '🎤 Lightning talks', '') },
);

const atxHeading = fc
  .tuple(fc.integer({ min: 1, max: 6 }), headingText, fc.constantFrom('', '', '', ' ##', ' #', '#'))
  .map(([depth, text, close]) => `${'#'.repeat(depth)} ${text}${close}`);

const notQuiteHeading = fc.constantFrom('#hashtag', ' # one space', '   ### three', '    # code', '\\# escaped', '#\tTab heading', '#', '####### seven');

const setextHeading = fc.tuple(headingText, fc.constantFrom('=====', '---', '=', '-', '  ==')).map(([t, u]) => `${t || 'Day'}\n${u}`);

const pseudoHeading = fc.oneof(
  fc.tuple(title, speaker).map(([t, s]) => `**${t}** by ${s}`),
  fc.tuple(title, speaker, company).map(([t, s, c]) => `**${t}** (${s}, ${c})`),
  title.map((t) => `**${t}**`),
  fc.tuple(title, fc.constantFrom(...YOUTUBE)).map(([t, u]) => `**[${t}](${u})**`),
);

// ------------------------------------------------------------------ blocks

const paragraph = fc.array(inlines(1, 6), { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

const codeBody = fc.array(fc.constantFrom('# not a heading', 'const a = [b](c);', '[^x]: not a footnote', '```', '~~~', '', '<div>', '---', 'x'), { maxLength: 4 });
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '```md', '~~~ yaml', '``` `bad'), codeBody, fc.constantFrom('close', 'close', 'close', 'open', 'longer'))
  .map(([open, body, close]) => {
    const marker = open.startsWith('`') ? open.match(/^`+/)![0] : open.match(/^~+/)![0];
    const end = close === 'open' ? [] : [close === 'longer' ? marker + marker[0] : marker];
    return [open, ...body.filter((l) => !(l.startsWith(marker[0].repeat(3)))), ...end].join('\n');
  });

const indentedCode = fc.array(fc.constantFrom('    # code', '    [a](nope.md)', '\tcode'), { minLength: 1, maxLength: 3 }).map((l) => l.join('\n'));

const htmlBlock = fc.constantFrom(
  '<div>\n# inside html\n</div>',
  '<div class="x">\n\n# after blank\n</div>',
  '<!--\n# hidden\n[x](gone.md)\n-->',
  '<!-- one line -->',
  '<!-- unclosed comment\n# hidden?',
  '<script>\n# x\n</script>',
  '<details><summary>Slides</summary>\n\n[s](https://speakerdeck.com/x/slides)\n\n</details>',
  '<?php echo 1 ?>',
  '<![CDATA[\n# x\n]]>',
  '<!DOCTYPE html>',
  '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>',
  '<a href="/nope/">x</a>',
);

const listItem = fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '- [ ] ', '- [x] '), inlines(1, 3)).map(([m, t]) => m + t);
const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 2 }), listItem), { minLength: 1, maxLength: 5 })
  .map((items) => items.map(([depth, item]) => '  '.repeat(depth) + item).join('\n'));

/** Code inside list items and quotes, closed as it should be or less indented (a common slip). */
const containedFence = fc
  .tuple(
    fc.constantFrom('- item\n\n  ', '1. step\n\n   ', '- ', '* a\n  * b\n\n    ', '> ', '- > '),
    fc.constantFrom('```', '~~~', '```sh'),
    fc.constantFrom('# comment', '[a](nope.md)', 'code', ''),
    fc.constantFrom('same', 'same', 'column 0', 'one less', 'none'),
  )
  .map(([lead, open, body, close]) => {
    const indent = lead.includes('\n') ? lead.slice(lead.lastIndexOf('\n') + 1) : lead.replace(/./g, ' ');
    const quoted = lead.includes('>');
    const marker = open.slice(0, 3);
    const inner = quoted ? lead.replace(/[^>]*$/, '').replace(/^[^>]*/, '') : '';
    const pad = quoted ? lead.replace(/>.*$/, '').replace(/./g, ' ') + inner + ' ' : indent;
    const closing = close === 'none' ? [] : [close === 'same' ? pad + marker : close === 'column 0' ? marker : pad.slice(1) + marker];
    return [lead + open, pad + body, ...closing].join('\n');
  });

const definition = fc.oneof(
  fc.tuple(label, url).map(([l, u]) => `[${l}]: ${u || '<>'}`),
  fc.tuple(label, url).map(([l, u]) => `[${l}]: ${u || '<>'} "title"`),
  fc.tuple(footnote, words(1, 4)).map(([f, w]) => `[^${f}]: ${w}`),
  fc.tuple(footnote, words(1, 3), words(1, 3)).map(([f, a, b]) => `[^${f}]: ${a}\n    ${b}`),
  fc.tuple(label, url).map(([l, u]) => `- [${l}]: ${u || '<>'}`),
  fc.tuple(label, url).map(([l, u]) => `> [${l}]: ${u || '<>'}`),
);

const quote = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.oneof(inlines(1, 3), atxHeading, definition), { minLength: 1, maxLength: 3 }))
  .map(([depth, lines]) => lines.map((l) => '>'.repeat(depth) + ' ' + l.replace(/\n/g, '\n' + '>'.repeat(depth) + ' ')).join('\n'));

const table = fc
  .tuple(inlines(1, 2), inlines(1, 2))
  .map(([a, b]) => `| Talk | Speaker |\n|---|---|\n| ${a.replace(/\|/g, '')} | ${b.replace(/\|/g, '')} |`);

const shortcodeBlock = fc.constantFrom(
  '{{< youtube dQw4w9WgXcQ >}}',
  '{{< youtube id="dQw4w9WgXcQ" >}}',
  '{% youtube dQw4w9WgXcQ %}',
  '{% include youtube.html id="dQw4w9WgXcQ" %}',
  '{% raw %}\n[d](gone.md) {{< ref "gone.md" >}}\n{% endraw %}',
  '{{< figure src="/images/logo.png" >}}',
  '{{< figure src="nope.png" >}}',
  '{{% notice info %}}\nText\n{{% /notice %}}',
);

const speakersLine = fc.tuple(fc.constantFrom('Speakers: ', 'By: ', 'Presented by '), speaker).map(([p, s]) => p + s);
const linkLine = fc.tuple(fc.constantFrom(...YOUTUBE)).map(([u]) => `Video: [recording](${u}) · Slides: [deck](https://speakerdeck.com/x/slides)`);

const thematic = fc.constantFrom('***', '---', '___', '- - -');

export const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: paragraph },
  { weight: 8, arbitrary: atxHeading },
  { weight: 1, arbitrary: notQuiteHeading },
  { weight: 2, arbitrary: setextHeading },
  { weight: 2, arbitrary: pseudoHeading },
  { weight: 2, arbitrary: fence },
  { weight: 2, arbitrary: containedFence },
  { weight: 1, arbitrary: indentedCode },
  { weight: 2, arbitrary: htmlBlock },
  { weight: 3, arbitrary: list },
  { weight: 3, arbitrary: definition },
  { weight: 2, arbitrary: quote },
  { weight: 1, arbitrary: table },
  { weight: 1, arbitrary: shortcodeBlock },
  { weight: 1, arbitrary: speakersLine },
  { weight: 1, arbitrary: linkLine },
  { weight: 1, arbitrary: thematic },
);

// ------------------------------------------------------------------ front matter

const yamlFrontMatter = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(title, fc.constantFrom('2024-05-01', '2024-13-45', 'yesterday', '2024-05-01 10:00:00 +0200')).map(([t, d]) => `---\ntitle: ${t || 'x'}\ndate: ${d}\ntags: [kubernetes, talks]\nlayout: post\n---`) },
  { weight: 2, arbitrary: fc.constant('---\ntitle: Recap\ncategories:\n  - conference\n  - notes\n---') },
  { weight: 2, arbitrary: fc.constant('---\ntitle: Keynote: the future\n---') },
  { weight: 1, arbitrary: fc.constant('---\ntitle: x\ntags: [a\n---') },
  { weight: 1, arbitrary: fc.constant('---\ntitle: a\ntitle: b\n---') },
  { weight: 1, arbitrary: fc.constant('---\ntitle: unclosed front matter') },
  { weight: 1, arbitrary: fc.constant('---\n---') },
  { weight: 1, arbitrary: fc.constant('---\n- a\n- b\n---') },
  { weight: 1, arbitrary: fc.constant('---yaml\ntitle: tagged\n...') },
  { weight: 1, arbitrary: fc.constant('---js\n{ title: "x" }\n---') },
  { weight: 1, arbitrary: fc.constant('---klingon\ntitle: x\n---') },
  { weight: 1, arbitrary: fc.constant('---\ntitle: "🎤🎤 Keynote"\nlang: fr\n---') },
  { weight: 1, arbitrary: fc.constant('---\ntitle: x\nbase: &a {k: 1}\nref: *a\n---') },
);

const tomlFrontMatter = fc.oneof(
  { weight: 3, arbitrary: title.map((t) => `+++\ntitle = "${t.replace(/["\\\n]/g, ' ')}"\ndate = 2024-05-01\ntags = ["a", "b"]\n+++`) },
  { weight: 1, arbitrary: fc.constant('+++\ntitle = \n+++') },
  { weight: 1, arbitrary: fc.constant('+++\ntitle = "a"\ntitle = "b"\n+++') },
  { weight: 1, arbitrary: fc.constant('+++\ntitle = "unclosed"') },
  { weight: 1, arbitrary: fc.constant('+++\n[taxonomies]\ntags = ["x"]\n+++') },
  { weight: 1, arbitrary: fc.constant('+++\ntitle = "🎤🎤" x\n+++') },
);

const jsonFrontMatter = fc.oneof(
  { weight: 3, arbitrary: title.map((t) => `{\n  "title": "${t.replace(/["\\\n]/g, ' ')}",\n  "date": "2024-05-01",\n  "tags": ["a", "b"]\n}`) },
  { weight: 1, arbitrary: fc.constant('{\n  "title": "x"\n  "date": "2024-05-01"\n}') },
  { weight: 1, arbitrary: fc.constant('{\n  "title": "a",\n  "title": "b"\n}') },
  { weight: 1, arbitrary: fc.constant('{\n  "title": "unclosed",') },
  { weight: 1, arbitrary: fc.constant('{ "title": "one line" }') },
  { weight: 1, arbitrary: fc.constant('{\n  "title": [1, 2,\n}') },
  { weight: 1, arbitrary: fc.constant('---json\n{ "title": "x" }\n---') },
  { weight: 1, arbitrary: fc.constant('{{< shortcode >}}') },
);

export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: yamlFrontMatter },
  { weight: 2, arbitrary: tomlFrontMatter },
  { weight: 2, arbitrary: jsonFrontMatter },
);

// ------------------------------------------------------------------ documents

export type LineEnds = 'lf' | 'crlf' | 'mixed';

export interface DocumentSpec {
  bom: boolean;
  frontMatter: string;
  blocks: string[];
  /** Blank lines between blocks: 0 joins some blocks (lazy continuation, interruptions). */
  gaps: number[];
  lineEnds: LineEnds;
  finalNewline: boolean;
}

/** A section: an ATX heading (usually), then a few blocks. */
const sectionBlocks = fc
  .tuple(fc.oneof({ weight: 6, arbitrary: atxHeading }, { weight: 1, arbitrary: fc.constant('') }), fc.array(block, { maxLength: 4 }))
  .map(([heading, blocks]) => (heading ? [heading, ...blocks] : blocks));

export const documentSpec: fc.Arbitrary<DocumentSpec> = fc.record({
  bom: fc.boolean(),
  frontMatter,
  blocks: fc.array(sectionBlocks, { minLength: 0, maxLength: 12, size: 'medium' }).map((sections) => sections.flat()),
  gaps: fc.array(fc.constantFrom(1, 1, 1, 1, 0, 2), { minLength: 64, maxLength: 64 }),
  lineEnds: fc.constantFrom<LineEnds>('lf', 'lf', 'lf', 'crlf', 'mixed'),
  finalNewline: fc.boolean(),
});

export function renderDocument(spec: DocumentSpec): string {
  let body = '';
  spec.blocks.forEach((b, i) => {
    if (i > 0) body += '\n' + '\n'.repeat(spec.gaps[i % spec.gaps.length] ?? 1);
    body += b;
  });
  let text = spec.frontMatter ? spec.frontMatter + '\n' + (body ? '\n' + body : '') : body;
  if (spec.finalNewline) text += '\n';
  if (spec.lineEnds === 'crlf') text = text.replace(/\n/g, '\r\n');
  else if (spec.lineEnds === 'mixed') {
    let k = 0;
    text = text.replace(/\n/g, () => (k++ % 3 === 1 ? '\r\n' : '\n'));
  }
  return (spec.bom ? '\uFEFF' : '') + text;
}

// ------------------------------------------------------------------ edits

/** Text an edit inserts: Markdown punctuation that changes structure, words, line breaks, emoji. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('\n', '\r\n', '\n\n', ' ', '#', '## ', '\n## Talk\n', '\n# X\n', '---', '\n---\n', '+++', '{', '}', '"', ':', ': x') },
  { weight: 6, arbitrary: fc.constantFrom('[', ']', '(', ')', '[^1]', '[^1]: note\n', '[r]: /x\n', '\n[ref]: https://example.dev\n', '](', '![', '<', '>', '<!--', '-->', '`', '```', '\n```\n', '~~~', '*', '**', '_', '|', '\\', '> ', '- ', '1. ', '    ', '\t') },
  { weight: 4, arbitrary: word },
  { weight: 3, arbitrary: inline },
  { weight: 2, arbitrary: block.map((b) => '\n' + b + '\n') },
  { weight: 2, arbitrary: fc.constantFrom(...WIDE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom('\uFEFF', '\r', '\u2028', '\u0000') },
);

/** Classes of landmarks, each a pattern whose match start (and end) an edit may start at. */
const LANDMARK_CLASSES: RegExp[] = [
  /^/gm, // line starts
  /$/gm, // line ends
  /^#{1,6}(?=[ \t]|$)/gm, // ATX headings: section starts
  /^ {0,3}(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]{0,4})*\[\^?[^\]\n]*\]:/gm, // definitions and footnote definitions
  /\[\^?[^\]\n]*\](?:\[[^\]\n]*\])?/g, // references, link texts
  /^ {0,3}(?:`{3,}|~{3,})/gm, // fences
  /^(?:---|\+\+\+|\.\.\.|\{|\})[ \t]*$/gm, // front matter delimiters (and thematic breaks)
  /<!--|-->|<\/?[A-Za-z]+/g, // HTML
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\x00-\x7f]/g, // astral and other non-ASCII characters
  /\r?\n\r?\n/g, // blank lines: block boundaries
  /\{[{%]|[}%]\}|\]\(|`+/g, // shortcodes, link destinations, code spans
];

/**
 * Where an edit starts: anywhere, or near a landmark of one class (the class is chosen first,
 * so that rare constructs, a definition or the end of the front matter, are hit as often as
 * line starts).
 */
export type Anchor = { kind: 'uniform'; at: number } | { kind: 'landmark'; cls: number; at: number; jitter: number };

export interface EditSpec {
  anchor: Anchor;
  /** Code points to delete after the start. */
  deleteLength: number;
  insert: string;
}

const anchor: fc.Arbitrary<Anchor> = fc.oneof(
  fc.record({ kind: fc.constant('uniform' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('landmark' as const), cls: fc.nat({ max: LANDMARK_CLASSES.length - 1 }), at: fc.nat(), jitter: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('landmark' as const), cls: fc.nat({ max: LANDMARK_CLASSES.length - 1 }), at: fc.nat(), jitter: fc.constant(0) }),
);

export const editSpec: fc.Arbitrary<EditSpec> = fc.oneof(
  // insert
  fc.record({ anchor, deleteLength: fc.constant(0), insert: fragment }),
  // delete
  fc.record({ anchor, deleteLength: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 80 })), insert: fc.constant('') }),
  // replace
  fc.record({ anchor, deleteLength: fc.integer({ min: 1, max: 20 }), insert: fragment }),
);

/** Offsets near which edits change structure, for one landmark class. */
export function landmarks(text: string, cls: number): number[] {
  const re = LANDMARK_CLASSES[cls % LANDMARK_CLASSES.length];
  const found: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m.index);
    if (m[0].length > 0) found.push(m.index + m[0].length);
    else re.lastIndex++;
    if (found.length > 5000) break;
  }
  return found;
}

/**
 * Moves an offset onto a boundary VS Code can send: never between the two halves of a
 * surrogate pair, never between the `\r` and `\n` of a CRLF (an LSP position cannot name it).
 */
export function snap(text: string, offset: number, direction: -1 | 1): number {
  let o = Math.max(0, Math.min(offset, text.length));
  for (;;) {
    if (o <= 0 || o >= text.length) return o;
    const before = text.charCodeAt(o - 1);
    const after = text.charCodeAt(o);
    const inPair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
    const inCrlf = before === 13 && after === 10;
    if (!inPair && !inCrlf) return o;
    o += direction;
  }
}

export interface ResolvedEdit {
  start: number;
  end: number;
  text: string;
}

/** The edit as offsets into `text`, on code-point (and line-break) boundaries. */
export function resolveEdit(text: string, edit: EditSpec): ResolvedEdit {
  let start: number;
  if (edit.anchor.kind === 'uniform') {
    start = edit.anchor.at % (text.length + 1);
  } else {
    const marks = landmarks(text, edit.anchor.cls);
    start = marks.length === 0 ? edit.anchor.at % (text.length + 1) : marks[edit.anchor.at % marks.length] + edit.anchor.jitter;
  }
  start = snap(text, start, -1);
  let end = start;
  for (let i = 0; i < edit.deleteLength && end < text.length; i++) {
    const c = text.charCodeAt(end);
    end += c >= 0xd800 && c <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  end = snap(text, end, 1);
  return { start, end, text: edit.insert };
}

export function applyEdit(text: string, edit: ResolvedEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}
