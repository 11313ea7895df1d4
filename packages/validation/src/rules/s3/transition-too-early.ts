import type { z } from 'zod';
import type { s3LifecycleSchema } from '../../schemas/storage.ts';
import type { Rule } from '../rule.ts';

/** S3 refuses transitions to Standard-IA or One Zone-IA before objects are 30 days old. */
export const rule: Rule<z.output<typeof s3LifecycleSchema>> = {
  id: 's3/transition-too-early',
  severity: 'error',
  kinds: ['s3-lifecycle'],
  help: 'transition to `STANDARD_IA` or `ONEZONE_IA` after at least 30 days, or use `INTELLIGENT_TIERING` or `GLACIER_IR`',
  learnMore: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html',
  check: ({ Rules }) =>
    Rules.flatMap((r, i) =>
      (r.Transitions ?? []).flatMap((t, j) =>
        (t.StorageClass === 'STANDARD_IA' || t.StorageClass === 'ONEZONE_IA') && t.Days !== undefined && t.Days < 30
          ? [{ path: ['Rules', i, 'Transitions', j, 'Days'], message: `objects must be at least 30 days old to move to \`${t.StorageClass}\`, not ${t.Days}` }]
          : [],
      ),
    ),
};
