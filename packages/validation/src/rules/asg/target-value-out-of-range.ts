import type { z } from 'zod';
import type { scalingPolicySchema } from '../../schemas/auto-scaling.ts';
import type { Rule } from '../rule.ts';

/** A target outside what the metric can reach: CPU is a percentage, counts and bytes are positive. */
export const rule: Rule<z.output<typeof scalingPolicySchema>> = {
  id: 'asg/target-value-out-of-range',
  severity: 'error',
  kinds: ['scaling-policy'],
  help: 'pick a target the metric can reach, such as 50 for `ASGAverageCPUUtilization`',
  learnMore: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-target-tracking.html',
  check: (policy) => {
    const config = policy.TargetTrackingConfiguration;
    if (!config) return [];
    const metric = config.PredefinedMetricSpecification?.PredefinedMetricType;
    const value = config.TargetValue;
    if (metric === 'ASGAverageCPUUtilization' && (value <= 0 || value > 100)) return [{ path: ['TargetTrackingConfiguration', 'TargetValue'], message: `a CPU utilisation target of ${value} is outside 0-100 %` }];
    if (value <= 0) return [{ path: ['TargetTrackingConfiguration', 'TargetValue'], message: `a target of ${value} can never be tracked: the metric is never negative` }];
    return [];
  },
};
