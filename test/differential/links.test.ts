/**
 * Links judged by the generator itself: each example site is built with its real generator,
 * every internal link of the built HTML is checked as a browser resolves it, the broken ones are
 * mapped back to their Markdown line, and Talkdown's link findings must be exactly those.
 *
 * Jekyll and Hugo come from Debian's packages (.ci/run installs them), Eleventy from
 * devDependencies. zola-blog is not built: there is no Zola binary in Debian's packages or on
 * npm, so its links are covered by the unit tests only.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generatorVersion } from '../../scripts/eval-links/build';
import { disagreements } from '../../scripts/eval-links/compare';
import { evaluate } from '../../scripts/eval-links/evaluate';
import { exampleSites } from '../../scripts/eval-links/main';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

describe('internal links, as the generators build them', () => {
  for (const spec of exampleSites()) {
    it(`${spec.name}: Talkdown's link findings are the broken links of the ${spec.generator} build`, { timeout: 90_000 }, () => {
      assert.ok(existsSync(CLI), 'dist/cli.js is missing: run npm run build first');
      // A missing generator fails the test with how to install it; it is never skipped.
      generatorVersion(spec.generator);
      const result = evaluate(spec);
      const c = result.comparison;
      // The harness saw the site: pages, links, and the seeded broken ones.
      assert.ok(result.pages > 0 && result.links > 0, `${spec.name}: the build gave no pages or no links`);
      assert.ok(c.broken.length > 0, `${spec.name}: the build has no broken link at all, but the examples hold some`);
      const list = disagreements(c);
      assert.deepEqual(
        list,
        [],
        `${list.length} link(s) where ${result.build.version} and Talkdown disagree ` +
          `(recall ${(100 * c.recall).toFixed(0)}%, ${c.falsePositives.length} false positive(s)):\n  ` +
          list.join('\n  '),
      );
    });
  }
});
