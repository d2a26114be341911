import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveSettings, SETTING_DEFAULTS } from '../../server/src/core';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown }> }; commands: { command: string; title: string }[] };
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('the manifest', () => {
  const settings = Object.keys(manifest.contributes.configuration.properties);

  it('documents every setting in the README', () => {
    for (const key of settings) assert.ok(readme.includes(`\`${key}\``), `${key} is not in the README's settings table`);
  });

  it('declares only settings the server reads (the client reads trace.server)', () => {
    const resolved = resolveSettings({
      rules: { 'front-matter/syntax': 'warning' },
      maxFileSize: 10,
      site: { generator: 'hugo', postFolders: ['posts'] },
      frontMatter: { schema: 'schema.json', required: ['author'] },
      links: { external: true, knownAddresses: ['/search/'] },
      spelling: { language: 'en-GB', words: ['Karpenter'] },
      analysis: { deadlineMs: 500 },
    });
    const read = new Set<string>();
    const walk = (value: unknown, prefix: string): void => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value) && prefix !== 'talkdown.rules') {
        for (const [k, v] of Object.entries(value)) walk(v, `${prefix}.${k}`);
      } else {
        read.add(prefix);
      }
    };
    walk(resolved, 'talkdown');
    assert.deepEqual(settings.filter((s) => s !== 'talkdown.trace.server').sort(), [...read].sort());
  });

  it('declares the defaults of the settings module', () => {
    const declared = Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([key, value]) => [key.replace(/^talkdown\./, ''), value.default]));
    assert.deepEqual(declared, { ...SETTING_DEFAULTS });
  });

  it('gives every command a Talkdown category and a title', () => {
    for (const command of manifest.contributes.commands as { command: string; title: string; category?: string }[]) {
      assert.equal(command.category, 'Talkdown');
      assert.ok(command.title.length > 0);
      assert.ok(command.command.startsWith('talkdown.'));
    }
  });
});
