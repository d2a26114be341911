import { Severity } from '../../findings';
import { extractTalks } from '../../model/talks';
import type { CodeReport, RuleContext, RuleFamily } from '../family';

/** Below this many talks, "most talks name speakers" says little. */
const MIN_TALKS_FOR_SPEAKER_PATTERN = 3;

function* talkFindings({ model }: RuleContext): Iterable<CodeReport> {
  const { talks } = extractTalks(model);
  const named = talks.filter((t) => t.speakers.length > 0).length;
  // "Most": more than half the talks name speakers; then the others probably forgot to.
  const speakersExpected = talks.length >= MIN_TALKS_FOR_SPEAKER_PATTERN && named * 2 > talks.length;
  for (const talk of talks) {
    if (!talk.video && !talk.slides && !talk.page) {
      yield {
        code: 'structure/talk-without-link',
        span: talk.titleSpan,
        message: `The talk “${short(talk.title)}” has no video or slides link; readers who want to watch it have to search for it. Add a [Video](…) or [Slides](…) line under its title.`,
        data: { title: talk.title },
      };
    }
    if (speakersExpected && talk.speakers.length === 0) {
      yield {
        code: 'structure/talk-without-speakers',
        span: talk.titleSpan,
        message: `The talk “${short(talk.title)}” names no speakers, unlike ${named} of the ${talks.length} talks in this post. Add them after the title, as in “Title (Ada Lovelace, Example Corp)”.`,
      };
    }
  }
}

/** The talks of a recap, as readers look for them. */
export const structureFamily: RuleFamily = {
  name: 'structure',
  checks: [
    {
      // At most 100 each, so that a post of notes is not buried in hints.
      codes: {
        'structure/talk-without-link': { defaultSeverity: Severity.Information, summary: 'A talk with no video, slides or talk-page link.', maxReports: 100 },
        'structure/talk-without-speakers': { defaultSeverity: Severity.Information, summary: 'A talk without speakers, in a post whose other talks name theirs.', maxReports: 100 },
      },
      check: talkFindings,
    },
  ],
};

function short(title: string): string {
  return title.length > 80 ? title.slice(0, 79) + '…' : title;
}
