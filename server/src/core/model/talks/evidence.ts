import type { Heading } from 'mdast';
import { MemoKey } from '../../session/state';
import type { Span } from '../../text';
import type { Section } from '../document';
import type { Extraction, LinkTargets } from './context';
import { flatten, type Flattened } from './flatten';
import { classify, readLinkLine } from './links';
import { sectionLinkInfos } from '../extracted';
import { speakerInProse } from './proseSpeaker';
import { parseSpeakers, parseSpeakersLine } from './speakers';
import { speakerFields } from './fields';
import { LIST_HEADING, readsAsTitle, readTitle, writerSpeaking, type TitleParts } from './titles';
import { namedAfter, TALK_PAGE_SEGMENT, talkPage } from './listTalks';
import type { Speaker, TalkLink, TalkStyle, VideoLink } from './types';

// Which headings are talks: the evidence each heading gives, weighed against its siblings'.

export interface HeadingRead {
  block: number;
  node: Heading;
  depth: number;
  span: Span;
  contentSpan: Span;
  flat: Flattened;
  parts: TitleParts;
  /** Blocks between this heading and the next one, any level. */
  bodyEnd: number;
  evidence: 'none' | 'weak' | 'strong';
  style?: TalkStyle;
  video?: VideoLink;
  slides?: TalkLink;
  page?: TalkLink;
  speakers: Speaker[];
  title: string;
}

/** What weighing a heading found, in offsets relative to its section: reusable while the section's parse is. */
type Kept = Pick<HeadingRead, 'contentSpan' | 'parts' | 'evidence' | 'style' | 'video' | 'slides' | 'page' | 'speakers' | 'title'> & {
  /** Where the body ended, relative: a changed body (another section's heading moved) is read again. */
  bodyEnd: number;
  /** The next heading's depth (0: none): a heading followed by a deeper one is weighed apart. */
  nextDepth: number;
};

/** `Day 2`, `23.11.2021`, `2021-11-23`: a heading that dates what follows. */
const DAY_OR_DATE = /^\s*\p{L}+\s+\d{1,2}\s*$|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}/u;

/** Per parsed section, by heading node; valid for one set of link definitions. */
const HEADING_READS = new MemoKey<Map<Heading, Kept>>('talks: heading reads');

function moved<T extends { span: Span } | undefined>(link: T, by: number): T {
  if (!link) return link;
  const copy = Object.assign({}, link);
  copy.span = { start: link.span.start + by, end: link.span.end + by };
  return copy;
}

/** Every heading of the body, read and weighed; weak evidence is then settled by `decide`. */
export function readHeadings(x: Extraction): HeadingRead[] {
  const { blocks, model } = x;
  const at: number[] = [];
  for (let i = 0; i < blocks.length; i++) if (blocks[i].node.type === 'heading') at.push(i);
  const reads: HeadingRead[] = [];
  // Headings come section by section: the kept readings of the last section are at hand.
  let keptOf: Section | undefined;
  let keptReads: Map<Heading, Kept> | undefined;
  at.forEach((i, k) => {
    const { node, section, span } = blocks[i];
    const heading = node as Heading;
    const bodyEnd = k + 1 < at.length ? at[k + 1] : blocks.length;
    const flat = flatten(x, heading.children, section);
    const base = section.span.start;
    // A heading whose body lies in its own section is read once per parse of that section.
    const own = blocks[bodyEnd - 1].section === section;
    const bodyEndOffset = (bodyEnd < blocks.length ? blocks[bodyEnd].span.start : model.text.length) - base;
    if (own && keptOf !== section) {
      keptOf = section;
      keptReads = section.parsed.memo.get(HEADING_READS, [x.definitionsKey], () => new Map());
    }
    const kept = own ? keptReads : undefined;
    const found = kept?.get(heading);
    const nextDepth = bodyEnd < blocks.length ? (blocks[bodyEnd].node as Heading).depth : 0;
    if (found && found.bodyEnd === bodyEndOffset && found.nextDepth === nextDepth) {
      reads.push({
        block: i,
        node: heading,
        depth: heading.depth,
        span,
        contentSpan: { start: found.contentSpan.start + base, end: found.contentSpan.end + base },
        flat,
        parts: found.parts,
        bodyEnd,
        evidence: found.evidence,
        style: found.style,
        video: moved(found.video, base),
        slides: moved(found.slides, base),
        page: moved(found.page, base),
        // Shared with what is kept: speaker lists are replaced, never changed in place.
        speakers: found.speakers,
        title: found.title,
      });
      return;
    }
    // Links GFM finds in text after the parse carry no position: only placed children count.
    const placed = heading.children.filter((c) => c.position?.start.offset !== undefined && c.position.end.offset !== undefined);
    const contentSpan = placed.length
      ? { start: model.spanOf(placed[0], section).start, end: Math.max(model.spanOf(placed[0], section).start, model.spanOf(placed[placed.length - 1], section).end) }
      : headingText(model.text, span);
    const h: HeadingRead = {
      block: i,
      node: heading,
      depth: heading.depth,
      span,
      contentSpan,
      flat,
      parts: readTitle(flat.text),
      bodyEnd,
      evidence: 'none',
      speakers: [],
      title: '',
    };
    weigh(x, h);
    reads.push(h);
    kept?.set(heading, {
      contentSpan: { start: contentSpan.start - base, end: contentSpan.end - base },
      parts: h.parts,
      evidence: h.evidence,
      style: h.style,
      video: moved(h.video, -base),
      slides: moved(h.slides, -base),
      page: moved(h.page, -base),
      speakers: h.speakers.slice(),
      title: h.title,
      bodyEnd: bodyEndOffset,
      nextDepth,
    });
  });
  speakerFields(x, reads);
  sharedTracks(reads);
  sessionChildren(x, reads);
  return reads;
}

/**
 * Headings under one whose text names sessions (`## Favourite Workshops`) are talks when they read
 * as titles and hold no headings of their own: weak evidence, settled among siblings.
 */
function sessionChildren(x: Extraction, reads: HeadingRead[]): void {
  const stack: HeadingRead[] = [];
  reads.forEach((h, k) => {
    while (stack.length && stack[stack.length - 1].depth >= h.depth) stack.pop();
    const parent = stack[stack.length - 1];
    stack.push(h);
    if (h.evidence !== 'none' || !parent || parent.evidence !== 'none' || h.parts.prefix === 'theme') return;
    // A short heading naming sessions itself (`### Talks`) groups them.
    if (!LIST_HEADING.test(parent.flat.text) || (LIST_HEADING.test(h.flat.text) && h.title.split(' ').length <= 3)) return;
    const next = reads[k + 1];
    if (next && next.depth > h.depth) return;
    if ((!readsAsTitle(h.title) && (writerSpeaking(h.title) || !linksItsTalk(x, h))) || opensAList(x, h)) return;
    h.evidence = 'weak';
    h.style = 'session-child';
  });
}

/**
 * Sibling headings that end with the same parenthesised name (`### Title (Main Hall)`, three
 * or more, a name written at least twice): the name is a track or room, and they are talks.
 */
function sharedTracks(reads: HeadingRead[]): void {
  // Siblings by parent and depth (depths are 1 to 6).
  const groups = new Map<number, HeadingRead[]>();
  const stack: number[] = [];
  for (let k = 0; k < reads.length; k++) {
    const h = reads[k];
    while (stack.length && reads[stack[stack.length - 1]].depth >= h.depth) stack.pop();
    const key = ((stack.length ? stack[stack.length - 1] : -1) + 1) * 8 + h.depth;
    stack.push(k);
    const siblings = groups.get(key);
    if (siblings) siblings.push(h);
    else groups.set(key, [h]);
  }
  for (const siblings of groups.values()) {
    if (siblings.length < 3) continue;
    const tracked: { h: HeadingRead; m: RegExpExecArray }[] = [];
    for (const h of siblings) {
      if (h.evidence !== 'none' || h.parts.prefix === 'theme') continue;
      const m = /^(.{2,300}?)\s*\(([^()]{2,60})\)$/u.exec(h.flat.text.replace(/\s+/g, ' ').trim());
      if (m) tracked.push({ h, m });
    }
    if (tracked.length < 3 || tracked.length * 5 < siblings.length * 3) continue;
    const counts = new Map<string, number>();
    for (const t of tracked) counts.set(t.m[2], (counts.get(t.m[2]) ?? 0) + 1);
    if (![...counts.values()].some((n) => n >= 2)) continue;
    for (const { h, m } of tracked) {
      h.evidence = 'weak';
      h.style = 'session-child';
      h.title = m[1].trim();
      h.speakers = [];
    }
  }
}

/** The first paragraph under a heading links a video, slides or a talk's page (`The video is [here](…)`). */
function linksItsTalk(x: Extraction, h: HeadingRead): boolean {
  const first = x.blocks.slice(h.block + 1, h.bodyEnd).find((b) => b.node.type === 'paragraph');
  if (!first || first.node.type !== 'paragraph') return false;
  const targets: LinkTargets = {};
  const links = flatten(x, first.node.children, first.section).links;
  for (const link of links) classify(x, targets, first.section, link.url, link.span, link.text, false);
  return Boolean(targets.video || targets.slides) || links.some((l) => talkPage(l.url, h.title) && /\/(?:event|session|talk)s?\//i.test(l.url));
}

/** A body that opens with a list, or with a lead-in line ending in a colon: the heading groups what follows. */
function opensAList(x: Extraction, h: HeadingRead): boolean {
  for (let b = h.block + 1; b < h.bodyEnd; b++) {
    const node = x.blocks[b].node;
    if (node.type === 'html') continue;
    if (node.type === 'list') return true;
    if (node.type !== 'paragraph') return false;
    const text = flatten(x, node.children, x.blocks[b].section).text.trim();
    if (text === '' || node.children.every((c) => c.type === 'image')) continue;
    return /[:：]$/.test(text) || node.children.some((c) => c.type === 'break') && /[:：]\s*$/.test(text.split('\n')[0]);
  }
  return false;
}

/** Collects the evidence that a heading is a talk, and the talk's links. */
function weigh(x: Extraction, h: HeadingRead): void {
  const { parts, flat } = h;
  const { blocks, model } = x;
  const headingSection = blocks[h.block].section;
  h.speakers = parts.speakers;
  h.title = parts.title;
  const strong = (style: TalkStyle) => {
    h.evidence = 'strong';
    h.style ??= style;
  };
  if (parts.prefix === 'theme') return;
  if (parts.prefix === 'talk') strong('prefixed');
  if (parts.sessionCode || parts.slot) strong('session-code');

  // A heading that is (mostly) a link to a web page: `### [Title](video)`.
  const titleLength = Math.max(1, parts.title.length);
  for (const link of flat.links) {
    if (!/^https?:\/\//i.test(link.url)) continue;
    classify(x, h, headingSection, link.url, link.span, link.text);
    if (link.to - link.from >= titleLength * 0.6 || link.text.trim() === '') strong('link-heading');
  }
  // `Name - ["Title"](url)` (or the link first, then the names): the link is the title.
  const only = flat.links.length === 1 ? flat.links[0] : undefined;
  if (only && /^https?:\/\//i.test(only.url)) {
    const outside = (flat.text.slice(0, only.from) + '\u0000' + flat.text.slice(only.to)).replace(/\s*\{[#:][^{}]*\}\s*$/, '').trim();
    const m = /^(.{3,200}?)\s[-–—]\s*\u0000$|^\u0000\s*[-–—]\s(.{3,200})$/su.exec(outside);
    const names = m ? parseSpeakers(m[1] ?? m[2]) : undefined;
    if (names && names.affiliations === 0) {
      h.speakers = names.speakers;
      h.title = only.text.replace(/\s+/g, ' ').trim().replace(/^["“'](.*)["”']$/su, '$1');
      strong('link-heading');
    }
  }
  if (flat.small) {
    const parsed = parseSpeakers(flat.small);
    h.speakers = parsed?.speakers ?? [{ name: flat.small.replace(/\s+/g, ' ').trim() }];
    strong('small-speaker');
  }
  if (parts.speakerEvidence === 'strong') strong(parts.speakerStyle!);
  else if (parts.speakerEvidence === 'weak' && h.evidence === 'none') {
    h.evidence = 'weak';
    h.style = parts.speakerStyle;
  }

  // The first blocks under the heading: `[Video Link](…)`, `[Slides](…)`, a bare URL, an embed,
  // or a `**Speakers:** Name (Company), …` line when the heading names none.
  for (let b = h.block + 1; b < Math.min(h.bodyEnd, h.block + 3); b++) {
    const block = blocks[b];
    if (readLinkLine(x, h, block)) strong('link-line');
    else if (h.speakers.length === 0 && block.node.type === 'paragraph') {
      const speakers = parseSpeakersLine(flatten(x, block.node.children, block.section).text) ?? nameLine(x, block);
      if (speakers) {
        h.speakers = speakers;
        if (h.evidence === 'none') strong('speakers-line');
      }
    }
  }
  // A link in the first paragraphs to a schedule page named after the heading (`…/event/Ab1/the-title-…`): the talk's page.
  if (h.evidence === 'none' && parts.title) {
    for (let b = h.block + 1; b < Math.min(h.bodyEnd, h.block + 4) && h.evidence === 'none'; b++) {
      const block = blocks[b];
      if (block.node.type !== 'paragraph') continue;
      for (const link of flatten(x, block.node.children, block.section).links) {
        if (!namedAfter(link.url, parts.title) || !TALK_PAGE_SEGMENT.test(link.url.replace(/^https?:\/\/[^/]+/i, '') + '/')) continue;
        classify(x, h, block.section, link.url, link.span, link.text);
        strong('link-line');
        break;
      }
    }
  }
  // `## Title`, then `Ada Quill gave a talk on…`: weak, settled among siblings.
  if (h.evidence === 'none' && h.speakers.length === 0 && !DAY_OR_DATE.test(flat.text) && !(h.bodyEnd < blocks.length && (blocks[h.bodyEnd].node as Heading).depth > h.depth)) {
    const first = blocks.slice(h.block + 1, h.bodyEnd).find((b) => b.node.type === 'paragraph' && !b.node.children.every((c) => c.type === 'image'));
    const speaker = first?.node.type === 'paragraph' ? speakerInProse(flatten(x, first.node.children, first.section).text) : undefined;
    if (speaker) {
      h.evidence = 'weak';
      h.style = 'speakers-line';
      h.speakers = [speaker];
    }
  }
  // A video linked in the talk's notes still is its video.
  if (h.evidence !== 'none' && (!h.video || !h.slides)) {
    const bodyStart = h.span.end;
    const bodyEnd = h.bodyEnd < blocks.length ? blocks[h.bodyEnd].span.start : model.text.length;
    // Read section by section, in each one's own offsets: no need for the whole post's links.
    const sections = model.sections;
    for (let s = headingSection.index; s < sections.length && sections[s].span.start < bodyEnd && (!h.video || !h.slides); s++) {
      const section = sections[s];
      const base = section.span.start;
      for (const link of sectionLinkInfos(section.parsed)) {
        const start = link.span.start + base;
        if (start < bodyStart) continue;
        if (start >= bodyEnd || (h.video && h.slides)) break;
        const url = link.kind === 'link' ? link.url : link.kind === 'linkReference' ? x.definitions.get(link.identifier ?? '') : undefined;
        if (url) classify(x, h, section, url, { start, end: link.span.end + base }, '', false);
      }
    }
  }
  if (!h.title) h.title = h.video?.url ?? h.slides?.url ?? h.page?.url ?? flat.text.trim();
}

/**
 * A line under the heading that only names people: `by Ada Quill`, `*Ada Quill, Example Corp*` (not bold: a label),
 * `[Ada Quill](profile) & [Bo Tran](profile)`. Plain unmarked names are left to the prose reading.
 */
function nameLine(x: Extraction, block: Extraction['blocks'][number]): Speaker[] | undefined {
  if (block.node.type !== 'paragraph') return undefined;
  const children = block.node.children.filter((c) => !(c.type === 'text' && /^[\s,&]*$/.test(c.value)) && c.type !== 'break');
  const text = flatten(x, block.node.children, block.section).text.replace(/\s+/g, ' ').trim();
  // A byline with a date (`By Ada Quill, 3rd May 2024`) signs the post, not a talk.
  if (!text || text.length > 200 || /(?<!\d)(?:19|20)\d{2}(?!\d)|\d(?:st|nd|rd|th)\b/.test(text)) return undefined;
  const by = /^(?:by|par|von|por|przez|de)\s+(\S.*?)\.?$/iu.exec(text);
  const marked = children.length > 0 && children.every((c) => c.type === 'emphasis' || (c.type === 'link' && !/^https?:\/\/(?:www\.)?(?:youtube|youtu\.be|vimeo)/i.test(c.url)) || (c.type === 'text' && /^\s*(?:,|&|and|und|et|e|y|i)\s*$/.test(c.value)));
  if (!by && !marked) return undefined;
  const parsed = parseSpeakers((by ? by[1] : text).replace(/^\((.*)\)$/, '$1'));
  return parsed?.speakers;
}

/** Weak evidence (a lone name) counts when other headings at the same level are talks. */
export function decide(headings: HeadingRead[]): void {
  // Under a talk's heading, a heading with weak evidence is part of the talk's notes.
  const open: HeadingRead[] = [];
  for (const h of headings) {
    while (open.length && open[open.length - 1].depth >= h.depth) open.pop();
    if (h.evidence === 'weak' && open.some((o) => o.evidence === 'strong')) {
      h.evidence = 'none';
      h.speakers = [];
    }
    open.push(h);
  }
  const strongAt = new Set<number>();
  const weakAt = new Map<number, number>();
  for (const h of headings) {
    if (h.evidence === 'strong') strongAt.add(h.depth);
    else if (h.evidence === 'weak') weakAt.set(h.depth, (weakAt.get(h.depth) ?? 0) + 1);
  }
  for (const h of headings) {
    if (h.evidence === 'weak' && !strongAt.has(h.depth) && (weakAt.get(h.depth) ?? 0) < 2) {
      h.evidence = 'none';
      h.speakers = [];
    }
  }
}

/** A heading's text within its span, without the `#` marks (or setext underline) around it. */
function headingText(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const line = text.slice(span.start, span.end).split(/\r?\n|\r/, 1)[0];
  const lead = /^ {0,3}#{0,6}[ \t]*/.exec(line)?.[0].length ?? 0;
  const body = line.slice(lead).replace(/[ \t]+#*[ \t]*$/, '').replace(/[ \t]+$/, '');
  return { start: span.start + lead, end: span.start + lead + Math.max(body.length, 0) };
}
