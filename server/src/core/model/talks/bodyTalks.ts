import type { List, ListItem, Paragraph } from 'mdast';
import type { Section } from '../document';
import { attach, titleSpan, trimEnd, type Block, type Container, type Extraction, type LinkTargets } from './context';
import { flatten } from './flatten';
import { classify, readLinkLine } from './links';
import { parseSpeakers } from './speakers';
import { readTitle } from './titles';
import type { OutlineSection, Speaker, Talk } from './types';

// Talks that are no heading: bold pseudo-headings (`**Title** - Speaker`) and lists of sessions.

const LINK_LABEL = /^(?:\W|_)*(?:video|video link|recording|watch|youtube|vimeo|talk|slides?|slide deck|deck|presentation|pdf|link)(?:\W|_)*$/iu;
const LIST_HEADING = /\b(?:sessions?|talks?|schedule|agenda|line-?up|program(?:me)?|presentations?|recordings?|keynotes?)\b/i;

/** Bold pseudo-headings and lists of talks among the blocks [from, to) of one container. */
export function bodyTalks(x: Extraction, from: number, to: number, container: Container): void {
  const { blocks, model } = x;
  const parent = container.node as OutlineSection | undefined;
  const headingText = container.headingText ?? '';
  const bold: { block: number; talk: Talk; evidence: boolean }[] = [];
  const found: Talk[] = [];
  for (let b = from; b < to; b++) {
    const block = blocks[b];
    if (block.node.type === 'list') found.push(...listTalks(x, block.node, block.section, parent, LIST_HEADING.test(headingText)));
    else if (block.node.type === 'paragraph') {
      const candidate = boldCandidate(x, block.node, block, b + 1 < to ? blocks[b + 1] : undefined, parent);
      if (candidate) bold.push({ block: b, ...candidate });
    }
  }
  // Without own evidence, bold lines count only when repeated in a post with no heading talks.
  const accepted = bold.filter((c) => c.evidence || (bold.length >= 2 && !x.hasHeadingTalks));
  accepted.forEach((c, k) => {
    const endBlock = k + 1 < accepted.length ? accepted[k + 1].block : to;
    const end = endBlock < blocks.length ? blocks[endBlock].span.start : model.text.length;
    c.talk.span = { start: c.talk.span.start, end: trimEnd(model, c.talk.span.start, end) };
    found.push(c.talk);
  });
  if (accepted.length) found.sort((a, b) => a.span.start - b.span.start);
  for (const talk of found) {
    x.talks.push(talk);
    attach(x, talk, parent);
  }
}

function boldCandidate(x: Extraction, node: Paragraph, block: Block, next: Block | undefined, parent: OutlineSection | undefined): { talk: Talk; evidence: boolean } | undefined {
  const first = node.children[0];
  if (!first || first.type !== 'strong' || !next || next.node.type === 'heading') return undefined;
  const strongFlat = flatten(x, first.children, block.section);
  const rawTitle = strongFlat.text.replace(/\s+/g, ' ').trim().replace(/:$/, '');
  if (!rawTitle || rawTitle.length > 300) return undefined;
  const restFlat = flatten(x, node.children.slice(1), block.section);
  let rest = restFlat.text;
  for (const link of [...restFlat.links].reverse()) rest = rest.slice(0, link.from) + rest.slice(link.to);
  rest = rest.replace(/\s+/g, ' ').trim();
  if (rest.length > 200) return undefined;
  const parts = readTitle(rawTitle);
  let speakers = parts.speakers;
  let evidence = parts.speakerEvidence === 'strong';
  if (rest) {
    const parsed = parseSpeakers(rest.replace(/^(?:[-–—,:]|by)\s*|^\(|\)$/g, ''));
    if (!parsed) return undefined;
    speakers = parsed.speakers;
    evidence = true;
  }
  const links: LinkTargets = {};
  for (const link of [...strongFlat.links, ...restFlat.links]) classify(x, links, block.section, link.url, link.span, link.text);
  if (readLinkLine(x, links, next)) evidence = true;
  if (links.video || links.slides) evidence = true;
  const headingSpan = block.span;
  const title = parts.title || rawTitle;
  const talk: Talk = {
    kind: 'talk',
    title,
    speakers,
    style: 'bold',
    depth: 0,
    span: { ...headingSpan },
    headingSpan,
    titleSpan: titleSpan(x.model, title, x.model.spanOf(first, block.section)),
    children: [],
    ...links,
  };
  if (parent) talk.section = parent;
  return { talk, evidence };
}

/** Items of a list of sessions: each with a link is a talk. */
function listTalks(x: Extraction, list: List, section: Section, parent: OutlineSection | undefined, namedForTalks: boolean): Talk[] {
  const items = list.children.map((item) => readItem(x, item, section)).filter((t): t is Talk => t !== undefined);
  const withVideo = items.filter((t) => t.video || t.slides).length;
  // Under a heading not named for talks, a list is one of talks when most items link a video.
  if (!namedForTalks && (withVideo === 0 || withVideo * 2 < list.children.length)) return [];
  if (parent) for (const talk of items) talk.section = parent;
  return items;
}

function readItem(x: Extraction, item: ListItem, section: Section): Talk | undefined {
  const paragraph = item.children[0];
  if (!paragraph || paragraph.type !== 'paragraph') return undefined;
  const flat = flatten(x, paragraph.children, section);
  // An item of prose is not a line naming a talk.
  if (flat.links.length === 0 || flat.text.length > 1000) return undefined;
  const links: LinkTargets = {};
  // Label links (`[video]`, a bare URL) are not part of the title.
  let text = flat.text;
  for (const link of [...flat.links].reverse()) {
    classify(x, links, section, link.url, link.span, link.text);
    if (LINK_LABEL.test(link.text) || link.text === link.url) text = text.slice(0, link.from) + text.slice(link.to);
  }
  text = text.replace(/\s*\(\s*\)|\s*[-–—:|·,]+\s*$/g, '').replace(/\s+/g, ' ').trim();
  const lead = flat.links[0];
  let title: string;
  let speakers: Speaker[] = [];
  if (lead.from === 0 && !LINK_LABEL.test(lead.text) && lead.text !== lead.url) {
    // `[Title](url) - Speaker` or `[Title](url) by Speaker (Org)`
    title = lead.text.replace(/\s+/g, ' ').trim();
    const after = text.slice(title.length).replace(/^\s*(?:[-–—:,]|by\b)\s*/i, '').trim();
    const parsed = after.startsWith('(') && after.endsWith(')') ? parseSpeakers(after.slice(1, -1)) : parseSpeakers(after);
    if (parsed) speakers = parsed.speakers;
    const parts = readTitle(title);
    title = parts.title || title;
    if (speakers.length === 0) speakers = parts.speakers;
  } else {
    const parts = readTitle(text.replace(/\s+by\s+(?=[^\s]+\s+[^\s]+$)/, ' - '));
    title = parts.title;
    speakers = parts.speakers;
  }
  if (!title) title = links.video?.url ?? links.slides?.url ?? lead.url;
  const headingSpan = x.model.spanOf(paragraph, section);
  const talk: Talk = {
    kind: 'talk',
    title,
    speakers,
    style: 'list-item',
    depth: 0,
    span: x.model.spanOf(item, section),
    headingSpan,
    titleSpan: titleSpan(x.model, title, headingSpan),
    children: [],
    ...links,
  };
  return talk;
}
