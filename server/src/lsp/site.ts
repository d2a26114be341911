import type { Connection } from 'vscode-languageserver';
import type { Workspace } from '../core';
import { GENERATOR_LABEL, isPost, siteOf } from '../core/site/generator';
import { SITE_REQUEST, type SiteInfo, type SiteParams } from '../protocol';
import { guarded } from './guard';
import type { SettingsCache } from './settings';

/** Answers `talkdown/site`, which the client shows in its language status item. */
export function registerSiteRequest(connection: Connection, settings: SettingsCache, workspace: () => Workspace): void {
  connection.onRequest(SITE_REQUEST, (params: SiteParams) =>
    guarded(connection, 'site', null as SiteInfo | null, async () => {
      const resolved = await settings.get(params.uri);
      const site = siteOf(workspace(), params.uri, resolved);
      return {
        generator: site.generator,
        label: GENERATOR_LABEL[site.generator],
        root: site.root,
        reason: site.reason,
        isPost: isPost(site, params.uri, resolved),
      };
    }),
  );
}
