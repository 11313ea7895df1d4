import type { z } from 'zod';
import type { s3LifecycleSchema } from '../../schemas/storage.ts';
import type { Rule } from '../rule.ts';

/** An expiration at or before a transition deletes objects before (or as) they would move. */
export const rule: Rule<z.output<typeof s3LifecycleSchema>> = {
  id: 's3/expiration-before-transition',
  severity: 'warning',
  kinds: ['s3-lifecycle'],
  help: 'expire objects after their last transition, or drop the transition',
  learnMore: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-configuration-examples.html',
  check: ({ Rules }) =>
    Rules.flatMap((r, i) => {
      const expires = r.Expiration?.Days;
      const last = Math.max(...(r.Transitions ?? []).map((t) => t.Days ?? -1));
      return expires !== undefined && last >= 0 && expires <= last ? [{ path: ['Rules', i, 'Expiration', 'Days'], message: `objects expire after ${expires} days, before the transition after ${last} days` }] : [];
    }),
};
