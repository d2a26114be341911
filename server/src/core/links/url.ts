/** What a link destination is, before any file is looked at. Pure string work, bounded. */

/** Destinations longer than this are not analysed (they are reported by nothing, and cost nothing). */
export const MAX_URL_LENGTH = 4096;

const SCHEME = /^([a-z][a-z0-9+.-]{1,31}):/i;

export type UrlClass =
  | { kind: 'empty' }
  | { kind: 'external'; scheme: string }
  /** `mailto:`, `tel:`, `data:`, `javascript:`… nothing to resolve. */
  | { kind: 'other-scheme'; scheme: string }
  /** A path in the site (or only a `#fragment`). */
  | { kind: 'local'; path: string; fragment: string | undefined }
  /** Template code (`{{ … }}`, `{% … %}`) or something else Talkdown does not resolve. */
  | { kind: 'unknown' };

export function classifyUrl(url: string): UrlClass {
  const trimmed = url.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.length > MAX_URL_LENGTH || /\{\{|\{%|\$\{/.test(trimmed)) return { kind: 'unknown' };
  const scheme = SCHEME.exec(trimmed)?.[1].toLowerCase();
  if (scheme) return scheme === 'http' || scheme === 'https' ? { kind: 'external', scheme } : { kind: 'other-scheme', scheme };
  if (trimmed.startsWith('//')) return { kind: 'external', scheme: '' };
  const hash = trimmed.indexOf('#');
  const beforeHash = hash === -1 ? trimmed : trimmed.slice(0, hash);
  const fragment = hash === -1 ? undefined : trimmed.slice(hash + 1);
  const query = beforeHash.indexOf('?');
  const path = query === -1 ? beforeHash : beforeHash.slice(0, query);
  return { kind: 'local', path: safeDecode(path), fragment: fragment === undefined ? undefined : safeDecode(fragment) };
}

export function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Top-level domains that are seldom file extensions: `example.dev` is a host, `notes.md` a file
 * (`.md`, `.sh`, `.py`, `.rs`, `.pl` are country domains too, and are left out on purpose).
 */
const HOST_TLDS: ReadonlySet<string> = new Set(
  'com org net io dev app ai co edu gov me info xyz tech cloud page site blog news online social tv fm gg ly so to be de fr nl uk eu ca us jp se no fi dk ch at es it pl cz pt br in au nz ie one'.split(' '),
);

/** Whether a destination without a scheme is clearly a host (`example.dev`, `www.x.org/a`). */
export function looksLikeHost(url: string): boolean {
  if (url.length > 300 || SCHEME.test(url) || url.startsWith('/') || url.startsWith('.') || url.startsWith('#')) return false;
  const host = url.split(/[/?#]/, 1)[0];
  if (/^www\.[a-z0-9-]+\./i.test(host)) return true;
  const m = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,12})(?::\d+)?$/i.exec(host);
  return m !== null && HOST_TLDS.has(m[1].toLowerCase());
}

/** Why an http(s) URL (or something meant to be one) is malformed; undefined when it is fine. */
export function malformedReason(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed.length > MAX_URL_LENGTH) return undefined;
  if (/^(?:htt?ps?|hhtps?|htps?|https?s)(?::\/?(?!\/)|\/\/|:\/{3,})/i.test(trimmed) || /^(?:htps?|htp|hhtps?|httpss):/i.test(trimmed)) {
    return 'the scheme is misspelt or its slashes are wrong (it should start with https://)';
  }
  if (!/^https?:/i.test(trimmed)) return undefined;
  if (/\s/.test(trimmed)) return 'it contains a space';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return 'it is not a valid URL';
  }
  if (!parsed.hostname) return 'it has no host';
  const host = parsed.hostname;
  if (!host.includes('.') && host !== 'localhost' && !/^\[/.test(host)) return `the host “${host}” has no domain`;
  if (/\.\.|^\.|\.$/.test(host.replace(/\.$/, 'x'))) return `the host “${host}” is not valid`;
  return undefined;
}

const YOUTUBE_HOSTS = /^(?:(?:www|m|music)\.)?youtube(?:-nocookie)?\.com$/i;
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/**
 * For a YouTube video URL, the id it carries and whether it is well formed; undefined for
 * any other URL (channels, playlists and other pages of YouTube included).
 */
export function youtubeVideoId(url: string): { id: string; valid: boolean } | undefined {
  if (url.length > MAX_URL_LENGTH || !/youtu/i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase();
  let id: string | undefined;
  if (host === 'youtu.be' || host === 'www.youtu.be') {
    id = parsed.pathname.slice(1).split('/')[0];
  } else if (YOUTUBE_HOSTS.test(host)) {
    const path = parsed.pathname;
    if (path === '/watch' || path === '/watch/') id = parsed.searchParams.get('v') ?? '';
    else {
      const m = /^\/(?:embed|shorts|live|v|e)\/([^/]*)/.exec(path);
      if (!m || m[1] === 'videoseries') return undefined;
      id = m[1];
    }
  } else return undefined;
  return { id, valid: VIDEO_ID.test(id) };
}
