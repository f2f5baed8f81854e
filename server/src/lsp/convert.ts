import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../core/types';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** Core finding → LSP diagnostic (code, link to the rule's documentation from `ruleHref`, related places, fix data). */
export function toLspDiagnostic(
  d: Diagnostic,
  uriOf: (path: string) => string,
  ruleHref: ((code: string) => string) | undefined,
): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    ...(ruleHref ? { codeDescription: { href: ruleHref(d.code) } } : {}),
    source: 'aims',
    message: d.message,
  };
  if (d.related) out.relatedInformation = d.related.map((r) => ({ location: { uri: uriOf(r.file), range: r.range }, message: r.message }));
  if (d.data) out.data = d.data;
  if (d.tags) out.tags = d.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return out;
}
