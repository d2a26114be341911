import type { DocumentModel } from '../../model/document';
import type { FrontMatter } from '../../model/frontMatter';
import type { Session } from '../../session/session';
import type { Site } from '../../site/generator';
import type { Span } from '../../text';
import { valueSpanAt, type Path } from '../../frontMatter/locate';
import { siteTerms, taxonomyPaths, termsOf, type Taxonomy } from '../../frontMatter/siteTerms';
import { editDistance, valueAt } from './describe';
import type { FrontMatterIssue } from './issue';

/** Tags and categories that look like misspellings of the ones the site's other posts use. */
export function similarTerms(
  model: DocumentModel,
  site: Site,
  session: Session,
  fm: FrontMatter,
  data: Record<string, unknown>,
  taxonomy: Taxonomy,
  push: (issue: FrontMatterIssue) => void,
): void {
  const paths = taxonomyPaths(site, taxonomy).filter((p) => termsOf(data, p).length > 0);
  if (paths.length === 0) return;
  const counts = siteTerms(session, site).counts(taxonomy, model.uri);
  if (counts.length === 0) return;
  const used = new Map(counts);
  for (const path of paths) {
    const value = valueAt(data, path);
    termsOf(data, path).forEach((term, i) => {
      if (used.has(term)) return;
      const match = similarTerm(term, counts);
      if (!match) return;
      push({
        code: 'front-matter/similar-tag',
        span: Array.isArray(value) ? valueSpanAt(fm, [...path, value.indexOf(term)]) : termSpan(fm, path, term, i),
        message: `No other post uses the ${taxonomy === 'tags' ? 'tag' : 'category'} "${term}"; ${match[1]} use "${match[0]}". Is it a misspelling?`,
        data: { path, name: term, suggestion: match[0] },
      });
    });
  }
}

/** A term used across the site that `term` is probably a misspelling of. */
function similarTerm(term: string, counts: [string, number][]): [string, number] | undefined {
  const lower = term.toLowerCase();
  if (lower.length < 3) return undefined;
  const limit = lower.length <= 4 ? 1 : 2;
  let best: [string, number] | undefined;
  let bestDistance = Infinity;
  for (const [candidate, count] of counts) {
    // One other post is not yet a convention.
    if (count < 2 || Math.abs(candidate.length - lower.length) > limit) continue;
    const d = editDistance(lower, candidate.toLowerCase(), limit);
    if (d <= limit && d < bestDistance) {
      best = [candidate, count];
      bestDistance = d;
    }
  }
  return best;
}

/** A term inside a space-separated string (`tags: go rust`). */
function termSpan(fm: FrontMatter, path: Path, term: string, index: number): Span {
  const span = valueSpanAt(fm, path);
  const text = fm.raw.slice(span.start - fm.contentSpan.start, span.end - fm.contentSpan.start);
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(text))) {
    const quote = /^["']/.test(m[0]) ? 1 : 0;
    const word = m[0].replace(/^["']|["']$/g, '');
    if (word === term && i === index) return { start: span.start + m.index + quote, end: span.start + m.index + quote + word.length };
    i++;
  }
  return span;
}

