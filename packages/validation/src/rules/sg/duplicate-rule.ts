import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';
import { describeSgRule, sgRuleEquals } from './rule-key.ts';

/** The same rule twice: EC2 refuses the duplicate (`InvalidPermission.Duplicate`). */
export const rule: Rule<SgRule[]> = {
  id: 'sg/duplicate-rule',
  severity: 'error',
  kinds: ['security-groups'],
  help: 'remove one of the two rules',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check: (rules) =>
    rules.flatMap((r, i) => {
      const first = rules.findIndex((o, j) => j < i && sgRuleEquals(o, r) && JSON.stringify(o.path.slice(0, -2)) === JSON.stringify(r.path.slice(0, -2)));
      return first < 0 ? [] : [{ path: r.peerPath, message: `${describeSgRule(r)} duplicates an earlier rule of the same group` }];
    }),
};
