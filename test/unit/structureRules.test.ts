import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/core';
import { structureFamily } from '../../server/src/core/rules/structure';
import { runRules } from '../../server/src/core/rules/run';
import { testSession } from '../support/session';
import { modelOf } from './outlineFixture';
import { lines } from './util';

describe('structure rules', () => {
  const run = (code: string, text: string) => {
    const model = modelOf(text);
    const session = testSession();
    return runRules({ model, settings: DEFAULT_SETTINGS, session, workspace: session.workspace }, [structureFamily])
      .filter((f) => f.code === code)
      .map((f) => text.slice(f.span.start, f.span.end));
  };

  it('structure/talk-without-link reports talks with no video, slides or page link', () => {
    const text = lines(
      '### Tracing without tears (Ada Lovelace, Example Corp)',
      '',
      'No link.',
      '',
      '### [Profiles everywhere](https://youtu.be/AbCdEfGhIjK)',
      '',
      '### Scheduling (Alan Turing, Example Org)',
      '',
      '[Slides](https://speakerdeck.com/example/scheduling)',
    );
    assert.deepEqual(run('structure/talk-without-link', text), ['Tracing without tears']);
  });

  it('an embedded player in the generator\'s syntax counts as the talk\'s video', () => {
    const text = lines(
      '### Tracing without tears (Ada Lovelace, Example Corp)',
      '',
      '{{< youtube AbCdEfGhIjK >}}',
      '',
      '### Profiles everywhere (Alan Turing, Example Org)',
      '',
      '{% include youtube.html id="ZyXwVuTsRqP" %}',
      '',
      '### Scheduling (Grace Hopper, Example Co)',
      '',
      '{{< vimeo 123456789 >}}',
      '',
      '### Not a video (Edsger Dijkstra, Example Inc)',
      '',
      '{{< youtube-nocookie >}} is a shortcode some sites add.',
    );
    assert.deepEqual(run('structure/talk-without-link', text), ['Not a video']);
  });

  it('structure/talk-without-speakers reports only when most talks name speakers', () => {
    const most = lines(
      '## A talk (Ada Lovelace, Example Corp)',
      '',
      '## B talk (Alan Turing, Example Org)',
      '',
      '## [C talk](https://youtu.be/AbCdEfGhIjK)',
    );
    assert.deepEqual(run('structure/talk-without-speakers', most), ['C talk']);
    const few = lines('## [A](https://youtu.be/AbCdEfGhIjK)', '', '## [B](https://youtu.be/ZyXwVuTsRqP)', '', '## C (Ada Lovelace, Example Corp)');
    assert.deepEqual(run('structure/talk-without-speakers', few), []);
  });

  it('has a documentation page for each code', async () => {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    for (const code of structureFamily.checks.flatMap((c) => Object.keys(c.codes))) {
      const rule = { code };
      assert.ok(existsSync(join(__dirname, '..', '..', 'docs', 'rules', `${rule.code}.md`)), rule.code);
    }
  });
});
