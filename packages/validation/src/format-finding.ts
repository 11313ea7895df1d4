import type { Finding } from './finding.ts';

/** `file:line:column severity ruleId message`: the one-line shape editors, terminals and CI annotate from. */
export function formatFinding(finding: Finding, fallbackFile = '<input>'): string {
  const start = finding.range?.start;
  return `${finding.file ?? fallbackFile}:${start?.line ?? 1}:${start?.column ?? 1} ${finding.severity} ${finding.ruleId} ${finding.message}`;
}
