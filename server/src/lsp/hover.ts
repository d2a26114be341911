import type { Connection, Hover } from 'vscode-languageserver';
import { frontMatterHover, talkHover, type DocumentModel, type Session } from '../core';
import { guarded } from './guard';
import type { SettingsCache } from './settings';

/** One hover for the whole document: front-matter keys, talk headings and video links. */
export function registerHover(
  connection: Connection,
  getModel: (uri: string) => DocumentModel | undefined,
  settings: SettingsCache,
  session: Session,
): void {
  connection.onHover((params) =>
    guarded(connection, 'hover', null as Hover | null, async () => {
      const uri = params.textDocument.uri;
      const model = getModel(uri);
      if (!model) return null;
      const offset = model.lines.offsetAt(params.position);
      const inFrontMatter = model.frontMatter && offset >= model.frontMatter.span.start && offset <= model.frontMatter.span.end;
      if (inFrontMatter) return frontMatterHover(model, offset, { session, settings: await settings.get(uri) }) as Hover | null;
      return talkHover(model, offset) as Hover | null;
    }),
  );
}
