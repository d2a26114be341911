import { Severity } from '../../findings';
import { linkContext } from '../../links/context';
import type { Check, CodeInfo, RuleFamily } from '../family';
import { checkLinks } from './check';
import { externalCheck } from './external';
import { linkFixes } from './fixes';
import type { LinkFixData } from './check';

/** The codes of the internal link check: files, posts, anchors, references and footnotes. */
const LINK_CODES: Readonly<Record<string, CodeInfo>> = {
  'link/no-such-file': { defaultSeverity: Severity.Warning, summary: 'A link or image points to a file or post the site does not have.' },
  'link/missing-anchor': { defaultSeverity: Severity.Warning, summary: 'A link points to a heading or id that does not exist.' },
  'link/case-mismatch': { defaultSeverity: Severity.Warning, summary: 'A path differs from the file only in letter case: it breaks on Linux.' },
  'link/empty-destination': { defaultSeverity: Severity.Warning, summary: 'A link or image with an empty destination.' },
  'link/missing-scheme': { defaultSeverity: Severity.Warning, summary: 'A web address without https://, which the site treats as a file.' },
  'link/malformed-url': { defaultSeverity: Severity.Warning, summary: 'A URL that is not valid (misspelt scheme, spaces, bad host).' },
  'link/invalid-youtube-id': { defaultSeverity: Severity.Warning, summary: 'A YouTube link whose video id cannot be valid.' },
  'link/inverted-syntax': { defaultSeverity: Severity.Warning, summary: 'A link written (text)[url] instead of [text](url).' },
  'link/undefined-reference': { defaultSeverity: Severity.Warning, summary: 'A reference link [text][label] with no definition.' },
  'link/unused-definition': { defaultSeverity: Severity.Information, summary: 'A link definition that nothing uses.' },
  'link/undefined-footnote': { defaultSeverity: Severity.Warning, summary: 'A footnote reference [^label] with no definition.' },
  'link/unused-footnote': { defaultSeverity: Severity.Information, summary: 'A footnote definition that nothing references.' },
  'link/duplicate-footnote': { defaultSeverity: Severity.Warning, summary: 'A footnote defined more than once.' },
};

/** One pass over the document's links, resolved against the site, feeds every code. */
const internalCheck: Check = {
  codes: LINK_CODES,
  *check({ model, settings, session }) {
    if (model.skipped) return;
    for (const issue of checkLinks(linkContext(model, settings, session))) {
      yield { code: issue.code, span: issue.span, message: issue.message, data: issue.data, ...(issue.severity !== undefined ? { severity: issue.severity } : {}) };
    }
  },
  fixes({ model, settings, session }, finding) {
    if (model.skipped) return [];
    return linkFixes(linkContext(model, settings, session), finding.code, finding.span, finding.data as LinkFixData | undefined);
  },
};

/** Links: files, posts, anchors, references and footnotes, and external pages when asked. */
export const linkFamily: RuleFamily = {
  name: 'link',
  checks: [internalCheck, externalCheck],
};
