/**
 * Talkdown's own LSP messages, shared by the server and the VS Code client (and usable by
 * other editors' clients). Types only, plus the method names.
 */

/** `talkdown/site`: what Talkdown knows of the site a document belongs to. */
export const SITE_REQUEST = 'talkdown/site';

export interface SiteParams {
  uri: string;
}

export interface SiteInfo {
  /** jekyll, hugo, zola, eleventy, astro, hexo or generic. */
  generator: string;
  /** The generator's display name. */
  label: string;
  /** The site's root folder, as a URI; absent for a file outside any workspace folder. */
  root?: string;
  /** Why this generator: "found _config.yml", "set by talkdown.site.generator"… */
  reason: string;
  /** Whether the generator treats the document as a post. */
  isPost: boolean;
}
