import { pathToFileURL } from 'node:url';
import { ALL_CODES, docUrl, Severity, SEVERITY_NAME, type Finding } from '../core';

export interface FileResult {
  /** The path as shown: relative to the working directory when inside it. */
  file: string;
  findings: Finding[];
}

export function toText({ file, findings }: FileResult): string[] {
  return findings.map((f) => `${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${SEVERITY_NAME[f.severity]} ${f.code} ${f.message}`);
}

/** The documented JSON format: 0-based LSP positions. */
export function toJson(results: FileResult[]): string {
  return JSON.stringify(
    results.map(({ file, findings }) => ({
      file,
      diagnostics: findings.map((f) => ({ range: f.range, severity: f.severity, code: f.code, source: 'talkdown', message: f.message })),
    })),
    null,
    2,
  );
}

const GITHUB_LEVEL: Record<Severity, string> = { [Severity.Error]: 'error', [Severity.Warning]: 'warning', [Severity.Information]: 'notice', [Severity.Hint]: 'notice' };

/** GitHub Actions workflow commands: one annotation per finding, on its file and range. */
export function toGithub({ file, findings }: FileResult): string[] {
  return findings.map((f) => {
    const props = [`file=${escapeProperty(file)}`, `line=${f.range.start.line + 1}`, `col=${f.range.start.character + 1}`, `endLine=${f.range.end.line + 1}`, `endColumn=${f.range.end.character + 1}`, `title=${escapeProperty(f.code)}`];
    return `::${GITHUB_LEVEL[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
  });
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { [Severity.Error]: 'error', [Severity.Warning]: 'warning', [Severity.Information]: 'note', [Severity.Hint]: 'note' };

/**
 * SARIF 2.1.0 for code scanning: every rule with its help page (the rule pages installed with
 * Talkdown), and each finding with a
 * 1-based region (columns in UTF-16 code units, SARIF's default) relative to the root.
 */
export function toSarif(results: FileResult[], options: { version: string; root: string; docsBaseUri: string; relativeTo: (file: string) => string }): string {
  const rules = ALL_CODES.map((rule) => ({
    id: rule.code,
    shortDescription: { text: rule.summary },
    helpUri: docUrl(rule.code, options.docsBaseUri),
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
  }));
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarifResults = results.flatMap(({ file, findings }) =>
    findings.map((f) => ({
      ruleId: f.code,
      ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(options.relativeTo(file)), uriBaseId: 'ROOT' },
            region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Talkdown', version: options.version, semanticVersion: options.version, rules } },
        originalUriBaseIds: { ROOT: { uri: pathToFileURL(options.root.endsWith('/') ? options.root : options.root + '/').href } },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
