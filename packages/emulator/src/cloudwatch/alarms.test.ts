import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awsDocPage, parseGolden, uniqueNames } from '../../test/golden-schema.ts';
import type { Ctx } from '../ctx.ts';
import { evaluateAlarm, evaluateAlarms } from './alarms.ts';
import { describeAlarmHistory, describeAlarms, getMetricStatistics, putMetricAlarm, putMetricData } from './operations.ts';
import { recordMetricData } from './metrics.ts';
import { emptyCloudWatchState } from './state.ts';

// Read through a strict schema first: a misspelt key fails naming the file and key; every case asserts the alarm state.
const STATE = z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']);
const alarmCaseSchema = z.strictObject({
  name: z.string().min(1),
  source: awsDocPage,
  Alarm: z.strictObject({
    EvaluationPeriods: z.number().int(),
    DatapointsToAlarm: z.number().int().optional(),
    Threshold: z.number(),
    ComparisonOperator: z.enum(['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold']),
    TreatMissingData: z.enum(['breaching', 'notBreaching', 'ignore', 'missing']).optional(),
    StateValue: STATE.optional(),
  }),
  Values: z.array(z.number().nullable()),
  Expect: STATE,
});

const cases = parseGolden(z.array(alarmCaseSchema), JSON.parse(readFileSync(new URL('./golden/alarms.json', import.meta.url), 'utf8')), 'cloudwatch/golden/alarms.json');
uniqueNames(cases, 'alarms.json');
const T0 = Date.UTC(2024, 0, 1);
const ctx: Ctx = { clock: { now: () => T0 }, ids: { next: (p) => `${p}1` }, accountId: '123456789012', region: 'us-east-1' };

describe('alarm evaluation golden cases', () => {
  it.each(cases)('$name', (c) => {
    const result = evaluateAlarm(c.Alarm as Parameters<typeof evaluateAlarm>[0], c.Values.map((v) => (v === null ? undefined : v)));
    expect(result.StateValue).toBe(c.Expect);
    expect(result.StateReason).not.toBe('');
  });
});

describe('cloudwatch operations', () => {
  const bad: { name: string; input: Partial<Parameters<typeof putMetricAlarm>[1]>; code: string }[] = [
    { name: 'a 45 s period', input: { Period: 45 }, code: 'InvalidParameterValue' },
    { name: 'DatapointsToAlarm above EvaluationPeriods', input: { DatapointsToAlarm: 4, EvaluationPeriods: 3 }, code: 'InvalidParameterCombination' },
    { name: 'more than a day of 60 s periods', input: { EvaluationPeriods: 1441 }, code: 'InvalidParameterValue' },
    { name: 'an anomaly band operator', input: { ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold' }, code: 'InvalidParameterValue' },
    { name: 'a percentile statistic', input: { ExtendedStatistic: 'p99' }, code: 'InvalidParameterValue' },
  ];
  it.each(bad)('rejects $name', ({ input, code }) => {
    const state = { cloudwatch: emptyCloudWatchState() };
    const base = { AlarmName: 'a', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average' as const, Period: 60, EvaluationPeriods: 3, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' };
    expect(() => putMetricAlarm(state, { ...base, ...input } as Parameters<typeof putMetricAlarm>[1], ctx)).toThrow(expect.objectContaining({ code }));
  });

  it('rejects custom data in an AWS namespace', () => {
    expect(() => putMetricData({ cloudwatch: emptyCloudWatchState() }, { Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'x', Value: 1 }] }, ctx)).toThrow(expect.objectContaining({ code: 'InvalidParameterValue' }));
  });

  it('aggregates period statistics and drives an alarm from INSUFFICIENT_DATA to ALARM with the Auto Scaling action repeated', () => {
    const state = { cloudwatch: emptyCloudWatchState() };
    const dims = [{ Name: 'AutoScalingGroupName', Value: 'web' }];
    putMetricAlarm(state, { AlarmName: 'high-cpu', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Dimensions: dims, Period: 60, EvaluationPeriods: 2, Threshold: 65, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: ['arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:1:autoScalingGroupName/web:policyName/out', 'arn:aws:sns:us-east-1:123456789012:ops'] }, ctx);
    expect(describeAlarms(state, {}, ctx).MetricAlarms[0]?.StateValue).toBe('INSUFFICIENT_DATA');
    for (let minute = 0; minute < 4; minute++) {
      recordMetricData(state, { Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'CPUUtilization', Dimensions: dims, Timestamp: T0 + minute * 60_000, Value: 60 + minute * 10 }, { MetricName: 'CPUUtilization', Dimensions: dims, Timestamp: T0 + minute * 60_000 + 30_000, Value: 80 + minute * 10 }] }, T0);
    }
    const stats = getMetricStatistics(state, { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [...dims].reverse(), StartTime: T0, EndTime: T0 + 120_000, Period: 60, Statistics: ['Average', 'Maximum', 'SampleCount'] }, ctx);
    expect(stats.Datapoints).toEqual([
      { Timestamp: '2024-01-01T00:00:00.000Z', Average: 70, Maximum: 80, SampleCount: 2 },
      { Timestamp: '2024-01-01T00:01:00.000Z', Average: 80, Maximum: 90, SampleCount: 2 },
    ]);
    const first = evaluateAlarms(state, T0 + 120_000);
    expect(first.Transitions).toMatchObject([{ From: 'INSUFFICIENT_DATA', To: 'ALARM' }]);
    expect(first.Transitions[0]?.StateReason).toContain('2 out of the last 2 datapoints [80.0 (01/01/24 00:01:00), 70.0 (01/01/24 00:00:00)]');
    expect(first.Invocations[0]?.Actions).toHaveLength(2);
    const again = evaluateAlarms(state, T0 + 180_000);
    expect(again.Transitions).toEqual([]);
    expect(again.Invocations[0]?.Actions).toEqual(['arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:1:autoScalingGroupName/web:policyName/out']);
    expect(describeAlarmHistory(state, { AlarmName: 'high-cpu' }, ctx).AlarmHistoryItems[0]?.HistorySummary).toBe('Alarm updated from INSUFFICIENT_DATA to ALARM');
  });
});
