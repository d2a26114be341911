import { MemoKey } from '../../session/state';
import type { DocumentModel } from '../document';
import { extractTalks } from './extract';

const SPEAKER_NAMES = new MemoKey<ReadonlySet<string>>('talks: speaker names');

/**
 * The speaker and affiliation names the talk model recognised in a document, for checks that
 * should take them as written (spelling). For every talk of `extractTalks(model)` (heading, bold
 * and list talks alike; a lone name under a heading counts only where the talk model accepted the
 * heading as a talk) and for each of its speakers' `name` and `affiliation`, the set holds:
 *
 * - the whole name, lower-cased, its whitespace collapsed to single spaces: `ada lovelace`, `example corp`;
 * - each of its words, lower-cased: each run of letters, marks and apostrophes (`[\p{L}\p{M}'’]+`,
 *   apostrophes kept as written): `ada`, `lovelace`, `example`, `corp`.
 *
 * Computed once per model version (kept in `model.memo`); the set must not be changed.
 */
export function speakerNamesOf(model: DocumentModel): ReadonlySet<string> {
  return model.memo.get(SPEAKER_NAMES, [], () => {
    const names = new Set<string>();
    // Speakers and companies recur from talk to talk: each text is read once.
    const read = new Set<string>();
    const add = (text: string | undefined): void => {
      if (!text || read.has(text)) return;
      read.add(text);
      const whole = text.replace(/\s+/g, ' ').trim().toLowerCase();
      if (whole) names.add(whole);
      for (const m of whole.matchAll(/[\p{L}\p{M}'’]+/gu)) names.add(m[0]);
    };
    for (const talk of extractTalks(model).talks) {
      for (const speaker of talk.speakers) {
        add(speaker.name);
        add(speaker.affiliation);
      }
    }
    return names;
  });
}
