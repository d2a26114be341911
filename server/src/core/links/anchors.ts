import type { DocumentModel } from '../model/document';
import { MemoKey } from '../session/state';
import type { SiteGeneratorName } from '../site/generator';
import type { Span } from '../text';
import { BLOCK_ATTRIBUTE_ID, isHugoStyle, type HeadingIds } from './siteFacts';
import { customId, fenceLineAnchors, IAL_ID, inlineText, sluggerFor, withLinkUrls } from './slug';

export interface DocumentAnchor {
  id: string;
  /** The heading's text, or the id for HTML anchors. */
  label: string;
  span: Span;
}

/** Per id style: a document is normally read by one, but its site may change. */
const ANCHORS = new MemoKey<Map<string, DocumentAnchor[]>>('link/anchors');

/**
 * The anchors of an open document: its headings' ids by the generator's rules (`{: #id}` on
 * the next line for kramdown, link URLs in the text for Hugo, none for Eleventy without an
 * anchor plugin), Hugo's code-fence line anchors, and HTML ids.
 */
export function documentAnchors(model: DocumentModel, style: SiteGeneratorName | HeadingIds): DocumentAnchor[] {
  const perStyle = model.memo.get(ANCHORS, [], () => new Map());
  const known = perStyle.get(style);
  if (known) return known;
  const slugger = sluggerFor(style);
  const anchors: DocumentAnchor[] = [];
  const text = model.text;
  for (const h of model.headings) {
    const { text: title, id } = customId(h.text);
    let own = id;
    if (!own && (style === 'jekyll' || style === 'github')) {
      const lineEnd = text.indexOf('\n', h.span.end - 1);
      const next = lineEnd === -1 ? '' : text.slice(lineEnd + 1, text.indexOf('\n', lineEnd + 1) === -1 ? text.length : text.indexOf('\n', lineEnd + 1)).replace(/\r$/, '');
      own = IAL_ID.exec(next)?.[1];
    }
    let slugText = title.trim();
    if (!own && isHugoStyle(style)) {
      const source = text.slice(h.span.start, h.span.end).split('\n')[0].replace(/^ {0,3}#{1,6}[ \t]*/, '').replace(/[ \t]+#+[ \t]*$/, '');
      if (source.includes('](')) slugText = inlineText(withLinkUrls(customId(source).text)).trim();
    }
    const slug = own ?? slugger.slug(slugText);
    if (slug !== '') anchors.push({ id: slug, label: title.trim(), span: h.span });
  }
  const body = model.frontMatter ? model.frontMatter.span.end : 0;
  if (style === 'hugo-attributes') {
    // Goldmark's block attributes: a `{#id}` line gives the block above it that id.
    let at = body;
    for (const line of text.slice(body).split('\n')) {
      const m = line.includes('{') ? BLOCK_ATTRIBUTE_ID.exec(line.replace(/\r$/, '')) : null;
      if (m) anchors.push({ id: m[1], label: m[1], span: { start: at, end: at + line.length } });
      at += line.length + 1;
    }
  }
  if (isHugoStyle(style) && text.includes('lineanchors')) {
    for (const m of text.matchAll(/^ {0,3}(`{3,}|~{3,})([^\n]*lineanchors[^\n]*)\n([\s\S]*?)^ {0,3}\1[ \t]*$/gm)) {
      const lines = m[3].split('\n').length - 1;
      for (const id of fenceLineAnchors(m[2], lines)) anchors.push({ id, label: id, span: { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length } });
    }
  }
  if (/\b(?:id|name)\s*=/.test(text)) {
    const re = /<[a-z][^>\n]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
    re.lastIndex = body;
    for (let m = re.exec(text); m && anchors.length < 10_000; m = re.exec(text)) {
      const id = m[1] ?? m[2];
      anchors.push({ id, label: id, span: { start: m.index, end: m.index + m[0].length } });
    }
  }
  perStyle.set(style, anchors);
  return anchors;
}
