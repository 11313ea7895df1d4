import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';
import { worldOpenPort } from './world-open-port.ts';

/** SSH reachable from `0.0.0.0/0` or `::/0` invites brute-force attempts within minutes. */
export const rule: Rule<SgRule[]> = {
  id: 'sg/ssh-open-to-world',
  severity: 'security-warning',
  kinds: ['security-groups'],
  help: 'allow SSH only from your own address range, or use Session Manager or EC2 Instance Connect instead',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check: (rules) => worldOpenPort(rules, [22], 'SSH'),
};
