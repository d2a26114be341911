/** Front matter checked against the site's generator: validation, quick fixes, completions and hover. */
export { checkFrontMatter, type FrontMatterCheck, type FrontMatterCode, type FrontMatterIssue, type IssueData } from './validate';
export { frontMatterFixes, type FixOptions, type FrontMatterFix, type TextEdit } from './fixes';
export { frontMatterCompletions, frontMatterHover, type FrontMatterCompletionItem, type Hover, type SiteContext } from './completion';
export { forgetSiteTerms } from './siteTerms';
