import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Span } from '../text';
import type { DocumentModel, LinkInfo, Section } from './document';

/**
 * The talks of a recap post, recognised in the ways real posts write them: link headings,
 * `TALK:` prefixes, speakers in parentheses, `Title - Speaker`, a video line under a plain
 * heading, setext headings with `<small>`, bold pseudo-headings, lists of sessions and
 * session codes.
 *
 * A heading becomes a talk only on evidence: a link, a video or slides line, speakers,
 * a prefix or a session code. Weak evidence (a lone name) counts when sibling headings at
 * the same level are talks too. Every other heading stays a section that groups talks.
 */

export type TalkStyle =
  | 'link-heading'
  | 'prefixed'
  | 'session-code'
  | 'speakers-in-parentheses'
  | 'speaker-suffix'
  | 'small-speaker'
  | 'link-line'
  | 'speakers-line'
  | 'bold'
  | 'list-item';

export interface Speaker {
  name: string;
  affiliation?: string;
}

export type VideoHost = 'youtube' | 'vimeo' | 'fosdem' | 'media.ccc.de' | 'twitch' | 'infoq' | 'dailymotion' | 'file' | 'other';

export interface VideoLink {
  url: string;
  host: VideoHost;
  id?: string;
  timestampSeconds?: number;
  /** Where the link is written. */
  span: Span;
}

export interface TalkLink {
  url: string;
  span: Span;
}

export interface Talk {
  kind: 'talk';
  /** Clean: no link syntax, prefix, speakers, rating or session code. Never empty. */
  title: string;
  speakers: Speaker[];
  video?: VideoLink;
  slides?: TalkLink;
  /** A link to the talk's own page (a schedule entry) that is neither video nor slides. */
  page?: TalkLink;
  sessionCode?: string;
  /** As written: `4/5`, `★★★`. */
  rating?: string;
  style: TalkStyle;
  /** Heading depth, or 0 for bold and list-item talks. */
  depth: number;
  /** The heading to just before the next heading of the same or a higher level (trailing blank lines excluded). */
  span: Span;
  /** The heading, bold paragraph or list item's first paragraph. */
  headingSpan: Span;
  /** Where the title is written, within `headingSpan`. */
  titleSpan: Span;
  /** The enclosing group (day, track, theme), if any. */
  section?: OutlineSection;
  /** Talks written under this one's heading (a talk within a talk, such as a demo). */
  children: Talk[];
}

export interface OutlineSection {
  kind: 'section';
  title: string;
  depth: number;
  /** A `THEME:` (or `TRACK:`) heading, whose prefix is left out of `title`. */
  theme: boolean;
  span: Span;
  headingSpan: Span;
  titleSpan: Span;
  parent?: OutlineSection;
  children: OutlineNode[];
}

export type OutlineNode = OutlineSection | Talk;

export interface TalkOutline {
  /** Top-level sections and talks, in document order. */
  root: OutlineNode[];
  /** Every talk, in document order. */
  talks: Talk[];
  /** Every section, in document order. */
  sections: OutlineSection[];
}

const outlines = new WeakMap<DocumentModel, TalkOutline>();

/** The talks of a document; computed once per model, so every feature shares it. */
export function extractTalks(model: DocumentModel): TalkOutline {
  let outline = outlines.get(model);
  if (!outline) {
    outline = new TalkExtractor(model).run();
    outlines.set(model, outline);
  }
  return outline;
}

// ---------------------------------------------------------------------------------------
// Links: what a URL points at.

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

/** Recognises a video URL; undefined when the URL is not one Talkdown knows as a video. */
export function parseVideoUrl(url: string): Omit<VideoLink, 'span'> | undefined {
  // URL parsing is the costly part of reading talks, and a post's URLs repeat every version.
  if (videoUrls.has(url)) return videoUrls.get(url);
  if (videoUrls.size >= 10_000) videoUrls.clear();
  const video = readVideoUrl(url);
  videoUrls.set(url, video);
  return video;
}

const videoUrls = new Map<string, Omit<VideoLink, 'span'> | undefined>();

function readVideoUrl(url: string): Omit<VideoLink, 'span'> | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^(?:www|m|music)\./, '');
  const path = parsed.pathname;
  const timestampSeconds = parseTimestamp(parsed.searchParams.get('t') ?? parsed.searchParams.get('start') ?? hashParam(parsed.hash, 't'));
  const result = (videoHost: VideoHost, id?: string): Omit<VideoLink, 'span'> => ({
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

export const VIDEO_HOST_LABEL: Record<VideoHost, string> = {
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

// ---------------------------------------------------------------------------------------
// Speakers: `Ada Lovelace, Example Corp; Alan Turing, Example Org`, `Mel Cone & Dee Goel, Acme`.

const NAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'de', 'da', 'das', 'del', 'della', 'der', 'den', 'di', 'du', 'le', 'la', 'dos', 'bin', 'al', 'ter', 'ten', 'y']);
// Words that name organisations: a part holding one is an affiliation, not a person.
const ORG_WORDS: ReadonlySet<string> = new Set(
  'inc corp corporation co ltd llc gmbh ag sa bv labs lab org cloud foundation university institute technologies technology tech systems software group company team project community networks solutions services security research media studio studios bank games data ai io hq consulting partners'.split(' '),
);
// Capitalised words that start titles, not names.
const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  'the a an of in on to with and for from part day track room hall keynote talk session workshop panel intro introduction how why what when my our your is are'.split(' '),
);
const NAME_TOKEN = /^[\p{Lu}\p{Lt}][\p{L}\p{M}'’.-]*$/u;
const CJK_NAME = /^[\p{Lo}]{2,6}$/u;

export interface SpeakerParse {
  speakers: Speaker[];
  /** How many parts read as organisations. */
  affiliations: number;
}

function looksLikePerson(part: string): boolean {
  const tokens = part.split(/\s+/).filter(Boolean);
  if (tokens.length === 1) return CJK_NAME.test(tokens[0]);
  if (tokens.length < 2 || tokens.length > 5) return false;
  if (!NAME_TOKEN.test(tokens[0]) || !NAME_TOKEN.test(tokens[tokens.length - 1])) return false;
  for (const token of tokens) {
    const lower = token.toLowerCase().replace(/\.$/, '');
    if (ORG_WORDS.has(lower) || NOT_NAME_WORDS.has(lower)) return false;
    if (!NAME_TOKEN.test(token) && !NAME_PARTICLES.has(token)) return false;
    // All capitals (`AWS`, `CNCF`) reads as an organisation; initials (`J.`) do not.
    if (token.length > 1 && !token.endsWith('.') && token === token.toUpperCase() && /\p{Lu}{2}/u.test(token)) return false;
  }
  return true;
}

function splitPersons(part: string): string[] | undefined {
  const names = part.split(/\s+(?:and|&|\+)\s+|\s*\/\s*/).map((s) => s.trim()).filter(Boolean);
  return names.length > 0 && names.every(looksLikePerson) ? names : undefined;
}

function hasOrgWord(part: string): boolean {
  return part.split(/\s+/).some((t) => ORG_WORDS.has(t.toLowerCase().replace(/[.,]$/, '')));
}

/**
 * Reads a speaker list; undefined unless at least one part reads as a person's name.
 * A part that is not a name is the affiliation of the names before it.
 */
export function parseSpeakers(input: string): SpeakerParse | undefined {
  const text = input.trim();
  if (text.length === 0 || text.length > 400 || /[\[\]{}<>|`]|https?:/.test(text)) return undefined;
  const groups = text.split(/\s*;\s*/).filter(Boolean);
  const semicolons = groups.length > 1;
  const speakers: Speaker[] = [];
  let affiliations = 0;
  for (const group of groups) {
    const parts = group.split(/\s*,\s*/).filter(Boolean);
    let pending: Speaker[] = [];
    parts.forEach((part, i) => {
      const persons = hasOrgWord(part) ? undefined : splitPersons(part);
      const last = i === parts.length - 1 && i > 0;
      // `Name, Org; Name, Org` and `A and B, Org`: a final name-like part is the affiliation.
      const readAsOrg = !persons || (last && pending.length > 0 && (semicolons || /\s(?:and|&|\+)\s|\//.test(parts[0]) && parts.length === 2));
      if (readAsOrg) {
        if (part.length > 80) return;
        affiliations++;
        for (const s of pending) s.affiliation = part;
        pending = [];
      } else {
        for (const name of persons!) {
          const speaker: Speaker = { name };
          speakers.push(speaker);
          pending.push(speaker);
        }
      }
    });
  }
  return speakers.length > 0 ? { speakers, affiliations } : undefined;
}

// ---------------------------------------------------------------------------------------
// Headings and paragraphs as plain text, with their links.

interface InlineLink {
  url: string;
  text: string;
  span: Span;
  /** Where the link text sits in the flattened text. */
  from: number;
  to: number;
}

interface Flattened {
  text: string;
  links: InlineLink[];
  /** Text inside `<small>…</small>`, which recaps use for the speaker. */
  small: string;
}

/** Flattened phrasing per children array, with the section delta its spans were made with. */
const flattened = new WeakMap<readonly PhrasingContent[], { flat: Flattened; delta: number }>();

const TALK_PREFIX = /^(?:talk|keynote|lightning talk|workshop|panel|session)\s*[:：]\s*/i;
const THEME_PREFIX = /^(?:theme|track|topic)\s*[:：]\s*/i;
const SESSION_CODE = /^(?!CVE)([A-Z]{2,6}-?\d{2,4}[A-Z]?(?:-[A-Z0-9]{1,4})?)\s*[-–—:|]\s*(\S.*)$/s;
const RATING = /\s*[-–—|,:]?\s*[(\[]?(\d{1,2}(?:\.\d)?\s*\/\s*(?:5|10)|[★⭐]{1,5})[)\]]?$/u;
const HEADING_ID = /\s*\{#[^{}]{0,200}\}$/;
const SUFFIX_SEPARATOR = /\s[-–—]\s/g;
const LINK_LABEL = /^(?:\W|_)*(?:video|video link|recording|watch|youtube|vimeo|talk|slides?|slide deck|deck|presentation|pdf|link)(?:\W|_)*$/iu;
const VIDEO_LABEL = /\b(?:video|recording|watch|youtube|vimeo|stream)\b/i;
const SLIDES_LABEL = /\b(?:slides?|deck|presentation|pdf)\b/i;
/** An embedded player on a line of its own, in Hugo's or Jekyll's syntax. */
const EMBED = /^(?:\{\{[<%]\s*(youtube|vimeo)\s+(?:id=)?["']?([\w-]{6,20})["']?[^}]{0,80}[>%]\}\}|\{%\s*(?:include\s+)?(youtube|vimeo)(?:\.html)?\s+(?:id=)?["']?([\w-]{6,20})["']?[^}]{0,80}%\})$/i;
const SPEAKERS_LINE = /^(?:speakers?|presented by|presenters?|by)\s*[:：]\s*(\S.{0,300})$/isu;
const LIST_HEADING = /\b(?:sessions?|talks?|schedule|agenda|line-?up|program(?:me)?|presentations?|recordings?|keynotes?)\b/i;
// Labels and separators allowed around the links of a link line: `Video: … · Slides: …`.
const LINK_LINE_FILLER = /^[^\p{L}\p{N}]*(?:[\p{L} ]{1,16}:)?[^\p{L}\p{N}]*$/u;

interface TitleParts {
  title: string;
  speakers: Speaker[];
  /** Speakers with an affiliation, or more than one: strong evidence of a talk. */
  speakerEvidence: 'none' | 'weak' | 'strong';
  speakerStyle?: 'speakers-in-parentheses' | 'speaker-suffix';
  prefix?: 'talk' | 'theme';
  sessionCode?: string;
  rating?: string;
}

/** Splits a heading's text into title, prefix, session code, rating and speakers. */
export function readTitle(raw: string): TitleParts {
  let title = raw.replace(/\s+/g, ' ').trim();
  const result: TitleParts = { title, speakers: [], speakerEvidence: 'none' };
  title = stripTail(title, HEADING_ID);
  const prefix = TALK_PREFIX.exec(title) ?? THEME_PREFIX.exec(title);
  if (prefix) {
    result.prefix = TALK_PREFIX.test(prefix[0]) ? 'talk' : 'theme';
    title = title.slice(prefix[0].length);
  }
  const code = SESSION_CODE.exec(title);
  if (code) {
    result.sessionCode = code[1];
    title = code[2];
  }
  const rating = tail(title, RATING);
  if (rating && rating.index > 0) {
    result.rating = rating.match[1].replace(/\s+/g, '');
    title = title.slice(0, rating.index).trimEnd();
  }
  // `Title (Speakers)`: the last balanced parenthesis group at the end.
  if (title.endsWith(')')) {
    const open = matchingOpen(title, title.length - 1);
    if (open > 0) {
      const parsed = parseSpeakers(title.slice(open + 1, -1));
      if (parsed) {
        result.speakers = parsed.speakers;
        result.speakerEvidence = parsed.affiliations > 0 || parsed.speakers.length > 1 ? 'strong' : 'weak';
        result.speakerStyle = 'speakers-in-parentheses';
        title = title.slice(0, open).trimEnd();
      }
    }
  }
  // `Title - Speaker`: the last spaced dash, with a short name list after it.
  if (result.speakers.length === 0) {
    let last = -1;
    let sep = '';
    const from = Math.max(0, title.length - 200);
    SUFFIX_SEPARATOR.lastIndex = from;
    for (let m = SUFFIX_SEPARATOR.exec(title); m; m = SUFFIX_SEPARATOR.exec(title)) {
      last = m.index;
      sep = m[0];
    }
    if (last > 0) {
      const parsed = parseSpeakers(title.slice(last + sep.length));
      if (parsed) {
        result.speakers = parsed.speakers;
        result.speakerEvidence = parsed.affiliations > 0 || parsed.speakers.length > 1 || result.rating ? 'strong' : 'weak';
        result.speakerStyle = 'speaker-suffix';
        title = title.slice(0, last).trimEnd();
      }
    }
  }
  result.title = title.trim();
  return result;
}

/** An end-anchored match on at most the last 60 characters: linear on any heading. */
function tail(text: string, pattern: RegExp): { match: RegExpExecArray; index: number } | undefined {
  const from = Math.max(0, text.length - 60);
  const match = pattern.exec(text.slice(from));
  return match ? { match, index: from + match.index } : undefined;
}

function stripTail(text: string, pattern: RegExp): string {
  const t = tail(text, pattern);
  return t ? text.slice(0, t.index) : text;
}

function matchingOpen(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0 && close - i <= 402; i--) {
    const c = text[i];
    if (c === ')') depth++;
    else if (c === '(' && --depth === 0) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------
// The extraction.

interface Block {
  node: RootContent;
  section: Section;
  span: Span;
}

interface HeadingRead {
  block: number;
  node: Heading;
  depth: number;
  span: Span;
  contentSpan: Span;
  flat: Flattened;
  parts: TitleParts;
  /** Blocks between this heading and the next one, any level. */
  bodyEnd: number;
  evidence: 'none' | 'weak' | 'strong';
  style?: TalkStyle;
  video?: VideoLink;
  slides?: TalkLink;
  page?: TalkLink;
  speakers: Speaker[];
  title: string;
}

interface Container {
  node: OutlineSection | Talk | undefined;
  depth: number;
  /** A section heading with no body of its own, followed by talks at its level: it groups them. */
  label: boolean;
  heading?: HeadingRead;
}

class TalkExtractor {
  private readonly blocks: Block[] = [];
  private readonly definitions = new Map<string, string>();
  private readonly talks: Talk[] = [];
  private readonly sections: OutlineSection[] = [];
  private readonly root: OutlineNode[] = [];
  private hasHeadingTalks = false;

  constructor(private readonly model: DocumentModel) {
    for (const link of model.links) {
      if (link.kind === 'definition' && link.identifier && link.url !== undefined && !this.definitions.has(link.identifier)) {
        this.definitions.set(link.identifier, link.url);
      }
    }
  }

  run(): TalkOutline {
    const fmEnd = this.model.frontMatter?.span.end ?? 0;
    for (const section of this.model.sections) {
      for (const node of section.parsed.root.children) {
        if (node.type === 'yaml' || (node.type as string) === 'toml') continue;
        const span = this.model.spanOf(node, section);
        if (span.end <= fmEnd) continue;
        this.blocks.push({ node, section, span });
      }
    }
    const headings = this.readHeadings();
    this.decide(headings);
    this.hasHeadingTalks = headings.some((h) => h.evidence !== 'none');
    this.buildTree(headings);
    // Bold and list talks are found after the headings around them.
    this.talks.sort((a, b) => a.span.start - b.span.start);
    return { root: this.root, talks: this.talks, sections: this.sections };
  }

  private readHeadings(): HeadingRead[] {
    const reads: HeadingRead[] = [];
    for (let i = 0; i < this.blocks.length; i++) {
      const { node, section, span } = this.blocks[i];
      if (node.type !== 'heading') continue;
      const flat = this.flatten(node.children, section);
      const contentSpan = node.children.length
        ? { start: this.model.spanOf(node.children[0], section).start, end: this.model.spanOf(node.children[node.children.length - 1], section).end }
        : { start: span.start, end: span.start };
      reads.push({
        block: i,
        node,
        depth: node.depth,
        span,
        contentSpan,
        flat,
        parts: readTitle(flat.text),
        bodyEnd: this.blocks.length,
        evidence: 'none',
        speakers: [],
        title: '',
      });
    }
    for (let k = 0; k + 1 < reads.length; k++) reads[k].bodyEnd = reads[k + 1].block;
    for (const h of reads) this.weigh(h);
    return reads;
  }

  /** Collects the evidence that a heading is a talk, and the talk's links. */
  private weigh(h: HeadingRead): void {
    const { parts, flat } = h;
    h.speakers = parts.speakers;
    h.title = parts.title;
    const strong = (style: TalkStyle) => {
      h.evidence = 'strong';
      h.style ??= style;
    };
    if (parts.prefix === 'theme') return;
    if (parts.prefix === 'talk') strong('prefixed');
    if (parts.sessionCode) strong('session-code');

    // A heading that is (mostly) a link to a web page: `### [Title](video)`.
    const titleLength = Math.max(1, parts.title.length);
    for (const link of flat.links) {
      if (!/^https?:\/\//i.test(link.url)) continue;
      this.classify(h, link.url, link.span, link.text);
      if (link.to - link.from >= titleLength * 0.6 || link.text.trim() === '') strong('link-heading');
    }
    if (flat.small) {
      const parsed = parseSpeakers(flat.small);
      h.speakers = parsed?.speakers ?? [{ name: flat.small.replace(/\s+/g, ' ').trim() }];
      strong('small-speaker');
    }
    if (parts.speakerEvidence === 'strong') strong(parts.speakerStyle!);
    else if (parts.speakerEvidence === 'weak' && h.evidence === 'none') {
      h.evidence = 'weak';
      h.style = parts.speakerStyle;
    }

    // The first blocks under the heading: `[Video Link](…)`, `[Slides](…)`, a bare URL, an embed,
    // or a `**Speakers:** Name (Company), …` line when the heading names none.
    for (let b = h.block + 1; b < Math.min(h.bodyEnd, h.block + 3); b++) {
      if (this.readLinkLine(h, this.blocks[b])) strong('link-line');
      else if (h.speakers.length === 0) {
        const speakers = this.readSpeakersLine(this.blocks[b]);
        if (speakers) {
          h.speakers = speakers;
          if (h.evidence === 'none') strong('speakers-line');
        }
      }
    }
    // A video linked in the talk's notes still is its video.
    if (h.evidence !== 'none' && (!h.video || !h.slides)) {
      const bodyStart = h.span.end;
      const bodyEnd = h.bodyEnd < this.blocks.length ? this.blocks[h.bodyEnd].span.start : this.model.text.length;
      const links = this.model.links;
      for (let i = firstLinkAtOrAfter(links, bodyStart); i < links.length && links[i].span.start < bodyEnd && (!h.video || !h.slides); i++) {
        const link = links[i];
        const url = link.kind === 'link' ? link.url : link.kind === 'linkReference' ? this.definitions.get(link.identifier ?? '') : undefined;
        if (url) this.classify(h, url, link.span, '', false);
      }
    }
    if (!h.title) h.title = h.video?.url ?? h.slides?.url ?? h.page?.url ?? flat.text.trim();
  }

  /** Records a link as the talk's video, slides or page, by URL and then by label. */
  private classify(target: { video?: VideoLink; slides?: TalkLink; page?: TalkLink }, url: string, span: Span, label: string, pageToo = true): 'video' | 'slides' | 'page' | undefined {
    const video = parseVideoUrl(url);
    if (video) {
      target.video ??= { ...video, span };
      return 'video';
    }
    if (isSlidesUrl(url) || SLIDES_LABEL.test(label)) {
      target.slides ??= { url, span };
      return 'slides';
    }
    if (VIDEO_LABEL.test(label) && /^https?:\/\//i.test(url)) {
      target.video ??= { url, host: 'other', span };
      return 'video';
    }
    if (pageToo && /^https?:\/\//i.test(url)) {
      target.page ??= { url, span };
      return 'page';
    }
    return undefined;
  }

  /** The speakers of a `Speakers: Ada Lovelace (Example Corp), Alan Turing` line, bold or not. */
  private readSpeakersLine(block: Block): Speaker[] | undefined {
    if (block.node.type !== 'paragraph') return undefined;
    const text = this.flatten(block.node.children, block.section).text.trim();
    const m = SPEAKERS_LINE.exec(text);
    if (!m) return undefined;
    // `Name (Company), Name (Company)`: each person with their affiliation in parentheses.
    const people = m[1].split(/\s*(?:[,;]|\band\b|&)\s*(?![^()]*\))/u).filter((p) => p.trim() !== '');
    const withAffiliations = people.map((p) => /^([^()]{2,80}?)\s*\(([^()]{1,80})\)\s*$/u.exec(p.trim()));
    if (withAffiliations.length > 0 && withAffiliations.every((x) => x !== null)) {
      return withAffiliations.map((x) => ({ name: x![1].trim(), affiliation: x![2].trim() }));
    }
    return parseSpeakers(m[1])?.speakers;
  }

  /** Whether a block is a line of video or slides links (or an embedded player); records them. */
  private readLinkLine(target: { video?: VideoLink; slides?: TalkLink; page?: TalkLink }, block: Block): boolean {
    const { node, section } = block;
    if (node.type === 'html') {
      const m = /<iframe\b[^>]{0,500}?\bsrc=["']([^"']{1,500})["']/i.exec(node.value.slice(0, 2000));
      return m ? this.classify(target, m[1], block.span, '', false) === 'video' : false;
    }
    if (node.type !== 'paragraph') return false;
    const flat = this.flatten(node.children, section);
    if (flat.links.length === 0) {
      // A generator's embedded player: Hugo's `{{< youtube ID >}}`, Jekyll's
      // `{% include youtube.html id="ID" %}` or `{% youtube ID %}`.
      const embed = EMBED.exec(flat.text.trim());
      if (!embed) return false;
      const id = embed[2] ?? embed[4];
      return this.classify(target, (embed[1] ?? embed[3]).toLowerCase() === 'vimeo' ? `https://vimeo.com/${id}` : `https://www.youtube.com/watch?v=${id}`, block.span, '', false) === 'video';
    }
    let rest = '';
    let at = 0;
    for (const link of flat.links) {
      rest += flat.text.slice(at, link.from);
      at = link.to;
    }
    rest += flat.text.slice(at);
    if (rest.length > 40 || !LINK_LINE_FILLER.test(rest.trim())) return false;
    let found = false;
    for (const link of flat.links) {
      const kind = this.classify(target, link.url, link.span, link.text, false);
      if (kind === 'video' || kind === 'slides') found = true;
    }
    return found;
  }

  /** Weak evidence (a lone name) counts when other headings at the same level are talks. */
  private decide(headings: HeadingRead[]): void {
    const strongAt = new Set<number>();
    const weakAt = new Map<number, number>();
    for (const h of headings) {
      if (h.evidence === 'strong') strongAt.add(h.depth);
      else if (h.evidence === 'weak') weakAt.set(h.depth, (weakAt.get(h.depth) ?? 0) + 1);
    }
    for (const h of headings) {
      if (h.evidence === 'weak' && !strongAt.has(h.depth) && (weakAt.get(h.depth) ?? 0) < 2) {
        h.evidence = 'none';
        h.speakers = [];
      }
    }
  }

  private buildTree(headings: HeadingRead[]): void {
    const stack: Container[] = [{ node: undefined, depth: 0, label: false }];
    const close = (end: number) => {
      const top = stack.pop()!;
      if (top.node) top.node.span = { start: top.node.span.start, end: this.trimEnd(top.node.span.start, end) };
    };
    let next = 0;
    for (let i = 0; i < this.blocks.length; ) {
      const h = headings[next];
      if (h && h.block === i) {
        const isTalk = h.evidence !== 'none';
        while (stack.length > 1) {
          const top = stack[stack.length - 1];
          if (top.depth < h.depth || (top.depth === h.depth && top.label && isTalk)) break;
          close(h.span.start);
        }
        const parent = stack[stack.length - 1].node;
        const node = isTalk ? this.headingTalk(h, parent) : this.headingSection(h, parent);
        const label = !isTalk && h.bodyEnd === h.block + 1 && headings[next + 1]?.depth === h.depth && headings[next + 1].evidence !== 'none';
        stack.push({ node, depth: h.depth, label, heading: h });
        next++;
        i++;
        continue;
      }
      // Blocks under a section (or before any heading): bold and list talks.
      const top = stack[stack.length - 1];
      const end = h ? h.block : this.blocks.length;
      if (top.node?.kind !== 'talk') this.bodyTalks(i, end, top);
      i = end;
    }
    const docEnd = this.model.text.length;
    while (stack.length > 1) close(docEnd);
  }

  private attach(node: OutlineNode, parent: OutlineSection | Talk | undefined): void {
    if (!parent) this.root.push(node);
    else if (parent.kind === 'section') parent.children.push(node);
    else if (node.kind === 'talk') parent.children.push(node);
  }

  private headingTalk(h: HeadingRead, parent: OutlineSection | Talk | undefined): Talk {
    this.hasHeadingTalks = true;
    const talk: Talk = {
      kind: 'talk',
      title: h.title || '(untitled talk)',
      speakers: h.speakers,
      style: h.style ?? 'link-line',
      depth: h.depth,
      span: { ...h.span },
      headingSpan: h.span,
      titleSpan: this.titleSpan(h.title, h.contentSpan),
      section: parent?.kind === 'talk' ? parent.section : parent,
      children: [],
    };
    if (h.video) talk.video = h.video;
    if (h.slides) talk.slides = h.slides;
    if (h.page) talk.page = h.page;
    if (h.parts.sessionCode) talk.sessionCode = h.parts.sessionCode;
    if (h.parts.rating) talk.rating = h.parts.rating;
    this.talks.push(talk);
    this.attach(talk, parent);
    return talk;
  }

  private headingSection(h: HeadingRead, parent: OutlineSection | Talk | undefined): OutlineSection | Talk | undefined {
    // A plain heading under a talk is part of the talk's notes, not a group.
    if (parent?.kind === 'talk') return parent;
    const theme = h.parts.prefix === 'theme';
    const title = (theme ? h.parts.title : h.flat.text.replace(/\s+/g, ' ').trim()) || h.flat.links[0]?.url || '(untitled section)';
    const section: OutlineSection = {
      kind: 'section',
      title,
      depth: h.depth,
      theme,
      span: { ...h.span },
      headingSpan: h.span,
      titleSpan: this.titleSpan(title, h.contentSpan),
      children: [],
    };
    if (parent) section.parent = parent;
    this.sections.push(section);
    this.attach(section, parent);
    return section;
  }

  /** Bold pseudo-headings and lists of talks among the blocks [from, to) of one container. */
  private bodyTalks(from: number, to: number, container: Container): void {
    const parent = container.node as OutlineSection | undefined;
    const headingText = container.heading?.flat.text ?? '';
    const bold: { block: number; talk: Talk; evidence: boolean }[] = [];
    const found: Talk[] = [];
    for (let b = from; b < to; b++) {
      const block = this.blocks[b];
      if (block.node.type === 'list') found.push(...this.listTalks(block.node, block.section, parent, LIST_HEADING.test(headingText)));
      else if (block.node.type === 'paragraph') {
        const candidate = this.boldCandidate(block.node, block, b + 1 < to ? this.blocks[b + 1] : undefined, parent);
        if (candidate) bold.push({ block: b, ...candidate });
      }
    }
    // Without own evidence, bold lines count only when repeated in a post with no heading talks.
    const accepted = bold.filter((c) => c.evidence || (bold.length >= 2 && !this.hasHeadingTalks));
    accepted.forEach((c, k) => {
      const endBlock = k + 1 < accepted.length ? accepted[k + 1].block : to;
      const end = endBlock < this.blocks.length ? this.blocks[endBlock].span.start : this.model.text.length;
      c.talk.span = { start: c.talk.span.start, end: this.trimEnd(c.talk.span.start, end) };
      found.push(c.talk);
    });
    if (accepted.length) found.sort((a, b) => a.span.start - b.span.start);
    for (const talk of found) {
      this.talks.push(talk);
      this.attach(talk, parent);
    }
  }

  private boldCandidate(node: Paragraph, block: Block, next: Block | undefined, parent: OutlineSection | undefined): { talk: Talk; evidence: boolean } | undefined {
    const first = node.children[0];
    if (!first || first.type !== 'strong' || !next || next.node.type === 'heading') return undefined;
    const strongFlat = this.flatten(first.children, block.section);
    const rawTitle = strongFlat.text.replace(/\s+/g, ' ').trim().replace(/:$/, '');
    if (!rawTitle || rawTitle.length > 300) return undefined;
    const restFlat = this.flatten(node.children.slice(1), block.section);
    let rest = restFlat.text;
    for (const link of [...restFlat.links].reverse()) rest = rest.slice(0, link.from) + rest.slice(link.to);
    rest = rest.replace(/\s+/g, ' ').trim();
    if (rest.length > 200) return undefined;
    const parts = readTitle(rawTitle);
    let speakers = parts.speakers;
    let evidence = parts.speakerEvidence === 'strong';
    if (rest) {
      const parsed = parseSpeakers(rest.replace(/^(?:[-–—,:]|by)\s*|^\(|\)$/g, ''));
      if (!parsed) return undefined;
      speakers = parsed.speakers;
      evidence = true;
    }
    const links: { video?: VideoLink; slides?: TalkLink; page?: TalkLink } = {};
    for (const link of [...strongFlat.links, ...restFlat.links]) this.classify(links, link.url, link.span, link.text);
    if (this.readLinkLine(links, next)) evidence = true;
    if (links.video || links.slides) evidence = true;
    const headingSpan = block.span;
    const title = parts.title || rawTitle;
    const talk: Talk = {
      kind: 'talk',
      title,
      speakers,
      style: 'bold',
      depth: 0,
      span: { ...headingSpan },
      headingSpan,
      titleSpan: this.titleSpan(title, this.model.spanOf(first, block.section)),
      children: [],
      ...links,
    };
    if (parent) talk.section = parent;
    return { talk, evidence };
  }

  /** Items of a list of sessions: each with a link is a talk. */
  private listTalks(list: List, section: Section, parent: OutlineSection | undefined, namedForTalks: boolean): Talk[] {
    const items = list.children.map((item) => this.readItem(item, section)).filter((t): t is Talk => t !== undefined);
    const withVideo = items.filter((t) => t.video || t.slides).length;
    // Under a heading not named for talks, a list is one of talks when most items link a video.
    if (!namedForTalks && (withVideo === 0 || withVideo * 2 < list.children.length)) return [];
    if (parent) for (const talk of items) talk.section = parent;
    return items;
  }

  private readItem(item: ListItem, section: Section): Talk | undefined {
    const paragraph = item.children[0];
    if (!paragraph || paragraph.type !== 'paragraph') return undefined;
    const flat = this.flatten(paragraph.children, section);
    // An item of prose is not a line naming a talk.
    if (flat.links.length === 0 || flat.text.length > 1000) return undefined;
    const links: { video?: VideoLink; slides?: TalkLink; page?: TalkLink } = {};
    // Label links (`[video]`, a bare URL) are not part of the title.
    let text = flat.text;
    for (const link of [...flat.links].reverse()) {
      this.classify(links, link.url, link.span, link.text);
      if (LINK_LABEL.test(link.text) || link.text === link.url) text = text.slice(0, link.from) + text.slice(link.to);
    }
    text = text.replace(/\s*\(\s*\)|\s*[-–—:|·,]+\s*$/g, '').replace(/\s+/g, ' ').trim();
    const lead = flat.links[0];
    let title: string;
    let speakers: Speaker[] = [];
    if (lead.from === 0 && !LINK_LABEL.test(lead.text) && lead.text !== lead.url) {
      // `[Title](url) - Speaker` or `[Title](url) by Speaker (Org)`
      title = lead.text.replace(/\s+/g, ' ').trim();
      const after = text.slice(title.length).replace(/^\s*(?:[-–—:,]|by\b)\s*/i, '').trim();
      const parsed = after.startsWith('(') && after.endsWith(')') ? parseSpeakers(after.slice(1, -1)) : parseSpeakers(after);
      if (parsed) speakers = parsed.speakers;
      const parts = readTitle(title);
      title = parts.title || title;
      if (speakers.length === 0) speakers = parts.speakers;
    } else {
      const parts = readTitle(text.replace(/\s+by\s+(?=[^\s]+\s+[^\s]+$)/, ' - '));
      title = parts.title;
      speakers = parts.speakers;
    }
    if (!title) title = links.video?.url ?? links.slides?.url ?? lead.url;
    const headingSpan = this.model.spanOf(paragraph, section);
    const talk: Talk = {
      kind: 'talk',
      title,
      speakers,
      style: 'list-item',
      depth: 0,
      span: this.model.spanOf(item, section),
      headingSpan,
      titleSpan: this.titleSpan(title, headingSpan),
      children: [],
      ...links,
    };
    return talk;
  }

  /** Flattens inline content to plain text, noting links and `<small>` text; iterative, so depth is no risk. */
  private flatten(nodes: readonly PhrasingContent[], section: Section): Flattened {
    // A section reused from the previous version keeps its nodes: their flattening is reused
    // too, moved by however far the section moved.
    const cached = flattened.get(nodes);
    if (cached) {
      const shift = section.delta - cached.delta;
      if (shift === 0) return cached.flat;
      const links = cached.flat.links.map((l) => ({ ...l, span: { start: l.span.start + shift, end: l.span.end + shift } }));
      return { ...cached.flat, links };
    }
    let usesDefinitions = false;
    let text = '';
    let small = '';
    let inSmall = false;
    const links: InlineLink[] = [];
    type Work = PhrasingContent | { close: InlineLink };
    const work: Work[] = [...nodes].reverse();
    while (work.length > 0) {
      const item = work.pop()!;
      if ('close' in item) {
        item.close.to = text.length;
        item.close.text = text.slice(item.close.from);
        continue;
      }
      switch (item.type) {
        case 'text':
        case 'inlineCode':
          if (inSmall) small += item.value;
          else text += item.value;
          break;
        case 'break':
          text += ' ';
          break;
        case 'html':
          if (/^<small\b/i.test(item.value)) inSmall = true;
          else if (/^<\/small\s*>/i.test(item.value)) inSmall = false;
          break;
        case 'link':
        case 'linkReference': {
          if (item.type === 'linkReference') usesDefinitions = true;
          const url = item.type === 'link' ? item.url : this.definitions.get(item.identifier);
          if (url === undefined) {
            if (item.type === 'linkReference' && item.referenceType !== 'full') text += '[';
            pushChildren(work, item.children);
            break;
          }
          const link: InlineLink = { url, text: '', span: this.model.spanOf(item, section), from: text.length, to: text.length };
          links.push(link);
          work.push({ close: link });
          pushChildren(work, item.children);
          break;
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
          pushChildren(work, item.children);
          break;
        default:
          break;
      }
    }
    const flat = { text, links, small: small.trim() };
    // A reference's URL depends on definitions elsewhere in the document: not reusable.
    if (!usesDefinitions) flattened.set(nodes, { flat, delta: section.delta });
    return flat;
  }

  /** The span of the title inside the heading, or the heading's content when markup splits it. */
  private titleSpan(title: string, content: Span): Span {
    if (title) {
      const at = this.model.text.slice(content.start, content.end).indexOf(title);
      if (at !== -1) return { start: content.start + at, end: content.start + at + title.length };
    }
    return content;
  }

  /** Moves an end offset back over trailing whitespace, so that a span ends on its last character. */
  private trimEnd(start: number, end: number): number {
    const text = this.model.text;
    let e = Math.min(end, text.length);
    while (e > start && /\s/.test(text[e - 1])) e--;
    return e;
  }
}

/** Links are in document order: the index of the first that starts at or after `offset`. */
function firstLinkAtOrAfter(links: readonly LinkInfo[], offset: number): number {
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function pushChildren(work: (PhrasingContent | { close: InlineLink })[], children: readonly Nodes[]): void {
  for (let i = children.length - 1; i >= 0; i--) work.push(children[i] as PhrasingContent);
}
