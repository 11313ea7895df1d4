import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreAccountState, emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { nameArbitrary } from '../test-names.ts';
import { deleteAlarms, describeAlarms, putMetricAlarm, setAlarmState } from './operations.ts';

// Alarm names are any 1 to 255 characters (API_PutMetricAlarm.html): `constructor` is a name like any other.
const ctx = testCtx();
const alarm = (AlarmName: string) => ({ AlarmName, MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average' as const, Period: 60, EvaluationPeriods: 1, Threshold: 50, ComparisonOperator: 'GreaterThanThreshold' });

describe('CloudWatch alarm names', () => {
  it('round-trip, hostile ones included, through storage', () => {
    fc.assert(
      fc.property(fc.uniqueArray(nameArbitrary('[\\w .:-]', 64), { minLength: 1, maxLength: 4 }), (names) => {
        let state = emptyAccountState();
        for (const n of names) expect(awsErrorCode(() => setAlarmState(state, { AlarmName: n, StateValue: 'ALARM', StateReason: 'test' }, ctx))).toBe('ResourceNotFound');
        for (const n of names) putMetricAlarm(state, alarm(n), ctx);
        state = restoreAccountState(JSON.parse(JSON.stringify(state)));
        expect(describeAlarms(state, { AlarmNames: names }, ctx).MetricAlarms.map((a) => a.AlarmName).sort()).toEqual([...names].sort());
        for (const n of names) setAlarmState(state, { AlarmName: n, StateValue: 'ALARM', StateReason: 'test' }, ctx);
        deleteAlarms(state, { AlarmNames: names }, ctx);
        expect(describeAlarms(state, {}, ctx).MetricAlarms).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it.each(['constructor', '__proto__', 'toString'])('refuses `%s` as a comparison operator instead of crashing', (op) => {
    expect(awsErrorCode(() => putMetricAlarm(emptyAccountState(), { ...alarm('a'), ComparisonOperator: op }, ctx))).toBe('InvalidParameterValue');
  });
});
