import { Severity, type Report } from '../findings';
import type { Rule, RuleContext } from '../rules/rule';
import type { Span } from '../text';
import type { ExternalResult, UnreachableReason } from './types';
import { externalLinks } from './urls';

/** Reported at most this many times per code and document. */
const MAX_REPORTS = 200;

/** What a `link/external-redirect` finding carries for its quick fix. */
export interface RedirectData {
  url: string;
  location: string;
}

function* reports(context: RuleContext, status: ExternalResult['status'], message: (url: string, result: ExternalResult) => string, data?: (url: string, result: ExternalResult) => unknown): Iterable<Report> {
  // The adapter gives results only where external checking is on (and the workspace trusted).
  const lookup = context.externalLinks;
  if (!lookup) return;
  let count = 0;
  for (const link of externalLinks(context.model)) {
    const result = lookup(link.key);
    if (result?.status !== status) continue;
    if (status === 'redirect' && !link.exact) continue;
    if (++count > MAX_REPORTS) return;
    yield { span: link.span, message: message(link.url, result), data: data?.(link.url, result) };
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

export const externalLinkRules: Rule[] = [
  {
    code: 'link/external-broken',
    defaultSeverity: Severity.Warning,
    summary: 'An external link whose server answers that the page does not exist (404, 410…).',
    check: (context) =>
      reports(context, 'broken', (url, r) => {
        const result = r as Extract<ExternalResult, { status: 'broken' }>;
        const via = result.finalUrl && result.finalUrl !== url ? ` (after redirects, at ${result.finalUrl})` : '';
        return `Broken link: ${short(url)} answers ${result.code}${describeStatus(result.code)}${via}. Find where the page moved, or link an archived copy.`;
      }),
  },
  {
    code: 'link/external-redirect',
    defaultSeverity: Severity.Information,
    summary: 'An external link that has moved for good (301/308): link the new address.',
    check: (context) =>
      reports(
        context,
        'redirect',
        (url, r) => {
          const result = r as Extract<ExternalResult, { status: 'redirect' }>;
          return `Moved permanently (${result.code}): ${short(url)} now lives at ${short(result.location)}. Link the new address.`;
        },
        (url, r): RedirectData => ({ url, location: (r as Extract<ExternalResult, { status: 'redirect' }>).location }),
      ),
  },
  {
    code: 'link/external-unreachable',
    defaultSeverity: Severity.Warning,
    summary: 'An external link that gives no usable answer: timeout, refused connection, unknown host, redirect loop.',
    check: (context) =>
      reports(context, 'unreachable', (url, r) => {
        const result = r as Extract<ExternalResult, { status: 'unreachable' }>;
        const detail = result.detail ? ` (${result.detail})` : '';
        return `Unreachable link: ${short(url)} ${REASONS[result.reason]}${detail}. Check the address; if the site is only down for now, check again later.`;
      }),
  },
];

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
