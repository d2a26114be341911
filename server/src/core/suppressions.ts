import type { LineIndex } from './text';

/**
 * Inline comments that silence findings:
 *   <!-- talkdown-disable-next-line [codes] -->   the next line
 *   <!-- talkdown-disable-line [codes] -->        this line
 *   <!-- talkdown-disable [codes] -->  …  <!-- talkdown-enable [codes] -->   a stretch
 * and, inside YAML or TOML front matter, `# talkdown-disable-line [codes]` and
 * `# talkdown-disable-next-line [codes]`. A code may be a family (`spelling`); no code means all.
 */
export interface Suppressions {
  isSuppressed(code: string, line: number): boolean;
}

interface LineRule {
  line: number;
  codes: string[];
}

interface Stretch {
  from: number;
  to: number;
  codes: string[];
}

const HTML_DIRECTIVE = /<!--\s*talkdown-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;
const HASH_DIRECTIVE = /#\s*talkdown-(disable-next-line|disable-line)\b([^\n\r]*)/g;

/** Nothing suppressed: a document without directives. */
export const NO_SUPPRESSIONS: Suppressions = { isSuppressed: () => false };

export function findSuppressions(text: string, lines: LineIndex, frontMatterEnd: number): Suppressions {
  if (!text.includes('talkdown-')) return NO_SUPPRESSIONS;
  const single: LineRule[] = [];
  const stretches: Stretch[] = [];
  const open: { from: number; codes: string[] }[] = [];

  const add = (kind: string, codes: string[], offset: number): void => {
    const line = lines.positionAt(offset).line;
    if (kind === 'disable-line') single.push({ line, codes });
    else if (kind === 'disable-next-line') single.push({ line: line + 1, codes });
    else if (kind === 'disable') open.push({ from: line, codes });
    else {
      // `enable` closes the stretches it names (all, when it names none).
      for (let i = open.length - 1; i >= 0; i--) {
        if (codes.length === 0 || open[i].codes.some((c) => codes.includes(c))) {
          stretches.push({ from: open[i].from, to: line, codes: open[i].codes });
          open.splice(i, 1);
        }
      }
    }
  };

  for (const m of text.matchAll(HTML_DIRECTIVE)) add(m[1], parseCodes(m[2]), m.index ?? 0);
  if (frontMatterEnd > 0) {
    for (const m of text.slice(0, frontMatterEnd).matchAll(HASH_DIRECTIVE)) add(m[1], parseCodes(m[2]), m.index ?? 0);
  }
  for (const o of open) stretches.push({ from: o.from, to: Number.MAX_SAFE_INTEGER, codes: o.codes });

  return {
    isSuppressed(code, line) {
      return (
        single.some((s) => s.line === line && matches(s.codes, code)) ||
        stretches.some((s) => line >= s.from && line <= s.to && matches(s.codes, code))
      );
    },
  };
}

function parseCodes(raw: string): string[] {
  return raw
    .split(/[\s,]+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0 && c !== '--');
}

function matches(codes: string[], code: string): boolean {
  return codes.length === 0 || codes.some((c) => c === code || code.startsWith(c + '/'));
}
