import { formatFinding, lint, type ArtifactKind, type Lab } from '@skylab/validation';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { lintAsgAnswer } from './lint-asg-answer.ts';
import { renderDeep } from './template.ts';

/** The lint artifact kind of each task kind's answer. */
export const TASK_LINT_KINDS: Record<Exclude<Lab['tasks'][number]['kind'], 'quiz' | 'ebs-settings' | 'ecr-repository' | 's3-bucket' | 'route-table' | 'cloudwatch-alarm'>, ArtifactKind> = {
  'iam-policy': 'iam-identity-policy',
  'security-groups': 'security-groups',
  'nacl-entries': 'nacl-entries',
  'iam-trust-policy': 'iam-trust-policy',
  'alb-listener-rules': 'alb-rules',
  'auto-scaling-group': 'auto-scaling-group',
  'launch-template': 'launch-template',
  'target-group': 'alb-target-group',
};

/** A `lint` check: the task's answer has no finding of the given severities (and rule ids) from Skylab's lint rules. */
export function runLintCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = input.check.lint;
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `lint` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  const text = input.answers[spec.task];
  if (!task || text === undefined) return errored(input, LAB_PROBLEM, `there is no answer for task \`${spec.task}\` to lint`);
  if (task.kind === 'quiz' || task.kind === 'ebs-settings' || task.kind === 'ecr-repository' || task.kind === 's3-bucket' || task.kind === 'cloudwatch-alarm') return errored(input, LAB_PROBLEM, `task \`${spec.task}\` is a \`${task.kind}\` task: no lint rules read it`);
  // The lint rules read one table with ids; a route table answer names tables, gateways and subnets.
  if (task.kind === 'route-table') return errored(input, LAB_PROBLEM, `task \`${spec.task}\` is a route-table task: its answers are not linted, use \`equivalent-reachability\``);
  const all = task.kind === 'auto-scaling-group' ? lintAsgAnswer(text, renderDeep(task.AutoScalingGroupName, input.params)) : lint(TASK_LINT_KINDS[task.kind], text).findings;
  const counted = all.filter(
    (f) => spec.severities.includes(f.severity) && (spec.rules === undefined || spec.rules.includes(f.ruleId)),
  );
  const explanation = counted.length === 0
    ? `no ${spec.rules ? `${spec.rules.map((r) => `\`${r}\``).join(', ')} ` : ''}findings of severity ${spec.severities.join(', ')} in your answer`
    : counted.map((f) => formatFinding({ ...f, file: spec.task })).join('\n');
  return decided(input, counted.length === 0, explanation);
}
