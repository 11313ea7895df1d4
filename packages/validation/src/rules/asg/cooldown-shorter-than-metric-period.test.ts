import { ruleTable } from '../rule-table.ts';

const policy = (ScalingAdjustment: number, Cooldown: number) => ({ PolicyName: 'in', PolicyType: 'SimpleScaling', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment, Cooldown });
ruleTable('asg/cooldown-shorter-than-metric-period', 'scaling-policy', { hit: [policy(-1, 60)], miss: [policy(-1, 300), policy(1, 60)] });
ruleTable('asg/cooldown-shorter-than-metric-period', 'scaling-policy', { hit: [policy(-1, 30)], miss: [policy(-1, 60)] }, { metricPeriodSeconds: 60 });
