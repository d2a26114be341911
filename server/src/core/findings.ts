import type { Range, Span } from './text';

/** Severities use LSP's numbering so adapters and the CLI's JSON agree. */
export enum Severity {
  Error = 1,
  Warning = 2,
  Information = 3,
  Hint = 4,
}

export type SeverityName = 'error' | 'warning' | 'info' | 'hint' | 'off';

export const SEVERITY_BY_NAME: Record<Exclude<SeverityName, 'off'>, Severity> = {
  error: Severity.Error,
  warning: Severity.Warning,
  info: Severity.Information,
  hint: Severity.Hint,
};

export const SEVERITY_NAME: Record<Severity, Exclude<SeverityName, 'off'>> = {
  [Severity.Error]: 'error',
  [Severity.Warning]: 'warning',
  [Severity.Information]: 'info',
  [Severity.Hint]: 'hint',
};

/** What a rule reports, in document offsets; `analyze` turns it into a Finding. */
export interface Report {
  span: Span;
  message: string;
  /** Overrides the rule's default severity for this one report (before user settings). */
  severity?: Severity;
  /** Rule-specific data that quick fixes read back. */
  data?: unknown;
}

/** One finding, with a stable code and an exact range. */
export interface Finding {
  code: string;
  severity: Severity;
  range: Range;
  span: Span;
  message: string;
  /** Where the rule's documentation lives. */
  docUrl: string;
  data?: unknown;
}
