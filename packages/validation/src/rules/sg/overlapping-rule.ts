import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';
import { bucketCovers, describeSgRule, rulesByBucket } from './rule-key.ts';

/** A rule whose traffic a wider rule of the same group already allows (security group rules only add up). */
export const rule: Rule<SgRule[]> = {
  id: 'sg/overlapping-rule',
  severity: 'suggestion',
  kinds: ['security-groups'],
  help: 'remove the narrower rule, or narrow the wider one if it allows more than intended',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check: (rules) => {
    const { of } = rulesByBucket(rules);
    return rules.flatMap((r) => {
      const { bucket, index: i } = of.get(r)!;
      // The first rule in document order that covers this one without being the same rule again.
      let wider: SgRule | undefined;
      for (let j = 0; j < bucket.rules.length && !wider; j++) {
        if (j !== i && bucketCovers(bucket, j, i) && !bucketCovers(bucket, i, j)) wider = bucket.rules[j];
      }
      return wider ? [{ path: r.peerPath, message: `${describeSgRule(r)} is already allowed by ${describeSgRule(wider)}` }] : [];
    });
  },
};
