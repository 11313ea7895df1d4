import type { Diagnostic } from '@codemirror/lint';
import type { Finding } from '../../api/types.ts';

const SEVERITY: Readonly<Record<Finding['severity'], Diagnostic['severity']>> = {
  error: 'error',
  'security-warning': 'warning',
  warning: 'warning',
  suggestion: 'info',
};

/** What a screen reader says before the message, so the severity is never carried by colour or icon alone. */
const SEVERITY_WORD: Readonly<Record<Finding['severity'], string>> = {
  error: 'Error',
  'security-warning': 'Security warning',
  warning: 'Warning',
  suggestion: 'Suggestion',
};

/**
 * The findings placed in the text as editor diagnostics, clamped to the text's length (a finding may describe
 * text the learner has since shortened). Findings without a range (about the whole answer) stay in the list
 * beside the editor; a finding reported twice (live and by the last submission) is underlined once.
 */
export function findingDiagnostics(findings: readonly Finding[], length: number): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    if (finding.range === undefined) continue;
    const from = Math.min(Math.max(0, finding.range.start.offset), length);
    const to = Math.min(Math.max(from, finding.range.end.offset), length);
    const key = `${from}:${to}:${finding.ruleId}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push({
      from,
      to,
      severity: SEVERITY[finding.severity],
      source: finding.ruleId,
      markClass: `cm-finding-${finding.severity}`,
      message: `${SEVERITY_WORD[finding.severity]}: ${finding.message}${finding.help === undefined ? '' : ` — ${finding.help}`}`,
    });
  }
  return diagnostics.sort((a, b) => a.from - b.from || a.to - b.to);
}
