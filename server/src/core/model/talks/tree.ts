import { bodyTalks, videoLists } from './bodyTalks';
import { attach, titleSpan, trimEnd, type Container, type Extraction } from './context';
import type { HeadingRead } from './evidence';
import type { OutlineSection, Talk } from './types';

/** The outline: heading talks and sections nested by level, with bold and list talks among their blocks. */
export function buildTree(x: Extraction, headings: HeadingRead[]): void {
  const { blocks, model } = x;
  const stack: Container[] = [{ node: undefined, depth: 0, label: false }];
  const close = (end: number) => {
    const top = stack.pop()!;
    if (top.node) top.node.span = { start: top.node.span.start, end: trimEnd(model, top.node.span.start, end) };
  };
  let next = 0;
  for (let i = 0; i < blocks.length; ) {
    const h = headings[next];
    if (h && h.block === i) {
      const isTalk = h.evidence !== 'none';
      while (stack.length > 1) {
        const top = stack[stack.length - 1];
        if (top.depth < h.depth || (top.depth === h.depth && top.label && isTalk)) break;
        close(h.span.start);
      }
      const parent = stack[stack.length - 1].node;
      const node = isTalk ? headingTalk(x, h, parent) : headingSection(x, h, parent);
      const label = !isTalk && h.bodyEnd === h.block + 1 && headings[next + 1]?.depth === h.depth && headings[next + 1].evidence !== 'none';
      stack.push({ node, depth: h.depth, label, headingText: h.flat.text });
      next++;
      i++;
      continue;
    }
    // Blocks under a section (or before any heading): bold and list talks.
    const top = stack[stack.length - 1];
    const end = h ? h.block : blocks.length;
    if (top.node?.kind !== 'talk') bodyTalks(x, i, end, top);
    else videoLists(x, i, end, top.node);
    i = end;
  }
  const docEnd = model.text.length;
  while (stack.length > 1) close(docEnd);
}

function headingTalk(x: Extraction, h: HeadingRead, parent: OutlineSection | Talk | undefined): Talk {
  x.hasHeadingTalks = true;
  const talk: Talk = {
    kind: 'talk',
    title: h.title || '(untitled talk)',
    speakers: h.speakers,
    style: h.style ?? 'link-line',
    depth: h.depth,
    span: { start: h.span.start, end: h.span.end },
    headingSpan: h.span,
    titleSpan: titleSpan(x.model, h.title, h.contentSpan),
    section: parent?.kind === 'talk' ? parent.section : parent,
    children: [],
  };
  if (h.video) talk.video = h.video;
  if (h.slides) talk.slides = h.slides;
  if (h.page) talk.page = h.page;
  if (h.parts.prefixText) talk.prefix = h.parts.prefixText;
  if (h.parts.slot) talk.slot = h.parts.slot;
  if (h.parts.sessionCode) talk.sessionCode = h.parts.sessionCode;
  if (h.parts.rating) talk.rating = h.parts.rating;
  x.talks.push(talk);
  attach(x, talk, parent);
  return talk;
}

function headingSection(x: Extraction, h: HeadingRead, parent: OutlineSection | Talk | undefined): OutlineSection | Talk | undefined {
  // A plain heading under a talk is part of the talk's notes, not a group.
  if (parent?.kind === 'talk') return parent;
  const theme = h.parts.prefix === 'theme';
  const title = (theme ? h.parts.title : h.flat.text.replace(/\s+/g, ' ').trim()) || h.flat.links[0]?.url || '(untitled section)';
  const section: OutlineSection = {
    kind: 'section',
    title,
    depth: h.depth,
    theme,
    span: { start: h.span.start, end: h.span.end },
    headingSpan: h.span,
    titleSpan: titleSpan(x.model, title, h.contentSpan),
    children: [],
  };
  if (parent) section.parent = parent;
  x.sections.push(section);
  attach(x, section, parent);
  return section;
}
