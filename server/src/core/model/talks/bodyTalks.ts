import type { Paragraph } from 'mdast';
import { attach, titleSpan, trimEnd, type Block, type Container, type Extraction, type LinkTargets } from './context';
import { flatten } from './flatten';
import { readField } from './fields';
import { classify, readLinkLine } from './links';
import { LINK_LABEL, listTalks, talkPage } from './listTalks';
import { tableTalks } from './tableTalks';
import { parseSpeakers } from './speakers';
import { LIST_HEADING, readTitle } from './titles';
import type { OutlineSection, Talk } from './types';

// Talks that are no heading: bold pseudo-headings (`**Title** - Speaker`) and lists of sessions.



/** Bold pseudo-headings and lists of talks among the blocks [from, to) of one container. */
export function bodyTalks(x: Extraction, from: number, to: number, container: Container): void {
  const { blocks, model } = x;
  const parent = container.node as OutlineSection | undefined;
  // The heading chain names the talks of its lists: `## Talks` over `### Day 1`.
  let headingText = container.headingText ?? '';
  for (let s: OutlineSection | undefined = parent?.kind === 'section' ? parent.parent : undefined; s; s = s.parent) headingText += ` | ${s.title}`;
  const chainNamed = LIST_HEADING.test(headingText);
  const bold: { block: number; talk: Talk; evidence: boolean }[] = [];
  const found: Talk[] = [];
  for (let b = from; b < to; b++) {
    const block = blocks[b];
    if (block.node.type === 'list') {
      // A lead-in sentence ending with a colon names the list: `Talks I want to watch:`.
      const before = b > from ? blocks[b - 1] : undefined;
      const leadIn = before?.node.type === 'paragraph' && /:\s*$/.test(flatten(x, before.node.children, before.section).text) && LIST_HEADING.test(flatten(x, before.node.children, before.section).text);
      found.push(...listTalks(x, block.node, block.section, parent, chainNamed || leadIn, chainNamed));
    }
    else if (block.node.type === 'table') found.push(...tableTalks(x, block.node, block.section, parent));
    else if (block.node.type === 'paragraph') {
      const candidate = boldCandidate(x, block.node, b, b + 1 < to ? blocks[b + 1] : undefined, parent) ?? linkParagraph(x, block.node, b, parent);
      if (candidate) bold.push({ block: b, ...candidate });
    }
  }
  // A lone link paragraph naming a person is a talk only with a video or slides, or when repeated.
  const linkLines = bold.filter((c) => c.talk.style === 'link-line' && c.evidence).length;
  for (const c of bold) if (c.talk.style === 'link-line' && linkLines < 2 && !c.talk.video && !c.talk.slides) c.evidence = false;
  // Without own evidence, bold lines count only when repeated in a post with no heading talks.
  const accepted = bold.filter((c) => c.evidence || (c.talk.style === 'bold' && bold.length >= 2 && !x.hasHeadingTalks));
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

/**
 * Under a talk's heading, a list of three or more items that are each only a link to a video or
 * slides (`- [Title](video)`) names other talks: they become the talk's children.
 */
export function videoLists(x: Extraction, from: number, to: number, talk: Talk): void {
  const lists = x.lists;
  let lo = 0;
  let hi = lists.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lists[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < lists.length && lists[k] < to; k++) {
    const block = x.blocks[lists[k]];
    if (block.node.type !== 'list') continue;
    const list = block.node;
    // Whether a list is one of links is read once per parse of its section (and set of definitions).
    const known = block.facts.linkList;
    let onlyLinks = known?.definitionsKey === x.definitionsKey ? known.value : undefined;
    if (onlyLinks === undefined) {
      onlyLinks = list.children.every((item) => {
        const p = item.children[0];
        if (item.children.length !== 1 || p?.type !== 'paragraph') return false;
        const content = p.children.filter((c) => !(c.type === 'text' && /^[\s.,;:!–—-]*$/.test(c.value)));
        if (content.length !== 1 || content[0].type !== 'link') return false;
        const links: LinkTargets = {};
        const text = flatten(x, content[0].children, block.section).text.trim();
        return text !== content[0].url && !LINK_LABEL.test(text) && classify(x, links, block.section, content[0].url, block.span, '', false) !== undefined;
      });
      block.facts.linkList = { definitionsKey: x.definitionsKey, value: onlyLinks };
    }
    if (!onlyLinks) continue;
    for (const t of listTalks(x, block.node, block.section, undefined, false)) {
      t.section = talk.section;
      x.talks.push(t);
      talk.children.push(t);
    }
  }
}

function boldCandidate(x: Extraction, node: Paragraph, at: number, next: Block | undefined, parent: OutlineSection | undefined): { talk: Talk; evidence: boolean } | undefined {
  const block = x.blocks[at];
  const first = node.children[0];
  if (!first || first.type !== 'strong' || !next || next.node.type === 'heading') return undefined;
  const strongFlat = flatten(x, first.children, block.section);
  const rawTitle = strongFlat.text.replace(/\s+/g, ' ').trim().replace(/:$/, '');
  if (!rawTitle || rawTitle.length > 300) return undefined;
  // `**Speaker:** Name`: a field of the section's talk, in any language, not a talk of its own.
  if (readField(x, at, x.blocks.length)) return undefined;
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
    span: { start: headingSpan.start, end: headingSpan.end },
    headingSpan,
    titleSpan: titleSpan(x.model, title, x.model.spanOf(first, block.section)),
    children: [],
    ...links,
  };
  if (parent) talk.section = parent;
  return { talk, evidence };
}


/** A paragraph that is only a link: `[Title - Speaker](video page)`, `[Name, "Title"](…)`. */
function linkParagraph(x: Extraction, node: Paragraph, at: number, parent: OutlineSection | undefined): { talk: Talk; evidence: boolean } | undefined {
  const block = x.blocks[at];
  const content = node.children.filter((c) => !(c.type === 'text' && /^[\s.,;:!–—-]*$/.test(c.value)));
  if (content.length !== 1 || content[0].type !== 'link') return undefined;
  const link = content[0];
  const text = flatten(x, link.children, block.section).text.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 300 || text === link.url || LINK_LABEL.test(text)) return undefined;
  const parts = readTitle(text);
  const links: LinkTargets = {};
  // By its URL only: a link text saying `slides` names no talk.
  classify(x, links, block.section, link.url, block.span, '');
  const named = parts.speakers.length > 0 && parts.speakerEvidence !== 'none';
  const evidence = /^https?:\/\//i.test(link.url) && (named || Boolean(links.video || links.slides) || talkPage(link.url, parts.title || text));
  const title = parts.title || text;
  const talk: Talk = {
    kind: 'talk',
    title,
    speakers: parts.speakers,
    style: 'link-line',
    depth: 0,
    span: { start: block.span.start, end: block.span.end },
    headingSpan: block.span,
    titleSpan: titleSpan(x.model, title, block.span),
    children: [],
    ...links,
  };
  if (parts.prefixText) talk.prefix = parts.prefixText;
  if (parent) talk.section = parent;
  return { talk, evidence };
}
