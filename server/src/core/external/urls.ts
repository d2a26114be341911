import type { Html, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { DocumentModel } from '../model/document';
import type { ParsedSection } from '../model/markdown';
import type { Session } from '../session/session';
import { MemoKey, SessionKey } from '../session/state';
import type { Span } from '../text';

/** Longer URLs are not checked: no real page needs one, and a server would refuse it. */
export const MAX_URL_LENGTH = 2048;

const LINKS = new MemoKey<readonly ExternalLink[]>('link/external-links');

/** One place in the document that points to an external http(s) URL. */
export interface ExternalLink {
  /** The URL as the document writes it. */
  url: string;
  /** The URL that is checked: parsed, normalised, without its fragment. */
  key: string;
  /** Exactly the destination in the text, when it could be found; else the whole link. */
  span: Span;
  /** Whether `span` is the destination itself (so a fix may replace it). */
  exact: boolean;
}

/**
 * The http and https URLs a document links to: inline links and images, autolinks,
 * definitions, and `href`/`src` attributes of inline HTML. Code is never looked at (the
 * parser makes no links there). Other schemes (`mailto:`, `ftp:`, relative paths) are left
 * out: the external checker only ever speaks HTTP.
 */
export function externalLinks(model: DocumentModel, session?: Session): readonly ExternalLink[] {
  return model.memo.get(LINKS, [], () => collectExternalLinks(model, session ? cachedKey(session) : checkKey));
}

function collectExternalLinks(model: DocumentModel, keyOf: (url: string) => string | undefined): ExternalLink[] {
  const found: ExternalLink[] = [];
  for (const link of model.links) {
    if (link.url === undefined || (link.kind !== 'link' && link.kind !== 'image' && link.kind !== 'definition')) continue;
    const key = keyOf(link.url);
    if (!key) continue;
    // The destination is the last occurrence within the link (only a title may follow it).
    // Searched in the link's own text: lastIndexOf over the whole document is slow.
    const within = model.text.slice(link.span.start, link.span.end).lastIndexOf(link.url);
    const at = link.span.start + within;
    const exact = within !== -1;
    found.push({ url: link.url, key, span: exact ? { start: at, end: at + link.url.length } : link.span, exact });
  }
  for (const section of model.sections) {
    for (const attr of htmlUrls(section.parsed)) {
      const key = keyOf(attr.url.replace(/&amp;/g, '&'));
      if (!key) continue;
      const start = attr.offset + section.delta;
      found.push({ url: attr.url, key, span: { start, end: start + attr.url.length }, exact: true });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start);
  return found;
}

/** The distinct URLs to check, in document order. */
export function urlsToCheck(model: DocumentModel): string[] {
  return [...new Set(externalLinks(model).map((l) => l.key))];
}

/**
 * The URL to check for a destination, or undefined when it is not one to check: not
 * http(s), not parseable, too long. The fragment is dropped (servers never see it), so
 * `page#a` and `page#b` are checked once.
 */
export function checkKey(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(trimmed)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.hostname === '') return undefined;
  parsed.hash = '';
  return parsed.href.length > MAX_URL_LENGTH ? undefined : parsed.href;
}

/** The keys of URLs seen so far in the session: the same URLs come back on every keystroke. */
const KEYS = new SessionKey<Map<string, string | undefined>>('link/external-keys', () => new Map());
const MAX_KEYS = 5000;

function cachedKey(session: Session): (url: string) => string | undefined {
  const keys = session.state(KEYS);
  return (url) => {
    const known = keys.get(url);
    if (known !== undefined || keys.has(url)) return known;
    const key = checkKey(url);
    // Bounded: a long session forgets its oldest URLs.
    if (keys.size >= MAX_KEYS) keys.delete(keys.keys().next().value as string);
    keys.set(url, key);
    return key;
  };
}

interface HtmlUrl {
  url: string;
  /** Offset in the section's tree (add the section's delta for a document offset). */
  offset: number;
}

const ATTRIBUTE = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const HAS_ATTRIBUTE = /\s(?:href|src)\s*=/i;
const HTML_URLS = new MemoKey<HtmlUrl[]>('link/html-urls');

/** `href` and `src` values of a section's HTML, cached as long as the parse is. */
function htmlUrls(parsed: ParsedSection): HtmlUrl[] {
  return parsed.memo.get(HTML_URLS, [], () => collectHtmlUrls(parsed));
}

function collectHtmlUrls(parsed: ParsedSection): HtmlUrl[] {
  const result: HtmlUrl[] = [];
  // Most sections have no HTML attribute at all: no need to walk their tree.
  if (!HAS_ATTRIBUTE.test(parsed.text)) return result;
  visit(parsed.root as Root, 'html', (node: Html) => {
    const start = node.position?.start.offset;
    if (start === undefined || !/\b(?:href|src)\b/i.test(node.value)) return;
    for (const match of node.value.matchAll(ATTRIBUTE)) {
      const value = match[1] ?? match[2];
      if (!/^https?:/i.test(value)) continue;
      const inMatch = match[0].indexOf(value, match[0].indexOf('=') + 1);
      result.push({ url: value, offset: start + match.index + inMatch });
    }
  });
  return result;
}

