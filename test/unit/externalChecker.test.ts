import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { cliCacheFile, ExternalLinkChecker, HostLimiter, ResultCache } from '../../server/src/node/externalLinks';
import { closedPort, startLinkServer, type LinkServer } from '../support/linkServer';

describe('the external link checker (against a server on 127.0.0.1)', () => {
  let site: LinkServer;
  let checker: ExternalLinkChecker;
  const url = (path: string) => `${site.origin}${path}`;

  before(async () => {
    site = await startLinkServer();
  });
  after(() => site.close());
  beforeEach(() => {
    site.log.length = 0;
    checker = new ExternalLinkChecker({ timeoutMs: 300, perHostIntervalMs: 0, perHostConcurrency: 4 });
  });

  it('finds a page that answers 200 with one HEAD request', async () => {
    assert.deepEqual(await checker.check(url('/ok')), { status: 'ok', code: 200 });
    assert.deepEqual(site.log, ['HEAD /ok']);
  });

  it('reports a permanent redirect with the address the page moved to', async () => {
    assert.deepEqual(await checker.check(url('/moved')), { status: 'redirect', code: 301, location: url('/ok') });
    assert.deepEqual(site.log, ['HEAD /moved', 'HEAD /ok']);
    assert.deepEqual(await checker.check(url('/chain')), { status: 'redirect', code: 301, location: url('/ok') });
  });

  it('takes a temporary redirect to a page that answers as fine', async () => {
    assert.deepEqual(await checker.check(url('/temp')), { status: 'ok', code: 200 });
  });

  it('reports 404 and 410 as broken, also at the end of a redirect', async () => {
    assert.deepEqual(await checker.check(url('/missing')), { status: 'broken', code: 404 });
    assert.deepEqual(await checker.check(url('/gone')), { status: 'broken', code: 410 });
    assert.deepEqual(await checker.check(url('/moved-missing')), { status: 'broken', code: 404, finalUrl: url('/missing') });
  });

  it('gives up on a slow answer after the timeout', async () => {
    const started = Date.now();
    assert.deepEqual(await checker.check(url('/slow')), { status: 'unreachable', reason: 'timeout' });
    const took = Date.now() - started;
    // The lower bound is the behaviour (it waited for the timeout); the upper one only catches a hang.
    assert.ok(took >= 280 && took < 10_000, `took ${took} ms`);
  });

  it('reports a closed port as refused', async () => {
    const port = await closedPort();
    assert.deepEqual(await checker.check(`http://127.0.0.1:${port}/`), { status: 'unreachable', reason: 'refused' });
  });

  it('asks again with GET before calling a page missing on the word of a HEAD', async () => {
    assert.deepEqual(await checker.check(url('/head-wrong')), { status: 'ok', code: 200 });
    assert.deepEqual(site.log, ['HEAD /head-wrong', 'GET /head-wrong']);
  });

  it('falls back to GET when HEAD is refused', async () => {
    assert.deepEqual(await checker.check(url('/head-refused')), { status: 'ok', code: 200 });
    assert.deepEqual(site.log, ['HEAD /head-refused', 'GET /head-refused']);
  });

  it('stops at a redirect loop, and after too many redirects', async () => {
    assert.deepEqual(await checker.check(url('/loop')), { status: 'unreachable', reason: 'redirect-loop' });
    assert.deepEqual(site.log, ['HEAD /loop', 'HEAD /loop2']);
    const short = new ExternalLinkChecker({ timeoutMs: 300, perHostIntervalMs: 0, maxRedirects: 1 });
    assert.deepEqual(await short.check(url('/chain')), { status: 'unreachable', reason: 'too-many-redirects', detail: 'more than 1' });
  });

  it('never follows a redirect to another scheme', async () => {
    assert.deepEqual(await checker.check(url('/to-mailto')), { status: 'unreachable', reason: 'non-http-redirect', detail: 'to mailto:' });
    assert.deepEqual(await checker.check(url('/to-file')), { status: 'unreachable', reason: 'non-http-redirect', detail: 'to file:' });
    assert.deepEqual(site.log, ['HEAD /to-mailto', 'HEAD /to-file']);
  });

  it('does not call a page broken when the server refuses robots (403), and calls a 500 a server error', async () => {
    assert.deepEqual(await checker.check(url('/forbidden')), { status: 'unknown', code: 403 });
    assert.deepEqual(site.log, ['HEAD /forbidden', 'GET /forbidden']);
    assert.deepEqual(await checker.check(url('/error')), { status: 'unreachable', reason: 'server-error', detail: 'HTTP 500' });
  });

  it('sends a User-Agent that names Talkdown', async () => {
    let agent: string | undefined;
    const listener = (req: { headers: Record<string, string | string[] | undefined> }) => (agent = req.headers['user-agent'] as string);
    site.server.prependListener('request', listener);
    await checker.check(url('/ok'));
    site.server.off('request', listener);
    assert.match(agent ?? '', /^Talkdown\//);
  });

  it('keeps at most the per-host number of requests in flight, and spaces their starts', async () => {
    const limited = new ExternalLinkChecker({ timeoutMs: 2000, perHostConcurrency: 2, perHostIntervalMs: 20 });
    site.maxInFlight = 0;
    site.starts.length = 0;
    const urls = Array.from({ length: 10 }, (_, i) => url(`/delay/60/${i}`));
    const results = await limited.checkAll(urls);
    assert.equal(results.size, 10);
    assert.ok([...results.values()].every((r) => r.status === 'ok'));
    assert.equal(site.maxInFlight, 2);
    // Arrival times jitter; across ten requests 20 ms apart, the spread cannot.
    const starts = site.starts.slice(-10);
    assert.ok(starts[9] - starts[0] >= 9 * 20 - 10, `starts ${starts.map((s) => s - starts[0])}`);
  });

  it('checks a URL once when several callers ask at the same time', async () => {
    await Promise.all([checker.check(url('/delay/30/same')), checker.check(url('/delay/30/same')), checker.check(url('/delay/30/same'))]);
    assert.deepEqual(site.log, ['HEAD /delay/30/same']);
  });

  it('stops every request when the signal aborts, and keeps no result for them', async () => {
    const controller = new AbortController();
    const slow = Array.from({ length: 6 }, (_, i) => url(`/delay/1500/${i}`));
    const limited = new ExternalLinkChecker({ timeoutMs: 10_000, perHostConcurrency: 2, perHostIntervalMs: 0 });
    const started = Date.now();
    const run = limited.checkAll(slow, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const results = await run;
    assert.ok(Date.now() - started < 1000);
    assert.ok([...results.values()].every((r) => r.status === 'unknown'));
    assert.equal(limited.requests, 2, 'the queued ones were never sent');
    assert.equal(limited.known(slow[0]), undefined);
  });
});

describe('the result cache', () => {
  let site: LinkServer;
  let dir: string;
  before(async () => {
    site = await startLinkServer();
    dir = mkdtempSync(join(tmpdir(), 'talkdown-cache-'));
  });
  after(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the cache file without a request, until the TTL passes', async () => {
    let now = 1_000_000;
    const file = join(dir, 'talkdown', 'external-links.json');
    const first = new ExternalLinkChecker({ perHostIntervalMs: 0, cache: new ResultCache({ file, ttlMs: 60_000, now: () => now }) });
    await first.check(`${site.origin}/moved`);
    first.flush();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(saved.format, 1);
    assert.deepEqual(saved.entries[`${site.origin}/moved`], { result: { status: 'redirect', code: 301, location: `${site.origin}/ok` }, at: now });

    site.log.length = 0;
    const second = new ExternalLinkChecker({ perHostIntervalMs: 0, cache: new ResultCache({ file, ttlMs: 60_000, now: () => now }) });
    assert.equal(second.known(`${site.origin}/moved`)?.status, 'redirect');
    assert.equal((await second.check(`${site.origin}/moved`)).status, 'redirect');
    assert.deepEqual(site.log, [], 'a cache hit sends nothing');

    now += 60_001;
    assert.equal(second.known(`${site.origin}/moved`), undefined, 'expired');
    assert.equal((await second.check(`${site.origin}/moved`)).status, 'redirect');
    assert.deepEqual(site.log, ['HEAD /moved', 'HEAD /ok']);
  });

  it('asks again on refresh, and keeps unreachable answers for a shorter time', async () => {
    let now = 5_000;
    const cache = new ResultCache({ ttlMs: 60_000, retryTtlMs: 1_000, now: () => now });
    cache.set('http://a.example/', { status: 'unreachable', reason: 'timeout' });
    cache.set('http://b.example/', { status: 'ok', code: 200 });
    now += 1_001;
    assert.equal(cache.get('http://a.example/'), undefined);
    assert.deepEqual(cache.get('http://b.example/'), { status: 'ok', code: 200 });

    const checker = new ExternalLinkChecker({ perHostIntervalMs: 0, cache });
    site.log.length = 0;
    cache.set(`${site.origin}/ok`, { status: 'broken', code: 404 });
    assert.deepEqual(await checker.check(`${site.origin}/ok`, { refresh: true }), { status: 'ok', code: 200 });
    assert.deepEqual(site.log, ['HEAD /ok']);
  });

  it('ignores a cache file it cannot read', () => {
    const file = join(dir, 'garbage.json');
    writeFileSync(file, '{not json');
    assert.equal(new ResultCache({ file }).get('http://a.example/'), undefined);
  });

  it('lives in $XDG_CACHE_HOME/talkdown, else ~/.cache/talkdown, for the CLI', () => {
    assert.equal(cliCacheFile({ XDG_CACHE_HOME: '/var/cache/me' }), '/var/cache/me/talkdown/external-links.json');
    assert.match(cliCacheFile({}), /\.cache\/talkdown\/external-links\.json$/);
  });
});

describe('the host limiter', () => {
  it('spaces the starts to one host, not to different hosts', async () => {
    const limiter = new HostLimiter(4, 25, 10);
    const at: Record<string, number[]> = { a: [], b: [] };
    await Promise.all(
      ['a', 'a', 'a', 'a', 'b', 'b'].map(async (host) => {
        const release = await limiter.acquire(host);
        at[host].push(performance.now());
        release();
      }),
    );
    for (let i = 1; i < 4; i++) assert.ok(at.a[i] - at.a[i - 1] >= 20, `a: ${at.a}`);
    assert.ok(at.b[1] < at.a[3], `b does not wait behind a: ${at.a} ${at.b}`);
  });

  it('lets a cancelled waiter go without taking a slot', async () => {
    const limiter = new HostLimiter(1, 0, 10);
    const release = await limiter.acquire('a');
    const controller = new AbortController();
    const waiting = limiter.acquire('a', controller.signal);
    controller.abort();
    await assert.rejects(waiting);
    release();
    const again = await limiter.acquire('a');
    again();
  });
});
