/**
 * What a check of one external URL found. The core never fetches anything: adapters (the
 * language server, the CLI) check URLs and hand the results to the analysis as a lookup.
 */
export type ExternalResult =
  /** The URL answers 2xx, directly or through temporary redirects. */
  | { status: 'ok'; code: number }
  /** It moved for good (301/308) and `location` answers 2xx: the link should say so. */
  | { status: 'redirect'; code: number; location: string }
  /** The server says the page is not there (404, 410, other 4xx). */
  | { status: 'broken'; code: number; finalUrl?: string }
  /** No usable answer: a timeout, a refused connection, an unknown host, a redirect loop… */
  | { status: 'unreachable'; reason: UnreachableReason; detail?: string }
  /**
   * An answer that says nothing of the page: 401/403/429 (many sites refuse robots), or a
   * check that was cancelled. Never reported.
   */
  | { status: 'unknown'; code?: number };

export type UnreachableReason =
  | 'timeout'
  | 'refused'
  | 'dns'
  | 'tls'
  | 'reset'
  | 'server-error'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'non-http-redirect'
  | 'error';

/** Known results by URL (without its fragment); undefined when the URL was not checked yet. */
export type ExternalLinkLookup = (url: string) => ExternalResult | undefined;
