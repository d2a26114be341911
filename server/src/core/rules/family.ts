import type { ExternalLinkLookup } from '../external/types';
import type { Report, Severity } from '../findings';
import type { DocumentModel } from '../model/document';
import type { Session } from '../session/session';
import type { Settings } from '../settings';
import type { Span } from '../text';
import type { Workspace } from '../workspace';

/** One diagnostic code: stable, configurable, suppressible, with a page in `docs/rules/`. */
export interface CodeInfo {
  defaultSeverity: Severity;
  /** One line for the docs index and the settings description. */
  summary: string;
  /** At most this many findings of the code per document (default `DEFAULT_MAX_REPORTS`). */
  maxReports?: number;
}

/** Findings of one code per document stop here, so that a pasted dump does not bury the editor. */
export const DEFAULT_MAX_REPORTS = 200;

export interface RuleContext {
  model: DocumentModel;
  settings: Settings;
  session: Session;
  /** The session's workspace. */
  workspace: Workspace;
  /** Results of external URL checks made so far, when the adapter checks them. */
  externalLinks?: ExternalLinkLookup;
}

/** A report of one of the check's codes. */
export interface CodeReport extends Report {
  code: string;
}

/** A finding as a quick fix sees it again: from the analysis, or from an editor's diagnostic. */
export interface FindingRef {
  code: string;
  span: Span;
  message?: string;
  data?: unknown;
}

/** A quick fix: edits of the document, and for some a command the adapter runs. */
export interface CodeFix {
  title: string;
  /** The finding it fixes. */
  code: string;
  findingSpan: Span;
  isPreferred?: boolean;
  /** Edits of this document, in its offsets. */
  edits: { span: Span; newText: string }[];
  /** A command of the core's (see `RuleFamily.commands`) or the client's, run when chosen. */
  command?: { id: string; title: string; arguments: unknown[] };
  /**
   * One unambiguous result, safe to apply without a person choosing (`talkdown lint --fix`):
   * a key renamed to the single close schema key, a normalised date, an accidental repeated word…
   */
  safe?: boolean;
}

export interface FixContext extends RuleContext {
  /** The part of the document the editor asks fixes for. */
  range: Span;
}

/**
 * One check: it runs once per analysis and reports any of its codes. Its quick fixes read the
 * findings back.
 */
export interface Check {
  codes: Readonly<Record<string, CodeInfo>>;
  check(context: RuleContext): Iterable<CodeReport>;
  fixes?(context: FixContext, finding: FindingRef): CodeFix[];
}

/** What a core command does; the adapters only route it. */
export type CommandHandler = (session: Session, args: readonly unknown[]) => CommandResult;

export interface CommandResult {
  ok: boolean;
  /** A sentence for the user, when the command could not do what was asked. */
  message?: string;
  /** Files the command wrote, so that the adapter can tell the session and re-check. */
  wrote?: string[];
}

/**
 * A rule family: one folder under `core/rules/`, with its codes, checks, quick fixes and
 * commands registered in one place.
 */
export interface RuleFamily {
  /** The codes' prefix: `front-matter` for `front-matter/…`. */
  name: string;
  checks: readonly Check[];
  commands?: Readonly<Record<string, CommandHandler>>;
}

/** Every code of a family, with its info. */
export function familyCodes(family: RuleFamily): [string, CodeInfo][] {
  return family.checks.flatMap((check) => Object.entries(check.codes));
}
