import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, configFindings, configsOf, CONFIG_OVERRIDE, MemoryWorkspace, SETTING_DEFAULTS } from '../../server/src/core';
import { SCHEMA_PATH, writtenSchema } from '../../scripts/config-schema';
import { testSession } from '../support/session';
import { lines, source } from './util';

const POST = 'file:///site/_posts/2024-05-01-recap.md';
const CONFIG = 'file:///site/.talkdown/config.jsonc';

function sessionWith(files: Record<string, string>, editor?: unknown) {
  const session = testSession({ files: { 'file:///site/_config.yml': 'title: x\n', ...files }, roots: ['file:///site'] });
  if (editor !== undefined) session.setEditorSettings(editor);
  return session;
}

function problems(text: string) {
  const session = sessionWith({ [CONFIG]: text });
  const [config] = configsOf(session, [POST]);
  return configFindings(session, config).map((f) => `${f.code} ${JSON.stringify(text.slice(f.span.start, f.span.end))} ${f.message}`);
}

describe('.talkdown/config.jsonc', () => {
  it('reads JSON with comments and trailing commas into settings', () => {
    const session = sessionWith({
      [CONFIG]: lines('{', '  // the team’s rules', '  "rules": { "structure/talk-without-link": "off", "spelling": "warning", },', '  "site": { "generator": "hugo" },', '  "spelling": { "words": ["Kueue"] },', '}'),
    });
    const settings = session.settingsFor(POST);
    assert.deepEqual(settings.rules, { 'structure/talk-without-link': 'off', spelling: 'warning' });
    assert.equal(settings.site?.generator, 'hugo');
    assert.deepEqual(settings.spelling?.words, ['Kueue']);
  });

  it('wins over the editor’s settings, which apply where it is silent', () => {
    const session = sessionWith({ [CONFIG]: '{ "rules": { "spelling": "off" } }' }, { rules: { spelling: 'error', 'link/no-such-file': 'info' }, maxFileSize: 10 });
    const settings = session.settingsFor(POST);
    assert.deepEqual(settings.rules, { spelling: 'off', 'link/no-such-file': 'info' });
    assert.equal(settings.maxFileSize, 10);
  });

  it('is found from the document up to the workspace folder; the nearest file wins key by key', () => {
    const session = sessionWith({
      [CONFIG]: '{ "rules": { "spelling": "off", "structure": "off" } }',
      'file:///site/_posts/.talkdown/config.jsonc': '{ "rules": { "spelling": "hint" } }',
      'file:///.talkdown/config.jsonc': '{ "rules": { "link": "off" } }',
    });
    assert.deepEqual(session.settingsFor(POST).rules, { spelling: 'hint', structure: 'off' });
    assert.deepEqual(session.settingsFor('file:///site/about.md').rules, { spelling: 'off', structure: 'off' });
  });

  it('can be named instead of found (talkdown lint --config)', () => {
    const session = sessionWith({ [CONFIG]: '{ "rules": { "spelling": "off" } }', 'file:///elsewhere/ci.jsonc': '{ "rules": { "link": "off" } }' });
    session.provide(CONFIG_OVERRIDE, 'file:///elsewhere/ci.jsonc');
    assert.deepEqual(session.settingsFor(POST).rules, { link: 'off' });
  });

  it('changes the findings of posts, and is read again when it changes', () => {
    const workspace = new MemoryWorkspace({ 'file:///site/_config.yml': 'title: x\n', [CONFIG]: '{ "rules": { "front-matter": "off" } }' }, ['file:///site']);
    const session = testSession({ workspace });
    const text = lines('---', 'title: Keynote: eBPF', '---', '', 'Notes.', '');
    assert.ok(!analyze(session, source(text, POST)).findings.some((f) => f.code.startsWith('front-matter/')));
    workspace.set(CONFIG, '{ "rules": { "front-matter/syntax": "warning" } }');
    // Until the session hears of the change, it keeps what it read: no read per keystroke.
    assert.ok(!analyze(session, source(text, POST)).findings.some((f) => f.code.startsWith('front-matter/')));
    session.filesChanged([{ uri: CONFIG, kind: 'changed' }]);
    const syntax = analyze(session, source(text, POST)).findings.find((f) => f.code === 'front-matter/syntax');
    assert.equal(syntax?.severity, 2);
  });

  it('reports a syntax error where reading stopped, and then applies nothing', () => {
    const text = lines('{', '  "rules": { "spelling": "off" }', '  "site": {}', '}');
    assert.deepEqual(problems(text), ['config/syntax "\\"site\\"" This configuration file cannot be read: a comma is missing here. Talkdown uses the defaults until it is fixed.']);
    assert.deepEqual(sessionWith({ [CONFIG]: text }).settingsFor(POST).rules, {});
  });

  it('reports an unknown key on the key and a wrong value on the value, and applies the rest', () => {
    const text = lines('{', '  "rule": { "spelling": "off" },', '  "site": { "generator": "jeckyll" },', '  "spelling": { "words": "Kueue" },', '  "rules": { "link": "off", "structure": "loud" }', '}');
    assert.deepEqual(problems(text), [
      'config/invalid "\\"rule\\"" Talkdown has no setting "rule"; it is ignored. See the settings in the README (the keys of the talkdown.* settings, without the prefix).',
      'config/invalid "\\"jeckyll\\"" "site.generator" must be one of "jekyll", "hugo", "zola", "eleventy", "astro", "hexo", "generic"; the default applies.',
      'config/invalid "\\"Kueue\\"" "spelling.words" must be a list; the default applies.',
      'config/invalid "\\"loud\\"" "rules.structure" must be one of "error", "warning", "info", "hint", "off"; the default applies.',
    ]);
    const settings = sessionWith({ [CONFIG]: text }).settingsFor(POST);
    assert.deepEqual(settings.rules, { link: 'off' });
    assert.equal(settings.site, undefined);
  });

  it('never fails on hostile input', () => {
    for (const text of ['', '[]', '"x"', '{'.repeat(10_000), '{"rules": ' + '['.repeat(5000), '\u0000\uFFFD{', '{ "rules": null }']) {
      const session = sessionWith({ [CONFIG]: text });
      assert.ok(session.settingsFor(POST).rules);
      configFindings(session, configsOf(session, [POST])[0]);
    }
  });

  it('has a schema written from the manifest, covering the settings module', () => {
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), writtenSchema(), 'run: node --import tsx scripts/config-schema.ts');
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
    const keys: string[] = [];
    const walk = (node: { properties?: Record<string, unknown> }, prefix: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (key === '$schema') continue;
        const sub = child as { type?: string; properties?: Record<string, unknown> };
        if (sub.type === 'object' && sub.properties) walk(sub, `${prefix}${key}.`);
        else keys.push(prefix + key);
      }
    };
    walk(schema, '');
    assert.deepEqual(keys.sort(), Object.keys(SETTING_DEFAULTS).filter((k) => k !== 'trace.server').sort());
  });

  it('is validated and completed by VS Code from the same schema', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: ['**/.talkdown/config.jsonc'], url: './dist/config.schema.json' }]);
  });
});
