/** Front matter checked against the site's generator: validation, quick fixes, completions and hover. */
export { checkFrontMatter, type FrontMatterCheck, type FrontMatterCode, type FrontMatterIssue, type IssueData } from '../rules/front-matter/analysis';
export { frontMatterFixes, type FrontMatterFix, type FrontMatterFixContext, type TextEdit } from '../rules/front-matter/fixes';
export { frontMatterCompletions, frontMatterHover, type FrontMatterCompletionItem, type Hover, type SiteContext } from './completion';
