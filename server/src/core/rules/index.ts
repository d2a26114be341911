import { configFamily } from './config';
import { documentFamily } from './document';
import type { CodeInfo, RuleFamily } from './family';
import { frontMatterFamily } from './front-matter';
import { linkFamily } from './link';
import { spellingFamily } from './spelling';
import { structureFamily } from './structure';

export type { Check, CodeFix, CodeInfo, CodeReport, CommandHandler, CommandResult, FindingRef, FixContext, RuleContext, RuleFamily } from './family';
export { CHECK_FAILED } from './document';

/** Every rule family, in the order their findings are reported. */
export const RULE_FAMILIES: readonly RuleFamily[] = [documentFamily, frontMatterFamily, structureFamily, linkFamily, spellingFamily, configFamily];

export interface RegisteredCode extends CodeInfo {
  code: string;
  family: RuleFamily;
}

/** Every code of every family. */
export const ALL_CODES: readonly RegisteredCode[] = RULE_FAMILIES.flatMap((family) =>
  family.checks.flatMap((check) => Object.entries(check.codes).map(([code, info]) => ({ ...info, code, family }))),
);
