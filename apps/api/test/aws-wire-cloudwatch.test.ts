import {
  CloudWatchClient,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetDashboardCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type PutMetricAlarmCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../../../packages/emulator/src/wire/protocols/cbor.ts';
import { signRequest } from '../../../packages/emulator/src/wire/test-signing.ts';
import { FIXED_NOW } from './support/deterministic.ts';
import { failure, startAwsAttempt, type AwsAttempt } from './support/aws-attempt.ts';

// The real CloudWatch SDK client against the Node server. The installed client speaks AWS JSON 1.0
// (`X-Amz-Target: GraniteServiceVersion20100801.<Action>`, `x-amzn-query-mode: true`) and reads errors from
// `x-amzn-query-error`; the Query protocol older clients speak is tested in the emulator's wire tests.

let attempt: AwsAttempt;
let cw: CloudWatchClient;

const alarm = (name: string, overrides: Partial<PutMetricAlarmCommandInput> = {}): PutMetricAlarmCommandInput => ({
  AlarmName: name,
  MetricName: 'CPUUtilization',
  Namespace: 'AWS/EC2',
  Statistic: 'Average',
  Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }],
  Period: 60,
  EvaluationPeriods: 3,
  Threshold: 80.5,
  ComparisonOperator: 'GreaterThanThreshold',
  ...overrides,
});

beforeAll(async () => {
  attempt = await startAwsAttempt('cloudwatch-alarm-missing-data');
  cw = new CloudWatchClient(attempt.clientConfig());
});

afterAll(async () => {
  await attempt.close();
});

describe('CloudWatch over AWS JSON 1.0', () => {
  it('puts an alarm, describes it with its timestamps, and sets its state', async () => {
    await cw.send(new PutMetricAlarmCommand(alarm('cpu-high')));
    const [described] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['cpu-high'] }))).MetricAlarms!;
    expect(described).toMatchObject({
      AlarmName: 'cpu-high',
      AlarmArn: `arn:aws:cloudwatch:us-east-1:${attempt.credentials.accountId}:alarm:cpu-high`,
      StateValue: 'INSUFFICIENT_DATA',
      Threshold: 80.5,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }],
      TreatMissingData: 'missing',
    });
    // Epoch seconds on the wire, dates in the SDK.
    expect(described!.StateUpdatedTimestamp).toEqual(new Date(FIXED_NOW));

    await cw.send(new SetAlarmStateCommand({ AlarmName: 'cpu-high', StateValue: 'ALARM', StateReason: 'testing the pager' }));
    const [after] = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: ['cpu-high'] }))).MetricAlarms!;
    expect(after).toMatchObject({ StateValue: 'ALARM', StateReason: 'testing the pager' });
    const history = (await cw.send(new DescribeAlarmHistoryCommand({ AlarmName: 'cpu-high' }))).AlarmHistoryItems!;
    expect(history[0]).toMatchObject({ HistoryItemType: 'StateUpdate', HistorySummary: 'Alarm updated from INSUFFICIENT_DATA to ALARM' });
    expect(history[0]!.Timestamp).toBeInstanceOf(Date);
  });

  it('stores metric data and answers its statistics', async () => {
    const at = new Date(FIXED_NOW - 120_000);
    await cw.send(new PutMetricDataCommand({ Namespace: 'Shop', MetricData: [{ MetricName: 'Orders', Value: 3, Timestamp: at }, { MetricName: 'Orders', Value: 5, Timestamp: at }] }));
    const stats = await cw.send(new GetMetricStatisticsCommand({ Namespace: 'Shop', MetricName: 'Orders', StartTime: new Date(FIXED_NOW - 600_000), EndTime: new Date(FIXED_NOW), Period: 60, Statistics: ['Sum', 'Maximum'] }));
    expect(stats.Label).toBe('Orders');
    // Both values fall in the ninth one-minute period after StartTime.
    expect(stats.Datapoints).toEqual([{ Timestamp: new Date(FIXED_NOW - 120_000), Sum: 8, Maximum: 5 }]);
    expect((await cw.send(new ListMetricsCommand({ Namespace: 'Shop' }))).Metrics).toEqual([{ Namespace: 'Shop', MetricName: 'Orders', Dimensions: [] }]);
    const reserved = await failure(cw.send(new PutMetricDataCommand({ Namespace: 'AWS/EC2', MetricData: [{ MetricName: 'CPUUtilization', Value: 1 }] })));
    expect(reserved).toMatchObject({ name: 'InvalidParameterValueException', $metadata: { httpStatusCode: 400 } });
  });

  it.each([
    ['an alarm that does not exist', () => cw.send(new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' })), 'ResourceNotFound', 404],
    ['a period CloudWatch does not take', () => cw.send(new PutMetricAlarmCommand(alarm('odd', { Period: 45 }))), 'InvalidParameterValueException', 400],
    ['a required member left out', () => cw.send(new PutMetricAlarmCommand(alarm('partial', { EvaluationPeriods: undefined }))), 'ValidationException', 400],
    ['more datapoints to alarm than periods', () => cw.send(new PutMetricAlarmCommand(alarm('mn', { DatapointsToAlarm: 5 }))), 'InvalidParameterCombinationException', 400],
  ])('answers %s with the modelled exception', async (_name, send, name, status) => {
    const error = await failure(send());
    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });

  it('pages DescribeAlarms with MaxRecords and NextToken', async () => {
    await cw.send(new PutMetricAlarmCommand(alarm('cpu-low', { ComparisonOperator: 'LessThanThreshold', Threshold: 10 })));
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await cw.send(new DescribeAlarmsCommand({ MaxRecords: 1, ...(token ? { NextToken: token } : {}) }));
      expect(page.MetricAlarms!.length).toBeLessThanOrEqual(1);
      expect(page.CompositeAlarms).toEqual([]);
      names.push(...page.MetricAlarms!.map((a) => a.AlarmName!));
      token = page.NextToken;
    } while (token);
    expect(names).toEqual(expect.arrayContaining(['cpu-high', 'cpu-low']));
    expect(new Set(names).size).toBe(names.length);
    expect((await failure(cw.send(new DescribeAlarmsCommand({ NextToken: 'forged' })))).name).toBe('InvalidNextToken');
  });

  it("refuses an IAM user its policy does not allow, in AWS's words", async () => {
    const { arn, keys } = await attempt.restrictedUser('alarm-reader', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'cloudwatch:DescribeAlarms', Resource: '*' }],
    });
    const reader = new CloudWatchClient(attempt.clientConfig(keys));
    expect((await reader.send(new DescribeAlarmsCommand({ AlarmNames: ['cpu-high'] }))).MetricAlarms).toHaveLength(1);
    const denied = await failure(reader.send(new SetAlarmStateCommand({ AlarmName: 'cpu-high', StateValue: 'OK', StateReason: 'quiet' })));
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(denied.message).toBe(
      `User: ${arn} is not authorized to perform: cloudwatch:SetAlarmState on resource: arn:aws:cloudwatch:us-east-1:${attempt.credentials.accountId}:alarm:cpu-high because no identity-based policy allows the cloudwatch:SetAlarmState action`,
    );
  });

  it('answers an operation the emulator does not model with NotImplemented, never a fake success', async () => {
    const refused = await failure(cw.send(new GetDashboardCommand({ DashboardName: 'ops' })));
    expect(refused).toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
    expect(refused.message).toBe('the emulated account does not model `cloudwatch:GetDashboard` yet');
  });
});

describe('CloudWatch over Smithy RPC v2 CBOR, as the AWS CLI speaks it', () => {
  // The operation is named in the path after the endpoint (`…/service/<Service>/operation/<Operation>`).
  const call = async (operation: string, input: object) => {
    const { endpoint, accessKeyId, secretAccessKey } = attempt.credentials;
    const request = signRequest(encodeCbor(input), { accessKeyId, secretAccessKey }, {
      url: `${endpoint}/service/GraniteServiceVersion20100801/operation/${operation}`,
      service: 'monitoring',
      time: FIXED_NOW,
      headers: { 'content-type': 'application/cbor', accept: 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' },
    });
    const res = await fetch(request.url, { method: 'POST', headers: request.headers, body: new Blob([request.body as Uint8Array<ArrayBuffer>]) });
    return { status: res.status, headers: res.headers, value: decodeCbor(new Uint8Array(await res.arrayBuffer())) };
  };

  it('answers in CBOR, timestamps as tag 1 epoch seconds', async () => {
    const answer = await call('DescribeAlarms', { AlarmNames: ['cpu-high'] });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('smithy-protocol')).toBe('rpc-v2-cbor');
    expect(answer.value).toMatchObject({ MetricAlarms: [{ AlarmName: 'cpu-high', AlarmConfigurationUpdatedTimestamp: FIXED_NOW / 1000 }], CompositeAlarms: [] });
  });

  it('answers errors in CBOR with the query-compatible code', async () => {
    const answer = await call('SetAlarmState', { AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-amzn-query-error')).toBe('ResourceNotFound;Sender');
    expect(answer.value).toEqual({ __type: 'com.amazonaws.cloudwatch#ResourceNotFound', message: 'the alarm `nope` does not exist' });
  });
});
