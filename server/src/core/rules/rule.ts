import type { ExternalLinkLookup } from '../external/types';
import type { Report, Severity } from '../findings';
import type { DocumentModel } from '../model/document';
import type { Settings } from '../settings';
import type { Workspace } from '../workspace';

export interface RuleContext {
  model: DocumentModel;
  settings: Settings;
  workspace: Workspace;
  /** Results of external URL checks made so far, when the adapter checks them. */
  externalLinks?: ExternalLinkLookup;
}

/** One check. Its `code` is stable: users configure it, suppress it and read its doc page. */
export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for the docs index and the settings description. */
  summary: string;
  check(context: RuleContext): Iterable<Report>;
}
