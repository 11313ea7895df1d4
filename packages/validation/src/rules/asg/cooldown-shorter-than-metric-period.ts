import type { z } from 'zod';
import type { scalingPolicySchema } from '../../schemas/auto-scaling.ts';
import type { Rule } from '../rule.ts';

/**
 * A scale-in cooldown shorter than the metric's period lets the next activity start before a new data point
 * reflects the last one, so the group keeps shrinking on stale data.
 */
export const rule: Rule<z.output<typeof scalingPolicySchema>> = {
  id: 'asg/cooldown-shorter-than-metric-period',
  severity: 'warning',
  kinds: ['scaling-policy'],
  help: 'set `Cooldown` to at least the period of the alarm\'s metric (300 s with basic EC2 monitoring, 60 s with detailed)',
  learnMore: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scaling-cooldowns.html',
  check: (policy, { options }) => {
    const period = options.metricPeriodSeconds ?? 300;
    if ((policy.PolicyType ?? 'SimpleScaling') !== 'SimpleScaling' || (policy.ScalingAdjustment ?? 0) >= 0 || policy.Cooldown === undefined || policy.Cooldown >= period) return [];
    return [{ path: ['Cooldown'], message: `the scale-in cooldown of ${policy.Cooldown} s is shorter than the metric period of ${period} s` }];
  },
};
