import { Severity } from '../../findings';
import type { UnreachableReason } from '../../external/types';
import { externalLinks } from '../../external/urls';
import type { Span } from '../../text';
import type { Check, CodeReport, RuleContext } from '../family';

/** What a `link/external-redirect` finding carries for its quick fix. */
export interface RedirectData {
  url: string;
  location: string;
}

function* externalReports(context: RuleContext): Iterable<CodeReport> {
  // The adapter gives results only where external checking is on (and the workspace trusted).
  const lookup = context.externalLinks;
  if (!lookup) return;
  for (const link of externalLinks(context.model, context.session)) {
    const result = lookup(link.key);
    if (!result || result.status === 'ok') continue;
    if (result.status === 'redirect') {
      if (!link.exact) continue;
      const data: RedirectData = { url: link.url, location: result.location };
      yield { code: 'link/external-redirect', span: link.span, message: `Moved permanently (${result.code}): ${short(link.url)} now lives at ${short(result.location)}. Link the new address.`, data };
    } else if (result.status === 'broken') {
      const via = result.finalUrl && result.finalUrl !== link.url ? ` (after redirects, at ${result.finalUrl})` : '';
      yield { code: 'link/external-broken', span: link.span, message: `Broken link: ${short(link.url)} answers ${result.code}${describeStatus(result.code)}${via}. Find where the page moved, or link an archived copy.` };
    } else if (result.status === 'unreachable') {
      const detail = result.detail ? ` (${result.detail})` : '';
      yield { code: 'link/external-unreachable', span: link.span, message: `Unreachable link: ${short(link.url)} ${REASONS[result.reason]}${detail}. Check the address; if the site is only down for now, check again later.` };
    }
  }
}

const REASONS: Record<UnreachableReason, string> = {
  timeout: 'did not answer in time',
  refused: 'refused the connection',
  dns: 'has a host name that does not resolve',
  tls: 'failed the secure (TLS) handshake',
  reset: 'dropped the connection',
  'server-error': 'answered with a server error',
  'redirect-loop': 'redirects in a loop',
  'too-many-redirects': 'redirects too many times',
  'non-http-redirect': 'redirects to an address that is not http or https, which is not followed',
  error: 'could not be checked',
};

/** What the adapter learnt of the post's external links; it checks them only when asked to. */
export const externalCheck: Check = {
  codes: {
    'link/external-broken': { defaultSeverity: Severity.Warning, summary: 'An external link whose server answers that the page does not exist (404, 410…).' },
    'link/external-redirect': { defaultSeverity: Severity.Information, summary: 'An external link that has moved for good (301/308): link the new address.' },
    'link/external-unreachable': { defaultSeverity: Severity.Warning, summary: 'An external link that gives no usable answer: timeout, refused connection, unknown host, redirect loop.' },
  },
  check: externalReports,
  fixes({ model }, finding) {
    if (finding.code !== 'link/external-redirect') return [];
    const edit = redirectFix(model.text, finding.span, finding.data);
    if (!edit) return [];
    return [{ title: `Link the new address: ${edit.newText}`, code: finding.code, findingSpan: finding.span, isPreferred: true, edits: [edit] }];
  },
};

/** An edit that replaces a moved URL by its new address, when the text still holds it there. */
export function redirectFix(text: string, span: Span, data: unknown): { span: Span; newText: string } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { url, location } = data as Partial<RedirectData>;
  if (typeof url !== 'string' || typeof location !== 'string' || text.slice(span.start, span.end) !== url) return undefined;
  // Keep the fragment the link had, unless the new address sets its own.
  const hash = url.indexOf('#');
  const newText = hash !== -1 && !location.includes('#') ? location + url.slice(hash) : location;
  return { span, newText };
}

function describeStatus(code: number): string {
  return code === 404 ? ' (not found)' : code === 410 ? ' (gone)' : '';
}

function short(url: string): string {
  return url.length > 100 ? url.slice(0, 99) + '…' : url;
}
