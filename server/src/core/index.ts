/** The Talkdown core: no protocol, no Node I/O. Adapters (server, CLI) give it text and files. */
export { analyze, analyzeAsync, docUrl, DEFAULT_DOCS_BASE, type Analysis, type AnalyzeOptions, type CancellationSignal } from './analyze';
export { Severity, SEVERITY_NAME, type Finding, type SeverityName } from './findings';
export { buildModel, type DocumentModel, type HeadingInfo, type LinkInfo, type Section } from './model/document';
export { parseMarkdown } from './model/markdown';
export type { FrontMatter, FrontMatterEntry, FrontMatterFormat } from './model/frontMatter';
export { ALL_RULES, type Rule } from './rules';
export { DEFAULT_SETTINGS, resolveSettings, type Settings } from './settings';
export { LineIndex, type Position, type Range, type Span, type TextSource } from './text';
export { MemoryWorkspace, type Workspace } from './workspace';
export { externalLinks, urlsToCheck, checkKey, type ExternalLink } from './external/urls';
export { redirectFix, type RedirectData } from './external/rule';
export type { ExternalResult, ExternalLinkLookup, UnreachableReason } from './external/types';
