import type { Severity } from '../../findings';
import type { SchemaNode } from '../../frontMatter/schema';
import type { Site } from '../../site/generator';
import type { Span } from '../../text';

export type FrontMatterCode =
  | 'front-matter/missing'
  | 'front-matter/missing-field'
  | 'front-matter/unknown-key'
  | 'front-matter/wrong-type'
  | 'front-matter/invalid-date'
  | 'front-matter/empty-title'
  | 'front-matter/filename-date-mismatch'
  | 'front-matter/similar-tag'
  | 'front-matter/placeholder'
  | 'front-matter/invalid-schema';

/** What quick fixes read back from a finding. */
export interface IssueData {
  path?: (string | number)[];
  /** A missing field, an unknown key, a tag. */
  name?: string;
  suggestion?: string;
  expected?: string[];
  fileDate?: string;
  setting?: string;
}

export interface FrontMatterIssue {
  code: FrontMatterCode;
  span: Span;
  message: string;
  severity?: Severity;
  data: IssueData;
}

/** What one run of the front-matter analysis found; the family's checks and fixes read it. */
export interface FrontMatterCheck {
  site: Site;
  schema: SchemaNode;
  isPost: boolean;
  /** The values as the schema sees them: dates as the text they were written as. Undefined without checkable front matter. */
  data?: Record<string, unknown>;
  issues: FrontMatterIssue[];
}

