import { describe, expect, it } from 'vitest';
import { autoscalingActions } from '../autoscaling/actions.ts';
import { cloudwatchActions } from '../cloudwatch/actions.ts';
import { elbv2Actions } from '../elbv2/actions.ts';
import { emptyAccountState, type AccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { autoscalingService } from './autoscaling-service.ts';
import { cloudwatchService } from './cloudwatch-service.ts';
import { elbv2Service } from './elbv2-service.ts';
import { rootCaller } from './credentials.ts';
import { handleAwsRequest, type HandleAwsOptions } from './handler.ts';
import { WIRE_SERVICES } from './services.ts';
import { bodyText, signQueryRequest, TEST_ROOT_KEYS } from './test-signing.ts';
import type { WireService } from './types.ts';

// ELBv2, Auto Scaling and CloudWatch through the handler: every modelled action bound, CloudWatch in both of
// its protocols (AWS JSON 1.0 for current SDKs, Query 2010-08-01 for older ones).

const ctx = testCtx();
const options: HandleAwsOptions = { ctx, requestId: 'req-1', resolveCredentials: (id) => (id === TEST_ROOT_KEYS.accessKeyId ? rootCaller(ctx.accountId, TEST_ROOT_KEYS.secretAccessKey) : undefined) };

const query = (service: string, body: string) => signQueryRequest(body, TEST_ROOT_KEYS, { time: ctx.clock.now(), service });
const json = (action: string, input: object, headers: Record<string, string> = {}) =>
  signQueryRequest(JSON.stringify(input), TEST_ROOT_KEYS, {
    time: ctx.clock.now(),
    service: 'monitoring',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `GraniteServiceVersion20100801.${action}`, ...headers },
  });
const run = (state: AccountState, request: ReturnType<typeof query>) => {
  const result = handleAwsRequest(state, request, options);
  expect(result.internalError).toBeUndefined();
  return { ...result, text: bodyText(result.response.body) };
};

const ALARM = { AlarmName: 'cpu-high', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: 60, EvaluationPeriods: 3, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold' };

describe('the query services are wired', () => {
  const cases: [string, WireService, Record<string, unknown>][] = [
    ['elasticloadbalancing', elbv2Service, elbv2Actions],
    ['autoscaling', autoscalingService, autoscalingActions],
    ['monitoring', cloudwatchService, cloudwatchActions],
  ];
  it.each(cases)('%s: every modelled action has an input spec and a resource, and is a real operation', (signingName, service, engine) => {
    expect(WIRE_SERVICES[signingName]).toBe(service);
    for (const action of Object.keys(engine)) {
      expect(service.apiOperations, action).toContain(action);
      expect(service.bindings[action]?.input, action).toBeDefined();
      expect(service.bindings[action]?.resource, action).toBeDefined();
      expect(service.actions[action], action).toBeTypeOf('function');
    }
  });
});

describe('CloudWatch in both protocols', () => {
  it('answers AWS JSON 1.0 in JSON, with timestamps as epoch seconds', () => {
    const put = run(emptyAccountState(), json('PutMetricAlarm', ALARM));
    expect(put.response.status).toBe(200);
    expect(put.response.headers['content-type']).toBe('application/x-amz-json-1.0');
    const described = run(put.state, json('DescribeAlarms', { AlarmNames: ['cpu-high'] }));
    const body = JSON.parse(described.text) as { MetricAlarms: Record<string, unknown>[]; CompositeAlarms: unknown[] };
    expect(body.MetricAlarms[0]).toMatchObject({ AlarmName: 'cpu-high', Threshold: 80, StateValue: 'INSUFFICIENT_DATA', StateUpdatedTimestamp: ctx.clock.now() / 1000 });
    expect(body.CompositeAlarms).toEqual([]);
  });

  it('answers the Query protocol in XML, with timestamps as ISO 8601', () => {
    const params = new URLSearchParams({ Action: 'PutMetricAlarm', Version: '2010-08-01', ...Object.fromEntries(Object.entries(ALARM).map(([k, v]) => [k, String(v)])) });
    const put = run(emptyAccountState(), query('monitoring', params.toString()));
    expect(put.text).toBe('<PutMetricAlarmResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></PutMetricAlarmResponse>');
    const described = run(put.state, query('monitoring', 'Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=cpu-high'));
    expect(described.text).toContain(`<StateUpdatedTimestamp>${new Date(ctx.clock.now()).toISOString()}</StateUpdatedTimestamp>`);
    expect(described.text).toContain('<Threshold>80</Threshold>');
  });

  it.each([
    ['a JSON call on a missing alarm', json('SetAlarmState', { AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' }), 404, 'ResourceNotFound'],
    ['an X-Amz-Target of another service', json('DescribeAlarms', {}, { 'x-amz-target': 'DynamoDB_20120810.DescribeAlarms' }), 400, 'UnknownOperationException'],
    ['a JSON body that is not JSON', signQueryRequest('{', TEST_ROOT_KEYS, { time: ctx.clock.now(), service: 'monitoring', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms' } }), 400, 'SerializationException'],
    ['an unmodelled operation', json('PutDashboard', { DashboardName: 'ops', DashboardBody: '{}' }), 501, 'NotImplemented'],
  ])('answers %s as a JSON error', (_name, request, status, code) => {
    const result = run(emptyAccountState(), request);
    expect(result.response.status).toBe(status);
    // The fault is the caller's for a 4xx, the service's for a 5xx (501: not modelled here).
    expect(result.response.headers['x-amzn-query-error']).toBe(`${code};${status >= 500 ? 'Receiver' : 'Sender'}`);
    expect(JSON.parse(result.text)).toMatchObject({ __type: `com.amazonaws.cloudwatch#${code}` });
  });

  it('refuses tags rather than dropping them: tagging is not modelled', () => {
    const result = run(emptyAccountState(), json('PutMetricAlarm', { ...ALARM, Tags: [{ Key: 'team', Value: 'ops' }] }));
    expect(result.response.status).toBe(400);
    expect(JSON.parse(result.text)).toEqual({ __type: 'com.amazonaws.cloudwatch#ValidationException', message: 'the parameter `Tags` is not modelled by the emulator yet' });
    expect(result.changed).toBe(false);
  });

  it('answers a Query call on a missing alarm in XML', () => {
    const result = run(emptyAccountState(), query('monitoring', 'Action=SetAlarmState&Version=2010-08-01&AlarmName=nope&StateValue=OK&StateReason=x'));
    expect(result.response.status).toBe(404);
    expect(result.text).toContain('<Code>ResourceNotFound</Code>');
  });
});

describe('ELBv2 and Auto Scaling use the account’s own VPC', () => {
  it('looks the subnets of a new load balancer up in the account’s EC2', () => {
    const result = run(emptyAccountState(), query('elasticloadbalancing', 'Action=CreateLoadBalancer&Version=2015-12-01&Name=web&Subnets.member.1=subnet-1&Subnets.member.2=subnet-2'));
    expect(result.response.status).toBe(400);
    expect(result.text).toContain('<Code>SubnetNotFound</Code><Message>the subnet `subnet-1` does not exist</Message>');
  });

  it('refuses a group from a launch configuration instead of ignoring it', () => {
    const result = run(emptyAccountState(), query('autoscaling', 'Action=CreateAutoScalingGroup&Version=2011-01-01&AutoScalingGroupName=web&LaunchConfigurationName=old&MinSize=1&MaxSize=2&AvailabilityZones.member.1=us-east-1a'));
    expect(result.response.status).toBe(400);
    expect(result.text).toContain('the parameter `LaunchConfigurationName` is not modelled by the emulator yet');
  });
});
