import { AnalysisSession, DEFAULT_SETTINGS, DICTIONARY, fixedClock, MemoryWorkspace, type Clock, type DictionaryLoader, type Settings, type Workspace } from '../../server/src/core';
import type { Dictionary } from '../../server/src/core/spelling/dictionary';

/** The day tests live on, unless they say otherwise: dates after it are in the future. */
export const TEST_NOW = '2025-06-15T12:00:00Z';

export interface TestSessionOptions {
  /** In-memory files by URI, or a workspace of the test's own. */
  files?: Record<string, string>;
  roots?: string[];
  workspace?: Workspace;
  settings?: Partial<Settings>;
  /** ISO time, or a clock. */
  now?: string | Clock;
  /** A dictionary (see `support/dictionary.ts`) or a loader of one; without it, spelling is off. */
  dictionary?: Dictionary | DictionaryLoader;
}

/** A session over in-memory files (or the given workspace), with settings and a fixed clock. */
export function testSession(options: TestSessionOptions = {}): AnalysisSession {
  const workspace = options.workspace ?? new MemoryWorkspace(options.files ?? {}, options.roots ?? []);
  const clock = typeof options.now === 'object' ? options.now : fixedClock(options.now ?? TEST_NOW, () => performance.now());
  const inputs = options.dictionary ? [[DICTIONARY, options.dictionary] as const] : [];
  return new AnalysisSession({ workspace, clock, settings: { ...DEFAULT_SETTINGS, ...options.settings }, inputs });
}

/** A session over a workspace a test already built. */
export function sessionFor(workspace: Workspace, settings?: Partial<Settings>): AnalysisSession {
  return testSession({ workspace, settings });
}
