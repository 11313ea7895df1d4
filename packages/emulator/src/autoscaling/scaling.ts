import type { PutMetricAlarmInput } from '../cloudwatch/alarms.ts';
import { ValidationError } from './errors.ts';
import type { AutoScalingGroup, ScalingPolicy, StepAdjustment } from './state.ts';

// The arithmetic of EC2 Auto Scaling policies.
// Step and simple scaling: https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html
// Target tracking: https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html

/** Desired capacity always stays within [MinSize, MaxSize]. */
export function clampCapacity(desired: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, desired));
}

/**
 * The capacity an adjustment asks for. PercentChangeInCapacity rounds as the guide says: a change above 1
 * rounds down, between 0 and 1 becomes 1, between 0 and -1 becomes -1, below -1 rounds toward zero; then
 * MinAdjustmentMagnitude raises a smaller change to that many instances.
 */
export function adjustedCapacity(
  type: NonNullable<ScalingPolicy['AdjustmentType']>,
  adjustment: number,
  current: number,
  minAdjustmentMagnitude?: number,
): { Capacity: number; Explanation: string } {
  switch (type) {
    case 'ChangeInCapacity':
      return { Capacity: current + adjustment, Explanation: `${adjustment >= 0 ? 'add' : 'remove'} ${Math.abs(adjustment)} to ${current}` };
    case 'ExactCapacity':
      return { Capacity: adjustment, Explanation: `set capacity to exactly ${adjustment}` };
    case 'PercentChangeInCapacity': {
      const raw = (current * adjustment) / 100;
      let change = raw > 1 ? Math.floor(raw) : raw > 0 ? 1 : raw === 0 ? 0 : raw > -1 ? -1 : Math.ceil(raw);
      let note = `${adjustment}% of ${current} is ${Math.round(raw * 100) / 100}, rounded to ${change}`;
      if (minAdjustmentMagnitude !== undefined && change !== 0 && Math.abs(change) < minAdjustmentMagnitude) {
        change = Math.sign(change) * minAdjustmentMagnitude;
        note += `, raised to the MinAdjustmentMagnitude of ${minAdjustmentMagnitude}`;
      }
      return { Capacity: current + change, Explanation: note };
    }
  }
}

/** Checks step adjustments: no overlap, no gap, at most one open end each way, never both bounds open. */
export function validateStepAdjustments(steps: StepAdjustment[]): void {
  if (steps.length === 0) throw new ValidationError('a step scaling policy needs at least one step adjustment');
  const lo = (s: StepAdjustment) => s.MetricIntervalLowerBound ?? -Infinity;
  const hi = (s: StepAdjustment) => s.MetricIntervalUpperBound ?? Infinity;
  for (const s of steps) {
    if (s.MetricIntervalLowerBound === undefined && s.MetricIntervalUpperBound === undefined) throw new ValidationError('the upper and lower bound of a step adjustment cannot both be null');
    if (lo(s) >= hi(s)) throw new ValidationError(`the lower bound ${lo(s)} of a step adjustment must be below its upper bound ${hi(s)}`);
  }
  if (steps.filter((s) => s.MetricIntervalLowerBound === undefined).length > 1) throw new ValidationError('at most one step adjustment can have a null lower bound');
  if (steps.filter((s) => s.MetricIntervalUpperBound === undefined).length > 1) throw new ValidationError('at most one step adjustment can have a null upper bound');
  const sorted = [...steps].sort((a, b) => lo(a) - lo(b));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as StepAdjustment;
    const cur = sorted[i] as StepAdjustment;
    if (hi(prev) > lo(cur)) throw new ValidationError(`step adjustments overlap between ${lo(cur)} and ${hi(prev)}`);
    if (hi(prev) < lo(cur)) throw new ValidationError(`step adjustments leave a gap between ${hi(prev)} and ${lo(cur)}`);
  }
  if (sorted.some((s) => lo(s) < 0) && (sorted[0] as StepAdjustment).MetricIntervalLowerBound !== undefined) throw new ValidationError('a step adjustment with a negative lower bound needs a step with a null lower bound');
  if (sorted.some((s) => hi(s) > 0) && (sorted.at(-1) as StepAdjustment).MetricIntervalUpperBound !== undefined) throw new ValidationError('a step adjustment with a positive upper bound needs a step with a null upper bound');
}

/**
 * The step adjustment for a metric value, by its distance from the alarm threshold. Above the threshold
 * the lower bound is inclusive and the upper exclusive; below it, the other way round (API_StepAdjustment).
 */
export function selectStep(steps: StepAdjustment[], metric: number, threshold: number): { Step?: StepAdjustment; Explanation: string } {
  const d = metric - threshold;
  const step = steps.find((s) => {
    const lo = s.MetricIntervalLowerBound ?? -Infinity;
    const hi = s.MetricIntervalUpperBound ?? Infinity;
    return d >= 0 ? lo <= d && d < hi : lo < d && d <= hi;
  });
  const bounds = (s: StepAdjustment) => `[${s.MetricIntervalLowerBound ?? '-∞'}, ${s.MetricIntervalUpperBound ?? '+∞'}]`;
  if (!step) return { Explanation: `the metric ${metric} is ${d} from the threshold ${threshold}, outside every step adjustment` };
  return { Step: step, Explanation: `the metric ${metric} is ${Math.round(d * 1000) / 1000} from the threshold ${threshold}, in the step ${bounds(step)} (adjustment ${step.ScalingAdjustment})` };
}

/** Target tracking's proportional capacity: enough instances that the metric would meet the target. */
export function targetTrackingCapacity(current: number, metric: number, target: number): number {
  return Math.ceil((current * metric) / target - 1e-9);
}

/** The metric a target tracking policy tracks, as a CloudWatch metric. */
export function trackedMetric(group: AutoScalingGroup, policy: ScalingPolicy): { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[]; Statistic: 'Average' | 'Sum' | 'Maximum' | 'Minimum' | 'SampleCount' } {
  const config = policy.TargetTrackingConfiguration;
  const custom = config?.CustomizedMetricSpecification;
  if (custom) return { Namespace: custom.Namespace, MetricName: custom.MetricName, Dimensions: custom.Dimensions ?? [], Statistic: custom.Statistic as 'Average' };
  const byGroup = [{ Name: 'AutoScalingGroupName', Value: group.AutoScalingGroupName }];
  switch (config?.PredefinedMetricSpecification?.PredefinedMetricType) {
    case 'ASGAverageNetworkIn':
      return { Namespace: 'AWS/EC2', MetricName: 'NetworkIn', Dimensions: byGroup, Statistic: 'Average' };
    case 'ASGAverageNetworkOut':
      return { Namespace: 'AWS/EC2', MetricName: 'NetworkOut', Dimensions: byGroup, Statistic: 'Average' };
    case 'ALBRequestCountPerTarget': {
      // ResourceLabel is app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>.
      const label = config.PredefinedMetricSpecification.ResourceLabel ?? '';
      const tg = label.slice(label.indexOf('targetgroup/'));
      return { Namespace: 'AWS/ApplicationELB', MetricName: 'RequestCountPerTarget', Dimensions: [{ Name: 'TargetGroup', Value: tg }], Statistic: 'Sum' };
    }
    default:
      return { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: byGroup, Statistic: 'Average' };
  }
}

/**
 * The two alarms Auto Scaling creates for a target tracking policy: AlarmHigh when the metric is above the
 * target for 3 one-minute datapoints, AlarmLow when it is below 90% of the target for 15 (none when scale-in
 * is disabled). Scale out fast, scale in slowly.
 */
export function targetTrackingAlarms(group: AutoScalingGroup, policy: ScalingPolicy, suffix: string): PutMetricAlarmInput[] {
  const metric = trackedMetric(group, policy);
  const target = policy.TargetTrackingConfiguration?.TargetValue ?? 0;
  const base = { ...metric, Period: 60, AlarmActions: [policy.PolicyARN], TreatMissingData: 'missing' as const };
  const high: PutMetricAlarmInput = { ...base, AlarmName: `TargetTracking-${group.AutoScalingGroupName}-AlarmHigh-${suffix}`, EvaluationPeriods: 3, DatapointsToAlarm: 3, Threshold: target, ComparisonOperator: 'GreaterThanThreshold', AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policy.PolicyARN}.` };
  const low: PutMetricAlarmInput = { ...base, AlarmName: `TargetTracking-${group.AutoScalingGroupName}-AlarmLow-${suffix}`, EvaluationPeriods: 15, DatapointsToAlarm: 15, Threshold: Math.round(target * 0.9 * 1000) / 1000, ComparisonOperator: 'LessThanThreshold', AlarmDescription: high.AlarmDescription as string };
  return policy.TargetTrackingConfiguration?.DisableScaleIn ? [high] : [high, low];
}
