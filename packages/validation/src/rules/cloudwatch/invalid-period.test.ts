import { ruleTable } from '../rule-table.ts';

const alarm = (Period: number) => ({ AlarmName: 'cpu', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period, EvaluationPeriods: 2, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' });
ruleTable('cloudwatch/invalid-period', 'cloudwatch-alarm', { hit: [alarm(45), alarm(90)], miss: [alarm(60), alarm(300), alarm(10)] });
