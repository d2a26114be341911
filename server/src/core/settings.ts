import type { SeverityName } from './findings';

/** Resolved `talkdown.*` settings for one resource. */
export interface Settings {
  /** Per-rule severity overrides, keyed by diagnostic code. */
  rules: Record<string, SeverityName>;
  /** Documents larger than this many characters have only their front matter checked. */
  maxFileSize: number;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  maxFileSize: 5_000_000,
};

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Merges untrusted input (editor configuration, a CLI config file) over the defaults,
 * dropping values of the wrong type rather than failing.
 */
export function resolveSettings(input: unknown): Settings {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const rules: Record<string, SeverityName> = {};
  if (typeof raw.rules === 'object' && raw.rules !== null) {
    for (const [code, value] of Object.entries(raw.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) rules[code] = value as SeverityName;
    }
  }
  const maxFileSize =
    typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0
      ? raw.maxFileSize
      : DEFAULT_SETTINGS.maxFileSize;
  return { rules, maxFileSize };
}
