import { distance } from 'fastest-levenshtein';
import { Severity } from '../../findings';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { documentAnchors } from '../../links/anchors';
import type { LinkContext } from '../../links/context';
import { sectionLinks, type Destination, type LooseReference, type SectionLinks } from '../../links/extract';
import { RunsKey, sectionRuns } from '../runs';
import { isMarkdownFile } from '../../files';
import { entryReader, type LinkEntry } from '../../links/resolved';
import { canonicalUri, relativeName } from '../../links/uri';
import { sectionLinkInfos, type DocumentModel, type RelativeLink } from '../../model/document';
import type { ParsedSection } from '../../model/markdown';
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
/** A section's destination and inverted-link findings, in its own offsets. */
const SECTION_ISSUES = new MemoKey<LinkIssue[]>('link/section-issues');
const OWN_ANCHOR_IDS = new MemoKey<{ ids: string[]; key: string }>('link/own-anchor-ids');

/** Every link finding of a document, computed once per model and index version. */
export function checkLinks(ctx: LinkContext): LinkIssue[] {
  const { model, site, index } = ctx;
  return model.memo.get(ISSUES, [index, index.version, index.ready, site.generator, site.root], () => computeLinkIssues(ctx));
}

/**
 * The same, without the document memo. The findings of a run of sections are kept in the
 * session, in each section's own offsets, while its parses, the site, the index version and
 * (for a run that links to anchors) the post's anchors are as they were; a section's are kept
 * with its parse too. So a keystroke reads the links of the edited section only. `keep: false`
 * reads every section afresh (benchmarks).
 */
export function computeLinkIssues(ctx: LinkContext, options: { keep?: boolean } = {}): LinkIssue[] {
  const { model, site, index, session } = ctx;
  const issues: LinkIssue[] = [];
  const counts = new Map<string, number>();
  const report = (issue: LinkIssue) => {
    const n = (counts.get(issue.code) ?? 0) + 1;
    counts.set(issue.code, n);
    if (n <= MAX_PER_CODE) issues.push(issue);
  };
  const style = site.root ? index.headingStyle(site) : site.generator;
  const own = () =>
    model.memo.get(OWN_ANCHOR_IDS, [style], () => {
      const ids = documentAnchors(model, style).map((a) => a.id);
      return { ids, key: ids.join('\n') };
    });
  const sections = model.sections;
  const bodyStart = model.frontMatter ? model.frontMatter.span.end : 0;
  // Only the first section holds front matter, whose links are not the body's.
  const skipFirst = sections.length > 0 ? bodyStart - sections[0].span.start : 0;
  const keep = options.keep !== false;
  const readRun = runReader(ctx, keep, skipFirst, own);
  const runs = keep
    ? sectionRuns(
        session,
        LINK_RUNS,
        model.uri,
        sections,
        [index, index.version, index.ready, site.generator, site.root, ctx.knownAddresses],
        (run, from) => (from !== 0 || run.skipFirst === skipFirst) && (run.anchorsKey === undefined || run.anchorsKey === own().key),
        readRun,
      )
    : [{ from: 0, value: readRun(0, sections.length) }];
  for (const { value } of runs) for (const { at, issue } of value.issues) report(moved(issue, sections[at].span.start));
  referenceIssues(model, runs.map((r) => r.value), report);
  issues.sort((a, b) => a.span.start - b.span.start);
  return issues;
}

/** What a run of sections gives the link check, in each section's own offsets (`at`: the section's index). */
interface LinkRun {
  issues: { at: number; issue: LinkIssue }[];
  /** The first section's front matter end, when the run starts the post. */
  skipFirst: number;
  /** The post's anchors the run's findings were read with, when one of its links names a fragment. */
  anchorsKey?: string;
  definitions: Placed<RelativeLink>[];
  footnoteDefinitions: Placed<RelativeLink>[];
  used: string[];
  usedFootnotes: string[];
  loose: Placed<LooseReference>[];
}

interface Placed<T> {
  at: number;
  item: T;
}

const LINK_RUNS = new RunsKey<LinkRun>('link/runs');

function runReader(ctx: LinkContext, keep: boolean, skipFirst: number, own: () => { ids: string[]; key: string }): (from: number, to: number) => LinkRun {
  const { model, site, index } = ctx;
  let reader: ((dest: Destination) => LinkEntry | undefined) | undefined;
  return (from, to) => {
    const run: LinkRun = { issues: [], skipFirst, definitions: [], footnoteDefinitions: [], used: [], usedFootnotes: [], loose: [] };
    for (let at = from; at < to; at++) {
      const parsed = model.sections[at].parsed;
      const links = sectionLinks(parsed);
      const skipBefore = at === 0 ? skipFirst : -1;
      if (links.fragments) run.anchorsKey = own().key;
      if (links.destinations.length > 0 || links.inverted.length > 0) {
        const compute = () => sectionIssues(ctx, (reader ??= entryReader(ctx)), links, skipBefore, own);
        const found = keep
          ? parsed.memo.get(SECTION_ISSUES, [index, index.version, index.ready, site.generator, site.root, model.uri, ctx.knownAddresses, skipBefore, links.fragments ? own().key : ''], compute)
          : compute();
        for (const issue of found) run.issues.push({ at, issue });
      }
      const refs = sectionReferences(parsed);
      for (const item of refs.definitions) run.definitions.push({ at, item });
      for (const item of refs.footnoteDefinitions) run.footnoteDefinitions.push({ at, item });
      for (const id of refs.used) run.used.push(id);
      for (const id of refs.usedFootnotes) run.usedFootnotes.push(id);
      for (const item of links.loose) if (item.span.start >= skipBefore) run.loose.push({ at, item });
    }
    return run;
  };
}

/** What a section defines and uses, by identifier: definitions and footnote definitions in its own offsets. */
interface SectionReferences {
  definitions: RelativeLink[];
  used: string[];
  footnoteDefinitions: RelativeLink[];
  usedFootnotes: string[];
}

const SECTION_REFERENCES = new MemoKey<SectionReferences>('link/section-references');

function sectionReferences(parsed: ParsedSection): SectionReferences {
  return parsed.memo.get(SECTION_REFERENCES, [], () => {
    const found: SectionReferences = { definitions: [], used: [], footnoteDefinitions: [], usedFootnotes: [] };
    for (const l of sectionLinkInfos(parsed)) {
      if (l.kind === 'definition') found.definitions.push(l);
      else if (l.kind === 'linkReference' || l.kind === 'imageReference') found.used.push(l.identifier ?? '');
      else if (l.kind === 'footnoteReference') found.usedFootnotes.push(l.identifier ?? '');
      else if (l.kind === 'footnoteDefinition') found.footnoteDefinitions.push(l);
    }
    return found;
  });
}

/** References without definitions, and definitions nothing uses: across the whole post. */
function referenceIssues(model: DocumentModel, runs: readonly LinkRun[], report: (issue: LinkIssue) => void): void {
  const defined = new Set<string>();
  const definedFootnotes = new Map<string, Placed<RelativeLink>[]>();
  const used = new Set<string>();
  const usedFootnotes = new Set<string>();
  for (const run of runs) {
    for (const d of run.definitions) defined.add(d.item.identifier ?? '');
    for (const id of run.used) used.add(id);
    for (const id of run.usedFootnotes) usedFootnotes.add(id);
    for (const d of run.footnoteDefinitions) {
      const list = definedFootnotes.get(d.item.identifier ?? '');
      if (list) list.push(d);
      else definedFootnotes.set(d.item.identifier ?? '', [d]);
    }
  }
  const at = (p: Placed<unknown>) => model.sections[p.at].span.start;
  const span = (d: Placed<RelativeLink>) => firstLine(model, { start: d.item.span.start + at(d), end: d.item.span.end + at(d) });
  for (const run of runs) {
    for (const p of run.loose) {
      const found = p.item;
      const d = at(p);
      const id = normalizeIdentifier(found.label).toLowerCase();
      if (found.footnote) {
        if (definedFootnotes.has(id)) continue;
        report({ code: 'link/undefined-footnote', span: { start: found.span.start + d, end: found.span.end + d }, message: `The footnote [^${short(found.label)}] has no definition, so it shows as plain text. Add a line “[^${short(found.label)}]: …”.`, data: { footnote: found.label } });
      } else {
        if (defined.has(id)) continue;
        report({ code: 'link/undefined-reference', span: { start: found.labelSpan.start + d, end: found.labelSpan.end + d }, message: `No definition for the reference [${short(found.label)}], so the link shows as plain text. Add “[${short(found.label)}]: <url>” below the paragraph.` });
      }
    }
  }
  for (const run of runs) {
    for (const def of run.definitions) {
      const l = def.item;
      if (used.has(l.identifier ?? '')) continue;
      const label = (l.node as { label?: string }).label ?? l.identifier ?? '';
      report({ code: 'link/unused-definition', span: span(def), message: `The link definition [${short(label)}] is never used.`, data: { remove: true } });
    }
  }
  for (const [id, list] of definedFootnotes) {
    const label = (list[0].item.node as { label?: string }).label ?? id;
    if (!usedFootnotes.has(id)) report({ code: 'link/unused-footnote', span: span(list[0]), message: `The footnote [^${short(label)}] is defined but never referenced, so it is not shown.`, data: { remove: true } });
    for (const dup of list.slice(1)) {
      report({ code: 'link/duplicate-footnote', span: span(dup), message: `The footnote [^${short(label)}] is defined twice; only the first definition is shown.`, data: { remove: true } });
    }
  }
}

function moved(issue: LinkIssue, by: number): LinkIssue {
  return { ...issue, span: { start: issue.span.start + by, end: issue.span.end + by } };
}

/** The findings of a section's destinations and inverted links, in its own offsets. */
function sectionIssues(ctx: LinkContext, entryOf: (dest: Destination) => LinkEntry | undefined, links: SectionLinks, skipBefore: number, own: () => { ids: string[] }): LinkIssue[] {
  const { model, site, index } = ctx;
  const issues: LinkIssue[] = [];
  const report = (issue: LinkIssue) => issues.push(issue);
  const ownAnchors = () => own().ids;
  for (const found of links.destinations) {
    if (found.span.start < skipBefore) continue;
    const entry = entryOf(found);
    if (!entry) continue;
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
          const ids = ownAnchors();
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
    if (inv.span.start < skipBefore) continue;
    report({ code: 'link/inverted-syntax', span: inv.span, message: 'The brackets are the wrong way round: (text)[url] shows as plain text. A link is written [text](url).', data: { replacement: `[${inv.text}](${inv.url})`, replacementTitle: 'Write it as [text](url)' } });
  }
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
