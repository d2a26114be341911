import { closest, distance } from 'fastest-levenshtein';
import type { LinkContext } from '../../links/context';
import { isMarkdownFile } from '../../files';
import { asLinkPath } from '../../links/navigation';
import { STATIC_FOLDERS } from '../../links/resolve';
import { safeDecode } from '../../links/url';
import { canonicalUri, relativeName } from '../../links/uri';
import type { Span } from '../../text';
import type { CodeFix } from '../family';
import type { LinkFixData } from './check';

/** The fixes for one link finding, from the data the check attached. */
export function linkFixes(ctx: LinkContext, code: string, span: Span, data: LinkFixData | undefined): CodeFix[] {
  const { model } = ctx;
  const fix = (title: string, edits: CodeFix['edits'], isPreferred = true, safe = false): CodeFix[] => [
    { title, code, findingSpan: span, edits, isPreferred, ...(safe ? { safe } : {}) },
  ];
  if (data?.replacement !== undefined || data?.alternatives) {
    // Adding the scheme and turning the brackets round have one possible result.
    const safe = code === 'link/missing-scheme' || code === 'link/inverted-syntax';
    const out = data.replacement !== undefined ? fix(data.replacementTitle ?? `Replace with ${data.replacement}`, [{ span, newText: data.replacement }], true, safe) : [];
    for (const alt of data.alternatives ?? []) out.push(...fix(alt.title, [{ span, newText: alt.replacement }], false));
    return out;
  }
  if (data?.remove) {
    // The definition's lines, and the blank line after it when it stood alone.
    const link = model.links.find((l) => l.span.start === span.start);
    const end = link ? link.span.end : span.end;
    const lineStart = model.text.lastIndexOf('\n', span.start - 1) + 1;
    let lineEnd = model.text.indexOf('\n', end);
    lineEnd = lineEnd === -1 ? model.text.length : lineEnd + 1;
    return fix('Remove the unused definition', [{ span: { start: lineStart, end: lineEnd }, newText: '' }]);
  }
  if (data?.footnote !== undefined) {
    const text = model.text;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const trailing = text.endsWith('\n') ? (/\n\s*\n$/.test(text) ? '' : eol) : eol + eol;
    return fix(`Add a definition for [^${data.footnote}]`, [{ span: { start: text.length, end: text.length }, newText: `${trailing}[^${data.footnote}]: TODO${eol}` }]);
  }
  if (code === 'link/no-such-file' && data?.path) {
    const best = closestPath(ctx, data.path);
    // Safe only when the site has a single file the path could mean.
    return best ? fix(`Change to ${best.path}`, [{ span, newText: best.path }], true, best.candidates === 1) : [];
  }
  return [];
}

const IMAGE = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|ico)$/i;

/**
 * The existing file closest to a broken path, written the same way (relative or from the
 * root), and how many files of its kind it was chosen from.
 */
export function closestPath(ctx: LinkContext, written: string): { path: string; candidates: number } | undefined {
  const { site, model, index } = ctx;
  if (!site.root) return undefined;
  const hashAt = written.search(/[?#]/);
  const path = hashAt === -1 ? written : written.slice(0, hashAt);
  const suffix = hashAt === -1 ? '' : written.slice(hashAt);
  const absolute = path.startsWith('/');
  const zola = path.startsWith('@/');
  const kind = (p: string) => (IMAGE.test(p) ? 'image' : isMarkdownFile(p) ? 'page' : (/\.([a-z0-9]+)$/i.exec(p)?.[1]?.toLowerCase() ?? 'other'));
  const wanted = kind(path);
  const dir = model.uri.slice(0, model.uri.lastIndexOf('/'));
  const own = canonicalUri(model.uri);
  const candidates = new Map<string, string>();
  const bases = absolute ? STATIC_FOLDERS[site.generator].map((f) => `${site.root}/${f}`.replace(/\/$/, '')) : zola ? [`${site.root}/content`] : [];
  for (const uri of index.filesUnder(site.root)) {
    if (uri === own || kind(uri) !== wanted) continue;
    let as: string | undefined;
    if (absolute || zola) {
      const base = bases.find((b) => uri.startsWith(b + '/'));
      if (base) as = (zola ? '@/' : '/') + safeDecode(uri.slice(base.length + 1));
    } else {
      as = relativeName(dir + '/x', uri);
      if (as.startsWith('./') && !path.startsWith('./')) as = as.slice(2);
    }
    if (as !== undefined && !candidates.has(as)) candidates.set(as, uri);
    if (candidates.size >= 20_000) break;
  }
  if (candidates.size === 0) return undefined;
  const names = [...candidates.keys()];
  const best = closest(path, names);
  // Too far off is a guess, not a fix.
  return distance(path, best) <= Math.max(3, Math.floor(path.length / 2)) ? { path: asLinkPath(best) + suffix, candidates: candidates.size } : undefined;
}
