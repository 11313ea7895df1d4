import type { z } from 'zod';
import type { scalingPolicySchema } from '../../schemas/auto-scaling.ts';
import type { Rule } from '../rule.ts';
import { neighbours } from './step-intervals.ts';

/** Overlapping step intervals are ambiguous, and Auto Scaling refuses the policy. */
export const rule: Rule<z.output<typeof scalingPolicySchema>> = {
  id: 'asg/step-adjustment-overlap',
  severity: 'error',
  kinds: ['scaling-policy'],
  help: 'make each step start where the previous one ends',
  learnMore: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scaling-simple-step.html#as-scaling-steps',
  check: (policy) =>
    neighbours(policy)
      .filter((n) => n.lower < n.upper)
      .map((n) => ({ path: ['StepAdjustments', n.index], message: `this step overlaps the previous one from ${n.lower} to ${n.upper}` })),
};
