import {
  AwsError,
  createAutoScalingGroup,
  putMetricAlarm,
  putScalingPolicy,
  putScheduledUpdateGroupAction,
  type AccountState,
  type Ctx,
} from '@skylab/emulator';
import { asgAnswerSchema, issuesToFindings, locateNearest, parseText, type AsgAnswer, type AsgTask, type Finding, type PathSegment, type SourceDocument } from '@skylab/validation';
import { networkCtx } from './provision-launch-templates.ts';
import { resolveName, resourceNames } from './resource-names.ts';

// An `auto-scaling-group` answer is installed through the emulator's own operations, in the order the AWS
// console and CLI would call them: CreateAutoScalingGroup, PutScalingPolicy, PutScheduledUpdateGroupAction,
// PutMetricAlarm (an alarm's actions name policies, which must exist first). AWS's own validation applies
// (DesiredCapacity within [MinSize, MaxSize], cron recurrences, step intervals, alarm periods …); each
// refusal becomes a finding placed at the element that caused it.

type CreateAutoScalingGroupInput = Parameters<typeof createAutoScalingGroup>[1];
type PutScalingPolicyInput = Parameters<typeof putScalingPolicy>[1];

type Problem = (path: PathSegment[], ruleId: string, message: string) => void;

/** Fields AWS accepts that the simulation does not model: refused rather than silently ignored (fail closed). */
const UNMODELLED_GROUP_FIELDS = ['MixedInstancesPolicy', 'LaunchConfigurationName', 'LoadBalancerNames', 'CapacityRebalance', 'MaxInstanceLifetime'] as const;

function step<T>(problem: Problem, path: PathSegment[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    problem(path, `aws/${error.code}`, error.message);
    return undefined;
  }
}

/** Subnet names (or ids) of `VPCZoneIdentifier` as the comma-separated ids AWS takes. */
function subnetIds(state: AccountState, value: string, problem: Problem): string | undefined {
  const names = resourceNames(state);
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
    if (Object.hasOwn(state.ec2.subnets, name)) return name;
    const found = resolveName(names, name, 'subnet');
    if ('id' in found) return found.id;
    problem(['AutoScalingGroup', 'VPCZoneIdentifier'], 'aws/ValidationError', `there is no subnet called \`${name}\` in the account`);
    return undefined;
  });
  return ids.every((id) => id !== undefined) ? ids.join(',') : undefined;
}

/** Target group names (or ARNs) as ARNs. */
function targetGroupArns(state: AccountState, names: string[], problem: Problem): string[] {
  return names.flatMap((name, i) => {
    const group = Object.values(state.elbv2.targetGroups).find((g) => g.TargetGroupArn === name || g.TargetGroupName === name);
    if (group) return [group.TargetGroupArn];
    problem(['AutoScalingGroup', 'TargetGroupARNs', i], 'aws/ValidationError', `there is no target group called \`${name}\` in the account`);
    return [];
  });
}

function groupInput(task: AsgTask, answer: AsgAnswer, state: AccountState, problem: Problem): CreateAutoScalingGroupInput | undefined {
  const group = answer.AutoScalingGroup;
  if (group.AutoScalingGroupName !== undefined && group.AutoScalingGroupName !== task.AutoScalingGroupName) {
    problem(['AutoScalingGroup', 'AutoScalingGroupName'], 'lab/wrong-group-name', `this task creates the group \`${task.AutoScalingGroupName}\`, not \`${group.AutoScalingGroupName}\``);
  }
  for (const field of UNMODELLED_GROUP_FIELDS) {
    if (group[field] !== undefined) problem(['AutoScalingGroup', field], 'lab/unsupported', `\`${field}\` is not modelled by the emulator: leave it out`);
  }
  const type = group.HealthCheckType;
  if (type !== undefined && type !== 'EC2' && type !== 'ELB') problem(['AutoScalingGroup', 'HealthCheckType'], 'lab/unsupported', `the health check type \`${type}\` is not modelled: use \`EC2\` or \`ELB\``);
  if (!group.LaunchTemplate) problem(['AutoScalingGroup'], 'aws/ValidationError', 'a launch template is required: give `LaunchTemplate: { LaunchTemplateName, Version }`');
  const zones = group.VPCZoneIdentifier === undefined ? undefined : subnetIds(state, group.VPCZoneIdentifier, problem);
  const targets = targetGroupArns(state, group.TargetGroupARNs ?? [], problem);
  // Tags change no behaviour the checks can see; the emulated group does not keep them.
  const { LaunchTemplate, TargetGroupARNs: _targets, VPCZoneIdentifier: _zones, HealthCheckType: _type, Tags: _tags, ...rest } = group;
  if (!LaunchTemplate) return undefined;
  return {
    ...rest,
    AutoScalingGroupName: task.AutoScalingGroupName,
    LaunchTemplate,
    TargetGroupARNs: targets,
    ...(zones !== undefined ? { VPCZoneIdentifier: zones } : {}),
    ...(type === 'EC2' || type === 'ELB' ? { HealthCheckType: type } : {}),
  } as CreateAutoScalingGroupInput;
}

function finding(doc: SourceDocument, taskId: string, path: PathSegment[], ruleId: string, message: string): Finding {
  const range = locateNearest(doc, path);
  return { ruleId, severity: 'error', path: [taskId, ...path], ...(range ? { range } : {}), message };
}

/**
 * Applies an `auto-scaling-group` answer: the group, then its scaling policies, scheduled actions and alarms.
 * Subnets and target groups are named by their lab names, and an alarm's `AlarmActions` may name a policy of
 * the answer by `PolicyName` (its ARN only exists once the policy does). Problems come back as findings.
 */
export function applyAutoScalingGroup(task: AsgTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const doc = parseText(text);
  const located = (findings: Finding[]) => findings.map((f) => ({ ...f, path: [task.id, ...f.path] }));
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return located(doc.findings);
  const parsed = asgAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return located(issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'auto-scaling-group' }));
  const findings: Finding[] = [];
  const problem: Problem = (path, ruleId, message) => findings.push(finding(doc, task.id, path, ruleId, message));
  const answer = parsed.data;
  const c = networkCtx(state, ctx);
  const input = groupInput(task, answer, state, problem);
  if (findings.length > 0 || !input) return findings;
  if (step(problem, ['AutoScalingGroup'], () => createAutoScalingGroup(state, input, c)) === undefined) return findings;
  const policyArns = new Map<string, string>();
  answer.ScalingPolicies.forEach((policy, i) => {
    const path = ['ScalingPolicies', i];
    if (policy.AutoScalingGroupName !== undefined && policy.AutoScalingGroupName !== task.AutoScalingGroupName) problem([...path, 'AutoScalingGroupName'], 'lab/wrong-group-name', `the policy belongs to \`${task.AutoScalingGroupName}\`, not \`${policy.AutoScalingGroupName}\``);
    const put = step(problem, path, () => putScalingPolicy(state, { ...policy, AutoScalingGroupName: task.AutoScalingGroupName } as PutScalingPolicyInput, c));
    if (put) policyArns.set(policy.PolicyName, put.PolicyARN);
  });
  answer.ScheduledUpdateGroupActions.forEach((action, i) => {
    const path = ['ScheduledUpdateGroupActions', i];
    if (action.Time !== undefined) problem([...path, 'Time'], 'lab/unsupported', '`Time` is deprecated: use `StartTime`');
    const { Time: _time, ...rest } = action;
    step(problem, path, () => putScheduledUpdateGroupAction(state, { ...rest, AutoScalingGroupName: task.AutoScalingGroupName }, c));
  });
  answer.MetricAlarms.forEach((alarm, i) => {
    const actions = (list: string[] | undefined, key: string) =>
      list?.map((a, j) => {
        const arn = policyArns.get(a);
        if (arn === undefined && !a.startsWith('arn:')) problem(['MetricAlarms', i, key, j], 'lab/unknown-policy', `there is no scaling policy called \`${a}\` in this answer`);
        return arn ?? a;
      });
    const input = { ...alarm, ...(alarm.AlarmActions ? { AlarmActions: actions(alarm.AlarmActions, 'AlarmActions') } : {}), ...(alarm.OKActions ? { OKActions: actions(alarm.OKActions, 'OKActions') } : {}) };
    step(problem, ['MetricAlarms', i], () => putMetricAlarm(state, input, c));
  });
  return findings;
}
