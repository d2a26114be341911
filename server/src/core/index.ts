/** The Talkdown core: no protocol, no Node I/O, no clock of its own. Adapters (server, CLI) give it a session. */
export { analyze, analyzeAsync, findingsOf, type Analysis, type AnalyzeOptions, type CancellationSignal } from './analyze';
export { Severity, SEVERITY_NAME, SEVERITY_BY_NAME, type Finding, type SeverityName } from './findings';
export { buildModel, type DocumentModel, type HeadingInfo, type LinkInfo, type Section } from './model/document';
export { parseMarkdown } from './model/markdown';
export type { FrontMatter, FrontMatterEntry, FrontMatterFormat } from './model/frontMatter';
export { ALL_CODES, RULE_FAMILIES, CHECK_FAILED, type RegisteredCode, type CodeFix, type FindingRef, type RuleFamily, type CommandResult } from './rules';
export { codeFixes, commandIds, docUrl, runCommand } from './rules/run';
export { DEFAULT_SETTINGS, DEFAULT_SPELLING, resolveSettings, SITE_GENERATORS, type Settings, type SiteGeneratorName, type SpellingSettings } from './settings';
export { AnalysisSession, DEFAULT_DOCS_BASE, type Session, type SessionOptions } from './session/session';
export { fixedClock, today, type Clock } from './session/clock';
export { InputKey, Memo, MemoKey, SessionKey, type FileEvent } from './session/state';
export { LineIndex, type Position, type Range, type Span, type TextSource } from './text';
export { MemoryWorkspace, type Workspace } from './workspace';
export { frontMatterCompletions, frontMatterHover, type FrontMatterCompletionItem, type SiteContext } from './frontMatter';
export { GENERATOR_LABEL, isPost, siteOf, type Site } from './site/generator';
export { externalLinks, urlsToCheck, checkKey, type ExternalLink } from './external/urls';
export { redirectFix, type RedirectData } from './rules/link/external';
export type { ExternalResult, ExternalLinkLookup, UnreachableReason } from './external/types';
