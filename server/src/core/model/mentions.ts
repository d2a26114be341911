import { MemoKey } from '../session/state';
import type { DocumentModel } from './document';

/** Per parse: which strings its text holds, as asked so far. */
const NEEDLES = new MemoKey<Map<string, boolean>>('model: mentions');

/**
 * Whether the document's text holds `needle`, a string with no line break (so that it lies in
 * one line, and one section). Each section's answer is kept with its parse: a keystroke reads
 * the edited section's text, not the post's.
 */
export function mentions(model: DocumentModel, needle: string): boolean {
  const sections = model.sections;
  // Lines the model read as blank (too long, too deep) and sections it did not parse are not in
  // the sections' texts: the text itself is read.
  if (sections.length === 0 || model.longLines.length > 0 || model.deepLines.length > 0 || model.skippedBlocks.length > 0 || model.cut) return model.text.includes(needle);
  // The first section holds the front matter, whose long lines the model does not list.
  if (model.text.slice(0, sections[0].span.end).includes(needle)) return true;
  for (let i = 1; i < sections.length; i++) {
    const parsed = sections[i].parsed;
    if (parsed.unparsed) return model.text.includes(needle);
    const known = parsed.memo.get(NEEDLES, [], () => new Map<string, boolean>());
    let found = known.get(needle);
    if (found === undefined) known.set(needle, (found = parsed.text.includes(needle)));
    if (found) return true;
  }
  return false;
}
