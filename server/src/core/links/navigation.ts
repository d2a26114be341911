import type { DocumentModel, LinkInfo } from '../model/document';
import type { Span } from '../text';
import { documentAnchors } from './anchors';
import type { LinkContext } from './context';
import { documentLinks, isExcluded, type Destination } from './extract';
import { isMarkdownFile } from '../files';
import { linkEntries } from './resolved';
import { resolveDestination, resolvePath, STATIC_FOLDERS } from './resolve';
import { canonicalUri, relativeName } from './uri';

/** A link target Ctrl+click can open: a file of the workspace, at a line when known. */
export interface LinkTarget {
  span: Span;
  uri: string;
  /** 0-based line of the anchor in the target, when Talkdown knows it. */
  line?: number;
  tooltip: string;
}

/** Every resolved local destination of the document, generator syntax included. */
export function documentLinkTargets(ctx: LinkContext): LinkTarget[] {
  const { resolved } = linkEntries(ctx);
  const out: LinkTarget[] = [];
  const own = () => documentAnchors(ctx.model, ctx.site.root ? ctx.index.headingStyle(ctx.site) : ctx.site.generator);
  for (const { dest, resolution } of resolved) {
    if (dest.urlSpan.end <= dest.urlSpan.start) continue;
    if (resolution.status === 'found' && !resolution.folder) {
      const same = resolution.uri === canonicalUri(ctx.model.uri);
      const anchor = resolution.anchor;
      const line = !anchor ? undefined : same ? lineOf(ctx.model, own().find((a) => a.id === anchor)?.span) : ctx.index.page(resolution.uri)?.anchorLines.get(anchor);
      out.push({ span: dest.urlSpan, uri: resolution.uri, line, tooltip: `Open ${relativeName(ctx.model.uri, resolution.uri)}` });
    } else if (resolution.status === 'same-document') {
      const anchor = own().find((a) => a.id === resolution.anchor);
      if (anchor) out.push({ span: dest.urlSpan, uri: ctx.model.uri, line: lineOf(ctx.model, anchor.span), tooltip: `Go to “${anchor.label}”` });
    }
  }
  return out;
}

function lineOf(model: DocumentModel, span: Span | undefined): number | undefined {
  return span ? model.lines.range(span).start.line : undefined;
}

/** The reference, definition, footnote reference or footnote definition at an offset. */
function labelAt(model: DocumentModel, offset: number): LinkInfo | undefined {
  return model.links.find(
    (l) => l.kind !== 'link' && l.kind !== 'image' && l.identifier !== undefined && offset >= l.span.start && offset <= (l.kind === 'footnoteDefinition' ? l.span.start + (l.identifier.length + 4) : l.span.end),
  );
}

const FOOTNOTE: ReadonlySet<string> = new Set(['footnoteReference', 'footnoteDefinition']);

/** Go to definition: a reference's or footnote's definition, or the file a path names. */
export function definitionAt(ctx: LinkContext, offset: number): { uri: string; span?: Span; line?: number }[] {
  const label = labelAt(ctx.model, offset);
  if (label) {
    const footnote = FOOTNOTE.has(label.kind);
    const kind = footnote ? 'footnoteDefinition' : 'definition';
    return ctx.model.links
      .filter((l) => l.kind === kind && l.identifier === label.identifier)
      .map((l) => ({ uri: ctx.model.uri, span: labelSpan(ctx.model, l) }));
  }
  const target = documentLinkTargets(ctx).find((t) => offset >= t.span.start && offset <= t.span.end);
  return target ? [{ uri: target.uri, line: target.line }] : [];
}

/** Find references: every use and definition of the label at an offset. */
export function referencesAt(ctx: LinkContext, offset: number, includeDeclaration: boolean): Span[] {
  const label = labelAt(ctx.model, offset);
  if (!label) return [];
  const footnote = FOOTNOTE.has(label.kind);
  const kinds = footnote ? ['footnoteReference', 'footnoteDefinition'] : ['linkReference', 'imageReference', 'definition'];
  const definitionKind = footnote ? 'footnoteDefinition' : 'definition';
  return ctx.model.links
    .filter((l) => kinds.includes(l.kind) && l.identifier === label.identifier && (includeDeclaration || l.kind !== definitionKind))
    .map((l) => (l.kind === definitionKind ? labelSpan(ctx.model, l) : l.span));
}

/** `[label]` at the start of a definition, rather than the whole definition. */
function labelSpan(model: DocumentModel, l: LinkInfo): Span {
  const close = model.text.indexOf(']', l.span.start);
  return close === -1 || close > l.span.end ? l.span : { start: l.span.start, end: close + 1 };
}

export interface LinkCompletion {
  label: string;
  /** LSP CompletionItemKind numbers: File 17, Folder 19, Reference 18. */
  kind: number;
  detail?: string;
  insertText: string;
  /** The span the completion replaces. */
  span: Span;
  sortText?: string;
}

const MAX_COMPLETIONS = 500;

/** Completions for paths after `](` (and in src/href/@/), anchors after `#`, footnotes after `[^`. */
export function linkCompletions(ctx: LinkContext, offset: number): LinkCompletion[] | undefined {
  const { model } = ctx;
  if (offset < (model.frontMatter?.span.end ?? 0) || isExcluded(documentLinks(model), offset)) return undefined;
  const lineStart = model.text.lastIndexOf('\n', offset - 1) + 1;
  const before = model.text.slice(Math.max(lineStart, offset - 500), offset);

  const footnote = /\[\^([^\]\s]*)$/.exec(before);
  if (footnote) {
    const start = offset - footnote[1].length;
    const labels = [...new Set(model.footnotes.definitions.map((d) => (d.node as { label?: string }).label ?? d.identifier ?? ''))];
    return labels.map((label) => ({ label, kind: 18, detail: 'footnote', insertText: label, span: { start, end: offset } }));
  }
  // Jekyll's {% post_url name %}: the posts of the site, by file name without extension.
  const postUrl = /\{%-?\s*post_url\s+([^\s%]*)$/.exec(before);
  if (postUrl) {
    if (!ctx.site.root) return [];
    const start = offset - postUrl[1].length;
    const names = ctx.index.list(`${ctx.site.root}/_posts`).filter((n) => isMarkdownFile(n));
    return names.slice(0, MAX_COMPLETIONS).map((n) => {
      const label = decode(n).replace(/\.[^.]+$/, '');
      return { label, kind: 17, insertText: label, span: { start, end: offset } };
    });
  }
  const path = /(?:\]\(\s*<?|\b(?:src|href)\s*=\s*["']|\{\{[<%]\s*(?:rel)?ref\s+["'])([^\s)"'<>]*)$/.exec(before);
  if (!path) return undefined;
  const written = path[1];
  const hash = written.indexOf('#');
  if (hash !== -1) {
    const start = offset - (written.length - hash - 1);
    return anchorCompletions(ctx, written.slice(0, hash)).map((a) => ({ ...a, span: { start, end: offset } }));
  }
  const slash = written.lastIndexOf('/');
  const folderPart = written.slice(0, slash + 1);
  const start = offset - (written.length - slash - 1);
  const items: LinkCompletion[] = [];
  for (const dir of folderUris(ctx, folderPart)) {
    for (const name of ctx.index.list(dir)) {
      if (name.startsWith('.') || items.length >= MAX_COMPLETIONS) continue;
      const folder = name.endsWith('/');
      const label = decode(folder ? name.slice(0, -1) : name);
      items.push({ label, kind: folder ? 19 : 17, insertText: asLinkPath(folder ? label + '/' : label), span: { start, end: offset }, sortText: (folder ? '1' : '0') + label });
    }
  }
  return items;
}

function anchorCompletions(ctx: LinkContext, path: string): Omit<LinkCompletion, 'span'>[] {
  if (path === '') return documentAnchors(ctx.model, ctx.site.root ? ctx.index.headingStyle(ctx.site) : ctx.site.generator).map((a) => ({ label: '#' + a.id, kind: 18, detail: a.label, insertText: a.id }));
  const dest: Destination = { syntax: 'markdown', image: false, url: path, urlSpan: { start: 0, end: 0 }, span: { start: 0, end: 0 } };
  const r = resolveDestination({ index: ctx.index, site: ctx.site, uri: ctx.model.uri }, dest);
  if (r.status !== 'found' || !isMarkdownFile(r.uri)) return [];
  if (r.uri === ctx.model.uri) return anchorCompletions(ctx, '');
  const page = ctx.index.page(r.uri);
  return [...(page?.anchors ?? [])].map((id) => ({ label: '#' + id, kind: 18, insertText: id }));
}

/** The folders a written folder part (`../img/`, `/images/`, `@/blog/`) stands for. */
function folderUris(ctx: LinkContext, folderPart: string): string[] {
  const { site, model } = ctx;
  const dir = model.uri.slice(0, model.uri.lastIndexOf('/'));
  if (folderPart.startsWith('@/')) return site.root ? [resolvePath(`${site.root}/content`, folderPart.slice(2))] : [];
  if (folderPart.startsWith('/')) return site.root ? STATIC_FOLDERS[site.generator].map((f) => resolvePath(`${site.root}/${f}`, folderPart.slice(1))) : [];
  return [resolvePath(dir, folderPart)];
}

/**
 * A file path as a link destination can hold it: spaces, control characters, angle brackets
 * and parentheses percent-encoded (a raw space ends a Markdown destination).
 */
export function asLinkPath(path: string): string {
  return path.replace(/[\s<>()]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function decode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
