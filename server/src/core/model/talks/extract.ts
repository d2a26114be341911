import { MemoKey } from '../../session/state';
import type { DocumentModel } from '../document';
import { newExtraction } from './context';
import { decide, readHeadings } from './evidence';
import { buildTree } from './tree';
import type { TalkOutline } from './types';

const OUTLINE = new MemoKey<TalkOutline>('talks: outline');

/** The talks of a document; computed once per model, so every feature shares it. */
export function extractTalks(model: DocumentModel): TalkOutline {
  return model.memo.get(OUTLINE, [], () => readOutline(model));
}

function readOutline(model: DocumentModel): TalkOutline {
  const x = newExtraction(model);
  const headings = readHeadings(x);
  decide(headings);
  x.hasHeadingTalks = headings.some((h) => h.evidence !== 'none');
  buildTree(x, headings);
  // Bold and list talks are found after the headings around them.
  x.talks.sort((a, b) => a.span.start - b.span.start);
  return { root: x.root, talks: x.talks, sections: x.sections };
}
