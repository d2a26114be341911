import type { DocumentModel } from '../model/document';
import type { Session } from '../session/session';
import { InputKey, SessionKey } from '../session/state';
import type { Settings } from '../settings';
import { rootOf, siteOf, type Site } from '../site/generator';
import { fillIndex, LinkIndex } from './linkIndex';
import { canonicalUri } from './uri';

/**
 * The link index an adapter keeps current itself (the language server fills it from the disk
 * and applies file events to it). Without one, the session fills its own on first use.
 */
export const LINK_INDEX = new InputKey<LinkIndex>('link/index');

/**
 * The session's own index (the CLI and tests): each site folder is walked the first time a
 * document of it is checked; any file event drops it. `empty` answers for documents outside
 * every workspace folder.
 */
const OWN_INDEX = new SessionKey<{ filled?: LinkIndex; empty?: LinkIndex }>('link/own-index', () => ({}), { files: true });

/** The session's link index, with `folder` walked when the session fills the index itself. */
export function linkIndexOf(session: Session, folder?: string): LinkIndex {
  const provided = session.input(LINK_INDEX);
  if (provided) return provided;
  const own = session.state(OWN_INDEX);
  const index = (own.filled ??= new LinkIndex(session.workspace));
  if (folder && !index.covers(folder + '/')) fillIndex(index, session.workspace, folder);
  return index;
}

/** An index that knows no file, for documents outside every workspace folder; never filled. */
function emptyIndex(session: Session): LinkIndex {
  const own = session.state(OWN_INDEX);
  return (own.empty ??= new LinkIndex({ roots: [], readText: () => undefined, exists: () => false }));
}

/** What link checks and link navigation read: the document, its site and the site's files. */
export interface LinkContext {
  model: DocumentModel;
  site: Site;
  index: LinkIndex;
  session: Session;
  /** `links.knownAddresses`: address prefixes the site serves though Talkdown cannot see them. */
  knownAddresses?: readonly string[];
}

export function linkContext(model: DocumentModel, settings: Settings, session: Session): LinkContext {
  const workspace = session.workspace;
  // Files are indexed only for documents inside a workspace folder; others need none.
  const workspaceRoot = rootOf(workspace, model.uri);
  const found = siteOf(session, model.uri, settings);
  // Site roots in the index's URI form, so that prefixes and messages agree with its URIs.
  const site = found.root ? { ...found, root: canonicalUri(found.root) } : found;
  const index = workspaceRoot ? linkIndexOf(session, site.root ?? workspaceRoot) : emptyIndex(session);
  return { model, site, index, session, knownAddresses: settings.links?.knownAddresses };
}
