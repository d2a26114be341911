import type { Connection, Hover } from 'vscode-languageserver';
import { frontMatterHover, talkHover, type Session } from '../core';
import { guarded } from './guard';
import type { ModelOf } from './openDocumentModels';
import type { SettingsCache } from './settings';

/** One hover for the whole document: front-matter keys, talk headings and video links. */
export function registerHover(
  connection: Connection,
  getModel: ModelOf,
  settings: SettingsCache,
  session: Session,
): void {
  connection.onHover((params, token) =>
    guarded(connection, 'hover', null as Hover | null, async () => {
      const uri = params.textDocument.uri;
      const model = await getModel(uri, token);
      if (!model) return null;
      const offset = model.lines.offsetAt(params.position);
      const inFrontMatter = model.frontMatter && offset >= model.frontMatter.span.start && offset <= model.frontMatter.span.end;
      if (inFrontMatter) return frontMatterHover(model, offset, { session, settings: await settings.get(uri) }) as Hover | null;
      return talkHover(model, offset) as Hover | null;
    }),
  );
}
