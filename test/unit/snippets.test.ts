import { sessionFor } from '../support/session';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS } from '../../server/src/core';
import { extractTalks } from '../../server/src/core/model/talks';
import { ListingMemoryWorkspace } from '../support/workspace';
import { source } from './util';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const snippets = JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'recap.code-snippets'), 'utf8')) as Record<string, Snippet>;

/** A snippet as a user gets it by pressing Tab through it: every placeholder at its default. */
function expand(snippet: Snippet): string {
  const vars: Record<string, string> = { CURRENT_YEAR: '2024', CURRENT_MONTH: '11', CURRENT_DATE: '15', CURRENT_HOUR: '09', CURRENT_MINUTE: '30' };
  let text = snippet.body.join('\n');
  for (let i = 0; i < 5; i++) {
    text = text
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1') // a choice: its first option
      .replace(/\$\{\d+:([^{}]*)\}/g, '$1') // a placeholder: its default
      .replace(/\$\{?([A-Z_]+)\}?/g, (m, name: string) => vars[name] ?? m)
      .replace(/\$\d+/g, '');
  }
  return text;
}

const SITES: Record<string, Record<string, string>> = {
  jekyll: { 'file:///s/_config.yml': 'title: x\n' },
  hugo: { 'file:///s/hugo.toml': 'baseURL = "https://x.dev/"\n' },
  zola: { 'file:///s/config.toml': 'base_url = "https://x.dev"\n' },
  eleventy: { 'file:///s/eleventy.config.js': 'export default {};\n' },
  astro: { 'file:///s/astro.config.mjs': 'export default {};\n' },
};
const POSTS: Record<string, string> = {
  jekyll: 'file:///s/_posts/2024-11-15-recap.md',
  hugo: 'file:///s/content/posts/recap.md',
  zola: 'file:///s/content/blog/recap.md',
  eleventy: 'file:///s/posts/recap.md',
  astro: 'file:///s/src/content/blog/recap.md',
};

describe('snippets', () => {
  it('each has a prefix, a description and a body', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(Array.isArray(s.prefix) && s.prefix.length > 0, name);
      assert.ok(s.description.length > 0, name);
      assert.ok(s.body.length > 0, name);
    }
  });

  for (const [snippetName, generator] of [
    ['Front matter (Jekyll)', 'jekyll'],
    ['Front matter (Hugo, YAML)', 'hugo'],
    ['Front matter (Hugo, TOML)', 'hugo'],
    ['Front matter (Zola)', 'zola'],
    ['Front matter (Eleventy)', 'eleventy'],
    ['Front matter (Astro)', 'astro'],
  ] as const) {
    it(`"${snippetName}" gives ${generator} front matter with no finding`, () => {
      const text = expand(snippets[snippetName]) + '# Day 1\n';
      const workspace = new ListingMemoryWorkspace(SITES[generator], ['file:///s']);
      const { findings, model } = analyze(sessionFor(workspace), source(text, POSTS[generator]), { settings: DEFAULT_SETTINGS });
      assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], text);
      assert.equal(model.frontMatter?.data.title, 'Conference recap');
    });
  }

  it('the talk snippets and the recap skeleton give talks the outline recognises', () => {
    for (const name of ['Talk (link heading)', 'Talk (speakers in the heading)', 'Talk (TALK: prefix)', 'Recap skeleton']) {
      const text = `# Recap\n\n${expand(snippets[name])}\n`;
      const { model, findings } = analyze(sessionFor(new ListingMemoryWorkspace()), source(text, 'file:///loose.md'), { settings: DEFAULT_SETTINGS });
      const { talks } = extractTalks(model);
      assert.ok(talks.length >= 1, `${name}: no talk in\n${text}`);
      assert.ok(talks.every((t) => t.title.length > 0 && (t.video || t.slides)), name);
      // The video id is a placeholder to replace: until it is, the link is flagged, and only that.
      const other = findings.filter((f) => !(f.code === 'link/invalid-youtube-id' && f.message.includes('VIDEO_ID')));
      assert.deepEqual(other.map((f) => f.code), [], name);
    }
  });
});
