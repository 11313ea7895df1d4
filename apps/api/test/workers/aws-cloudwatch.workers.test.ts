import { expect, it } from 'vitest';
import { decodeCbor, encodeCbor } from '../../../../packages/emulator/src/wire/protocols/cbor.ts';
import { workerAttempt } from './aws-wire-session.ts';

// CloudWatch in workerd in its three protocols: AWS JSON 1.0 as the SDK speaks it, Smithy RPC v2 CBOR as the
// AWS CLI does, Query as older clients do.

const json = (action: string) => ({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `GraniteServiceVersion20100801.${action}`, 'x-amzn-query-mode': 'true' });

it('puts an alarm over AWS JSON 1.0 and reads it back in JSON, Query and CBOR', async () => {
  const { send, version } = await workerAttempt('cloudwatch-alarm-missing-data');
  const before = await version();
  const alarm = { AlarmName: 'from-workerd', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: 60, EvaluationPeriods: 2, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' };
  const put = await send('monitoring', JSON.stringify(alarm), json('PutMetricAlarm'));
  expect(put.status).toBe(200);
  expect(put.headers.get('content-type')).toBe('application/x-amz-json-1.0');
  expect(await version()).toBe(before + 1);

  const described = await send('monitoring', JSON.stringify({ AlarmNames: ['from-workerd'] }), json('DescribeAlarms'));
  expect(JSON.parse(described.text)).toMatchObject({ MetricAlarms: [{ AlarmName: 'from-workerd', Threshold: 70, StateValue: 'INSUFFICIENT_DATA' }] });
  const viaQuery = await send('monitoring', 'Action=DescribeAlarms&Version=2010-08-01&AlarmNames.member.1=from-workerd');
  expect(viaQuery.text).toContain('<AlarmName>from-workerd</AlarmName>');
  const viaCbor = await send('monitoring', encodeCbor({ AlarmNames: ['from-workerd'] }), { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' }, '/service/GraniteServiceVersion20100801/operation/DescribeAlarms');
  expect(viaCbor.headers.get('smithy-protocol')).toBe('rpc-v2-cbor');
  expect(decodeCbor(viaCbor.bytes)).toMatchObject({ MetricAlarms: [{ AlarmName: 'from-workerd', Threshold: 70 }] });

  const missing = await send('monitoring', JSON.stringify({ AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' }), json('SetAlarmState'));
  expect(missing.status).toBe(404);
  expect(missing.headers.get('x-amzn-query-error')).toBe('ResourceNotFound;Sender');
});
