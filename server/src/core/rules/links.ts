import { Severity } from '../findings';
import { checkLinks, linkContext, type LinkCode } from '../links/check';
import type { Rule } from './rule';

const SUMMARIES: Record<LinkCode, [Severity, string]> = {
  'link/no-such-file': [Severity.Warning, 'A link or image points to a file or post the site does not have.'],
  'link/missing-anchor': [Severity.Warning, 'A link points to a heading or id that does not exist.'],
  'link/case-mismatch': [Severity.Warning, 'A path differs from the file only in letter case: it breaks on Linux.'],
  'link/empty-destination': [Severity.Warning, 'A link or image with an empty destination.'],
  'link/missing-scheme': [Severity.Warning, 'A web address without https://, which the site treats as a file.'],
  'link/malformed-url': [Severity.Warning, 'A URL that is not valid (misspelt scheme, spaces, bad host).'],
  'link/invalid-youtube-id': [Severity.Warning, 'A YouTube link whose video id cannot be valid.'],
  'link/inverted-syntax': [Severity.Warning, 'A link written (text)[url] instead of [text](url).'],
  'link/undefined-reference': [Severity.Warning, 'A reference link [text][label] with no definition.'],
  'link/unused-definition': [Severity.Information, 'A link definition that nothing uses.'],
  'link/undefined-footnote': [Severity.Warning, 'A footnote reference [^label] with no definition.'],
  'link/unused-footnote': [Severity.Information, 'A footnote definition that nothing references.'],
  'link/duplicate-footnote': [Severity.Warning, 'A footnote defined more than once.'],
};

/** Link rules: one pass over the document's links feeds them all (see core/links/check.ts). */
export const linkRules: Rule[] = (Object.keys(SUMMARIES) as LinkCode[]).map((code) => ({
  code,
  defaultSeverity: SUMMARIES[code][0],
  summary: SUMMARIES[code][1],
  *check({ model, settings, workspace }) {
    if (model.skipped) return;
    for (const issue of checkLinks(linkContext(model, settings, workspace)).issues) {
      if (issue.code === code) yield { span: issue.span, message: issue.message, data: issue.data };
    }
  },
}));
