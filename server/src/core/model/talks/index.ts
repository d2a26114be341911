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
export { extractTalks } from './extract';
export { speakerNamesOf } from './speakerNames';
export { parseSpeakers, parseSpeakersLine, type SpeakerParse } from './speakers';
export { readTitle, type TitleParts } from './titles';
export { formatTimestamp, isSlidesUrl, parseTimestamp, parseVideoUrl, VIDEO_HOST_LABEL, type VideoInfo } from './videoUrls';
export type { OutlineNode, OutlineSection, Speaker, Talk, TalkLink, TalkOutline, TalkStyle, VideoHost, VideoLink } from './types';
