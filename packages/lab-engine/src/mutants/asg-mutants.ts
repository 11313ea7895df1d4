import { parseText } from '@skylab/validation';
import { asList, render, replaceAt, type Mutant } from './mutant.ts';

// Mutants of an `auto-scaling-group` answer: the settings a learner gets almost right — MaxSize raised or
// lowered, MinSize lowered or raised, the target value moved, scale-in disabled, the health check grace period
// shortened below the boot time, the health check type switched, a scheduled action's time zone or recurrence
// changed, an alarm's threshold or evaluation periods changed, and each policy, action or alarm left out.

type Doc = Record<string, unknown>;
type Emit = (description: string, change: (answer: Doc) => Doc) => void;

function listOf(answer: Doc, key: string): Doc[] {
  return asList(answer[key] as Doc[] | undefined);
}

function groupMutants(group: Doc, emit: Emit): void {
  const min = Number(group.MinSize);
  const max = Number(group.MaxSize);
  const desired = group.DesiredCapacity === undefined ? undefined : Number(group.DesiredCapacity);
  const set = (fields: Doc) => (answer: Doc) => ({ ...answer, AutoScalingGroup: { ...group, ...fields } });
  emit(`\`MaxSize\` raised from ${max} to ${max + 5}`, set({ MaxSize: max + 5 }));
  if (max > min) emit(`\`MaxSize\` lowered from ${max} to ${max - 1}`, set({ MaxSize: max - 1, ...(desired !== undefined && desired > max - 1 ? { DesiredCapacity: max - 1 } : {}) }));
  if (min > 0) emit(`\`MinSize\` lowered from ${min} to ${min - 1}`, set({ MinSize: min - 1 }));
  if (min < max) emit(`\`MinSize\` raised from ${min} to ${min + 1}`, set({ MinSize: min + 1, ...(desired !== undefined && desired < min + 1 ? { DesiredCapacity: min + 1 } : {}) }));
  const grace = Number(group.HealthCheckGracePeriod ?? 0);
  if (grace > 30) emit(`\`HealthCheckGracePeriod\` shortened from ${grace} to 30 seconds`, set({ HealthCheckGracePeriod: 30 }));
  const type = String(group.HealthCheckType ?? 'EC2');
  const other = type === 'ELB' ? 'EC2' : 'ELB';
  if (type === 'ELB' || asList(group.TargetGroupARNs as string[] | undefined).length > 0) emit(`\`HealthCheckType\` changed from \`${type}\` to \`${other}\``, set({ HealthCheckType: other }));
}

function policyMutants(policies: Doc[], emit: Emit): void {
  policies.forEach((policy, i) => {
    const name = `policy \`${String(policy.PolicyName)}\``;
    const put = (next: Doc | undefined) => (answer: Doc) => ({ ...answer, ScalingPolicies: replaceAt(policies, i, next) });
    emit(`${name} removed`, put(undefined));
    const tracking = policy.TargetTrackingConfiguration as Doc | undefined;
    if (tracking) {
      const target = Number(tracking.TargetValue);
      for (const factor of [0.5, 1.5]) {
        const value = Math.round(target * factor);
        if (value !== target && value > 0) emit(`${name}: \`TargetValue\` ${target} changed to ${value}`, put({ ...policy, TargetTrackingConfiguration: { ...tracking, TargetValue: value } }));
      }
      if (tracking.DisableScaleIn !== true) emit(`${name}: scale-in disabled`, put({ ...policy, TargetTrackingConfiguration: { ...tracking, DisableScaleIn: true } }));
    }
    if (typeof policy.ScalingAdjustment === 'number') emit(`${name}: \`ScalingAdjustment\` doubled`, put({ ...policy, ScalingAdjustment: policy.ScalingAdjustment * 2 }));
  });
}

/** `0 8 * * 1-5` with its hour moved by `hours` (wrapping), or undefined when the hour field is not one number. */
function shiftedHour(recurrence: string, hours: number): string | undefined {
  const fields = recurrence.trim().split(/\s+/);
  const hour = fields[1];
  if (fields.length !== 5 || hour === undefined || !/^\d+$/.test(hour)) return undefined;
  return replaceAt(fields, 1, String((Number(hour) + hours + 24) % 24)).join(' ');
}

function scheduleMutants(actions: Doc[], emit: Emit): void {
  actions.forEach((action, i) => {
    const name = `scheduled action \`${String(action.ScheduledActionName)}\``;
    const put = (next: Doc | undefined) => (answer: Doc) => ({ ...answer, ScheduledUpdateGroupActions: replaceAt(actions, i, next) });
    emit(`${name} removed`, put(undefined));
    if (typeof action.Recurrence !== 'string') return;
    const { TimeZone: zone, ...utc } = action;
    if (zone !== undefined && zone !== 'UTC' && zone !== 'Etc/UTC') emit(`${name}: \`TimeZone\` \`${String(zone)}\` left out (UTC)`, put(utc));
    else emit(`${name}: \`TimeZone\` set to \`America/Los_Angeles\``, put({ ...action, TimeZone: 'America/Los_Angeles' }));
    const later = shiftedHour(action.Recurrence, 3);
    if (later) emit(`${name}: \`Recurrence\` \`${action.Recurrence}\` changed to \`${later}\``, put({ ...action, Recurrence: later }));
    const fields = action.Recurrence.trim().split(/\s+/);
    if (fields.length === 5 && fields[4] !== '*') emit(`${name}: \`Recurrence\` runs every day instead of \`${String(fields[4])}\``, put({ ...action, Recurrence: replaceAt(fields, 4, '*').join(' ') }));
  });
}

function alarmMutants(alarms: Doc[], emit: Emit): void {
  alarms.forEach((alarm, i) => {
    const name = `alarm \`${String(alarm.AlarmName)}\``;
    const put = (next: Doc | undefined) => (answer: Doc) => ({ ...answer, MetricAlarms: replaceAt(alarms, i, next) });
    emit(`${name} removed`, put(undefined));
    if (typeof alarm.Threshold === 'number') {
      for (const factor of [0.5, 1.5]) emit(`${name}: \`Threshold\` ${alarm.Threshold} changed to ${alarm.Threshold * factor}`, put({ ...alarm, Threshold: alarm.Threshold * factor }));
    }
    const periods = Number(alarm.EvaluationPeriods);
    emit(`${name}: \`EvaluationPeriods\` ${periods} changed to ${periods * 5}`, put({ ...alarm, EvaluationPeriods: periods * 5 }));
  });
}

/** The mutants of the solution's answer to an `auto-scaling-group` task. */
export function autoScalingGroupMutants(task: string, text: string): Mutant[] {
  const doc = parseText(text).value;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  const answer = doc as Doc;
  const mutants: Mutant[] = [];
  const emit: Emit = (description, change) => mutants.push({ task, description, answer: render(change(answer)) });
  const group = answer.AutoScalingGroup;
  if (group !== null && typeof group === 'object') groupMutants(group as Doc, emit);
  policyMutants(listOf(answer, 'ScalingPolicies'), emit);
  scheduleMutants(listOf(answer, 'ScheduledUpdateGroupActions'), emit);
  alarmMutants(listOf(answer, 'MetricAlarms'), emit);
  return mutants;
}
