import type { z } from 'zod';
import type { scalingPolicySchema } from '../../schemas/auto-scaling.ts';
import type { Rule } from '../rule.ts';
import { neighbours } from './step-intervals.ts';

/** Step intervals must meet: a breach that falls between two steps matches none, and Auto Scaling refuses the policy. */
export const rule: Rule<z.output<typeof scalingPolicySchema>> = {
  id: 'asg/step-adjustment-gap',
  severity: 'error',
  kinds: ['scaling-policy'],
  help: 'make each step\'s `MetricIntervalLowerBound` equal the previous step\'s `MetricIntervalUpperBound`',
  learnMore: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html#as-scaling-steps',
  check: (policy) =>
    neighbours(policy)
      .filter((n) => n.lower > n.upper)
      .map((n) => ({ path: ['StepAdjustments', n.index, 'MetricIntervalLowerBound'], message: `no step covers breaches from ${n.upper} to ${n.lower}` })),
};
