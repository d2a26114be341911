import { Severity } from '../../findings';
import type { FrontMatterProblemKind } from '../../model/frontMatter';
import { isTemplate, siteOf } from '../../site/generator';
import type { Check, CodeInfo } from '../family';
import { fixesOfFinding } from './fixes';

/** Each kind of problem the front-matter parser records is reported under its own code. */
const PROBLEM_CODES: Record<FrontMatterProblemKind, [string, CodeInfo]> = {
  syntax: ['front-matter/syntax', { defaultSeverity: Severity.Error, summary: 'Front matter that its YAML, TOML or JSON parser rejects.' }],
  unclosed: ['front-matter/unclosed', { defaultSeverity: Severity.Error, summary: 'A front-matter block that is opened but never closed.' }],
  executable: ['front-matter/executable', { defaultSeverity: Severity.Error, summary: 'Front matter written as code (`---js`), which is never run.' }],
  'unknown-language': ['front-matter/unknown-language', { defaultSeverity: Severity.Error, summary: 'Front matter in a language other than YAML, TOML or JSON.' }],
  'not-a-mapping': ['front-matter/not-a-mapping', { defaultSeverity: Severity.Error, summary: 'Front matter that is a list or a scalar instead of keys and values.' }],
  'duplicate-key': ['front-matter/duplicate-key', { defaultSeverity: Severity.Error, summary: 'A key set twice in the same front matter.' }],
  'too-large': ['front-matter/too-large', { defaultSeverity: Severity.Warning, summary: 'Front matter too large to check.' }],
};

/** What the parser of the block found: its problems, at the exact token. */
export const parseCheck: Check = {
  codes: Object.fromEntries(Object.values(PROBLEM_CODES)),
  *check({ model, settings, session }) {
    if (!model.frontMatter?.problems.length) return;
    if (isTemplate(siteOf(session, model.uri, settings), model.uri)) return;
    for (const problem of model.frontMatter.problems) {
      yield { code: PROBLEM_CODES[problem.kind][0], span: problem.span, message: problem.message };
    }
  },
  // Quotes around a value the parser stopped at, a closing line, a duplicate removed.
  fixes: (context, finding) => fixesOfFinding(context, finding),
};
