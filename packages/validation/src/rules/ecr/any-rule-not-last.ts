import type { z } from 'zod';
import type { ecrLifecycleSchema } from '../../schemas/storage.ts';
import type { Rule } from '../rule.ts';

/** A `tagStatus: any` rule must have the highest `rulePriority`; ECR refuses the policy otherwise. */
export const rule: Rule<z.output<typeof ecrLifecycleSchema>> = {
  id: 'ecr/any-rule-not-last',
  severity: 'error',
  kinds: ['ecr-lifecycle'],
  help: 'give the `any` rule the highest `rulePriority` of the policy',
  learnMore: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html#lp_evaluation_rules',
  check: ({ rules }) => {
    const highest = Math.max(...rules.map((r) => r.rulePriority));
    return rules.flatMap((r, i) =>
      r.selection.tagStatus === 'any' && r.rulePriority !== highest ? [{ path: ['rules', i, 'rulePriority'], message: `the \`any\` rule has priority ${r.rulePriority}, but ${highest} is higher` }] : [],
    );
  },
};
