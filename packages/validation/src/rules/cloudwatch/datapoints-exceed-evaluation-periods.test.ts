import { ruleTable } from '../rule-table.ts';

const alarm = (DatapointsToAlarm: number) => ({ AlarmName: 'cpu', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Period: 60, EvaluationPeriods: 3, DatapointsToAlarm, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' });
ruleTable('cloudwatch/datapoints-exceed-evaluation-periods', 'cloudwatch-alarm', { hit: [alarm(4)], miss: [alarm(2), alarm(3)] });
