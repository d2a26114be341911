import type { Nodes } from 'mdast';
import { detached, LineIndex, sharedEnds, type Span, type TextSource } from '../text';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { parseSection, standInKey, type ParsedSection, type StandIns } from './markdown';
import { maskLines, type Masking } from './mask';
import { costlyBlocks, mergeUnparsed, type SkippedBlock } from './prescan';
import { rescanSections, scanSections, type DefinitionLabel, type SectionScan } from './sections';
import { foldCase, mentions } from './labelMentions';
import { Memo, MemoKey } from '../session/state';
import { extract, placeSections, realDefinitions, type Footnotes, type HeadingInfo, type LinkInfo } from './extracted';
export { sectionLinkInfos, type RelativeLink } from './extracted';

export type { HeadingInfo, LinkInfo, LinkKind } from './extracted';

/** The blocks from one ATX heading to the next (the first section runs from the start). */
export interface Section {
  index: number;
  span: Span;
  parsed: ParsedSection;
  /** Add to an mdast offset of this section's tree to get a document offset. */
  delta: number;
}

export interface DocumentModel {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  /** 1 when the text starts with a byte-order mark, which is not content. */
  readonly bomLength: number;
  readonly frontMatter: FrontMatter | undefined;
  /** Empty when the body was not parsed (see `skipped`). */
  readonly sections: readonly Section[];
  readonly headings: readonly HeadingInfo[];
  readonly links: readonly LinkInfo[];
  /** Footnote references and definitions (also among `links`). */
  readonly footnotes: Footnotes;
  /** Why the body was not parsed, when it was not. */
  readonly skipped?: { reason: 'too-large'; limit: number };
  /** Lines too long to parse, which were read as blank lines. */
  readonly longLines: readonly Span[];
  /** Lines nested too deeply to parse (quotes and lists in hundreds of levels), read as blank. */
  readonly deepLines: readonly Span[];
  /** Blocks (and section tails) too dense with markup or too long to parse, read as blank. */
  readonly skippedBlocks: readonly SkippedBlock[];
  /** Where the analysis stopped, when it ran out of time: later sections were not parsed. */
  readonly cut?: { reason: 'deadline'; offset: number; deadlineMs: number };
  /** The definition labels the sections were parsed with; equal keys allow reuse. */
  readonly definitionsKey: string;
  /** What rules derive from this version (findings, talks, resolved links), kept as long as it is. */
  readonly memo: Memo;
  /** The document span of a node of a section's tree. */
  spanOf(node: Nodes, section: Section): Span;
}

export { MAX_INDENT, MAX_LINE_LENGTH, MAX_NESTING } from './mask';
export { MAX_BLOCK_LENGTH, MAX_BLOCK_MARKUP, MAX_SECTION_BLOCKS, MAX_SECTION_LENGTH, MAX_SECTION_LINES, MAX_SECTION_MARKUP, type SkippedBlock } from './prescan';

export interface BuildOptions {
  /** The model of an earlier version of the same document: unchanged sections are reused. */
  previous?: DocumentModel;
  /** Bodies longer than this many characters are not parsed. */
  maxFileSize: number;
  /**
   * A deadline: once `now()` passes `at`, no further section is parsed (the sections left get
   * empty trees, and the model says where it was cut).
   */
  deadline?: { at: number; now: () => number; ms: number };
}

/**
 * Builds the model of one document version, one section at a time: the generator yields
 * after each section it parses, so that a caller may pause (to stay responsive) or stop
 * (when the version is stale). Run it to the end with `buildModel`.
 */
export function* modelSteps(source: TextSource, options: BuildOptions): Generator<void, DocumentModel> {
  const text = source.getText();
  const bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // What the edit left as it was: the lines and sections there are known from the earlier version.
  const previous = options.previous;
  const ends = previous ? sharedEnds(previous.text, text) : undefined;
  const lines = new LineIndex(text, previous && ends ? { lines: previous.lines, ends } : undefined);
  const frontMatter = sameFrontMatter(previous, text, bomLength) ?? parseFrontMatter(text, bomLength);
  const base = { uri: source.uri, version: source.version, text, lines, bomLength, frontMatter, spanOf, memo: new Memo() };

  if (text.length > options.maxFileSize) {
    const skipped = { reason: 'too-large', limit: options.maxFileSize } as const;
    const footnotes = { references: [], definitions: [] };
    return { ...base, sections: [], headings: [], links: [], footnotes, longLines: [], deepLines: [], skippedBlocks: [], definitionsKey: '', skipped };
  }
  const earlierMasking = previous?.memo.peek(MASKING);
  const masking = maskLines(text, previous && ends && earlierMasking ? { masking: earlierMasking, text: previous.text, ends } : undefined);
  base.memo.get(MASKING, [], () => masking);
  const { masked, longLines, deepLines } = masking;

  // Sections are cut after the front matter, which the first section still holds so that
  // remark sees it where it expects it. JSON front matter is left to the model alone.
  const bodyStart = frontMatter ? (frontMatter.closed ? frontMatter.span.end : text.length) : bomLength;
  // The earlier version's scan, where the edit left the body's start and no block was skipped.
  const earlierScan = previous && previous.skippedBlocks.length === 0 ? previous.memo.peek(SCAN) : undefined;
  const rescanned = previous && ends && earlierScan?.from === bodyStart ? rescanSections(masked, { scan: earlierScan.scan, length: previous.text.length, ends }) : undefined;
  let scan = rescanned ?? scanSections(masked, bodyStart);
  // Kept before its first start is moved to the byte-order mark (below), with the start it was made from.
  base.memo.get(SCAN, [], () => ({ scan: { starts: scan.starts.slice(), definitions: scan.definitions, footnotes: scan.footnotes }, from: bodyStart }));
  // A block too costly to parse becomes a section of its own, never parsed (see prescan.ts).
  const skippedBlocks = costlyBlocks(masked, scan.starts, bodyStart);
  if (skippedBlocks.length > 0) scan = scanSections(masked, bodyStart, skippedBlocks);
  const skippedAt = new Set(skippedBlocks.map((b) => b.start));
  const starts = scan.starts;
  starts[0] = bomLength;


  const spans: Span[] = starts.map((start, i) => ({ start, end: i + 1 < starts.length ? starts[i + 1] : text.length }));
  const texts = spans.map((span) => masked.slice(span.start, span.end));
  const foldedTexts: (string | undefined)[] = [];
  const parsed: ParsedSection[] = [];

  const standInsFor = (i: number, definitions: Map<string, DefinitionLabel>, footnotes: Map<string, DefinitionLabel>): StandIns => {
    const result: StandIns = { definitions: [], footnotes: [] };
    if (definitions.size === 0 && footnotes.size === 0) return result;
    const folded = (foldedTexts[i] ??= foldCase(texts[i]));
    for (const { label, sections } of definitions.values()) {
      if (!sections.has(i) && mentions(folded, label, '[')) result.definitions.push(label);
    }
    for (const { label, sections } of footnotes.values()) {
      if (!sections.has(i) && mentions(folded, label, '[^')) result.footnotes.push(label);
    }
    return result;
  };

  // A section's stand-ins depend only on its own text and on the labels defined in the whole
  // document; when those labels are as before, an unchanged section is reused as it is.
  let definitionsKey = keyOf(scan.definitions, scan.footnotes);
  const sameLabels = previous?.definitionsKey === definitionsKey;

  const reusable = reusableSections(previous, texts, spans, text, ends);
  const deadline = options.deadline;
  let cutAt: number | undefined;
  for (let i = 0; i < texts.length; i++) {
    const followed = i < texts.length - 1;
    const found = reusable(i);
    const known = found?.followed === followed ? found : undefined;
    if (skippedAt.has(spans[i].start)) {
      parsed.push(unparsedSection());
    } else if (known && sameLabels) {
      parsed.push(known);
    } else if (cutAt !== undefined || (deadline && deadline.now() >= deadline.at)) {
      cutAt ??= i;
      parsed.push(unparsedSection());
    } else {
      const standIns = standInsFor(i, scan.definitions, scan.footnotes);
      parsed.push(known && known.standInKey === standInKey(standIns) ? known : parseSection(detached(texts[i]), standIns, i === 0, followed));
      yield;
    }
  }

  // Past the deadline, each run of unparsed sections becomes one: the checks then pay nothing
  // per section that was not parsed (50,000 headings after the cut cost no more than one).
  const cutOffset = cutAt === undefined ? undefined : spans[cutAt].start;
  if (cutAt !== undefined) mergeUnparsed(parsed, spans);

  // The scan guesses where definitions are; the trees know. Where they disagree (a rare
  // construct the scan misread), reparse the sections whose stand-ins change, so the result
  // is always that of a whole-document parse.
  const extracted = parsed.map((p) => extract(p));
  const real = realDefinitions(extracted);
  if (cutAt === undefined && (!sameDefinitions(real.definitions, scan.definitions) || !sameDefinitions(real.footnotes, scan.footnotes))) {
    definitionsKey = keyOf(real.definitions, real.footnotes);
    for (let i = 0; i < texts.length; i++) {
      if (skippedAt.has(spans[i].start)) continue;
      const standIns = standInsFor(i, real.definitions, real.footnotes);
      if (standInKey(standIns) !== parsed[i].standInKey) {
        parsed[i] = parseSection(detached(texts[i]), standIns, i === 0, i < texts.length - 1);
        extracted[i] = extract(parsed[i]);
        yield;
      }
    }
  }

  // A section the edit left where it was is the same object as before, so that what is kept
  // by section (talk blocks, placed spans) is found again without being placed anew.
  const before = previous?.sections ?? [];
  const sections: Section[] = parsed.map((p, index) => {
    const same = index < before.length ? before[index] : undefined;
    if (same && same.parsed === p && same.span.start === spans[index].start && same.span.end === spans[index].end) return same;
    return { index, span: spans[index], parsed: p, delta: spans[index].start - p.prefixLength };
  });
  // The document's headings and links in document offsets, placed when first read: the checks
  // read them by section, so a keystroke that moves every later section places none of them.
  let all: { headings: HeadingInfo[]; links: LinkInfo[]; footnotes: Footnotes } | undefined;
  const placeAll = () => (all ??= placeSections(sections, extracted));
  // Long lines of front matter were parsed by its own parser; only the body's are unchecked.
  const bodyLongLines = longLines.filter((l) => l.start >= bodyStart);
  const bodyDeepLines = deepLines.filter((l) => l.start >= bodyStart);
  const cut = cutOffset !== undefined && deadline ? { reason: 'deadline' as const, offset: cutOffset, deadlineMs: deadline.ms } : undefined;
  return {
    ...base,
    sections,
    get headings() {
      return placeAll().headings;
    },
    get links() {
      return placeAll().links;
    },
    get footnotes() {
      return placeAll().footnotes;
    },
    longLines: bodyLongLines,
    deepLines: bodyDeepLines,
    skippedBlocks,
    definitionsKey,
    ...(cut && { cut }),
  };
}

/**
 * The previous version's front matter, when the edit left it and the character after it as they
 * were: a closed block reads only its own lines.
 */
function sameFrontMatter(previous: DocumentModel | undefined, text: string, bomLength: number): FrontMatter | undefined {
  const fm = previous?.frontMatter;
  if (!previous || !fm || !fm.closed || previous.bomLength !== bomLength) return undefined;
  const n = fm.span.end + 1;
  if (n > text.length || n > previous.text.length) return undefined;
  return text.startsWith(previous.text.slice(0, n)) ? fm : undefined;
}

/**
 * A section left unparsed (by the deadline, or as too costly): no text and an empty tree, so
 * that no check reads it, and never reused by a later version.
 */
function unparsedSection(): ParsedSection {
  return { text: '', root: { type: 'root', children: [] }, prefixLength: 0, standInKey: '', memo: new Memo(), unparsed: true, followed: false };
}

/** The section scan of a version, for the next version's. */
const SCAN = new MemoKey<{ scan: SectionScan; from: number }>('model: section scan');

/** The lines a version read as blank, for the next version's masking. */
const MASKING = new MemoKey<Masking>('model: masked lines');

export function buildModel(source: TextSource, options: BuildOptions): DocumentModel {
  const steps = modelSteps(source, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Finds, for each new section, an earlier parse of the same text. An edit leaves the sections
 * before it and after it as they were, so they are matched by position from both ends: by
 * offset where the texts agree (`shared`), else by comparing texts; only the sections in
 * between are looked up by text.
 */
function reusableSections(previous: DocumentModel | undefined, texts: readonly string[], spans: readonly Span[], text: string, shared?: { prefix: number; suffix: number }): (i: number) => ParsedSection | undefined {
  const sections = previous?.sections ?? [];
  // Sections that lie in what the edit left as it was, where they were (or moved by the edit's
  // length, after it), have the same text: their lines are whole, so masked the same way too.
  const ends = shared ?? { prefix: 0, suffix: 0 };
  const delta = text.length - (previous?.text.length ?? 0);
  const tailFrom = text.length - ends.suffix;
  const same = (p: Section, i: number) => {
    if (p.parsed.unparsed) return false;
    const span = spans[i];
    if (span.end <= ends.prefix && p.span.start === span.start && p.span.end === span.end) return true;
    if (span.start >= tailFrom && p.span.start === span.start - delta && p.span.end === span.end - delta) return true;
    return p.parsed.text === texts[i];
  };
  let head = 0;
  while (head < sections.length && head < texts.length && same(sections[head], head)) head++;
  let tail = 0;
  while (tail < sections.length - head && tail < texts.length - head && same(sections[sections.length - 1 - tail], texts.length - 1 - tail)) tail++;
  let middle: Map<string, ParsedSection> | undefined;
  return (i) => {
    if (i < head) return sections[i].parsed;
    if (i >= texts.length - tail) return sections[sections.length - (texts.length - i)].parsed;
    if (!middle) {
      middle = new Map();
      for (let j = head; j < sections.length - tail; j++) if (!sections[j].parsed.unparsed) middle.set(sections[j].parsed.text, sections[j].parsed);
    }
    return middle.get(texts[i]);
  };
}

function keyOf(definitions: Map<string, DefinitionLabel>, footnotes: Map<string, DefinitionLabel>): string {
  return [...definitions.keys()].sort().join('\u0000') + '\u0001' + [...footnotes.keys()].sort().join('\u0000');
}

function spanOf(node: Nodes, section: Section): Span {
  return {
    start: (node.position?.start.offset ?? 0) + section.delta,
    end: (node.position?.end.offset ?? 0) + section.delta,
  };
}

function sameDefinitions(a: Map<string, DefinitionLabel>, b: Map<string, DefinitionLabel>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, def] of a) {
    const other = b.get(id);
    if (!other || other.sections.size !== def.sections.size) return false;
    for (const s of def.sections) if (!other.sections.has(s)) return false;
  }
  return true;
}
