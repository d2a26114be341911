import { distance } from 'fastest-levenshtein';
import { Severity } from '../../findings';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { documentAnchors } from '../../links/anchors';
import type { LinkContext } from '../../links/context';
import { documentLinks, type Destination } from '../../links/extract';
import { isMarkdownFile } from '../../files';
import { linkEntries, type LinkEntry } from '../../links/resolved';
import { canonicalUri, relativeName } from '../../links/uri';
import type { DocumentModel, LinkInfo } from '../../model/document';
import { MemoKey } from '../../session/state';
import type { Site } from '../../site/generator';
import type { Span } from '../../text';

/** What quick fixes read back from a finding. */
export interface LinkFixData {
  /** Replace the finding's span with this text. */
  replacement?: string;
  replacementTitle?: string;
  /** For a missing file: the path as written, to find the closest existing one. */
  path?: string;
  /** For an undefined footnote: the label to define. */
  footnote?: string;
  /** Other replacements of the finding's span, offered as fixes that are not preferred. */
  alternatives?: { replacement: string; title: string }[];
  /** For unused definitions: remove the lines of the finding's span. */
  remove?: boolean;
}

/** One finding of the link check; its code is one of the family's (`rules/link/index.ts`). */
export interface LinkIssue {
  code: string;
  span: Span;
  message: string;
  data?: LinkFixData;
  /** When it is not the code's default (a missing Hugo ref fails the build). */
  severity?: number;
}

/** Reports per code and document stop here, so that a pasted dump does not bury the editor. */
const MAX_PER_CODE = 200;

const ISSUES = new MemoKey<LinkIssue[]>('link/issues');

/** Every link finding of a document, computed once per model and index version. */
export function checkLinks(ctx: LinkContext): LinkIssue[] {
  const { model, site, index } = ctx;
  return model.memo.get(ISSUES, [index, index.version, index.ready, site.generator, site.root], () => computeLinkIssues(ctx));
}

/** The same, without the memo (benchmarks pass entries computed afresh too). */
export function computeLinkIssues(ctx: LinkContext, entries: readonly LinkEntry[] = linkEntries(ctx).entries): LinkIssue[] {
  const { model, site, index } = ctx;
  const issues: LinkIssue[] = [];
  const counts = new Map<string, number>();
  const report = (issue: LinkIssue) => {
    const n = (counts.get(issue.code) ?? 0) + 1;
    counts.set(issue.code, n);
    if (n <= MAX_PER_CODE) issues.push(issue);
  };
  const links = documentLinks(model);
  const ownAnchors = () => documentAnchors(model, site.root ? index.headingStyle(site) : site.generator);

  for (const entry of entries) {
    const dest = entry.dest;
    const url = dest.url;
    const quoted = `“${short(url)}”`;
    switch (entry.kind) {
      case 'empty':
        report({ code: 'link/empty-destination', span: dest.span, message: dest.image ? 'This image has no source: readers see a broken image.' : 'This link has no destination: it goes nowhere. Add the URL, or remove the link.' });
        continue;
      case 'malformed':
        report({ code: 'link/malformed-url', span: dest.urlSpan, message: `The URL ${quoted} is malformed: ${entry.reason}.` });
        continue;
      case 'external': {
        const yt = entry.yt;
        if (yt && !yt.valid) {
          report({
            code: 'link/invalid-youtube-id',
            span: dest.urlSpan,
            message: yt.id === '' ? 'This YouTube link names no video.' : `“${short(yt.id)}” is not a YouTube video id: ids are 11 letters, digits, “-” or “_”. The link leads to an error page; copy it again from the video's Share button.`,
          });
        }
        continue;
      }
      case 'missing-scheme':
        report({ code: 'link/missing-scheme', span: dest.urlSpan, message: `${quoted} looks like a web address but has no https://, so the site treats it as a file beside the post.`, data: { replacement: 'https://' + url.trim(), replacementTitle: `Add https://` } });
        continue;
    }
    const resolution = entry.resolution;
    switch (resolution.status) {
      case 'missing': {
        const what = dest.image ? 'image' : dest.syntax === 'post_url' ? 'post' : 'file';
        const at = resolution.address !== undefined ? `: the site serves nothing at ${short(resolution.address)}` : where(site, resolution.expected);
        const refNote = resolution.ref ? ' Hugo stops the build on a ref it cannot find.' : '';
        report({ code: 'link/no-such-file', span: dest.urlSpan, message: `No ${what} at ${quoted}${at}.${refNote}`, data: { path: dest.syntax === 'post_url' ? undefined : url }, ...(resolution.ref ? { severity: Severity.Error } : {}) });
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
        } else if (isMarkdownFile(resolution.uri)) {
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
  return issues;
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

function short(text: string): string {
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}
