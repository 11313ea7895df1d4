import { ruleTable } from '../rule-table.ts';

const policy = (steps: object[]) => ({ PolicyName: 'out', PolicyType: 'StepScaling', AdjustmentType: 'ChangeInCapacity', StepAdjustments: steps });
ruleTable('asg/step-adjustment-overlap', 'scaling-policy', {
  hit: [policy([{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 10, ScalingAdjustment: 2 }]), policy([{ ScalingAdjustment: -1 }, { MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }])],
  miss: [policy([{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }, { MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }])],
});
