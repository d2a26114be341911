import type { RuleFamily } from '../family';
import { futureDateCheck } from './futureDate';
import { parseCheck } from './parse';
import { schemaCheck } from './schema';

/**
 * Front matter: what its parser rejects, and what the site's generator expects of it. Each
 * check is a file of this folder that reads the shared analysis (`checkFrontMatter`), and
 * one line here.
 */
export const frontMatterFamily: RuleFamily = {
  name: 'front-matter',
  checks: [parseCheck, schemaCheck, futureDateCheck],
};
