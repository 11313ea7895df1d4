import { ruleTable } from '../rule-table.ts';

const policy = (PredefinedMetricType: string, TargetValue: number) => ({ PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType }, TargetValue } });
ruleTable('asg/target-value-out-of-range', 'scaling-policy', {
  hit: [policy('ASGAverageCPUUtilization', 150), policy('ASGAverageCPUUtilization', 0), policy('ASGAverageNetworkIn', -5)],
  miss: [policy('ASGAverageCPUUtilization', 50), policy('ASGAverageNetworkIn', 1000000)],
});
