import type { z } from 'zod';
import type { ecrLifecycleSchema } from '../../schemas/storage.ts';
import type { Rule } from '../rule.ts';

/** `tagStatus: tagged` needs `tagPrefixList` or `tagPatternList` to say which tags. */
export const rule: Rule<z.output<typeof ecrLifecycleSchema>> = {
  id: 'ecr/tagged-without-filter',
  severity: 'error',
  kinds: ['ecr-lifecycle'],
  help: 'add `tagPrefixList` (such as `["v"]`) or `tagPatternList` (such as `["prod*"]`)',
  learnMore: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html#lifecycle_policy_parameters',
  check: ({ rules }) =>
    rules.flatMap((r, i) =>
      r.selection.tagStatus === 'tagged' && !r.selection.tagPrefixList?.length && !r.selection.tagPatternList?.length
        ? [{ path: ['rules', i, 'selection', 'tagStatus'], message: 'a `tagged` rule needs `tagPrefixList` or `tagPatternList`' }]
        : [],
    ),
};
