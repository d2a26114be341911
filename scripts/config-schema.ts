// Writes the JSON Schema of `.talkdown/config.jsonc` from the settings package.json declares,
// so that the editor's settings and the project file cannot drift apart. A unit test checks
// that the committed schema equals what this script writes.
//   node --import tsx scripts/config-schema.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Property = Record<string, unknown> & { scope?: string };

/** Settings that belong to one editor window, not to a project (the client's own tracing). */
const EDITOR_ONLY = new Set(['talkdown.trace.server']);

export const SCHEMA_PATH = join(__dirname, '..', 'server', 'src', 'core', 'config', 'config.schema.json');

export function configSchema(manifest: { contributes: { configuration: { properties: Record<string, Property> } } }): object {
  const root: { type: string; properties: Record<string, unknown>; additionalProperties: boolean } = { type: 'object', properties: {}, additionalProperties: false };
  for (const [key, property] of Object.entries(manifest.contributes.configuration.properties)) {
    if (EDITOR_ONLY.has(key)) continue;
    const path = key.replace(/^talkdown\./, '').split('.');
    let node = root;
    for (const part of path.slice(0, -1)) {
      node.properties[part] ??= { type: 'object', properties: {}, additionalProperties: false };
      node = node.properties[part] as typeof root;
    }
    const { scope: _scope, markdownDescription, ...schema } = property;
    node.properties[path[path.length - 1]] = { ...schema, ...(markdownDescription ? { markdownDescription, description: String(markdownDescription).replace(/[`*#]/g, '') } : {}) };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Talkdown project configuration (.talkdown/config.jsonc)',
    description: 'The talkdown.* settings without their prefix, nested. They apply in every editor and in talkdown lint; editor settings apply where this file is silent.',
    ...root,
    properties: { $schema: { type: 'string' }, ...root.properties },
  };
}

export function writtenSchema(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  return JSON.stringify(configSchema(manifest), null, 2) + '\n';
}

if (require.main === module) writeFileSync(SCHEMA_PATH, writtenSchema());
