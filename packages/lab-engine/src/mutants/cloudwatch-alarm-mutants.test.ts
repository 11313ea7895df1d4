import { describe, expect, it } from 'vitest';
import { parseText } from '@skylab/validation';
import { cloudwatchAlarmMutants } from './cloudwatch-alarm-mutants.ts';

const ANSWER = `MetricAlarms:
  - AlarmName: cpu
    Namespace: AWS/EC2
    MetricName: CPUUtilization
    Dimensions: [{ Name: AutoScalingGroupName, Value: web-asg }]
    Statistic: Average
    Period: 300
    EvaluationPeriods: 3
    DatapointsToAlarm: 2
    Threshold: 80
    ComparisonOperator: GreaterThanThreshold
    TreatMissingData: notBreaching
    AlarmActions: [ops-pager]
`;

const mutants = new Map(cloudwatchAlarmMutants('alarms', ANSWER).map((m) => [m.description.replace('alarm `cpu`: ', ''), (parseText(m.answer).value as { MetricAlarms: Record<string, unknown>[] }).MetricAlarms[0]]));

describe('cloudwatchAlarmMutants', () => {
  it.each<[string, Record<string, unknown>]>([
    ['`Threshold` 80 raised to 88', { Threshold: 88 }],
    ['`Threshold` 80 lowered to 72', { Threshold: 72 }],
    ['`ComparisonOperator` changed to `GreaterThanOrEqualToThreshold`', { ComparisonOperator: 'GreaterThanOrEqualToThreshold' }],
    ['`ComparisonOperator` flipped to `LessThanOrEqualToThreshold`', { ComparisonOperator: 'LessThanOrEqualToThreshold' }],
    ['`EvaluationPeriods` raised from 3 to 4', { EvaluationPeriods: 4, DatapointsToAlarm: 2 }],
    ['`EvaluationPeriods` lowered from 3 to 2', { EvaluationPeriods: 2, DatapointsToAlarm: 2 }],
    ['`DatapointsToAlarm` lowered from 2 to 1', { DatapointsToAlarm: 1 }],
    ['`DatapointsToAlarm` raised from 2 to 3', { DatapointsToAlarm: 3 }],
    ['`Period` doubled from 300 to 600 seconds', { Period: 600 }],
    ['`TreatMissingData` `notBreaching` changed to `missing`', { TreatMissingData: 'missing' }],
    ['`TreatMissingData` `notBreaching` changed to `breaching`', { TreatMissingData: 'breaching' }],
    ['`TreatMissingData` `notBreaching` changed to `ignore`', { TreatMissingData: 'ignore' }],
    ['`Statistic` `Average` changed to `Maximum`', { Statistic: 'Maximum' }],
    ['`Statistic` `Average` changed to `SampleCount`', { Statistic: 'SampleCount' }],
    ['`AlarmActions` `ops-pager` dropped', { AlarmActions: [] }],
    ['dimension `AutoScalingGroupName` dropped', { Dimensions: [] }],
  ])('%s', (description, fields) => {
    expect(mutants.get(description)).toMatchObject(fields);
  });

  it('changes one setting of one alarm at a time', () => {
    expect(mutants.size).toBe(cloudwatchAlarmMutants('alarms', ANSWER).length);
    expect(mutants.size).toBe(18);
  });
});
