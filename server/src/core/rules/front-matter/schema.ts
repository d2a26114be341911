import { Severity } from '../../findings';
import { checkFrontMatter } from './analysis';
import { fixesOfFinding } from './fixes';
import type { Check } from '../family';

/** The front matter against its site's schema and conventions: one check feeds every code. */
export const schemaCheck: Check = {
  codes: {
    'front-matter/missing': { defaultSeverity: Severity.Warning, summary: 'A post without the front matter its site generator needs.' },
    'front-matter/missing-field': { defaultSeverity: Severity.Warning, summary: 'A field the site generator (or talkdown.frontMatter.required) needs is missing.' },
    'front-matter/unknown-key': { defaultSeverity: Severity.Warning, summary: 'A key the site generator does not know, often a misspelling of one it does.' },
    'front-matter/wrong-type': { defaultSeverity: Severity.Error, summary: 'A value of the wrong type, such as a single tag where a list is expected.' },
    'front-matter/invalid-date': { defaultSeverity: Severity.Error, summary: 'A date the site generator cannot read.' },
    'front-matter/empty-title': { defaultSeverity: Severity.Warning, summary: 'An empty title.' },
    'front-matter/filename-date-mismatch': { defaultSeverity: Severity.Warning, summary: 'A Jekyll post whose front-matter date disagrees with the date in its file name.' },
    'front-matter/placeholder': { defaultSeverity: Severity.Warning, summary: 'A placeholder such as FIXME or TODO left in a value.' },
    'front-matter/similar-tag': { defaultSeverity: Severity.Information, summary: 'A tag or category that looks like a misspelling of one used across the site.' },
    'front-matter/invalid-schema': { defaultSeverity: Severity.Error, summary: 'The schema set in talkdown.frontMatter.schema is missing or invalid.' },
  },
  *check({ model, settings, session }) {
    for (const issue of checkFrontMatter(model, settings, session).issues) {
      yield { code: issue.code, span: issue.span, message: issue.message, severity: issue.severity, data: issue.data };
    }
  },
  fixes: (context, finding) => fixesOfFinding(context, finding),
};
