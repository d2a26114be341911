import { Severity } from '../findings';
import type { FrontMatterProblemKind } from '../model/frontMatter';
import { isTemplate, siteOf } from '../site/generator';
import type { Rule } from './rule';

/** Each kind of front-matter problem the model records is reported under its own code. */
function problemRule(kind: FrontMatterProblemKind, code: string, summary: string, severity = Severity.Error): Rule {
  return {
    code,
    defaultSeverity: severity,
    summary,
    *check({ model, settings, workspace }) {
      if (!model.frontMatter?.problems.length) return;
      if (isTemplate(siteOf(workspace, model.uri, settings), model.uri)) return;
      for (const problem of model.frontMatter.problems) {
        if (problem.kind === kind) yield { span: problem.span, message: problem.message };
      }
    },
  };
}

export const frontMatterRules: Rule[] = [
  problemRule('syntax', 'front-matter/syntax', 'Front matter that its YAML, TOML or JSON parser rejects.'),
  problemRule('unclosed', 'front-matter/unclosed', 'A front-matter block that is opened but never closed.'),
  problemRule('executable', 'front-matter/executable', 'Front matter written as code (`---js`), which is never run.'),
  problemRule('unknown-language', 'front-matter/unknown-language', 'Front matter in a language other than YAML, TOML or JSON.'),
  problemRule('not-a-mapping', 'front-matter/not-a-mapping', 'Front matter that is a list or a scalar instead of keys and values.'),
  problemRule('duplicate-key', 'front-matter/duplicate-key', 'A key set twice in the same front matter.'),
  problemRule('too-large', 'front-matter/too-large', 'Front matter too large to check.', Severity.Warning),
];
