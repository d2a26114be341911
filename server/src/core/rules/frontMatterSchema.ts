import { Severity } from '../findings';
import { checkFrontMatter, type FrontMatterCode } from '../frontMatter/validate';
import type { Rule } from './rule';

/** One rule per code, all reading the same check of the document against its site's schema. */
function schemaRule(code: FrontMatterCode, defaultSeverity: Severity, summary: string): Rule {
  return {
    code,
    defaultSeverity,
    summary,
    *check({ model, settings, workspace }) {
      for (const issue of checkFrontMatter(model, settings, workspace).issues) {
        if (issue.code === code) yield { span: issue.span, message: issue.message, severity: issue.severity, data: issue.data };
      }
    },
  };
}

export const frontMatterSchemaRules: Rule[] = [
  schemaRule('front-matter/missing', Severity.Warning, 'A post without the front matter its site generator needs.'),
  schemaRule('front-matter/missing-field', Severity.Warning, 'A field the site generator (or talkdown.frontMatter.required) needs is missing.'),
  schemaRule('front-matter/unknown-key', Severity.Warning, 'A key the site generator does not know, often a misspelling of one it does.'),
  schemaRule('front-matter/wrong-type', Severity.Error, 'A value of the wrong type, such as a single tag where a list is expected.'),
  schemaRule('front-matter/invalid-date', Severity.Error, 'A date the site generator cannot read.'),
  schemaRule('front-matter/empty-title', Severity.Warning, 'An empty title.'),
  schemaRule('front-matter/filename-date-mismatch', Severity.Warning, 'A Jekyll post whose front-matter date disagrees with the date in its file name.'),
  schemaRule('front-matter/placeholder', Severity.Warning, 'A placeholder such as FIXME or TODO left in a value.'),
  schemaRule('front-matter/similar-tag', Severity.Information, 'A tag or category that looks like a misspelling of one used across the site.'),
  schemaRule('front-matter/invalid-schema', Severity.Error, 'The schema set in talkdown.frontMatter.schema is missing or invalid.'),
];
