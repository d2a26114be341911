/**
 * Talkdown's own LSP messages, shared by the server and the VS Code client (and usable by
 * other editors' clients). Types only, plus the method names.
 */
import type { InsertStyle } from './core/features/newPost';
import type { SiteGeneratorName } from './core/site/generator';

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
