import type { z } from 'zod';
import type { ecrLifecycleSchema } from '../../schemas/storage.ts';
import type { Rule } from '../rule.ts';

/** Every lifecycle rule needs its own `rulePriority`. */
export const rule: Rule<z.output<typeof ecrLifecycleSchema>> = {
  id: 'ecr/duplicate-rule-priority',
  severity: 'error',
  kinds: ['ecr-lifecycle'],
  help: 'number the rules 1, 2, 3 … in the order they should be evaluated',
  learnMore: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html#lp_evaluation_rules',
  check: ({ rules }) =>
    rules.flatMap((r, i) => (rules.findIndex((o) => o.rulePriority === r.rulePriority) < i ? [{ path: ['rules', i, 'rulePriority'], message: `priority ${r.rulePriority} is used by an earlier rule` }] : [])),
};
