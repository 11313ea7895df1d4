import { describe, expect, it } from 'vitest';
import { parseText } from '@skylab/validation';
import { autoScalingGroupMutants } from './asg-mutants.ts';

const ANSWER = `AutoScalingGroup:
  LaunchTemplate: { LaunchTemplateName: web }
  MinSize: 2
  MaxSize: 4
  DesiredCapacity: 2
  HealthCheckType: ELB
  HealthCheckGracePeriod: 300
ScalingPolicies:
  - PolicyName: cpu
    PolicyType: TargetTrackingScaling
    TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }, TargetValue: 50 }
ScheduledUpdateGroupActions:
  - { ScheduledActionName: open, Recurrence: "30 7 * * 1-5", TimeZone: America/New_York, MinSize: 4 }
MetricAlarms:
  - { AlarmName: high, EvaluationPeriods: 2, Threshold: 70, ComparisonOperator: GreaterThanThreshold }
`;

describe('autoScalingGroupMutants', () => {
  const mutants = autoScalingGroupMutants('group', ANSWER);
  const byDescription = new Map(mutants.map((m) => [m.description, parseText(m.answer).value]));
  const at = (value: unknown, path: (string | number)[]): unknown => path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);

  it.each([
    ['`MaxSize` raised from 4 to 9', ['AutoScalingGroup', 'MaxSize'], 9],
    ['`MaxSize` lowered from 4 to 3', ['AutoScalingGroup', 'MaxSize'], 3],
    ['`MinSize` lowered from 2 to 1', ['AutoScalingGroup', 'MinSize'], 1],
    ['`MinSize` raised from 2 to 3', ['AutoScalingGroup', 'DesiredCapacity'], 3],
    ['`HealthCheckGracePeriod` shortened from 300 to 30 seconds', ['AutoScalingGroup', 'HealthCheckGracePeriod'], 30],
    ['`HealthCheckType` changed from `ELB` to `EC2`', ['AutoScalingGroup', 'HealthCheckType'], 'EC2'],
    ['policy `cpu`: `TargetValue` 50 changed to 75', ['ScalingPolicies', 0, 'TargetTrackingConfiguration', 'TargetValue'], 75],
    ['policy `cpu`: scale-in disabled', ['ScalingPolicies', 0, 'TargetTrackingConfiguration', 'DisableScaleIn'], true],
    ['scheduled action `open`: `TimeZone` `America/New_York` left out (UTC)', ['ScheduledUpdateGroupActions', 0, 'TimeZone'], undefined],
    ['scheduled action `open`: `Recurrence` `30 7 * * 1-5` changed to `30 10 * * 1-5`', ['ScheduledUpdateGroupActions', 0, 'Recurrence'], '30 10 * * 1-5'],
    ['scheduled action `open`: `Recurrence` runs every day instead of `1-5`', ['ScheduledUpdateGroupActions', 0, 'Recurrence'], '30 7 * * *'],
    ['alarm `high`: `Threshold` 70 changed to 35', ['MetricAlarms', 0, 'Threshold'], 35],
    ['alarm `high`: `EvaluationPeriods` 2 changed to 10', ['MetricAlarms', 0, 'EvaluationPeriods'], 10],
    ['alarm `high` removed', ['MetricAlarms', 'length'], 0],
  ] as const)('%s', (description, path, value) => {
    expect(byDescription.has(description)).toBe(true);
    expect(at(byDescription.get(description), [...path])).toEqual(value);
  });

  it('gives nothing for an answer that is not a document', () => {
    expect(autoScalingGroupMutants('group', '[1, 2]')).toEqual([]);
  });
});
