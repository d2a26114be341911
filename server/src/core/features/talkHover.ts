import type { DocumentModel } from '../model/document';
import { extractTalks, formatTimestamp, parseVideoUrl, VIDEO_HOST_LABEL, type Talk, type VideoInfo } from '../model/talks';
import type { Range, Span } from '../text';

export interface Hover {
  contents: { kind: 'markdown'; value: string };
  range: Range;
}

/** On a talk's heading, or on a video link: the talk's title, speakers and video. */
export function talkHover(model: DocumentModel, offset: number): Hover | null {
  const contains = (span: Span | undefined) => span !== undefined && span.start <= offset && offset <= span.end;
  for (const talk of extractTalks(model).talks) {
    if (talk.headingSpan.start > offset) break;
    if (contains(talk.video?.span)) return { contents: markdown(talkMarkdown(talk)), range: model.lines.range(talk.video!.span) };
    if (contains(talk.slides?.span)) return { contents: markdown(talkMarkdown(talk)), range: model.lines.range(talk.slides!.span) };
    if (contains(talk.headingSpan)) return { contents: markdown(talkMarkdown(talk)), range: model.lines.range(talk.headingSpan) };
  }
  // A video linked outside any talk's heading or link line.
  for (const link of model.links) {
    if (link.span.start > offset) break;
    if (link.kind !== 'link' || !link.url || !contains(link.span)) continue;
    const video = parseVideoUrl(link.url);
    if (video) return { contents: markdown(videoLine(video)), range: model.lines.range(link.span) };
  }
  return null;
}

function talkMarkdown(talk: Talk): string {
  const lines = [`**${escape(talk.title)}**` + (talk.sessionCode ? ` · ${escape(talk.sessionCode)}` : '') + (talk.rating ? ` · rated ${escape(talk.rating)}` : '')];
  if (talk.speakers.length) {
    lines.push(talk.speakers.map((s) => escape(s.name) + (s.affiliation ? ` (${escape(s.affiliation)})` : '')).join(', '));
  }
  const links: string[] = [];
  if (talk.video) links.push(videoLine(talk.video));
  if (talk.slides) links.push(`[Slides](${talk.slides.url})`);
  if (links.length) lines.push(links.join(' · '));
  return lines.join('\n\n');
}

function videoLine(video: VideoInfo): string {
  let line = VIDEO_HOST_LABEL[video.host] + (video.host === 'other' || video.host === 'file' ? '' : ' video');
  if (video.id) line += ` \`${video.id}\``;
  if (video.timestampSeconds !== undefined) line += ` at ${formatTimestamp(video.timestampSeconds)}`;
  return line;
}

function markdown(value: string): { kind: 'markdown'; value: string } {
  return { kind: 'markdown', value };
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
