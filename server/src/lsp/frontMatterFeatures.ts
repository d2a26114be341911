import type { CompletionItem } from 'vscode-languageserver';
import { frontMatterCompletions, type Session } from '../core';
import type { ModelOf } from './openDocumentModels';
import type { Providers } from './providers';
import type { SettingsCache } from './settings';

/** Trigger characters for front-matter completions: after a key, in a list, in quotes. */
export const FRONT_MATTER_TRIGGERS = [':', '=', '[', ',', '"', "'", '-', ' '];

/**
 * Completions for front matter (its quick fixes are the rule family's, served by the generic
 * code-action handler). The handler fetches the current model, returns empty when there is
 * none, and delegates to the core; errors are logged, never thrown.
 */
export function registerFrontMatterFeatures(
  providers: Providers,
  getModel: ModelOf,
  settings: SettingsCache,
  session: Session,
): void {
  providers.completion('front-matter', async (params, token) => {
    const uri = params.textDocument.uri;
    const model = await getModel(uri, token);
    if (!model) return null;
    const offset = model.lines.offsetAt(params.position);
    const items = frontMatterCompletions(model, offset, { session, settings: await settings.get(uri) });
    return (
      items?.map(({ range, ...item }): CompletionItem =>
        // The core's kinds and formats are LSP's numbers, typed as plain numbers there.
        (range ? { ...item, textEdit: { range, newText: item.insertText } } : item) as CompletionItem,
      ) ?? null
    );
  });
}
