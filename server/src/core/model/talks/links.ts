import type { Span } from '../../text';
import type { Section } from '../document';
import type { Block, Extraction, LinkTargets } from './context';
import { flatten } from './flatten';
import { readsAsSlides, readUrl, type UrlReading } from './videoUrls';

// A talk's links: its video, its slides, its page; and the lines under a heading that hold them.

const VIDEO_LABEL = /\b(?:video|recording|watch|youtube|vimeo|stream)\b/i;
const SLIDES_LABEL = /\b(?:slides?|deck|presentation|pdf)\b/i;
/** An embedded player on a line of its own, in Hugo's or Jekyll's syntax. */
const EMBED = /^(?:\{\{[<%]\s*(youtube|vimeo)\s+(?:id=)?["']?([\w-]{6,20})["']?[^}]{0,80}[>%]\}\}|\{%\s*(?:include\s+)?(youtube|vimeo)(?:\.html)?\s+(?:id=)?["']?([\w-]{6,20})["']?[^}]{0,80}%\})$/i;
// Labels and separators allowed around the links of a link line: `Video: … · Slides: …`.
const LINK_LINE_FILLER = /^[^\p{L}\p{N}]*(?:[\p{L} ]{1,16}:)?[^\p{L}\p{N}]*$/u;

/**
 * Records a link as the talk's video, slides or page, by URL and then by label. `section` is
 * where the link is written, which remembers what its URLs read as.
 */
export function classify(
  x: Extraction,
  target: LinkTargets,
  section: Section | undefined,
  url: string,
  span: Span,
  label: string,
  pageToo = true,
): 'video' | 'slides' | 'page' | undefined {
  const reading: UrlReading = readUrl(section?.parsed, x.urls, url);
  if (reading.video) {
    target.video ??= { ...reading.video, span };
    return 'video';
  }
  if (readsAsSlides(reading, url) || SLIDES_LABEL.test(label)) {
    target.slides ??= { url, span };
    return 'slides';
  }
  if (VIDEO_LABEL.test(label) && /^https?:\/\//i.test(url)) {
    target.video ??= { url, host: 'other', span };
    return 'video';
  }
  if (pageToo && /^https?:\/\//i.test(url)) {
    target.page ??= { url, span };
    return 'page';
  }
  return undefined;
}

/** Whether a block is a line of video or slides links (or an embedded player); records them. */
export function readLinkLine(x: Extraction, target: LinkTargets, block: Block): boolean {
  const { node, section } = block;
  if (node.type === 'html') {
    const m = /<iframe\b[^>]{0,500}?\bsrc=["']([^"']{1,500})["']/i.exec(node.value.slice(0, 2000));
    return m ? classify(x, target, section, m[1], block.span, '', false) === 'video' : false;
  }
  if (node.type !== 'paragraph') return false;
  const flat = flatten(x, node.children, section);
  if (flat.links.length === 0) {
    // A generator's embedded player: Hugo's `{{< youtube ID >}}`, Jekyll's
    // `{% include youtube.html id="ID" %}` or `{% youtube ID %}`.
    const embed = EMBED.exec(flat.text.trim());
    if (!embed) return false;
    const id = embed[2] ?? embed[4];
    const url = (embed[1] ?? embed[3]).toLowerCase() === 'vimeo' ? `https://vimeo.com/${id}` : `https://www.youtube.com/watch?v=${id}`;
    return classify(x, target, section, url, block.span, '', false) === 'video';
  }
  let rest = '';
  let at = 0;
  for (const link of flat.links) {
    rest += flat.text.slice(at, link.from);
    at = link.to;
  }
  rest += flat.text.slice(at);
  if (rest.length > 40 || !LINK_LINE_FILLER.test(rest.trim())) return false;
  let found = false;
  for (const link of flat.links) {
    const kind = classify(x, target, section, link.url, link.span, link.text, false);
    if (kind === 'video' || kind === 'slides') found = true;
  }
  return found;
}
