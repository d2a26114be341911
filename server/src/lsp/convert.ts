import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../core';

export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: finding.severity as DiagnosticSeverity,
    code: finding.code,
    codeDescription: { href: finding.docUrl },
    source: 'talkdown',
    message: finding.message,
    data: finding.data === undefined ? undefined : { finding: finding.data },
  };
}
