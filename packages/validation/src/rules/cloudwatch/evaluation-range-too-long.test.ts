import { ruleTable } from '../rule-table.ts';

const alarm = (Period: number, EvaluationPeriods: number) => ({ AlarmName: 'cpu', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Period, EvaluationPeriods, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold' });
ruleTable('cloudwatch/evaluation-range-too-long', 'cloudwatch-alarm', { hit: [alarm(300, 300), alarm(3600, 200)], miss: [alarm(300, 288), alarm(3600, 168)] });
