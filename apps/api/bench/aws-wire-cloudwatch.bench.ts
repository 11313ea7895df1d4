// `npm run bench` (apps/api): CloudWatch over the wire (AWS JSON 1.0, as the SDK speaks it), one read and one write.
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { startAwsAttempt } from '../test/support/aws-attempt.ts';
import { roundTrips } from './aws-wire-rate.ts';

const attempt = await startAwsAttempt('cloudwatch-alarm-missing-data');
const cw = new CloudWatchClient(attempt.clientConfig());
await cw.send(new PutMetricAlarmCommand({ AlarmName: 'bench', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: 60, EvaluationPeriods: 3, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold' }));
await roundTrips('CloudWatch DescribeAlarms (read)', 300, () => cw.send(new DescribeAlarmsCommand({ AlarmNames: ['bench'] })));
// Alternating states, so every call changes and stores the account.
await roundTrips('CloudWatch SetAlarmState (write)', 300, (i) => cw.send(new SetAlarmStateCommand({ AlarmName: 'bench', StateValue: i % 2 === 0 ? 'ALARM' : 'OK', StateReason: 'bench' })));
await attempt.close();
