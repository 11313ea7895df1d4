import type { NaclInput } from '../../schemas/artifact-kinds.ts';
import type { Rule } from '../rule.ts';

/** Two entries with the same number in the same direction: EC2 refuses the second (`NetworkAclEntryAlreadyExists`). */
export const rule: Rule<NaclInput> = {
  id: 'nacl/duplicate-rule-number',
  severity: 'error',
  kinds: ['nacl-entries'],
  help: 'give every entry of a direction its own `RuleNumber` (leave gaps such as 100, 110, 120 for later)',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  check: ({ entries, at }) =>
    entries.flatMap((entry, i) =>
      entries.findIndex((o) => o.RuleNumber === entry.RuleNumber && o.Egress === entry.Egress) < i
        ? [{ path: [...at, i, 'RuleNumber'], message: `rule number ${entry.RuleNumber} is used twice for ${entry.Egress ? 'outbound' : 'inbound'} rules` }]
        : [],
    ),
};
