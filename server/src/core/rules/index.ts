import { documentRules } from './document';
import { frontMatterRules } from './frontMatter';
import type { Rule } from './rule';
import { structureRules } from './structure';
import { frontMatterSchemaRules } from './frontMatterSchema';
import { linkRules } from './links';
import { externalLinkRules } from '../external/rule';
import { spellingRules } from './spelling';

export type { Rule, RuleContext } from './rule';

/** Every rule, in the order their findings are reported. */
export const ALL_RULES: readonly Rule[] = [
  ...documentRules,
  ...frontMatterRules,
  ...frontMatterSchemaRules,
  ...structureRules,
  ...linkRules,
  ...externalLinkRules,
  ...spellingRules,
];
