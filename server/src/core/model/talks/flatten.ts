import type { Nodes, PhrasingContent } from 'mdast';
import { MemoKey } from '../../session/state';
import type { Span } from '../../text';
import type { Section } from '../document';
import type { Extraction } from './context';

/** A link of inline content, in document offsets. */
export interface InlineLink {
  url: string;
  text: string;
  span: Span;
  /** Where the link text sits in the flattened text. */
  from: number;
  to: number;
}

/** Inline content as plain text, with its links. */
export interface Flattened {
  text: string;
  links: InlineLink[];
  /** Text inside `<small>…</small>`, which recaps use for the speaker. */
  small: string;
}

interface Kept {
  /** Link spans relative to the section's start: valid wherever the section moves. */
  relative: Flattened;
  /** The copy in document offsets last handed out, and the section start it was made for. */
  placed: Flattened;
  start: number;
}

/**
 * A parsed section's flattened phrasing, by children array, kept as long as the parse is.
 * Weakly held: flattening a slice of children (which no later reading asks for again) keeps nothing.
 */
const SECTION_FLATTENED = new MemoKey<WeakMap<readonly PhrasingContent[], Kept>>('talks: flattened phrasing');

/** Flattens inline content to plain text, noting links and `<small>` text; iterative, so depth is no risk. */
export function flatten(x: Extraction, nodes: readonly PhrasingContent[], section: Section): Flattened {
  // A section reused from the previous version keeps its nodes: their flattening is reused
  // too, placed wherever the section now starts.
  const parsed = section.parsed;
  let kept: WeakMap<readonly PhrasingContent[], Kept>;
  if (x.flattened?.parsed === parsed) kept = x.flattened.kept as WeakMap<readonly PhrasingContent[], Kept>;
  else {
    kept = parsed.memo.get(SECTION_FLATTENED, [], () => new WeakMap());
    x.flattened = { parsed, kept };
  }
  const found = kept.get(nodes);
  if (found) {
    if (found.start !== section.span.start) {
      found.placed = shifted(found.relative, section.span.start);
      found.start = section.span.start;
    }
    return found.placed;
  }
  const { flat, usesDefinitions } = read(x, nodes, section);
  // A reference's URL depends on definitions elsewhere in the document: not reusable.
  if (!usesDefinitions) kept.set(nodes, { relative: shifted(flat, -section.span.start), placed: flat, start: section.span.start });
  return flat;
}

function shifted(flat: Flattened, by: number): Flattened {
  const links = flat.links.map((l) => ({ ...l, span: { start: l.span.start + by, end: l.span.end + by } }));
  return { ...flat, links };
}

function read(x: Extraction, nodes: readonly PhrasingContent[], section: Section): { flat: Flattened; usesDefinitions: boolean } {
  let usesDefinitions = false;
  let text = '';
  let small = '';
  let inSmall = false;
  const links: InlineLink[] = [];
  type Work = PhrasingContent | { close: InlineLink };
  const work: Work[] = [...nodes].reverse();
  while (work.length > 0) {
    const item = work.pop()!;
    if ('close' in item) {
      item.close.to = text.length;
      item.close.text = text.slice(item.close.from);
      continue;
    }
    switch (item.type) {
      case 'text':
      case 'inlineCode':
        if (inSmall) small += item.value;
        else text += item.value;
        break;
      case 'break':
        text += ' ';
        break;
      case 'html':
        if (/^<small\b/i.test(item.value)) inSmall = true;
        else if (/^<\/small\s*>/i.test(item.value)) inSmall = false;
        // `<HEAD>` in capitals, no attributes: an element named in the text, not markup.
        else if (/^<\/?[A-Z][A-Z0-9]*>$/.test(item.value)) text += item.value;
        break;
      case 'link':
      case 'linkReference': {
        if (item.type === 'linkReference') usesDefinitions = true;
        const url = item.type === 'link' ? item.url : x.definitions.get(item.identifier);
        if (url === undefined) {
          if (item.type === 'linkReference' && item.referenceType !== 'full') text += '[';
          pushChildren(work, item.children);
          break;
        }
        const link: InlineLink = { url, text: '', span: x.model.spanOf(item, section), from: text.length, to: text.length };
        links.push(link);
        work.push({ close: link });
        pushChildren(work, item.children);
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
        pushChildren(work, item.children);
        break;
      default:
        break;
    }
  }
  return { flat: { text, links, small: small.trim() }, usesDefinitions };
}

function pushChildren(work: (PhrasingContent | { close: InlineLink })[], children: readonly Nodes[]): void {
  for (let i = children.length - 1; i >= 0; i--) work.push(children[i] as PhrasingContent);
}
