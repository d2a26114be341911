import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { parse as parseYaml } from 'yaml';
import type { Session } from '../session/session';
import { SessionKey, type FileEvent } from '../session/state';
import type { Site, SiteGeneratorName } from './generator';

/** The configuration files each generator reads, in the order it looks for them. */
export const CONFIG_FILES: Partial<Record<SiteGeneratorName, readonly string[]>> = {
  jekyll: ['_config.yml', '_config.yaml'],
  hugo: ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'],
  zola: ['zola.toml', 'config.toml'],
  hexo: ['_config.yml'],
};

const ALL_CONFIG_NAMES: ReadonlySet<string> = new Set(Object.values(CONFIG_FILES).flat());

/** The site's configuration: its file, and the settings read from it (top-level keys). */
export interface SiteConfig {
  /** The file, relative to the site root; undefined when the site has none. */
  file: string | undefined;
  /** Its settings; empty when there is no file or it does not parse. */
  data: Readonly<Record<string, unknown>>;
}

function affectsConfig(event: FileEvent): boolean {
  const name = event.uri.slice(event.uri.lastIndexOf('/') + 1);
  return ALL_CONFIG_NAMES.has(name);
}

/** Each site's configuration, read once and dropped when a configuration file changes. */
const CONFIGS = new SessionKey<Map<string, SiteConfig>>('site/configs', () => new Map(), { files: affectsConfig });

const NONE: SiteConfig = Object.freeze({ file: undefined, data: Object.freeze({}) });

/** The configuration of the site (read once per session, not per analysis). */
export function siteConfig(session: Session, site: Site): SiteConfig {
  const names = CONFIG_FILES[site.generator];
  if (!site.root || !names) return NONE;
  const configs = session.state(CONFIGS);
  const key = `${site.generator} ${site.root}`;
  let config = configs.get(key);
  if (!config) configs.set(key, (config = readConfig(session, site.root, names)));
  return config;
}

function readConfig(session: Session, root: string, names: readonly string[]): SiteConfig {
  for (const file of names) {
    const text = session.workspace.readText(`${root}/${file}`);
    if (text === undefined) continue;
    return { file, data: parseConfig(file, text) };
  }
  return NONE;
}

/** Top-level settings of a YAML, TOML or JSON configuration; empty when it does not parse. */
export function parseConfig(file: string, text: string): Record<string, unknown> {
  try {
    const value: unknown = file.endsWith('.toml') ? getStaticTOMLValue(parseTOML(text)) : file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { logLevel: 'silent' });
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
