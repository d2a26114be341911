import type { RuleFamily } from '../family';
import { parseCheck } from './parse';
import { schemaCheck } from './schema';

/** Front matter: what its parser rejects, and what the site's generator expects of it. */
export const frontMatterFamily: RuleFamily = {
  name: 'front-matter',
  checks: [parseCheck, schemaCheck],
};
