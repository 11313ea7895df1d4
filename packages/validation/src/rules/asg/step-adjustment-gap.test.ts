import { ruleTable } from '../rule-table.ts';

const policy = (steps: object[]) => ({ PolicyName: 'out', PolicyType: 'StepScaling', AdjustmentType: 'ChangeInCapacity', StepAdjustments: steps });
ruleTable('asg/step-adjustment-gap', 'scaling-policy', {
  hit: [policy([{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 }])],
  miss: [policy([{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 10, ScalingAdjustment: 2 }])],
});
