import { VIDEO_HOST_LABEL, type Talk } from '../model/talks';

/** `Ada Lovelace, Alan Turing · Example Corp · YouTube`: the speakers, their affiliations, the video host. */
export function talkDetail(talk: Talk): string {
  const parts: string[] = [];
  if (talk.sessionCode) parts.push(talk.sessionCode);
  if (talk.speakers.length) parts.push(talk.speakers.map((s) => s.name).join(', '));
  const affiliations = [...new Set(talk.speakers.map((s) => s.affiliation).filter((a): a is string => !!a))];
  if (affiliations.length) parts.push(affiliations.join(', '));
  if (talk.video) parts.push(VIDEO_HOST_LABEL[talk.video.host]);
  return parts.join(' · ');
}
