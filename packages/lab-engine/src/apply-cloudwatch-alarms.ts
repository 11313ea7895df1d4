import { AwsError, putMetricAlarm, type AccountState, type Ctx } from '@skylab/emulator';
import { cloudwatchAlarmAnswerSchema, issuesToFindings, locateNearest, parseText, type Finding, type LabTask, type PathSegment } from '@skylab/validation';

// A `cloudwatch-alarm` answer is installed through the emulator's PutMetricAlarm, so CloudWatch's own
// rules apply (periods of 10, 30 or a multiple of 60 seconds, DatapointsToAlarm up to EvaluationPeriods,
// one day of evaluation at most …). The answer defines exactly the alarms the task names. The emulator has
// no SNS, so an action may only name one of the task's `topics` (by name or ARN): anything else is refused
// rather than accepted and never run (fail closed).

/** A `cloudwatch-alarm` task. */
export type CloudwatchAlarmTask = Extract<LabTask, { kind: 'cloudwatch-alarm' }>;

type PutMetricAlarmInput = Parameters<typeof putMetricAlarm>[1];
type Problem = (path: PathSegment[], ruleId: string, message: string) => void;

const ACTION_KEYS = ['AlarmActions', 'OKActions', 'InsufficientDataActions'] as const;

/** The ARN of an SNS topic of the lab's account. */
export function topicArn(ctx: Pick<Ctx, 'region' | 'accountId'>, name: string): string {
  return `arn:aws:sns:${ctx.region}:${ctx.accountId}:${name}`;
}

/** The alarm's actions with topic names turned into ARNs; an action that is no topic of the task is a problem. */
function resolvedActions(task: CloudwatchAlarmTask, alarm: PutMetricAlarmInput, at: PathSegment[], ctx: Ctx, problem: Problem): Partial<PutMetricAlarmInput> {
  const arns = new Map(task.topics.flatMap((name) => [[name, topicArn(ctx, name)], [topicArn(ctx, name), topicArn(ctx, name)]] as const));
  const out: Partial<PutMetricAlarmInput> = {};
  for (const key of ACTION_KEYS) {
    const actions = alarm[key];
    if (actions === undefined) continue;
    out[key] = actions.map((action, j) => {
      const arn = arns.get(action);
      if (arn === undefined) {
        const known = task.topics.length === 0 ? 'this lab has no SNS topic for actions' : `actions may name the SNS topics ${task.topics.map((t) => `\`${t}\``).join(', ')}`;
        problem([...at, key, j], 'lab/unknown-action', `\`${action}\` is not an SNS topic of this lab: ${known}`);
      }
      return arn ?? action;
    });
  }
  return out;
}

/** The task's alarm names: each defined exactly once, no other. */
function nameProblems(task: CloudwatchAlarmTask, alarms: readonly { AlarmName: string }[], problem: Problem): void {
  const seen = new Set<string>();
  alarms.forEach((alarm, i) => {
    if (!task.AlarmNames.includes(alarm.AlarmName)) problem(['MetricAlarms', i, 'AlarmName'], 'lab/unknown-alarm', `this task defines the alarms ${task.AlarmNames.map((n) => `\`${n}\``).join(', ')}, not \`${alarm.AlarmName}\``);
    else if (seen.has(alarm.AlarmName)) problem(['MetricAlarms', i, 'AlarmName'], 'lab/duplicate-alarm', `the alarm \`${alarm.AlarmName}\` is defined twice`);
    seen.add(alarm.AlarmName);
  });
  for (const name of task.AlarmNames) {
    if (!seen.has(name)) problem(['MetricAlarms'], 'lab/missing-alarm', `the alarm \`${name}\` is missing`);
  }
}

/** Applies a `cloudwatch-alarm` answer: every alarm through PutMetricAlarm; problems come back as findings placed in the answer. */
export function applyCloudwatchAlarms(task: CloudwatchAlarmTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const doc = parseText(text);
  const place = (fs: Finding[]) => fs.map((f) => ({ ...f, path: [task.id, ...f.path] }));
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return place(doc.findings);
  const parsed = cloudwatchAlarmAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return place(issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'cloudwatch-alarm' }));
  const findings: Finding[] = [];
  const problem: Problem = (path, ruleId, message) => {
    const range = locateNearest(doc, path);
    findings.push({ ruleId, severity: 'error', path: [task.id, ...path], ...(range ? { range } : {}), message });
  };
  const alarms = parsed.data.MetricAlarms as PutMetricAlarmInput[];
  nameProblems(task, alarms, problem);
  const inputs = alarms.map((alarm, i) => ({ ...alarm, ...resolvedActions(task, alarm, ['MetricAlarms', i], ctx, problem) }));
  if (findings.length > 0) return findings;
  inputs.forEach((input, i) => {
    try {
      putMetricAlarm(state, input, ctx);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      problem(['MetricAlarms', i], `aws/${error.code}`, error.message);
    }
  });
  return findings;
}
