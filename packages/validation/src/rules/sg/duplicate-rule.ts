import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';
import { bucketCovers, describeSgRule, rulesByBucket } from './rule-key.ts';

/** The same rule twice: EC2 refuses the duplicate (`InvalidPermission.Duplicate`). */
export const rule: Rule<SgRule[]> = {
  id: 'sg/duplicate-rule',
  severity: 'error',
  kinds: ['security-groups'],
  help: 'remove one of the two rules',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check: (rules) => {
    const duplicates = new Set<SgRule>();
    for (const bucket of rulesByBucket(rules).all) {
      for (let i = 1; i < bucket.rules.length; i++) {
        for (let j = 0; j < i; j++) {
          if (bucket.from[j] === bucket.from[i] && bucket.to[j] === bucket.to[i] && bucketCovers(bucket, j, i) && bucketCovers(bucket, i, j)) {
            duplicates.add(bucket.rules[i]!);
            break;
          }
        }
      }
    }
    return rules.filter((r) => duplicates.has(r)).map((r) => ({ path: r.peerPath, message: `${describeSgRule(r)} duplicates an earlier rule of the same group` }));
  },
};
