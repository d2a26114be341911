import { MemoKey, SessionKey } from '../session/state';
import type { Session } from '../session/session';
import type { LinkContext } from './context';
import { documentLinks, type Destination } from './extract';
import type { LinkIndex } from './linkIndex';
import { resolveDestination, type Resolution, type ResolveContext } from './resolve';
import { classifyUrl, looksLikeHost, malformedReason, MAX_URL_LENGTH, youtubeVideoId, type UrlClass } from './url';

/** What a URL is, without the files. */
export interface UrlFacts {
  malformed?: string;
  cls: UrlClass;
  yt?: { id: string; valid: boolean };
}

/** One destination of the document, as far as Talkdown can tell what it points to. */
export type LinkEntry =
  | { kind: 'empty'; dest: Destination }
  | { kind: 'malformed'; dest: Destination; reason: string }
  | { kind: 'external'; dest: Destination; yt?: { id: string; valid: boolean } }
  /** A local path that looks like a host name written without a scheme. */
  | { kind: 'missing-scheme'; dest: Destination }
  | { kind: 'resolved'; dest: Destination; resolution: Resolution };

/** A document's links, each with what it resolves to; shared by rules and navigation. */
export interface ResolvedLink {
  dest: Destination;
  resolution: Resolution;
}

export interface DocumentLinkEntries {
  /** In document order; destinations Talkdown does not check are left out. */
  entries: LinkEntry[];
  resolved: ResolvedLink[];
}

const ENTRIES = new MemoKey<DocumentLinkEntries>('link/entries');

/** Every destination of the document, classified and resolved; once per model and index version. */
export function linkEntries(ctx: LinkContext): DocumentLinkEntries {
  const { model, site, index } = ctx;
  return model.memo.get(ENTRIES, [index, index.version, index.ready, site.generator, site.root], () => computeLinkEntries(ctx));
}

/** The same, without the memo: for benchmarks. */
export function computeLinkEntries(ctx: LinkContext): DocumentLinkEntries {
  const entries: LinkEntry[] = [];
  const resolved: ResolvedLink[] = [];
  const reader = entryReader(ctx);
  for (const dest of documentLinks(ctx.model).destinations) {
    const entry = reader(dest);
    if (!entry) continue;
    entries.push(entry);
    if (entry.kind === 'resolved') resolved.push({ dest: entry.dest, resolution: entry.resolution });
  }
  return { entries, resolved };
}

/**
 * What each destination is, for one document and site: the entry does not depend on where the
 * destination is written, so a section's destinations are read in its own offsets too.
 * Destinations Talkdown does not check give `undefined`.
 */
export function entryReader(ctx: LinkContext): (dest: Destination) => LinkEntry | undefined {
  const { model, site, index, session } = ctx;
  const rctx: ResolveContext = { index, site, uri: model.uri, knownAddresses: ctx.knownAddresses };
  const origin = site.root && (site.generator === 'jekyll' || site.generator === 'hugo') ? index.siteFacts(site).origin : undefined;
  const kramdown = site.generator === 'jekyll';
  const dir = model.uri.slice(0, model.uri.lastIndexOf('/') + 1);
  return (dest) => {
    // What the generator's parser reads: kramdown (Jekyll) or CommonMark (the others).
    if (dest.parser && dest.parser !== (kramdown ? 'kramdown' : 'commonmark')) return undefined;
    // kramdown reads `( "text")` as a title with no destination.
    if (kramdown && dest.spaced && /^(["']).*\1$/.test(dest.url)) return undefined;
    let url = dest.url;
    if (url.trim() === '') return dest.syntax !== 'autolink' ? { kind: 'empty', dest } : undefined;
    if (url.length > MAX_URL_LENGTH) return undefined;
    const { malformed, cls, yt } = urlFacts(session, url);
    if (malformed) return { kind: 'malformed', dest, reason: malformed };
    if (cls.kind === 'external' && origin && url.toLowerCase().startsWith(origin + '/')) {
      // The site's own host: a local address.
      url = url.slice(origin.length);
      const local = { ...dest, url };
      const own = urlFacts(session, url);
      const resolution = resolveCached(session, rctx, local);
      if (own.cls.kind === 'local') return { kind: 'resolved', dest: local, resolution };
      dest = local;
    }
    if (cls.kind === 'external') return { kind: 'external', dest, yt };
    if (cls.kind !== 'local' && dest.syntax !== 'post_url' && dest.syntax !== 'jekyll-link') return undefined;
    if (cls.kind === 'local' && looksLikeHost(cls.path) && dest.syntax !== 'ref' && !index.exists(dir + cls.path)) return { kind: 'missing-scheme', dest };
    return { kind: 'resolved', dest, resolution: resolveCached(session, rctx, dest) };
  };
}

/** URLs analysed so far: the same URLs come back on every keystroke. Bounded. */
const URL_FACTS = new SessionKey<Map<string, UrlFacts>>('link/url-facts', () => new Map());
const MAX_URL_FACTS = 20_000;

function urlFacts(session: Session, url: string): UrlFacts {
  const known = session.state(URL_FACTS);
  let facts = known.get(url);
  if (!facts) {
    if (known.size >= MAX_URL_FACTS) known.clear();
    const cls = classifyUrl(url);
    facts = { malformed: malformedReason(url), cls, yt: cls.kind === 'external' ? youtubeVideoId(url) : undefined };
    known.set(url, facts);
  }
  return facts;
}

/**
 * Resolutions against one version of the index: an edit leaves most links as they were.
 * One slot, replaced when the index, its version or the site changes; per document (a closed
 * one's are dropped); bounded.
 */
interface Resolutions {
  index?: LinkIndex;
  version: number;
  site: string;
  byDocument: Map<string, Map<string, Resolution>>;
  size: number;
}
const RESOLUTIONS = new SessionKey<Resolutions>(
  'link/resolutions',
  () => ({ version: -1, site: '', byDocument: new Map(), size: 0 }),
  { files: true },
  {
    forget: (slot, uri) => {
      slot.size -= slot.byDocument.get(uri)?.size ?? 0;
      slot.byDocument.delete(uri);
    },
  },
);
const MAX_RESOLUTIONS = 50_000;

function resolveCached(session: Session, ctx: ResolveContext, dest: Destination): Resolution {
  const slot = session.state(RESOLUTIONS);
  const siteKey = `${ctx.site.generator} ${ctx.site.root}`;
  if (slot.index !== ctx.index || slot.version !== ctx.index.version || slot.site !== siteKey) {
    slot.index = ctx.index;
    slot.version = ctx.index.version;
    slot.site = siteKey;
    slot.byDocument = new Map();
    slot.size = 0;
  }
  let map = slot.byDocument.get(ctx.uri);
  if (!map) slot.byDocument.set(ctx.uri, (map = new Map()));
  const key = `${dest.syntax}\u0000${dest.url}`;
  let resolution = map.get(key);
  if (!resolution) {
    if (slot.size >= MAX_RESOLUTIONS) {
      slot.byDocument = new Map([[ctx.uri, (map = new Map())]]);
      slot.size = 0;
    }
    resolution = resolveDestination(ctx, dest);
    map.set(key, resolution);
    slot.size++;
  }
  return resolution;
}
