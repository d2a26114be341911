import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { DocumentModel } from '../model/document';
import type { ParsedSection } from '../model/markdown';
import { MemoKey } from '../session/state';
import type { Span } from '../text';

/** How a destination is written. */
export type LinkSyntax =
  | 'markdown' // [text](url), ![alt](url)
  | 'autolink' // <https://…>, bare https://…
  | 'definition' // [label]: url
  | 'html' // <a href>, <img src>
  | 'ref' // Hugo {{< ref "…" >}} and relref
  | 'figure' // Hugo {{< figure src="…" >}}
  | 'post_url' // Jekyll {% post_url 2024-01-01-slug %}
  | 'jekyll-link'; // Jekyll {% link path %}

/** One destination written in the document. */
export interface Destination {
  syntax: LinkSyntax;
  /** Whether it shows an image (images are files; links may be pages). */
  image: boolean;
  /** The destination as written (for Markdown, as remark decoded it). */
  url: string;
  /** Where the destination is written, for diagnostics, document links and fixes. */
  urlSpan: Span;
  /** The whole link. */
  span: Span;
  /** For `[text](url)`: where the text is, for the inverted-syntax fix and labels. */
  textSpan?: Span;
  /** Only this parser reads it as a link: kramdown (Jekyll) or CommonMark (the others). */
  parser?: 'kramdown' | 'commonmark';
  /** Whitespace between `(` and the destination (kramdown then reads a quoted one as a title). */
  spaced?: boolean;
}

/** A reference or footnote written in the text that no definition made into a link. */
export interface LooseReference {
  footnote: boolean;
  /** The label as written. */
  label: string;
  span: Span;
  labelSpan: Span;
}

export interface InvertedLink {
  span: Span;
  text: string;
  url: string;
}

export interface DocumentLinks {
  destinations: Destination[];
  /** `[text][label]`, `[label][]` and `[^label]` that did not become links. */
  loose: LooseReference[];
  inverted: InvertedLink[];
  /** Code, code spans, raw blocks, comments and front matter: never checked. */
  excluded: Span[];
}

/** A section's links, in its own offsets. */
export interface SectionLinks {
  destinations: Destination[];
  loose: LooseReference[];
  inverted: InvertedLink[];
  excluded: Span[];
  /** Whether some destination names a fragment (`#id`): its finding depends on the post's anchors. */
  fragments: boolean;
}

const SECTION_LINKS = new MemoKey<SectionLinks>('link/section-links');
const DOCUMENT_LINKS = new MemoKey<DocumentLinks>('link/document-links');

/** Every destination and loose reference of a document, in document offsets. Kept per section parse. */
export function documentLinks(model: DocumentModel): DocumentLinks {
  return model.memo.get(DOCUMENT_LINKS, [], () => collectDocumentLinks(model));
}

function collectDocumentLinks(model: DocumentModel): DocumentLinks {
  const result: DocumentLinks = { destinations: [], loose: [], inverted: [], excluded: [] };
  const bodyStart = model.frontMatter ? model.frontMatter.span.end : 0;
  if (model.frontMatter) result.excluded.push({ start: 0, end: model.frontMatter.span.end });
  for (const section of model.sections) {
    const found = sectionLinks(section.parsed);
    const d = section.span.start;
    const at = (s: Span): Span => ({ start: s.start + d, end: s.end + d });
    for (const x of found.destinations) {
      if (x.span.start + d < bodyStart) continue;
      result.destinations.push({ ...x, urlSpan: at(x.urlSpan), span: at(x.span), textSpan: x.textSpan && at(x.textSpan) });
    }
    for (const x of found.loose) if (x.span.start + d >= bodyStart) result.loose.push({ ...x, span: at(x.span), labelSpan: at(x.labelSpan) });
    for (const x of found.inverted) if (x.span.start + d >= bodyStart) result.inverted.push({ ...x, span: at(x.span) });
    for (const x of found.excluded) result.excluded.push(at(x));
  }
  return result;
}

/** Whether an offset falls in code, a raw block or a comment. */
export function isExcluded(links: DocumentLinks, offset: number): boolean {
  return links.excluded.some((s) => offset >= s.start && offset < s.end);
}

/** A section's links in its own offsets (section text = offset 0). */
export function sectionLinks(parsed: ParsedSection): SectionLinks {
  return parsed.memo.get(SECTION_LINKS, [], () => collectSectionLinks(parsed));
}

function collectSectionLinks(parsed: ParsedSection): SectionLinks {
  const text = parsed.text;
  const out: SectionLinks = { destinations: [], loose: [], inverted: [], excluded: [], fragments: false };
  const rel = (node: Nodes): Span => ({
    start: (node.position?.start.offset ?? 0) - parsed.prefixLength,
    end: (node.position?.end.offset ?? 0) - parsed.prefixLength,
  });
  const nodeSpans: Span[] = [];
  visit(parsed.root as Root, (node) => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'yaml':
      case 'toml' as never:
        out.excluded.push(rel(node));
        return 'skip';
      case 'link':
      case 'image':
      case 'definition': {
        const span = rel(node);
        if (span.start < 0 || span.end > text.length) return;
        const d = destinationOf(text, span, node.type === 'definition');
        out.destinations.push({
          syntax: node.type === 'definition' ? 'definition' : d.autolink ? 'autolink' : 'markdown',
          image: node.type === 'image',
          url: d.autolink ? node.url : (d.raw ?? node.url),
          urlSpan: d.urlSpan,
          span,
          textSpan: d.textSpan,
          ...(d.spaced ? { spaced: true } : {}),
        });
        nodeSpans.push(span);
        return;
      }
      case 'linkReference':
      case 'imageReference':
      case 'footnoteReference':
      case 'footnoteDefinition':
        nodeSpans.push(rel(node));
        return;
    }
  });
  scanRawBlocks(text, out.excluded);
  // kramdown leaves Markdown inside a block of HTML as it is, unless markdown="1".
  const htmlBlocks = kramdownHtmlBlocks(text);
  if (htmlBlocks.length > 0) for (const d of out.destinations) if (d.syntax !== 'html' && htmlBlocks.some((b) => d.span.start >= b.start && d.span.start < b.end)) d.parser = 'commonmark';
  out.excluded.sort((a, b) => a.start - b.start);
  const excluded = overlapTest(out.excluded);
  const free = (start: number, end = start + 1) => !excluded(start, end);
  // Links remark found inside raw blocks and comments are not links on the site.
  if (out.excluded.length > 0) out.destinations = out.destinations.filter((d) => free(d.span.start));
  const insideNode = overlapTest(nodeSpans);
  const outsideNodes = (start: number) => !insideNode(start, start + 1);

  // HTML and the generators' own syntax, which remark leaves as HTML or text.
  const patterns: { re: RegExp; syntax: LinkSyntax; image: boolean }[] = [
    { re: /<a\s[^>]{0,2000}?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi, syntax: 'html', image: false },
    { re: /<(?:img|source)\s[^>]{0,2000}?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi, syntax: 'html', image: true },
    { re: /\{\{[<%]-?\s*(?:ref|relref)\s+(?:"([^"]*)"|'([^']*)'|([^\s">%]+))[^}]{0,200}?[>%]\}\}/g, syntax: 'ref', image: false },
    { re: /\{\{[<%]-?\s*figure\s[^}]{0,2000}?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')[^}]{0,2000}?[>%]\}\}/g, syntax: 'figure', image: true },
    { re: /\{%-?\s*post_url\s+([^\s%]+)\s*-?%\}/g, syntax: 'post_url', image: false },
    { re: /\{%-?\s*link\s+([^\s%]+)\s*-?%\}/g, syntax: 'jekyll-link', image: false },
  ];
  for (const { re, syntax, image } of patterns) {
    if (!text.includes(syntax === 'html' ? '<' : '{')) continue;
    for (const m of text.matchAll(re)) {
      const index = m.index ?? 0;
      if (!free(index)) continue;
      const group = m.slice(1).findIndex((g) => g !== undefined);
      const url = m[group + 1] ?? '';
      const within = m[0].lastIndexOf(url, m[0].length - (syntax === 'html' ? 1 : 2));
      const urlStart = index + (within === -1 ? 0 : within);
      out.destinations.push({ syntax, image, url, urlSpan: { start: urlStart, end: urlStart + url.length }, span: { start: index, end: index + m[0].length } });
    }
  }

  // kramdown accepts spaces in a destination, which CommonMark leaves as text.
  if (text.includes('](')) {
    for (const m of text.matchAll(/(!?)\[([^\]\n]{0,500})\]\(([^()\s"'<>][^()"'<>\n]*\s[^()"'<>\n]*?[^()\s"'<>])\)/g)) {
      const index = m.index ?? 0;
      if (!free(index) || !outsideNodes(index) || htmlBlocks.some((b) => index >= b.start && index < b.end)) continue;
      const urlStart = index + m[1].length + m[2].length + 3;
      out.destinations.push({ syntax: 'markdown', image: m[1] === '!', url: m[3], urlSpan: { start: urlStart, end: urlStart + m[3].length }, span: { start: index, end: index + m[0].length }, parser: 'kramdown' });
    }
  }

  // Template tags (`{{ site.data[a][b] }}`, `{% if x %}`) hold brackets that are not Markdown.
  const templates: Span[] = [];
  if (text.includes('{{') || text.includes('{%')) {
    for (const m of text.matchAll(/\{\{[^\n]*?\}\}|\{%[^\n]*?%\}/g)) templates.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  const inTemplate = overlapTest(templates);
  const plain = (start: number) => free(start) && outsideNodes(start) && !inTemplate(start, start + 1);

  // `[text][label]` and `[label][]` whose label has no definition are plain text to remark.
  if (text.includes('][')) {
    for (const m of text.matchAll(/(?<![\\\]])!?\[([^\]\n]{1,500})\]\[([^\]\n]{0,500})\]/g)) {
      const index = m.index ?? 0;
      if (!plain(index) || m[1].startsWith('^')) continue;
      const label = m[2] === '' ? m[1] : m[2];
      const labelStart = m[2] === '' ? index + m[0].indexOf('[') + 1 : index + m[0].length - 1 - m[2].length;
      out.loose.push({ footnote: false, label, span: { start: index, end: index + m[0].length }, labelSpan: { start: labelStart, end: labelStart + label.length } });
    }
  }
  if (text.includes('[^')) {
    for (const m of text.matchAll(/(?<!\\)\[\^([^\]\s]{1,200})\](?!:)/g)) {
      const index = m.index ?? 0;
      if (!plain(index)) continue;
      out.loose.push({ footnote: true, label: m[1], span: { start: index, end: index + m[0].length }, labelSpan: { start: index + 2, end: index + 2 + m[1].length } });
    }
  }
  // `(text)[url]`: the brackets the wrong way round.
  if (text.includes(')[')) {
    for (const m of text.matchAll(/(?<![\]\\])\(([^()\n]{1,300})\)\[((?:[a-z][a-z0-9+.-]*:\/\/|www\.|\.{0,2}\/)[^\]\s]{1,2000})\](?![[(:])/gi)) {
      const index = m.index ?? 0;
      if (!plain(index)) continue;
      out.inverted.push({ span: { start: index, end: index + m[0].length }, text: m[1], url: m[2] });
    }
  }
  out.fragments = out.destinations.some((d) => d.url.includes('#'));
  return out;
}

/**
 * Whether `[start, end)` overlaps any of the spans, in O(log n) per question: a post with
 * 50,000 footnote references asks once per reference.
 */
function overlapTest(spans: readonly Span[]): (start: number, end: number) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // The largest end among the spans up to each index: nested and overlapping spans count too.
  const maxEnd: number[] = [];
  let max = -Infinity;
  for (const s of sorted) maxEnd.push((max = Math.max(max, s.end)));
  return (start, end) => {
    // The last span that starts before `end`.
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].start < end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found !== -1 && maxEnd[found] > start;
  };
}

/** Blocks of HTML that open on a line of their own (`<div>` … `</div>`) without markdown="1". */
function kramdownHtmlBlocks(text: string): Span[] {
  if (!text.includes('<')) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(/^ {0,3}<(div|section|aside|details|figure|table|blockquote|article|header|footer|nav|center)\b([^>\n]*)>[ \t]*$/gim)) {
    if (/\bmarkdown\s*=\s*["']?(?:1|block|span)/i.test(m[2])) continue;
    const start = m.index ?? 0;
    const close = new RegExp(`^ {0,3}</${m[1]}\\s*>`, 'gim');
    close.lastIndex = start + m[0].length;
    const end = close.exec(text);
    if (end) out.push({ start, end: end.index + end[0].length });
  }
  return out;
}

/** `{% raw %}…{% endraw %}`, `{% highlight %}…{% endhighlight %}` and HTML comments. */
function scanRawBlocks(text: string, into: Span[]): void {
  if (text.includes('{%')) {
    for (const m of text.matchAll(/\{%-?\s*(raw|highlight|comment)\b[^%]{0,200}%\}/g)) {
      const start = m.index ?? 0;
      const close = new RegExp(`\\{%-?\\s*end${m[1]}\\s*-?%\\}`, 'g');
      close.lastIndex = start + m[0].length;
      const end = close.exec(text);
      into.push({ start, end: end ? end.index + end[0].length : text.length });
    }
  }
  if (text.includes('<!--')) {
    for (let at = text.indexOf('<!--'); at !== -1; at = text.indexOf('<!--', at + 4)) {
      const end = text.indexOf('-->', at + 4);
      into.push({ start: at, end: end === -1 ? text.length : end + 3 });
      if (end === -1) break;
      at = end;
    }
  }
}

/** Finds the written destination of a link, image or definition inside its source text. */
function destinationOf(text: string, span: Span, definition: boolean): { raw?: string; urlSpan: Span; textSpan?: Span; autolink?: boolean; spaced?: boolean } {
  const raw = text.slice(span.start, span.end);
  let at: number;
  let textSpan: Span | undefined;
  if (definition) {
    const colon = raw.indexOf(']:');
    if (colon === -1) return { urlSpan: span };
    at = colon + 2;
  } else {
    if (!raw.startsWith('[') && !raw.startsWith('!')) {
      // An autolink: <url> or a bare URL.
      const inner = raw.startsWith('<') ? { start: span.start + 1, end: span.end - 1 } : span;
      return { urlSpan: inner, autolink: true };
    }
    // The `](` that closes the link text: brackets inside the text are balanced, and the
    // destination may hold a `](` of its own (`[x]([https://a](https://a))`).
    let close = -1;
    for (let i = raw.startsWith('!') ? 2 : 1, depth = 0; i < raw.length - 1; i++) {
      if (raw[i] === '\\') i++;
      else if (raw[i] === '[') depth++;
      else if (raw[i] === ']') {
        if (depth === 0) {
          if (raw[i + 1] === '(') close = i;
          break;
        }
        depth--;
      }
    }
    if (close === -1) close = raw.lastIndexOf('](');
    if (close === -1) return { urlSpan: span };
    textSpan = { start: span.start + (raw.startsWith('!') ? 2 : 1), end: span.start + close };
    at = close + 2;
  }
  const opened = at;
  while (at < raw.length && /\s/.test(raw[at])) at++;
  const spaced = at > opened && !definition;
  let end: number;
  let start = at;
  if (raw[at] === '<') {
    start = at + 1;
    end = raw.indexOf('>', start);
    if (end === -1) end = raw.length;
  } else {
    end = start;
    let depth = 0;
    while (end < raw.length && !/\s/.test(raw[end])) {
      if (raw[end] === '\\') end++;
      else if (raw[end] === '(') depth++;
      else if (raw[end] === ')') {
        if (depth === 0) break;
        depth--;
      }
      end++;
    }
    end = Math.min(end, raw.length);
  }
  return { raw: raw.slice(start, end), urlSpan: { start: span.start + start, end: span.start + end }, textSpan, ...(spaced ? { spaced } : {}) };
}

