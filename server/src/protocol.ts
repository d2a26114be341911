/**
 * Talkdown's own LSP messages, shared by the server and the VS Code client (and usable by
 * other editors' clients). Types only, plus the method names.
 */
import type { InsertStyle, SiteGeneratorName } from './core';

/** `talkdown/site`: what Talkdown knows of the site a document belongs to. */
export const SITE_REQUEST = 'talkdown/site';

export interface SiteParams {
  uri: string;
}

export interface SiteInfo {
  generator: SiteGeneratorName;
  /** The generator's display name. */
  label: string;
  /** The site's root folder, as a URI; absent for a file outside any workspace folder. */
  root?: string;
  /** Why this generator: "found _config.yml", "set by talkdown.site.generator"… */
  reason: string;
  /** Whether the generator treats the document as a post. */
  isPost: boolean;
  /** The folder (a URI) where the generator expects new posts; absent without a site folder. */
  postsDir?: string;
  /** How the document writes its talks, for Insert Talk: link-heading, prefixed, speakers-in-parentheses or speaker-suffix. */
  talkStyle: InsertStyle;
  /** The heading depth of its talks (3 when it has none). */
  talkDepth: number;
}

/**
 * `talkdown/checkExternalLinks`: checks a document's external links now (asking again even
 * for cached ones) and refreshes its diagnostics. Accepts a `workDoneToken` for progress
 * (`$/progress` reports "checked/total"), and `$/cancelRequest` stops the requests in flight.
 */
export const CHECK_EXTERNAL_LINKS_REQUEST = 'talkdown/checkExternalLinks';

export interface CheckExternalLinksParams {
  uri: string;
  workDoneToken?: string | number;
}

export interface CheckExternalLinksResult {
  /** Distinct URLs checked. */
  total: number;
  ok: number;
  /** Moved permanently. */
  moved: number;
  broken: number;
  unreachable: number;
  /** No verdict: the site refuses robots (401/403/429) or gave an odd answer. */
  unknown: number;
  /** Why nothing was checked, when nothing was. */
  refused?: 'untrusted' | 'no-document';
}

/**
 * `talkdown/workspaceTrust` (client to server): the workspace became trusted. Until the
 * client says so, here or with `initializationOptions.workspaceTrusted`, no external link is
 * checked.
 */
export const WORKSPACE_TRUST_NOTIFICATION = 'talkdown/workspaceTrust';

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** What the client may pass as `initializationOptions`. */
export interface TalkdownInitializationOptions {
  /** Whether the workspace is trusted (VS Code: `workspace.isTrusted`). Absent means no. */
  workspaceTrusted?: boolean;
  /** A folder the server may keep caches in (VS Code: the extension's global storage). */
  storagePath?: string;
}
