import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';
import { describeSgRule, sgRuleCovers, sgRuleEquals } from './rule-key.ts';

/** A rule whose traffic a wider rule of the same group already allows (security group rules only add up). */
export const rule: Rule<SgRule[]> = {
  id: 'sg/overlapping-rule',
  severity: 'suggestion',
  kinds: ['security-groups'],
  help: 'remove the narrower rule, or narrow the wider one if it allows more than intended',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check: (rules) =>
    rules.flatMap((r) => {
      const group = JSON.stringify(r.path.slice(0, -2));
      const wider = rules.find((o) => o !== r && JSON.stringify(o.path.slice(0, -2)) === group && sgRuleCovers(o, r) && !sgRuleEquals(o, r));
      return wider ? [{ path: r.peerPath, message: `${describeSgRule(r)} is already allowed by ${describeSgRule(wider)}` }] : [];
    }),
};
