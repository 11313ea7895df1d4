import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';
import { worldOpenPort } from './world-open-port.ts';

/** RDP reachable from the whole internet is one of the most attacked services. */
export const rule: Rule<SgRule[]> = {
  id: 'sg/rdp-open-to-world',
  severity: 'security-warning',
  kinds: ['security-groups'],
  help: 'allow RDP only from your own address range, or use Fleet Manager or a bastion',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check: (rules) => worldOpenPort(rules, [3389], 'RDP'),
};
