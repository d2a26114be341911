import type { ValidateFunction } from 'ajv';
import { DEFAULT_SETTINGS, resolveSettings, type Settings } from '../settings';
import type { Session } from '../session/session';
import { InputKey, SessionKey, type FileEvent } from '../session/state';
import { configValidator, CONFIG_FILE, mergeSettings, readProjectConfig, type ProjectConfig } from './projectConfig';

/** The configuration file to use instead of discovery (`talkdown lint --config FILE`), as a URI. */
export const CONFIG_OVERRIDE = new InputKey<string>('configuration file override');

/** How many folders above a loose file (outside any workspace folder) are searched. */
const MAX_DEPTH = 8;

const touchesConfig = (event: FileEvent) => event.uri.includes('/.talkdown');

const VALIDATOR = new SessionKey<{ validate?: ValidateFunction }>('configuration schema', () => ({}));

/** Configuration files by URI (undefined: no such file), and the files that apply to a folder. */
const CONFIGS = new SessionKey('project configuration', () => ({ files: new Map<string, ProjectConfig | undefined>(), folders: new Map<string, ProjectConfig[]>() }), {
  files: touchesConfig,
});

/** Resolved settings per document, dropped when settings or a configuration file change. */
const RESOLVED = new SessionKey('resolved settings', () => new Map<string, Settings>(), { files: touchesConfig, settings: true }, { forget: (resolved, uri) => resolved.delete(uri) });

function validator(session: Session): ValidateFunction {
  const holder = session.state(VALIDATOR);
  return (holder.validate ??= configValidator());
}

/** Reads a configuration file once per session (until it changes). */
export function configAt(session: Session, uri: string): ProjectConfig | undefined {
  const { files } = session.state(CONFIGS);
  if (files.has(uri)) return files.get(uri);
  const text = session.workspace.readText(uri);
  const config = text === undefined ? undefined : readProjectConfig(uri, text, validator(session));
  files.set(uri, config);
  return config;
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** The workspace folder that holds `uri`: the longest root that is a prefix of it. */
export function rootFor(session: Session, uri: string): string | undefined {
  let best: string | undefined;
  for (const root of session.workspace.roots) {
    const prefix = root.replace(/\/$/, '') + '/';
    if (uri.startsWith(prefix) && (!best || prefix.length > best.length + 1)) best = prefix.slice(0, -1);
  }
  return best;
}

/**
 * The configuration files that apply to a document, farthest first: every
 * `.talkdown/config.jsonc` from the document's folder up to its workspace folder.
 */
export function configsFor(session: Session, uri: string): ProjectConfig[] {
  const override = session.input(CONFIG_OVERRIDE);
  if (override) {
    const config = configAt(session, override);
    return config ? [config] : [];
  }
  const { folders } = session.state(CONFIGS);
  const start = folderOf(uri);
  const known = folders.get(start);
  if (known) return known;
  const root = rootFor(session, uri);
  const found: ProjectConfig[] = [];
  let folder = start;
  for (let depth = 0; depth < 32 && folder.includes('/'); depth++) {
    const config = configAt(session, `${folder}/${CONFIG_FILE}`);
    if (config) found.unshift(config);
    if (root ? folder === root || !folder.startsWith(root) : depth + 1 >= MAX_DEPTH) break;
    const next = folderOf(folder);
    if (next === folder || next.endsWith(':') || next.endsWith('/')) break;
    folder = next;
  }
  folders.set(start, found);
  return found;
}

/**
 * A document's settings: the project's configuration files, nearest last, over the editor's
 * settings for it, over the defaults.
 */
export function settingsFor(session: Session, uri: string, editor: unknown): Settings {
  const resolved = session.state(RESOLVED);
  let settings = resolved.get(uri);
  if (!settings) {
    const configs = configsFor(session, uri);
    settings = configs.length === 0 && editor === undefined ? DEFAULT_SETTINGS : resolveSettings(mergeSettings(editor, ...configs.map((c) => c.settings)));
    if (resolved.size > 10_000) resolved.clear();
    resolved.set(uri, settings);
  }
  return settings;
}
