import { Severity } from '../findings';
import { extractTalks } from '../model/talks';
import type { Rule } from './rule';

/** Reported at most this many times per document, so that a post of notes is not buried in hints. */
const MAX_REPORTS = 100;

/** Below this many talks, "most talks name speakers" says little. */
const MIN_TALKS_FOR_SPEAKER_PATTERN = 3;

export const structureRules: Rule[] = [
  {
    code: 'structure/talk-without-link',
    defaultSeverity: Severity.Information,
    summary: 'A talk with no video, slides or talk-page link.',
    *check({ model }) {
      let count = 0;
      for (const talk of extractTalks(model).talks) {
        if (talk.video || talk.slides || talk.page) continue;
        if (++count > MAX_REPORTS) return;
        yield {
          span: talk.titleSpan,
          message: `The talk “${short(talk.title)}” has no video or slides link; readers who want to watch it have to search for it. Add a [Video](…) or [Slides](…) line under its title.`,
          data: { title: talk.title },
        };
      }
    },
  },
  {
    code: 'structure/talk-without-speakers',
    defaultSeverity: Severity.Information,
    summary: 'A talk without speakers, in a post whose other talks name theirs.',
    *check({ model }) {
      const { talks } = extractTalks(model);
      if (talks.length < MIN_TALKS_FOR_SPEAKER_PATTERN) return;
      const named = talks.filter((t) => t.speakers.length > 0).length;
      // "Most": more than half the talks name speakers; then the others probably forgot to.
      if (named * 2 <= talks.length) return;
      let count = 0;
      for (const talk of talks) {
        if (talk.speakers.length > 0) continue;
        if (++count > MAX_REPORTS) return;
        yield {
          span: talk.titleSpan,
          message: `The talk “${short(talk.title)}” names no speakers, unlike ${named} of the ${talks.length} talks in this post. Add them after the title, as in “Title (Ada Lovelace, Example Corp)”.`,
        };
      }
    },
  },
];

function short(title: string): string {
  return title.length > 80 ? title.slice(0, 79) + '…' : title;
}
