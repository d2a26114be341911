import type { List, ListItem, PhrasingContent } from 'mdast';
import type { Section } from '../document';
import { titleSpan, type Extraction, type LinkTargets } from './context';
import { flatten } from './flatten';
import { classify } from './links';
import { parseSpeakers, parseSpeakersLine } from './speakers';
import { readTitle } from './titles';
import type { OutlineSection, Speaker, Talk } from './types';

// Lists of talk lines: `* [Title](schedule page) - Name from Org`, `* [Name, "Title"](video)`,
// `- **Title** – [Name](profile) and [Name](profile)`. Each item is judged on its own evidence;
// a list is one of talks when it is named for talks or when at least half its items have evidence.

export const LINK_LABEL = /^(?:\W|_)*(?:video|video link|recording|watch|youtube|vimeo|talk|slides?|slide deck|deck|presentation|pdf|link)(?:\W|_)*$/iu;
/** Path segments of a talk's own page on a schedule or video site. */
export const TALK_PAGE_SEGMENT = /\/(?:event|session|sessions|talk|talks|videos?|presentations?|schedule|program|programme|agenda|speaker-session)\//i;
/** A person's own page: it names the speaker, never the talk. */
const PROFILE = /^https?:\/\/(?:www\.)?(?:twitter\.com|x\.com|github\.com|linkedin\.com\/in|mastodon\.\w+|bsky\.app\/profile|instagram\.com|facebook\.com)\//i;

const BY_LEAD = /^([^\n]{2,200}?)(?:\s*[-–—,])?\s+by\s+([^.!?;:()]{3,120}?)(?:[.!]\s|[.!]?$)/u;
const TITLE_LEAD = /^([^.!?]{8,150}?)(?:\s[-–—]\s|\.\s)(.+)$/su;
const TALK_WORD = /(?<![\p{L}])(?:talks?|presented|presentations?|speakers?|sessions?|keynotes?)(?![\p{L}])/iu;

/** At least three words, and 60% of those of four letters or more capitalised. */
function titleCase(lead: string): boolean {
  const all = lead.trim().split(/\s+/);
  const words = all.filter((w) => /^\p{L}{4,}/u.test(w));
  return all.length >= 3 && words.length >= 2 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
}

/** A short line that could be a title: no sentence inside it, no lead-in colon, no trailing ellipsis. */
function plainTitle(text: string): boolean {
  const words = text.split(' ').length;
  return /^[\p{L}\p{N}"“'«„]/u.test(text) && text.length >= 3 && words <= 15 && !/[:：?.]$|…$/.test(text) && !/[.!?]\s+\p{Lu}/u.test(text);
}

interface ItemRead {
  talk?: Talk;
  /** Own evidence that the item names a talk. */
  evidence: boolean;
  /** A line that is no talk whatever its list (prose, a profile, a link to the author's own pages). */
  negative: boolean;
  /** The item opens with a bold title: `**Title** …`. */
  bold?: boolean;
}

/**
 * `**Title** rest`, or `[**Title**](url) rest`: a bold lead of at least two words that is not a
 * label (`**Note:**`, `**GPU**: …`).
 */
function boldLead(x: Extraction, children: readonly PhrasingContent[], section: Section): { title: string; rest: string } | undefined {
  let first = children[0];
  if (first?.type === 'link' && first.children.length === 1 && first.children[0].type === 'strong') first = first.children[0];
  if (!first || first.type !== 'strong') return undefined;
  const title = flatten(x, first.children, section).text.replace(/\s+/g, ' ').trim();
  const rest = flatten(x, children.slice(1), section).text.replace(/\s+/g, ' ').trim();
  if (!title || title.length > 300 || /[:：]$/.test(title) || /^[:：]/.test(rest)) return undefined;
  if (title.split(' ').length < 2) return undefined;
  return { title, rest };
}

/** The talks of one list; `namedForTalks` when a heading above it or its lead-in names talks. */
export function listTalks(x: Extraction, list: List, section: Section, parent: OutlineSection | undefined, namedForTalks: boolean, headingNamed = namedForTalks): Talk[] {
  const reads = list.children.map((item) => readItem(x, item, section, headingNamed));
  const withEvidence = reads.filter((r) => r.talk && r.evidence && !r.negative).length;
  const accepted = namedForTalks || (withEvidence > 0 && withEvidence * 2 >= list.children.length);
  if (!accepted) return [];
  const talks: Talk[] = [];
  const expanded = list.children.flatMap((item, k) => {
    const r = reads[k];
    // A sentence about talks, in a list named for them: its `"*Title*"` quotations are talks.
    if ((!r.talk || r.negative) && namedForTalks) return quotedTitles(x, item, section, r);
    // `[Title](event page) and [Title](event page)`: each link to a talk page on the same site is a talk.
    if (r.talk && r.evidence && !r.negative && !r.bold) return [r, ...sameSiteTalks(x, item, section)];
    return [r];
  });
  for (const r of expanded) {
    if (!r.talk || r.negative) continue;
    // Under a heading named for talks a linked item is enough; otherwise an item without
    // evidence of its own is a talk only when it names its speakers.
    if (!r.evidence && !namedForTalks && r.talk.speakers.length === 0) continue;
    if (parent) r.talk.section = parent;
    talks.push(r.talk);
  }
  return talks;
}

/** `"*Title*"`: emphasis inside quotation marks, the way prose names a talk; each is a talk of the item. */
function quotedTitles(x: Extraction, item: ListItem, section: Section, read: ItemRead): ItemRead[] {
  const paragraph = item.children[0];
  if (!paragraph || paragraph.type !== 'paragraph') return [read];
  const found: ItemRead[] = [];
  const walk = (children: readonly PhrasingContent[]) => {
    children.forEach((c, i) => {
      const before = children[i - 1];
      const after = children[i + 1];
      if ((c.type === 'emphasis' || c.type === 'strong') && before?.type === 'text' && /["“„«]$/.test(before.value) && after?.type === 'text' && /^["”»]/.test(after.value)) {
        const title = flatten(x, c.children, section).text.replace(/\s+/g, ' ').trim();
        if (title.length >= 2 && title.length <= 200) {
          const r = finish(x, item, paragraph, section, { title, speakers: [], links: {} }, true, false);
          if (r.talk) r.talk.titleSpan = x.model.spanOf(c, section);
          found.push(r);
        }
      } else if (c.type === 'link') walk(c.children);
    });
  };
  walk(paragraph.children);
  return found.length ? found : [read];
}

function sameSiteTalks(x: Extraction, item: ListItem, section: Section): ItemRead[] {
  const paragraph = item.children[0];
  if (!paragraph || paragraph.type !== 'paragraph') return [];
  const [first, ...others] = flatten(x, paragraph.children, section).links;
  const host = (url: string) => /^https?:\/\/([^/]+)/i.exec(url)?.[1].toLowerCase();
  if (!first || first.from !== 0 || !host(first.url) || !talkPage(first.url, first.text)) return [];
  return others
    .filter((l) => host(l.url) === host(first.url) && !LINK_LABEL.test(l.text) && l.text !== l.url && TALK_PAGE_SEGMENT.test(l.url.replace(/^https?:\/\/[^/]+/i, '') + '/'))
    .map((l) => {
      const links: LinkTargets = {};
      classify(x, links, section, l.url, l.span, l.text);
      const r = finish(x, item, paragraph, section, { title: l.text.replace(/\s+/g, ' ').trim(), speakers: [], links }, true, false);
      if (r.talk) r.talk.titleSpan = l.span;
      return r;
    });
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/** Whether a URL is a talk's page: it holds the title's slug, or a talk-page path segment. */
export function talkPage(url: string, title: string): boolean {
  if (!/^https?:\/\//i.test(url) || PROFILE.test(url)) return false;
  const path = url.replace(/^https?:\/\/[^/]+/i, '').toLowerCase();
  return namedAfter(url, title) || TALK_PAGE_SEGMENT.test(path + '/');
}

/** Whether a URL's path holds the slug of a title's first three words (two for a short title). */
export function namedAfter(url: string, title: string): boolean {
  if (!/^https?:\/\//i.test(url) || PROFILE.test(url)) return false;
  const path = url.replace(/^https?:\/\/[^/]+/i, '').toLowerCase();
  const words = slug(title).split('-').filter(Boolean);
  return words.length >= 2 && path.includes(words.slice(0, Math.min(3, words.length)).join('-'));
}

/** `Name (@handle) | Twitter`, `Name`: the link text only names a person. */
function onlyAPerson(text: string): boolean {
  const bare = text.replace(/\s*\(@[^)]*\)/g, '').replace(/\s*[|·]\s*[^|·]*$/, '').trim();
  const parsed = parseSpeakers(bare);
  return parsed !== undefined && parsed.affiliations === 0 && parsed.speakers.map((s) => s.name).join(', ') === bare;
}

function readItem(x: Extraction, item: ListItem, section: Section, headingNamed: boolean): ItemRead {
  const none: ItemRead = { evidence: false, negative: false };
  const paragraph = item.children[0];
  if (!paragraph || paragraph.type !== 'paragraph') return none;
  const flat = flatten(x, paragraph.children, section);
  if (flat.text.length > 4000) return none;
  const links: LinkTargets = {};
  // Label links (`[video]`, a bare URL) are not part of the title.
  let text = flat.text;
  for (const link of [...flat.links].reverse()) {
    classify(x, links, section, link.url, link.span, link.text);
    if (LINK_LABEL.test(link.text) || link.text === link.url) text = text.slice(0, link.from) + text.slice(link.to);
  }
  text = text.replace(/\s*\(\s*\)|\s*[-–—:|·,]+\s*$/g, '').replace(/\s+/g, ' ').trim();
  const words = text.split(' ').length;
  const lead = flat.links[0];
  let title: string;
  let speakers: Speaker[] = [];
  let evidence = Boolean(links.video || links.slides);
  let negative = false;
  const bold = boldLead(x, paragraph.children, section);
  if (bold) {
    // `**Title** – Name`, `**Title**` then a `Speaker: Name` line, `**Title** [video](…)`.
    const parts = readTitle(bold.title);
    title = parts.title || bold.title;
    speakers = parts.speakers;
    const rest = bold.rest.replace(/^\s*(?:[-–—,]|by\b)\s*/i, '');
    const named = rest ? parseSpeakers(rest) ?? (rest.startsWith('(') && rest.endsWith(')') ? parseSpeakers(rest.slice(1, -1)) : undefined) : undefined;
    const field = flat.text.split('\n').map((l) => parseSpeakersLine(l)).find((p) => p);
    // `**Name** spoke about "Title"…`: the bold lead names the speaker; the talk is named by the
    // quoted title just after it, or by the speaker.
    const person = parseSpeakers(bold.title);
    if (person && person.affiliations === 0 && person.speakers.map((p) => p.name).join(', ') === bold.title.replace(/\s+(?:and|&|und|et|y|i|e)\s+/g, ', ')) {
      const quoted = /^[^"“„«]{0,40}["“„«]([^"“”„«»]{3,120})["”»]/u.exec(bold.rest);
      title = quoted ? quoted[1].trim() : bold.title;
      speakers = person.speakers;
      evidence = bold.rest.length > 0;
      return finish(x, item, paragraph, section, { title, speakers, links }, evidence, false, true);
    }
    if (named && bold.rest.length < 200) speakers = named.speakers;
    else if (field) speakers = field;
    if (speakers.length > 0 || flat.links.some((l) => talkPage(l.url, title))) evidence = true;
    return finish(x, item, paragraph, section, { title, speakers, links, prefix: parts.prefixText }, evidence, false, true);
  }
  // Beyond a bold lead, a long item is prose.
  if (flat.text.length > 1000) return none;
  if (lead && lead.from === 0 && !LINK_LABEL.test(lead.text) && lead.text !== lead.url) {
    // `[Title](url) - Speaker` or `[Title](url) by Speaker (Org)`
    title = lead.text.replace(/\s+/g, ' ').trim();
    const after = text.slice(title.length).replace(/^\s*\.?\s*(?:[-–—:,]|by\b)\s*/i, '').trim();
    // `(Name)` after the link, alone or before `: a description`.
    const inParens = /^\(([^()]{3,120})\)(?:\s*[:–—-]\s|\s*[:.]?$)/u.exec(after);
    const parsed = inParens ? parseSpeakers(inParens[1]) : parseSpeakers(after);
    if (parsed) speakers = parsed.speakers;
    const parts = readTitle(title);
    if (parts.prefixText) title = title.slice(title.indexOf(parts.prefixText) + parts.prefixText.length).trim();
    if (parts.speakerEvidence === 'strong' || parts.speakers.length) title = parts.title || title;
    if (speakers.length === 0) speakers = parts.speakers;
    if (talkPage(lead.url, parts.title || title)) evidence = true;
    if (PROFILE.test(lead.url) || /\(@/.test(lead.text) || (onlyAPerson(lead.text) && !evidence)) negative = true;
    else if (!/^https?:\/\//i.test(lead.url) && speakers.length === 0) negative = true;
    if (speakers.length > 0) evidence = true;
    // A long sentence that happens to start with a link is prose.
    if (!evidence && after.split(' ').length > 20) negative = true;
    if (parts.prefixText) {
      evidence = true;
      return finish(x, item, paragraph, section, { title, speakers, links, prefix: parts.prefixText }, evidence, negative);
    }
  } else {
    // `Title by Name. A sentence about it`, `Title - by Name`: the names end at the first full stop.
    const by = BY_LEAD.exec(text);
    const byNames = by ? parseSpeakers(by[2]) : undefined;
    if (by && byNames && byNames.affiliations === 0) {
      title = by[1].trim();
      speakers = byNames.speakers;
      evidence = true;
    } else {
      const parts = readTitle(text.replace(/\s+by\s+(?=[^\s]+\s+[^\s]+$)/, ' - '));
      title = parts.title;
      speakers = parts.speakers;
      if (speakers.length > 0 && parts.speakerEvidence !== 'none') evidence = true;
    }
    // `Title Case Lead - a sentence about the talk`: the lead names a talk the rest describes.
    const prose = speakers.length === 0 && !evidence ? TITLE_LEAD.exec(text) : null;
    if (prose && titleCase(prose[1]) && TALK_WORD.test(prose[2])) {
      title = prose[1].trim();
      evidence = true;
      return finish(x, item, paragraph, section, { title, speakers, links }, evidence, false);
    }
    // A short line with no link under a heading named for talks: its title (settled by the list).
    if (flat.links.length === 0 && speakers.length === 0) {
      // Only with a track or room after it, `Title (Main Hall)`, as the post's talks write them.
      const plain = text.replace(/\s*\(([^()]{2,60})\)$/, '');
      if (!headingNamed || plain === text || !plainTitle(plain)) return none;
      return finish(x, item, paragraph, section, { title: plain, speakers, links }, false, false);
    }
    // Prose with a link inside it: a long line, or a link among words that name no one.
    if (speakers.length === 0 && (words > 20 || (!evidence && words > 12))) negative = true;
    if (speakers.length === 0 && !evidence && flat.links.every((l) => !/^https?:\/\//i.test(l.url))) negative = true;
    // A line ending in a colon introduces what follows it.
    if (speakers.length === 0 && /[:：]\s*$/.test(flat.text)) negative = true;
  }
  if (!title) title = links.video?.url ?? links.slides?.url ?? lead?.url ?? '';
  if (!title) return none;
  return finish(x, item, paragraph, section, { title, speakers, links }, evidence, negative);
}

function finish(
  x: Extraction,
  item: ListItem,
  paragraph: ListItem['children'][number],
  section: Section,
  read: { title: string; speakers: Speaker[]; links: LinkTargets; prefix?: string },
  evidence: boolean,
  negative: boolean,
  bold = false,
): ItemRead {
  const headingSpan = x.model.spanOf(paragraph, section);
  const talk: Talk = {
    kind: 'talk',
    title: read.title,
    speakers: read.speakers,
    style: 'list-item',
    depth: 0,
    span: x.model.spanOf(item, section),
    headingSpan,
    titleSpan: titleSpan(x.model, read.title, headingSpan),
    children: [],
    ...read.links,
  };
  if (read.prefix) talk.prefix = read.prefix;
  return { talk, evidence, negative, bold };
}
