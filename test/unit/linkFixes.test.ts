import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, codeFixes, DEFAULT_SETTINGS, type CodeFix, type ExternalResult } from '../../server/src/core';
import { LINK_INDEX, linkContext, linkIndexOf } from '../../server/src/core/links/context';
import { LinkIndex } from '../../server/src/core/links/linkIndex';
import { ListingMemoryWorkspace } from '../support/workspace';
import { sessionFor, testSession } from '../support/session';
import { lines, source } from './util';

const ROOT = 'file:///site';
const POST = `${ROOT}/_posts/2025-01-10-recap.md`;
const SITE = {
  [`${ROOT}/_config.yml`]: 'title: x\n',
  [`${ROOT}/assets/img/arch.png`]: '',
  [`${ROOT}/about.md`]: '# About\n',
};

/** The fixes the link family offers for each link finding of a post, as the editor asks for them. */
function fixesOf(body: string, extra: Record<string, string> = {}, externalLinks?: Record<string, ExternalResult>): CodeFix[] {
  const text = lines('---', 'title: Recap', '---', body, '');
  const workspace = new ListingMemoryWorkspace({ ...SITE, ...extra, [POST]: text }, [ROOT]);
  const session = sessionFor(workspace);
  const { findings, model } = analyze(session, source(text, POST), { settings: DEFAULT_SETTINGS, externalLinks: externalLinks && ((url) => externalLinks[url]) });
  const context = { model, settings: DEFAULT_SETTINGS, session, workspace };
  return findings.filter((f) => f.code.startsWith('link/')).flatMap((f) => codeFixes(context, f.span, [{ code: f.code, span: f.span, message: f.message, data: f.data }]));
}

const brief = (fix: CodeFix) => ({ title: fix.title, code: fix.code, preferred: fix.isPreferred === true, safe: fix.safe === true, edits: fix.edits.map((e) => e.newText) });

describe('link fixes (core)', () => {
  it('marks as safe only fixes with one possible result', () => {
    assert.deepEqual(fixesOf('[a](example.dev) (b)[https://x.dev]').map(brief), [
      { title: 'Add https://', code: 'link/missing-scheme', preferred: true, safe: true, edits: ['https://example.dev'] },
      { title: 'Write it as [text](url)', code: 'link/inverted-syntax', preferred: true, safe: true, edits: ['[b](https://x.dev)'] },
    ]);
    // Letter case, anchors, footnotes and definitions are fixed by a person choosing.
    assert.deepEqual(fixesOf('# Recap\n\n[a](#recapp) ![t](/assets/img/Arch.png) A claim.[^src]\n\n[old]: https://x.dev').map((f) => [f.code, f.safe === true]), [
      ['link/missing-anchor', false],
      ['link/case-mismatch', false],
      ['link/undefined-footnote', false],
      ['link/unused-definition', false],
    ]);
  });

  it('a missing file is safe to fix only when a single file could be meant', () => {
    assert.deepEqual(fixesOf('![a](/assets/img/arch.jpg)').map(brief), [
      { title: 'Change to /assets/img/arch.png', code: 'link/no-such-file', preferred: true, safe: true, edits: ['/assets/img/arch.png'] },
    ]);
    const two = fixesOf('![a](/assets/img/arch.jpg)', { [`${ROOT}/assets/img/arc.png`]: '' });
    assert.deepEqual(two.map(brief), [{ title: 'Change to /assets/img/arch.png', code: 'link/no-such-file', preferred: true, safe: false, edits: ['/assets/img/arch.png'] }]);
  });

  it('a moved external link is fixed by linking its new address', () => {
    const fixes = fixesOf('[deck](http://moved.example/deck#p3)', {}, { 'http://moved.example/deck': { status: 'redirect', code: 301, location: 'https://new.example/deck' } });
    assert.deepEqual(fixes.map(brief), [
      { title: 'Link the new address: https://new.example/deck#p3', code: 'link/external-redirect', preferred: true, safe: false, edits: ['https://new.example/deck#p3'] },
    ]);
  });
});

describe('the session owns the link index', () => {
  it('fills its own index once per site folder, and drops it on a file event', () => {
    const workspace = new ListingMemoryWorkspace({ ...SITE, [POST]: '# R\n' }, [ROOT]);
    const session = sessionFor(workspace);
    const first = linkIndexOf(session, ROOT);
    assert.ok(first.exists(`${ROOT}/assets/img/arch.png`));
    assert.equal(linkIndexOf(session, ROOT), first);
    session.filesChanged([{ uri: `${ROOT}/assets/img/new.png`, kind: 'created' }]);
    assert.notEqual(linkIndexOf(session, ROOT), first);
    // Another session has an index of its own.
    assert.notEqual(linkIndexOf(sessionFor(workspace), ROOT), linkIndexOf(session, ROOT));
  });

  it('uses the index an adapter provides, and never fills it', () => {
    const workspace = new ListingMemoryWorkspace({ ...SITE, [POST]: '[a](/about.md)\n' }, [ROOT]);
    const index = new LinkIndex(workspace);
    const session = testSession({ workspace });
    session.provide(LINK_INDEX, index);
    const { model, findings } = analyze(session, source('[a](/about.md)\n', POST), { settings: DEFAULT_SETTINGS });
    assert.equal(linkContext(model, DEFAULT_SETTINGS, session).index, index);
    assert.equal(index.size, 0);
    assert.deepEqual(findings.filter((f) => f.code.startsWith('link/')), []);
  });
});
