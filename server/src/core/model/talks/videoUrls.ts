import type { ParsedSection } from '../markdown';
import { MemoKey } from '../../session/state';
import type { VideoHost, VideoLink } from './types';

// Links: what a URL points at.

/** A video URL as read, without where it is written. */
export type VideoInfo = Omit<VideoLink, 'span'>;

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** Recognises a video URL; undefined when the URL is not one Talkdown knows as a video. */
export function parseVideoUrl(url: string): VideoInfo | undefined {
  return readVideoUrl(url);
}

/** What a URL reads as to the talk model: a video, or else whether it is a slide deck. */
export interface UrlReading {
  video: VideoInfo | undefined;
  /** Whether a URL that is no video points at slides; read only when asked. */
  slides?: boolean;
}

// URL parsing is the costly part of reading talks, and a post's URLs repeat every version:
// each parsed section keeps what its URLs read as, for as long as the parse is reused.
const SECTION_URLS = new MemoKey<Map<string, UrlReading>>('talks: URL readings');

/**
 * What a URL reads as, remembered by the parsed section it is written in (and, for a section
 * read for the first time, shared through `shared` with the document's other new sections).
 */
export function readUrl(parsed: ParsedSection | undefined, shared: Map<string, UrlReading>, url: string): UrlReading {
  const known = parsed?.memo.get(SECTION_URLS, [], () => new Map<string, UrlReading>());
  let reading = known?.get(url);
  if (reading) return reading;
  reading = shared.get(url);
  if (!reading) {
    reading = { video: readVideoUrl(url) };
    shared.set(url, reading);
  }
  known?.set(url, reading);
  return reading;
}

/** Whether the URL of a reading with no video points at slides. */
export function readsAsSlides(reading: UrlReading, url: string): boolean {
  reading.slides ??= isSlidesUrl(url);
  return reading.slides;
}

function readVideoUrl(url: string): VideoInfo | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^(?:www|m|music)\./, '');
  const path = parsed.pathname;
  const timestampSeconds = parseTimestamp(parsed.searchParams.get('t') ?? parsed.searchParams.get('start') ?? hashParam(parsed.hash, 't'));
  const result = (videoHost: VideoHost, id?: string): VideoInfo => ({
    url,
    host: videoHost,
    ...(id !== undefined ? { id } : {}),
    ...(timestampSeconds !== undefined ? { timestampSeconds } : {}),
  });
  if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const v = parsed.searchParams.get('v');
    if (path === '/watch' && v && VIDEO_ID.test(v)) return result('youtube', v);
    const m = /^\/(?:embed|shorts|live|v)\/([A-Za-z0-9_-]{11})(?:[/?#]|$)/.exec(path);
    if (m) return result('youtube', m[1]);
    if (path.startsWith('/playlist') || path.startsWith('/@') || path.startsWith('/c/') || path.startsWith('/channel/')) return undefined;
    return result('youtube');
  }
  if (host === 'youtu.be') {
    const id = path.slice(1).split('/')[0];
    return result('youtube', VIDEO_ID.test(id) ? id : undefined);
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const m = /\/(\d{5,12})(?:[/?#]|$)/.exec(path);
    return m ? result('vimeo', m[1]) : undefined;
  }
  if (host === 'video.fosdem.org') return result('fosdem');
  if (host === 'media.ccc.de') return path.startsWith('/v/') ? result('media.ccc.de', path.slice(3).split('/')[0] || undefined) : undefined;
  if (host === 'twitch.tv') return /^\/videos\/(\d+)/.test(path) ? result('twitch', /^\/videos\/(\d+)/.exec(path)![1]) : undefined;
  if (host === 'infoq.com' && path.startsWith('/presentations/')) return result('infoq');
  if (host === 'dailymotion.com' && path.startsWith('/video/')) return result('dailymotion', path.slice(7).split(/[/?]/)[0] || undefined);
  if (/\.(?:mp4|webm|mkv|mov|m4v)$/i.test(path)) return result('file');
  return undefined;
}

const SLIDE_HOSTS = /(?:^|\.)(?:speakerdeck\.com|slideshare\.net|slides\.com|slid\.es|pitch\.com|prezi\.com)$/;

export function isSlidesUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  const host = parsed.hostname.toLowerCase();
  if (SLIDE_HOSTS.test(host)) return true;
  if (host === 'docs.google.com' && parsed.pathname.startsWith('/presentation/')) return true;
  return /\.(?:pdf|pptx?|key|odp)$/i.test(parsed.pathname);
}

/** `95`, `95s`, `1m35s`, `1h2m3s`, `1:35`, `01:02:03` → seconds. */
export function parseTimestamp(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d{1,7}$/.test(v)) return Number(v);
  const units = /^(?:(\d{1,4})h)?(?:(\d{1,5})m)?(?:(\d{1,7})s)?$/.exec(v);
  if (units && (units[1] || units[2] || units[3])) return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  const clock = /^(\d{1,4}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (clock) return clock[3] === undefined ? Number(clock[1]) * 60 + Number(clock[2]) : Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  return undefined;
}

/** 95 → `1:35`; 3723 → `1:02:03`. */
export function formatTimestamp(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export const VIDEO_HOST_LABEL: Readonly<Record<VideoHost, string>> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  fosdem: 'FOSDEM video',
  'media.ccc.de': 'media.ccc.de',
  twitch: 'Twitch',
  infoq: 'InfoQ',
  dailymotion: 'Dailymotion',
  file: 'video file',
  other: 'video',
};

function parseUrl(url: string): URL | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function hashParam(hash: string, name: string): string | undefined {
  if (!hash) return undefined;
  return new URLSearchParams(hash.slice(1)).get(name) ?? undefined;
}
