import type { ArtifactKind } from '@skylab/validation';
import type { Finding } from '../api/types.ts';

/** The wait after the last keystroke before linting: long enough to skip mid-word states, short enough to feel live. */
export const LIVE_LINT_DELAY_MS = 300;

/**
 * The lint kind of each task kind whose answer the browser can check as the learner types; the same
 * mapping the lab engine's `lint` checks use, so live findings match what grading reports.
 */
const LIVE_LINT_KINDS: Readonly<Record<string, ArtifactKind>> = {
  'iam-policy': 'iam-identity-policy',
  'iam-trust-policy': 'iam-trust-policy',
  'security-groups': 'security-groups',
  'nacl-entries': 'nacl-entries',
  'alb-listener-rules': 'alb-rules',
  'launch-template': 'launch-template',
  'target-group': 'alb-target-group',
};

/** The artifact kind to lint a task's answer as, or `null` when the task kind has no live lint. */
export function liveLintKind(taskKind: string): ArtifactKind | null {
  return Object.hasOwn(LIVE_LINT_KINDS, taskKind) ? LIVE_LINT_KINDS[taskKind]! : null;
}

const SEVERITY_NOUNS: [Finding['severity'], string, string][] = [
  ['error', 'error', 'errors'],
  ['security-warning', 'security warning', 'security warnings'],
  ['warning', 'warning', 'warnings'],
  ['suggestion', 'suggestion', 'suggestions'],
];

/**
 * What a screen reader hears about the live findings. It leaves out positions on purpose: typing above a
 * finding moves its line, and that alone must not be announced.
 */
export function liveFindingsSummary(findings: Finding[]): string {
  if (findings.length === 0) return 'As you type: no problems found.';
  const counts = SEVERITY_NOUNS.flatMap(([severity, one, many]) => {
    const count = findings.filter((finding) => finding.severity === severity).length;
    return count === 0 ? [] : [`${count} ${count === 1 ? one : many}`];
  });
  return `As you type: ${counts.join(', ')}. ${findings.map((finding) => finding.message).join('. ')}`;
}
