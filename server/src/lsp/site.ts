import type { Connection } from 'vscode-languageserver';
import { extractTalks, GENERATOR_LABEL, insertStyleFor, isPost, NEW_POST_DIR, siteOf, type DocumentModel, type InsertStyle, type Session } from '../core';
import { SITE_REQUEST, type SiteInfo, type SiteParams } from '../protocol';
import { guarded } from './guard';
import type { ModelOf } from './openDocumentModels';
import type { SettingsCache } from './settings';

/** Answers `talkdown/site`: the status item shows it, and the commands write posts and talks by it. */
export function registerSiteRequest(
  connection: Connection,
  getModel: ModelOf,
  settings: SettingsCache,
  session: Session,
): void {
  connection.onRequest(SITE_REQUEST, (params: SiteParams, token) =>
    guarded(connection, 'site', null as SiteInfo | null, async () => {
      if (typeof params?.uri !== 'string') return null;
      const resolved = await settings.get(params.uri);
      const site = siteOf(session, params.uri, resolved);
      return {
        generator: site.generator,
        label: GENERATOR_LABEL[site.generator],
        root: site.root,
        reason: site.reason,
        isPost: isPost(site, params.uri, resolved),
        ...(site.root ? { postsDir: `${site.root}/${NEW_POST_DIR[site.generator]}` } : {}),
        ...talkStyleOf(await getModel(params.uri, token)),
      };
    }),
  );
}

/** The post's prevailing talk style, and the depth its talk headings of that style use most. */
export function talkStyleOf(model: DocumentModel | undefined): { talkStyle: InsertStyle; talkDepth: number } {
  const talks = model ? extractTalks(model).talks : [];
  const talkStyle = insertStyleFor(talks.map((t) => t.style));
  const depths = new Map<number, number>();
  for (const talk of talks) {
    if (talk.style === talkStyle && talk.depth > 0) depths.set(talk.depth, (depths.get(talk.depth) ?? 0) + 1);
  }
  let talkDepth = 3;
  let most = 0;
  for (const [depth, count] of depths) if (count > most) [talkDepth, most] = [depth, count];
  return { talkStyle, talkDepth };
}
