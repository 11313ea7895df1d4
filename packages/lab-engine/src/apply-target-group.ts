import { AwsError, ec2Network, modifyTargetGroup, type AccountState, type Ctx, type TargetGroup } from '@skylab/emulator';
import { issuesToFindings, locateNearest, parseText, targetGroupAnswerSchema, type Finding, type LabTask, type PathSegment } from '@skylab/validation';

type TargetGroupTask = Extract<LabTask, { kind: 'target-group' }>;

/** The target group of the account with this name. */
export function targetGroupNamed(state: AccountState, name: string): TargetGroup | undefined {
  return Object.values(state.elbv2.targetGroups).find((g) => g.TargetGroupName === name);
}

// ELBv2's validation errors name what they refuse in words; the field they belong to, for the finding's place.
const FIELD_OF_MESSAGE: [RegExp, string][] = [
  [/HealthCheckIntervalSeconds/, 'HealthCheckIntervalSeconds'],
  [/HealthCheckTimeoutSeconds|health check timeout/, 'HealthCheckTimeoutSeconds'],
  [/UnhealthyThresholdCount/, 'UnhealthyThresholdCount'],
  [/HealthyThresholdCount/, 'HealthyThresholdCount'],
  [/HealthCheckPort/, 'HealthCheckPort'],
  [/health check path/, 'HealthCheckPath'],
  [/matcher/, 'Matcher'],
];

/**
 * Applies a target group answer: the health check settings it gives go through ModifyTargetGroup, which
 * refuses what ELBv2 refuses (an interval outside 5-300 s, a timeout not below the interval, thresholds
 * outside 2-10, a matcher outside 200-499 …); a setting left out keeps the setup's value, as the API does.
 */
export function applyTargetGroup(task: TargetGroupTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const within = (f: Finding): Finding => ({ ...f, path: [task.id, ...f.path] });
  const doc = parseText(text);
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return doc.findings.map(within);
  const parsed = targetGroupAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'target-group' }).map(within);
  const group = targetGroupNamed(state, task.TargetGroupName);
  if (!group) return [{ ruleId: 'lab/unknown-resource', severity: 'error', path: [task.id], message: `there is no target group \`${task.TargetGroupName}\`: this is a problem in the lab, not in your answer` }];
  const settings = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  try {
    modifyTargetGroup(state, { TargetGroupArn: group.TargetGroupArn, ...settings }, { ...ctx, network: ec2Network(state.ec2) });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const field = FIELD_OF_MESSAGE.find(([pattern]) => pattern.test(error.message))?.[1];
    const path: PathSegment[] = field !== undefined && field in settings ? [field] : [];
    const range = locateNearest(doc, path);
    return [{ ruleId: `aws/${error.code}`, severity: 'error', path: [task.id, ...path], ...(range ? { range } : {}), message: error.message }];
  }
  return [];
}
