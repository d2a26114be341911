import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { SiteGeneratorName } from '../site/generator';
import { BLOCK_ATTRIBUTE_ID, isHugoStyle, type HeadingIds } from './siteFacts';

/**
 * Heading ids as each generator makes them. Jekyll (kramdown's GFM input, its default), Hugo
 * (goldmark's `github` style), Astro (rehype-slug), Eleventy and Hexo follow GitHub; Zola
 * slugifies to ASCII. Repeated headings get `-1`, `-2`… in every one of them.
 */
export interface Slugger {
  slug(text: string): string;
}

export function sluggerFor(generator: SiteGeneratorName | HeadingIds): Slugger {
  if (generator === 'zola') return new CountingSlugger(zolaSlug);
  if (generator === 'eleventy-slugify') return new CountingSlugger(eleventySlug);
  if (generator === 'eleventy-default') return new CountingSlugger((t) => encodeURIComponent(t.trim().toLowerCase().replace(/\s+/g, '-')));
  if (generator === 'none') return { slug: () => '' };
  const github = new GithubSlugger();
  return { slug: (text) => github.slug(text) };
}

class CountingSlugger implements Slugger {
  private readonly seen = new Map<string, number>();
  constructor(private readonly base: (text: string) => string) {}
  slug(text: string): string {
    const base = this.base(text);
    let slug = base;
    let n = this.seen.get(base) ?? 0;
    while (this.seen.has(slug)) slug = `${base}-${++n}`;
    this.seen.set(base, n);
    this.seen.set(slug, this.seen.get(slug) ?? 0);
    return slug;
  }
}

/** Zola's `slugify` (the `on` strategy): ASCII, lower case, runs of anything else become `-`. */
export function zolaSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Eleventy's `slugify` filter (@sindresorhus/slugify without decamelizing): ASCII, `&` read as “and”. */
export function eleventySlug(text: string): string {
  return text
    .replace(/&/g, ' and ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether a style gives headings ids at all. */
export function headingsHaveIds(style: SiteGeneratorName | HeadingIds): boolean {
  return style !== 'none';
}

/** kramdown's attribute list on the line after a block: `{: #id}`. */
export const IAL_ID = /^ {0,3}\{:\s*(?:[^}]*\s)?#([^\s}]+)[^}]*\}\s*$/;

/** Hugo's code-fence line anchors: `{linenos=true, lineanchors=p}` gives each line the id `p-N`. */
export function fenceLineAnchors(info: string, lines: number): string[] {
  const m = /\blineanchors\s*=\s*["']?([\w-]+)/.exec(info);
  if (!m || !/\blinenos\s*=\s*["']?(?:true|table|inline)/.test(info)) return [];
  const start = Number(/\blinenostart\s*=\s*(\d+)/.exec(info)?.[1] ?? 1);
  const out: string[] = [];
  for (let i = 0; i < Math.min(lines, 5000); i++) out.push(`${m[1]}-${start + i}`);
  return out;
}

/** Hugo 0.111 reads a heading's links with their URLs: `[a](u) b` is slugged from `au b`. */
export function withLinkUrls(title: string): string {
  return title.includes('](') ? title.replace(/!?\[([^\]]*)\]\(<?([^()\s>]*)>?(?:\s+"[^"]*")?\)/g, '$1$2') : title;
}

/** `## Title {#custom-id}` (kramdown, goldmark and Zola attributes): the id and the title without it. */
export function customId(text: string): { text: string; id?: string } {
  const m = /\s*\{(?=[^}]*#)([^}]*)\}\s*$/.exec(text);
  if (!m) return { text };
  const id = /(?:^|\s)#([^\s}]+)/.exec(m[1])?.[1];
  return id ? { text: text.slice(0, m.index), id } : { text };
}

/** `id="…"` and `<a name="…">` in raw HTML. */
export function htmlIds(html: string): string[] {
  const ids: string[] = [];
  const re = /<[a-z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
  for (let m = re.exec(html); m && ids.length < 1000; m = re.exec(html)) ids.push(m[1] ?? m[2]);
  return ids;
}

/**
 * The anchors of a Markdown text without a full parse: ATX and setext headings outside
 * fenced code, `{#id}` attributes and HTML ids. Used for files the editor does not have open;
 * inline markup in headings is reduced to its text.
 */
export function scanAnchors(text: string, generator: SiteGeneratorName | HeadingIds, bodyStart = 0): { anchors: string[]; headings: string[]; lines: Map<string, number> } {
  const slugger = sluggerFor(generator);
  const anchors: string[] = [];
  const headings: string[] = [];
  let fence: string | undefined;
  let previous = '';
  let pos = bodyStart;
  // 0-based line numbers of the anchors, for Ctrl+click into another file.
  const lineOf = new Map<string, number>();
  // Incremented as each line is read, so that it is the number of the line at hand.
  let lineNo = countLines(text, bodyStart) - 2;
  let previousLineNo = lineNo;
  const n = text.length;
  const pending: { title: string; id?: string; at: number }[] = [];
  let fenceInfo = '';
  let fenceLines = 0;
  let afterHeading = false;
  while (pos < n && anchors.length + pending.length < 5000) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = n;
    let line = text.slice(pos, Math.min(end, pos + 2000));
    if (line.endsWith('\r')) line = line.slice(0, -1);
    pos = end + 1;
    previousLineNo = lineNo;
    lineNo++;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && line.trim() === fenceMatch[1]) {
        fence = undefined;
        if (isHugoStyle(generator) && fenceInfo.includes('lineanchors')) for (const id of fenceLineAnchors(fenceInfo, fenceLines)) anchors.push(id);
      } else fenceLines++;
      previous = '';
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      fenceInfo = line;
      fenceLines = 0;
      previous = '';
      continue;
    }
    if (afterHeading) {
      afterHeading = false;
      const ial = generator === 'jekyll' ? IAL_ID.exec(line) : null;
      if (ial && pending.length > 0) {
        pending[pending.length - 1].id ??= ial[1];
        continue;
      }
    }
    const attribute = generator === 'hugo-attributes' && line.includes('{') ? BLOCK_ATTRIBUTE_ID.exec(line) : null;
    if (attribute) {
      anchors.push(attribute[1]);
      if (!lineOf.has(attribute[1])) lineOf.set(attribute[1], lineNo);
      previous = '';
      continue;
    }
    if (line.includes('<')) {
      for (const id of htmlIds(line)) {
        anchors.push(id);
        if (!lineOf.has(id)) lineOf.set(id, lineNo);
      }
    }
    const atx = /^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) {
      addHeading(atx[1] ?? '', lineNo);
      afterHeading = true;
      previous = '';
      continue;
    }
    if (previous.trim() !== '' && /^ {0,3}(?:=+|-+)[ \t]*$/.test(line) && !/^ {0,3}(?:[-*+]\s|\d+[.)]\s|>|#)/.test(previous)) {
      addHeading(previous.trim(), previousLineNo);
      afterHeading = true;
      previous = '';
      continue;
    }
    previous = line;
  }
  // The headings' text in one parse (a parse per heading costs more than the scan).
  const texts = inlineTexts(pending.map((p) => p.title));
  const slugTexts = isHugoStyle(generator) ? inlineTexts(pending.map((p) => withLinkUrls(p.title))) : texts;
  pending.forEach((p, i) => {
    headings.push(texts[i]);
    const anchor = p.id ?? slugger.slug(slugTexts[i]);
    if (anchor === '') return;
    anchors.push(anchor);
    if (!lineOf.has(anchor)) lineOf.set(anchor, p.at);
  });
  return { anchors, headings, lines: lineOf };

  function addHeading(raw: string, at: number): void {
    const { text: title, id } = customId(raw);
    pending.push({ title, id, at });
  }
}

function countLines(text: string, end: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A heading's inline Markdown reduced to the text a reader sees, as the parser reads it (so
 * `kube_proxy_mode` keeps its underscores, and `*a*` loses its stars). Text without any
 * markup character is taken as it is.
 */
export function inlineText(markdown: string): string {
  return inlineTexts([markdown])[0];
}

const MARKUP = /[\\`*_[\]<>&~!]/;
const PLAIN_LINK = /\[([^\\`*_[\]<>&~!]*)\]\(([^()\s<>\\`]*)\)/g;

/** The text of many headings' inline Markdown, parsed together as one document of ATX headings. */
export function inlineTexts(titles: readonly string[]): string[] {
  const out = titles.map((t) => {
    const line = t.trim().replace(/[\r\n]+/g, ' ');
    if (!MARKUP.test(line)) return line;
    // The common talk heading, `[Title](https://…) (Speaker)`: a link whose text and address
    // hold no markup reads as its text; anything else goes to the parser.
    const unlinked = line.replace(PLAIN_LINK, '$1');
    return MARKUP.test(unlinked) ? line : unlinked;
  });
  const marked = out.flatMap((t, i) => (MARKUP.test(t) ? [i] : []));
  if (marked.length === 0) return out;
  // As ATX headings, so that `1. Intro` or `- x` stay text rather than a list.
  const tree = fromMarkdown(marked.map((i) => '# ' + out[i]).join('\n'));
  const parsed = tree.children.filter((c): c is Heading => c.type === 'heading');
  if (parsed.length !== marked.length) return out;
  marked.forEach((i, k) => (out[i] = toString(parsed[k], { includeHtml: false }).trim()));
  return out;
}
