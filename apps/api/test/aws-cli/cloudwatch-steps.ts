import { expect } from 'vitest';

// CloudWatch with the AWS CLI, which speaks Smithy RPC v2 CBOR to it (botocore prefers it for CloudWatch):
// an alarm put, described, set and its history, metric data, a missing alarm and an unmodelled operation.
// The shape is `CliSession` of `./session.ts` (the CLI harness).
export const session = {
  lab: 'cloudwatch-alarm-missing-data',
  steps: [
    {
      name: 'puts a CPU alarm',
      args: ['cloudwatch', 'put-metric-alarm', '--alarm-name', 'cpu-high', '--metric-name', 'CPUUtilization', '--namespace', 'AWS/EC2', '--statistic', 'Average', '--period', '60', '--evaluation-periods', '3', '--threshold', '80', '--comparison-operator', 'GreaterThanThreshold'],
    },
    {
      name: 'describes it, waiting for data',
      args: ['cloudwatch', 'describe-alarms', '--alarm-names', 'cpu-high'],
      expect: (json: unknown, { accountId }: { accountId: string }) =>
        expect(json).toMatchObject({ MetricAlarms: [{ AlarmName: 'cpu-high', AlarmArn: `arn:aws:cloudwatch:us-east-1:${accountId}:alarm:cpu-high`, StateValue: 'INSUFFICIENT_DATA', Threshold: 80, DatapointsToAlarm: 3 }], CompositeAlarms: [] }),
    },
    { name: 'sets it to ALARM to test its actions', args: ['cloudwatch', 'set-alarm-state', '--alarm-name', 'cpu-high', '--state-value', 'ALARM', '--state-reason', 'testing'] },
    {
      name: 'shows the change in its history',
      args: ['cloudwatch', 'describe-alarm-history', '--alarm-name', 'cpu-high'],
      expect: (json: unknown) => expect((json as { AlarmHistoryItems: unknown[] }).AlarmHistoryItems[0]).toMatchObject({ HistoryItemType: 'StateUpdate', HistorySummary: 'Alarm updated from INSUFFICIENT_DATA to ALARM' }),
    },
    { name: 'puts a custom metric', args: ['cloudwatch', 'put-metric-data', '--namespace', 'Shop', '--metric-name', 'Orders', '--value', '3'] },
    {
      name: 'lists it',
      args: ['cloudwatch', 'list-metrics', '--namespace', 'Shop'],
      expect: (json: unknown) => expect(json).toEqual({ Metrics: [{ Namespace: 'Shop', MetricName: 'Orders', Dimensions: [] }] }),
    },
    { name: 'cannot set an alarm that does not exist', args: ['cloudwatch', 'set-alarm-state', '--alarm-name', 'nope', '--state-value', 'OK', '--state-reason', 'x'], error: 'ResourceNotFound' },
    { name: 'is refused an operation the emulator does not model', args: ['cloudwatch', 'get-dashboard', '--dashboard-name', 'ops'], error: 'NotImplemented' },
  ],
};
