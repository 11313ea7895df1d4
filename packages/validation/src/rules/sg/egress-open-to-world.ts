import { isWholeInternet } from '../../schemas/cidr.ts';
import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';

/** All outbound traffic to anywhere (the default egress rule) is wider than most workloads need. */
export const rule: Rule<SgRule[]> = {
  id: 'sg/egress-open-to-world',
  severity: 'suggestion',
  kinds: ['security-groups'],
  help: 'allow only the destinations and ports the instances call (for example `tcp 443`, or the database\'s security group)',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check: (rules) =>
    rules
      .filter((r) => r.direction === 'egress' && r.protocol === '-1' && isWholeInternet(r.cidr))
      .map((r) => ({ path: r.peerPath, message: `all outbound traffic to \`${r.cidr ?? ''}\` is allowed` })),
};
