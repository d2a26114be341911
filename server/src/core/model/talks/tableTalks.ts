import type { Table } from 'mdast';
import type { Section } from '../document';
import { titleSpan, type Extraction, type LinkTargets } from './context';
import { flatten } from './flatten';
import { classify } from './links';
import { talkPage } from './listTalks';
import { parseSpeakers } from './speakers';
import { readTitle } from './titles';
import type { OutlineSection, Talk } from './types';

// Schedule tables: a column of titles and one of speakers; each row naming a person (or linking
// the talk's video or page) is a talk. Column names are a closed list of structural words.

const TITLE_COLUMN = /^(?:talks?|titles?|sessions?|topics?|presentations?|palestras?|t[íi]tulo|charla|ponencia|vortrag|titel|sujet|titre|titolo|tytu[łl]|temat)$/iu;
const SPEAKER_COLUMN = /^(?:speakers?|presenters?|authors?|autor(?:es|en|zy)?|auteurs?|by|who|palestrantes?|ponentes?|oradora?s?|sprecher(?:in)?|referent(?:in)?|orateurs?|intervenants?|relatori?|relatrice|prelegen(?:t|ci|tka))$/iu;

export function tableTalks(x: Extraction, table: Table, section: Section, parent: OutlineSection | undefined): Talk[] {
  const [head, ...rows] = table.children;
  if (!head || rows.length === 0) return [];
  const headers = head.children.map((cell) => flatten(x, cell.children, section).text.replace(/[*_:]|\((?:s|e?s|in|innen)\)/g, '').trim());
  const titleAt = headers.findIndex((h) => TITLE_COLUMN.test(h));
  const speakerAt = headers.findIndex((h) => SPEAKER_COLUMN.test(h));
  if (titleAt < 0) return [];
  const talks: Talk[] = [];
  for (const row of rows) {
    const cell = row.children[titleAt];
    if (!cell) continue;
    const flat = flatten(x, cell.children, section);
    const raw = flat.text.replace(/\s+/g, ' ').trim();
    if (!raw) continue;
    const links: LinkTargets = {};
    for (const link of flat.links) classify(x, links, section, link.url, link.span, link.text);
    // A video or slides link in another cell of the row (`[(Link)](video)` under `Why`) is the talk's too.
    row.children.forEach((other, i) => {
      if (i === titleAt) return;
      for (const link of flatten(x, other.children, section).links) classify(x, links, section, link.url, link.span, link.text, false);
    });
    const parts = readTitle(raw);
    const speakerCell = speakerAt >= 0 ? row.children[speakerAt] : undefined;
    const speakers = speakerCell ? (parseSpeakers(flatten(x, speakerCell.children, section).text)?.speakers ?? []) : parts.speakers;
    const linked = Boolean(links.video || links.slides) || flat.links.some((l) => talkPage(l.url, raw));
    if (speakers.length === 0 && !linked) continue;
    const title = parts.title || raw;
    const headingSpan = x.model.spanOf(cell, section);
    const talk: Talk = {
      kind: 'talk',
      title,
      speakers,
      style: 'list-item',
      depth: 0,
      span: x.model.spanOf(row, section),
      headingSpan,
      titleSpan: titleSpan(x.model, title, headingSpan),
      children: [],
      ...links,
    };
    if (parts.prefixText) talk.prefix = parts.prefixText;
    if (parent) talk.section = parent;
    talks.push(talk);
  }
  return talks;
}
