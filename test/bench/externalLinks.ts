import { sessionFor } from '../support/session';
/**
 * External links: checking 200 URLs on 4 local hosts within the per-host limits (the limits,
 * not the machine, set the time), the same from the cache, and what the link/external-*
 * rules add to a keystroke's analysis of a 15 KB post.
 */
import { analyze, DEFAULT_SETTINGS, MemoryWorkspace, urlsToCheck, type DocumentModel, type ExternalResult } from '../../server/src/core';
import { ExternalLinkChecker, ResultCache } from '../../server/src/node/externalLinks';
import { startLinkServer, type LinkServer } from '../support/linkServer';
import { generatePost } from './generate';

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

export async function benchExternalLinks(): Promise<void> {
  const sites: LinkServer[] = [];
  for (let i = 0; i < 4; i++) sites.push(await startLinkServer());
  try {
    // 50 URLs per host, each answering after 20 ms.
    const urls = sites.flatMap((site) => Array.from({ length: 50 }, (_, i) => `${site.origin}/delay/20/page-${i}`));
    console.log('\nexternal links: 200 URLs on 4 hosts (127.0.0.1, 4 ports), each answering in 20 ms');
    for (const [label, options] of [
      ['defaults (2 per host, starts 100 ms apart)', {}],
      ['2 per host, no spacing', { perHostIntervalMs: 0 }],
      ['8 per host, no spacing', { perHostIntervalMs: 0, perHostConcurrency: 8 }],
    ] as const) {
      for (const site of sites) site.maxInFlight = 0;
      const checker = new ExternalLinkChecker({ ...options, cache: new ResultCache() });
      const { ms, value } = await timed(() => checker.checkAll(urls));
      const ok = [...value.values()].filter((r) => r.status === 'ok').length;
      const inFlight = Math.max(...sites.map((s) => s.maxInFlight));
      console.log(`  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms, ${ok}/200 ok, ${checker.requests} requests, most in flight to one host: ${inFlight}`);
      if (label.startsWith('defaults')) {
        const again = await timed(() => checker.checkAll(urls));
        console.log(`  ${'the same again, from the cache'.padEnd(44)} ${again.ms.toFixed(2).padStart(6)} ms, ${checker.requests - 200} new requests`);
      }
    }
  } finally {
    for (const site of sites) await site.close();
  }

  // The rules read known results on every analysis: what does that cost a keystroke?
  const text = generatePost(15_000);
  const workspace = new MemoryWorkspace();
  const base = analyze(sessionFor(workspace), { uri: 'file:///bench.md', version: 1, getText: () => text }, { settings: DEFAULT_SETTINGS }).model;
  const results = new Map<string, ExternalResult>(urlsToCheck(base).map((url, i) => [url, i % 5 === 0 ? { status: 'broken', code: 404 } : { status: 'ok', code: 200 }]));
  const lookup = (url: string) => results.get(url);
  const mid = text.indexOf('\n', Math.floor(text.length / 2));
  // Both runs alternate, edit by edit, so that the machine's noise hits them alike.
  const previous: Record<'with' | 'without', DocumentModel> = { with: base, without: base };
  const times: Record<'with' | 'without', number[]> = { with: [], without: [] };
  for (let version = 2; version < 400; version++) {
    const edited = text.slice(0, mid) + (version % 2 ? 'x' : 'y') + text.slice(mid);
    for (const mode of ['without', 'with'] as const) {
      const t = performance.now();
      previous[mode] = analyze(sessionFor(workspace), { uri: 'file:///bench.md', version, getText: () => edited }, { settings: DEFAULT_SETTINGS, ...{
        previous: previous[mode],
        externalLinks: mode === 'with' ? lookup : undefined,
      } }).model;
      if (version > 20) times[mode].push(performance.now() - t);
    }
  }
  const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const without = median(times.without);
  const withResults = median(times.with);
  console.log(
    `  keystroke in a generated 15 KB post (${results.size} external URLs): median ${without.toFixed(2)} ms without results, ${withResults.toFixed(2)} ms with them (+${(withResults - without).toFixed(2)} ms)`,
  );
}
