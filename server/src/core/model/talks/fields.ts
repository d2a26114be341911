import type { Extraction } from './context';
import { flatten } from './flatten';
import { parseSpeakers } from './speakers';
import type { Speaker, TalkStyle } from './types';

// Speaker fields: `**Speaker:** Ada Quill` under a heading, in whatever language the post labels it.

/** What the speaker fields read and settle of a heading (see `FieldHeading`). */
interface FieldHeading {
  evidence: 'none' | 'weak' | 'strong';
  parts: { prefix?: string };
  block: number;
  bodyEnd: number;
  style?: TalkStyle;
  speakers: Speaker[];
}

/**
 * `**Label:** Name, role` opening the body of two or more sibling headings: the label is the
 * post's speaker field, in whatever language, and those headings are talks with those speakers.
 */
export function speakerFields(x: Extraction, reads: FieldHeading[]): void {
  const byLabel = new Map<string, { h: FieldHeading; speakers: Speaker[] }[]>();
  for (const h of reads) {
    if (h.evidence !== 'none' || h.parts.prefix === 'theme') continue;
    for (let b = h.block + 1; b < Math.min(h.bodyEnd, h.block + 3); b++) {
      const field = readField(x, b, h.bodyEnd);
      if (!field) continue;
      // `Speaker` and `Speakers` are one field: labels that differ by a plural ending.
      const key = [...byLabel.keys()].find((k) => plural(k, field.label) || plural(field.label, k)) ?? field.label;
      const list = byLabel.get(key) ?? [];
      list.push({ h, speakers: field.speakers });
      byLabel.set(key, list);
      break;
    }
  }
  for (const found of byLabel.values()) {
    if (found.length < 2) continue;
    for (const { h, speakers } of found) {
      h.evidence = 'strong';
      h.style = 'speakers-line';
      h.speakers = speakers;
    }
  }
}

function plural(one: string, other: string): boolean {
  return other === one || (other.startsWith(one) && other.length - one.length <= 2);
}

/** A `**Label:** names` paragraph (or `**Label**:` then a list of names): its label and names. */
export function readField(x: Extraction, b: number, end: number): { label: string; speakers: Speaker[] } | undefined {
  const block = x.blocks[b];
  if (block.node.type !== 'paragraph') return undefined;
  const first = block.node.children[0];
  if (!first || first.type !== 'strong') return undefined;
  const label = flatten(x, first.children, block.section).text.replace(/\s+/g, ' ').trim();
  const rest = flatten(x, block.node.children.slice(1), block.section).text.replace(/\s+/g, ' ').trim();
  const colon = /[:：]$/.test(label) || /^[:：]/.test(rest);
  const word = label.replace(/[:：]$/, '').trim();
  if (!colon || !word || word.split(' ').length > 3 || word.length > 40) return undefined;
  const names = rest.replace(/^[:：]\s*/, '');
  let speakers = names ? parseSpeakers(names)?.speakers : undefined;
  if (!names && b + 1 < end && x.blocks[b + 1].node.type === 'list') {
    const list = x.blocks[b + 1].node;
    if (list.type === 'list') {
      const people = list.children.map((item) => {
        const p = item.children[0];
        return p?.type === 'paragraph' ? parseSpeakers(flatten(x, p.children, x.blocks[b + 1].section).text)?.speakers[0] : undefined;
      });
      if (people.length > 0 && people.every((p) => p)) speakers = people as Speaker[];
    }
  }
  return speakers?.length ? { label: word.toLowerCase(), speakers } : undefined;
}
