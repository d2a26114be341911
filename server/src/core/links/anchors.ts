import type { DocumentModel } from '../model/document';
import { MemoKey } from '../session/state';
import type { SiteGeneratorName } from '../site/generator';
import type { Span } from '../text';
import { customId, sluggerFor } from './slug';

export interface DocumentAnchor {
  id: string;
  /** The heading's text, or the id for HTML anchors. */
  label: string;
  span: Span;
}

/** Per generator: a document is normally read by one, but its site may change. */
const ANCHORS = new MemoKey<Map<SiteGeneratorName, DocumentAnchor[]>>('link/anchors');

/** The anchors of an open document: its headings' ids by the generator's rules, and HTML ids. */
export function documentAnchors(model: DocumentModel, generator: SiteGeneratorName): DocumentAnchor[] {
  const perGenerator = model.memo.get(ANCHORS, [], () => new Map());
  const known = perGenerator.get(generator);
  if (known) return known;
  const slugger = sluggerFor(generator);
  const anchors: DocumentAnchor[] = [];
  for (const h of model.headings) {
    const { text, id } = customId(h.text);
    anchors.push({ id: id ?? slugger.slug(text.trim()), label: text.trim(), span: h.span });
  }
  const body = model.frontMatter ? model.frontMatter.span.end : 0;
  if (/\b(?:id|name)\s*=/.test(model.text)) {
    const re = /<[a-z][^>\n]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
    re.lastIndex = body;
    for (let m = re.exec(model.text); m && anchors.length < 10_000; m = re.exec(model.text)) {
      const id = m[1] ?? m[2];
      anchors.push({ id, label: id, span: { start: m.index, end: m.index + m[0].length } });
    }
  }
  perGenerator.set(generator, anchors);
  return anchors;
}
