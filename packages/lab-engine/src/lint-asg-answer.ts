import { lint, parseText, type ArtifactKind, type Finding } from '@skylab/validation';

// Skylab's lint rules know each Auto Scaling and CloudWatch artifact on its own (a group, a policy, a
// scheduled action, an alarm); an `auto-scaling-group` answer holds all of them, so each part is linted with
// its own kind and its findings are placed under the part's path (`MetricAlarms/0/Period`).

const PARTS: [key: string, kind: ArtifactKind][] = [
  ['ScalingPolicies', 'scaling-policy'],
  ['ScheduledUpdateGroupActions', 'scheduled-action'],
  ['MetricAlarms', 'cloudwatch-alarm'],
];

/** The lint findings of every part of an `auto-scaling-group` answer, whose group the task names. */
export function lintAsgAnswer(text: string, groupName: string): Finding[] {
  const doc = parseText(text);
  const value = doc.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return doc.findings;
  const answer = value as Record<string, unknown>;
  const partFindings = (item: unknown, kind: ArtifactKind, path: (string | number)[]) =>
    lint(kind, JSON.stringify(item)).findings.map(({ range: _range, ...f }) => ({ ...f, path: [...path, ...f.path] }));
  const group = answer.AutoScalingGroup;
  const findings = group === null || typeof group !== 'object' ? [] : partFindings({ AutoScalingGroupName: groupName, ...group }, 'auto-scaling-group', ['AutoScalingGroup']);
  for (const [key, kind] of PARTS) {
    const list = answer[key];
    if (Array.isArray(list)) list.forEach((item, i) => findings.push(...partFindings(item, kind, [key, i])));
  }
  return findings;
}
