import { distance } from 'fastest-levenshtein';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { DocumentModel, LinkInfo } from '../model/document';
import type { Settings } from '../settings';
import type { Session } from '../session/session';
import { findSite, rootOf, siteOf, type Site } from '../site/generator';
import type { Span } from '../text';
import type { Workspace } from '../workspace';
import { documentAnchors } from './anchors';
import { documentLinks, type Destination } from './extract';
import { LinkIndex, linkIndexOf, MARKDOWN_FILE } from './linkIndex';
import { resolveDestination, type Resolution, type ResolveContext } from './resolve';
import { canonicalUri } from './uri';
import { classifyUrl, looksLikeHost, malformedReason, MAX_URL_LENGTH, youtubeVideoId, type UrlClass } from './url';

export const LINK_CODES = [
  'link/no-such-file',
  'link/missing-anchor',
  'link/case-mismatch',
  'link/empty-destination',
  'link/missing-scheme',
  'link/malformed-url',
  'link/invalid-youtube-id',
  'link/inverted-syntax',
  'link/undefined-reference',
  'link/unused-definition',
  'link/undefined-footnote',
  'link/unused-footnote',
  'link/duplicate-footnote',
] as const;
export type LinkCode = (typeof LINK_CODES)[number];

/** What quick fixes read back from a finding. */
export interface LinkFixData {
  /** Replace the finding's span with this text. */
  replacement?: string;
  replacementTitle?: string;
  /** For a missing file: the path as written, to find the closest existing one. */
  path?: string;
  /** For an undefined footnote: the label to define. */
  footnote?: string;
  /** For unused definitions: remove the lines of the finding's span. */
  /** Other replacements of the finding's span, offered as fixes that are not preferred. */
  alternatives?: { replacement: string; title: string }[];
  remove?: boolean;
}

export interface LinkIssue {
  code: LinkCode;
  span: Span;
  message: string;
  data?: LinkFixData;
}

/** A document's links, each with what it resolves to; shared by rules and navigation. */
export interface ResolvedLink {
  dest: Destination;
  resolution: Resolution;
}

/** Reports per code and document stop here, so that a pasted dump does not bury the editor. */
const MAX_PER_CODE = 200;

const cache = new WeakMap<DocumentModel, { key: string; issues: LinkIssue[]; resolved: ResolvedLink[] }>();

export interface LinkContext {
  model: DocumentModel;
  site: Site;
  index: LinkIndex;
}

const NO_FILES = new LinkIndex({ roots: [], readText: () => undefined, exists: () => false });

export function linkContext(model: DocumentModel, settings: Settings, workspace: Workspace, session?: Session): LinkContext {
  // Files are indexed only for documents inside a workspace folder; others need none.
  const workspaceRoot = rootOf(workspace, model.uri);
  const found = session ? siteOf(session, model.uri, settings) : findSite(workspace, model.uri, settings);
  // Site roots in the index's URI form, so that prefixes and messages agree with its URIs.
  const site = found.root ? { ...found, root: canonicalUri(found.root) } : found;
  const index = workspaceRoot ? linkIndexOf(workspace, site.root ?? workspaceRoot) : NO_FILES;
  return { model, site, index };
}

/** Every link finding of a document, computed once per model and index version. */
export function checkLinks(ctx: LinkContext): { issues: LinkIssue[]; resolved: ResolvedLink[] } {
  const key = `${ctx.index.version} ${ctx.index.ready} ${ctx.site.generator} ${ctx.site.root}`;
  const known = cache.get(ctx.model);
  if (known && known.key === key) return known;
  const result = computeLinkIssues(ctx);
  cache.set(ctx.model, { key, ...result });
  return result;
}

/** The same, without the cache: for benchmarks. */
export function computeLinkIssues({ model, site, index }: LinkContext): { issues: LinkIssue[]; resolved: ResolvedLink[] } {
  const issues: LinkIssue[] = [];
  const resolved: ResolvedLink[] = [];
  const counts = new Map<LinkCode, number>();
  const report = (issue: LinkIssue) => {
    const n = (counts.get(issue.code) ?? 0) + 1;
    counts.set(issue.code, n);
    if (n <= MAX_PER_CODE) issues.push(issue);
  };
  const links = documentLinks(model);
  const ownAnchors = () => documentAnchors(model, site.generator);
  const rctx = { index, site, uri: model.uri };

  for (const dest of links.destinations) {
    const url = dest.url;
    const quoted = `“${short(url)}”`;
    if (url.trim() === '') {
      if (dest.syntax === 'autolink') continue;
      report({ code: 'link/empty-destination', span: dest.span, message: dest.image ? 'This image has no source: readers see a broken image.' : 'This link has no destination: it goes nowhere. Add the URL, or remove the link.' });
      continue;
    }
    if (url.length > MAX_URL_LENGTH) continue;
    const { malformed, cls, yt } = analyseUrl(url);
    if (malformed) {
      report({ code: 'link/malformed-url', span: dest.urlSpan, message: `The URL ${quoted} is malformed: ${malformed}.` });
      continue;
    }
    if (cls.kind === 'external') {
      if (yt && !yt.valid) {
        report({
          code: 'link/invalid-youtube-id',
          span: dest.urlSpan,
          message: yt.id === '' ? 'This YouTube link names no video.' : `“${short(yt.id)}” is not a YouTube video id: ids are 11 letters, digits, “-” or “_”. The link leads to an error page; copy it again from the video's Share button.`,
        });
      }
      continue;
    }
    if (cls.kind !== 'local' && dest.syntax !== 'post_url' && dest.syntax !== 'jekyll-link') continue;
    if (cls.kind === 'local' && looksLikeHost(cls.path) && dest.syntax !== 'ref' && !index.exists(model.uri.slice(0, model.uri.lastIndexOf('/') + 1) + cls.path)) {
      report({ code: 'link/missing-scheme', span: dest.urlSpan, message: `${quoted} looks like a web address but has no https://, so the site treats it as a file beside the post.`, data: { replacement: 'https://' + url.trim(), replacementTitle: `Add https://` } });
      continue;
    }
    const resolution = resolveCached(rctx, dest);
    resolved.push({ dest, resolution });
    switch (resolution.status) {
      case 'missing': {
        const what = dest.image ? 'image' : dest.syntax === 'post_url' ? 'post' : 'file';
        report({ code: 'link/no-such-file', span: dest.urlSpan, message: `No ${what} at ${quoted}${where(site, resolution.expected)}.`, data: { path: dest.syntax === 'post_url' ? undefined : url } });
        break;
      }
      case 'case': {
        const rel = site.root && resolution.actual.startsWith(site.root + '/') ? decodeURIComponent(resolution.actual.slice(site.root.length + 1)) : relativeName(model.uri, resolution.actual);
        report({
          code: 'link/case-mismatch',
          span: dest.urlSpan,
          message: `${quoted} differs only in letter case from the file ${rel}: this works on macOS and Windows but breaks on Linux, where most sites are built.`,
          data: caseFix(url, resolution.uri, resolution.actual),
        });
        break;
      }
      case 'same-document':
      case 'found': {
        const anchor = resolution.anchor;
        // `#top`, and the ids generators give footnotes (kramdown's `fn:1`, GitHub's `fnref-1`).
        if (anchor === undefined || anchor === '' || anchor === 'top' || /^(?:fn|fnref)[:-]|^footnote/.test(anchor)) break;
        if (resolution.status === 'same-document' || resolution.uri === canonicalUri(model.uri)) {
          const ids = ownAnchors().map((a) => a.id);
          if (!ids.includes(anchor)) report(anchorIssue(dest, anchor, ids, 'this post'));
        } else if (MARKDOWN_FILE.test(resolution.uri)) {
          const page = index.page(resolution.uri);
          if (page && !page.anchors.has(anchor)) report(anchorIssue(dest, anchor, [...page.anchors], relativeName(model.uri, resolution.uri)));
        }
        break;
      }
    }
  }

  for (const inv of links.inverted) {
    report({ code: 'link/inverted-syntax', span: inv.span, message: 'The brackets are the wrong way round: (text)[url] shows as plain text. A link is written [text](url).', data: { replacement: `[${inv.text}](${inv.url})`, replacementTitle: 'Write it as [text](url)' } });
  }

  // References and definitions.
  const defined = new Set<string>();
  const definedFootnotes = new Map<string, LinkInfo[]>();
  const used = new Set<string>();
  const usedFootnotes = new Set<string>();
  for (const l of model.links) {
    if (l.kind === 'definition') defined.add(l.identifier ?? '');
    else if (l.kind === 'linkReference' || l.kind === 'imageReference') used.add(l.identifier ?? '');
    else if (l.kind === 'footnoteReference') usedFootnotes.add(l.identifier ?? '');
    else if (l.kind === 'footnoteDefinition') {
      const list = definedFootnotes.get(l.identifier ?? '');
      if (list) list.push(l);
      else definedFootnotes.set(l.identifier ?? '', [l]);
    }
  }
  for (const loose of links.loose) {
    const id = normalizeIdentifier(loose.label).toLowerCase();
    if (loose.footnote) {
      if (definedFootnotes.has(id)) continue;
      report({ code: 'link/undefined-footnote', span: loose.span, message: `The footnote [^${short(loose.label)}] has no definition, so it shows as plain text. Add a line “[^${short(loose.label)}]: …”.`, data: { footnote: loose.label } });
    } else {
      if (defined.has(id)) continue;
      report({ code: 'link/undefined-reference', span: loose.labelSpan, message: `No definition for the reference [${short(loose.label)}], so the link shows as plain text. Add “[${short(loose.label)}]: <url>” below the paragraph.` });
    }
  }
  for (const l of model.links) {
    if (l.kind === 'definition' && !used.has(l.identifier ?? '')) {
      const label = (l.node as { label?: string }).label ?? l.identifier ?? '';
      report({ code: 'link/unused-definition', span: firstLine(model, l.span), message: `The link definition [${short(label)}] is never used.`, data: { remove: true } });
    }
  }
  for (const [id, list] of definedFootnotes) {
    const label = (list[0].node as { label?: string }).label ?? id;
    if (!usedFootnotes.has(id)) report({ code: 'link/unused-footnote', span: firstLine(model, list[0].span), message: `The footnote [^${short(label)}] is defined but never referenced, so it is not shown.`, data: { remove: true } });
    for (const dup of list.slice(1)) {
      report({ code: 'link/duplicate-footnote', span: firstLine(model, dup.span), message: `The footnote [^${short(label)}] is defined twice; only the first definition is shown.`, data: { remove: true } });
    }
  }
  issues.sort((a, b) => a.span.start - b.span.start);
  return { issues, resolved };
}

// What a URL is, without the files: the same URLs come back on every keystroke.
const urlFacts = new Map<string, { malformed?: string; cls: UrlClass; yt?: { id: string; valid: boolean } }>();

function analyseUrl(url: string) {
  let facts = urlFacts.get(url);
  if (!facts) {
    if (urlFacts.size >= 20_000) urlFacts.clear();
    const cls = classifyUrl(url);
    facts = { malformed: malformedReason(url), cls, yt: cls.kind === 'external' ? youtubeVideoId(url) : undefined };
    urlFacts.set(url, facts);
  }
  return facts;
}

// Resolutions against one version of the index: an edit leaves most links as they were.
let resolutions: { index: LinkIndex; version: number; site: string; map: Map<string, Resolution> } | undefined;

function resolveCached(ctx: ResolveContext, dest: Destination): Resolution {
  const siteKey = `${ctx.site.generator} ${ctx.site.root}`;
  if (!resolutions || resolutions.index !== ctx.index || resolutions.version !== ctx.index.version || resolutions.site !== siteKey) {
    resolutions = { index: ctx.index, version: ctx.index.version, site: siteKey, map: new Map() };
  }
  const key = `${ctx.uri}\u0000${dest.syntax}\u0000${dest.url}`;
  let resolution = resolutions.map.get(key);
  if (!resolution) {
    if (resolutions.map.size >= 50_000) resolutions.map.clear();
    resolution = resolveDestination(ctx, dest);
    resolutions.map.set(key, resolution);
  }
  return resolution;
}

/** A heading is offered for a missing anchor only when at most this share of it differs. */
const MAX_ANCHOR_DISTANCE = 0.4;
/** Headings offered as plain (not preferred) fixes when none is close. */
const MAX_ANCHOR_ALTERNATIVES = 8;

function anchorIssue(dest: Destination, anchor: string, ids: string[], where: string): LinkIssue {
  const unique = [...new Set(ids)].filter((id) => id !== '');
  const close = unique
    .map((id) => ({ id, d: distance(anchor, id) / Math.max(anchor.length, id.length, 1) }))
    .filter((c) => c.d <= MAX_ANCHOR_DISTANCE)
    .sort((a, b) => a.d - b.d)
    .map((c) => c.id);
  const hashAt = dest.url.lastIndexOf('#');
  const hint = close.length === 1 ? ` Did you mean “#${close[0]}”?` : close.length > 1 ? ` Did you mean ${close.slice(0, 3).map((id) => `“#${id}”`).join(' or ')}?` : '';
  const withAnchor = (id: string) => dest.url.slice(0, hashAt + 1) + id;
  const alternatives = (close.length === 1 ? [] : close.length > 1 ? close : unique).slice(0, MAX_ANCHOR_ALTERNATIVES).map((id) => ({ replacement: withAnchor(id), title: `Link to #${id}` }));
  return {
    code: 'link/missing-anchor',
    span: dest.urlSpan,
    message: `No heading or id “${short(anchor)}” in ${where}.${hint}`,
    data:
      hashAt === -1
        ? undefined
        : {
            // Preferred only when one heading is close: anything else is a guess.
            ...(close.length === 1 ? { replacement: withAnchor(close[0]), replacementTitle: `Link to #${close[0]}` } : {}),
            ...(alternatives.length > 0 ? { alternatives } : {}),
          },
  };
}

/** The URL with the letter case of the file it meant. */
function caseFix(url: string, wanted: string, actual: string): LinkFixData | undefined {
  if (wanted.length !== actual.length) return undefined;
  // Rewrite the tail of the path that differs; the written URL ends where the URI does.
  const hash = url.search(/[?#]/);
  const path = hash === -1 ? url : url.slice(0, hash);
  const rest = hash === -1 ? '' : url.slice(hash);
  let fixed = '';
  for (let i = 1; i <= path.length; i++) {
    const c = path[path.length - i];
    const w = wanted[wanted.length - i];
    const a = actual[actual.length - i];
    fixed = (w !== undefined && c === w && a !== undefined ? a : c) + fixed;
  }
  return fixed === path ? undefined : { replacement: fixed + rest, replacementTitle: `Write it as ${short(fixed)}` };
}

function firstLine(model: DocumentModel, span: Span): Span {
  const nl = model.text.indexOf('\n', span.start);
  return { start: span.start, end: nl === -1 || nl > span.end ? span.end : model.text[nl - 1] === '\r' ? nl - 1 : nl };
}

function where(site: Site, expected: string): string {
  if (!site.root || !expected.startsWith(site.root + '/')) return '';
  return ` (looked for ${decodeURIComponent(expected.slice(site.root.length + 1))})`;
}

/** A target's path relative to a document, for messages. */
export function relativeName(from: string, to: string): string {
  const a = canonicalUri(from).split('/');
  const b = canonicalUri(to).split('/');
  let i = 0;
  while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - 1 - i;
  const rel = (up === 0 ? './' : '../'.repeat(up)) + b.slice(i).join('/');
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

function short(text: string): string {
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}
