import type { NaclInput } from '../../schemas/artifact-kinds.ts';
import type { Rule } from '../rule.ts';
import { entryCovers } from './entry-match.ts';

/** An entry that a lower-numbered entry fully covers is never reached: NACLs stop at the first match. */
export const rule: Rule<NaclInput> = {
  id: 'nacl/shadowed-entry',
  severity: 'warning',
  kinds: ['nacl-entries'],
  help: 'give the entry a lower `RuleNumber` than the wider one, or remove it',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  check: ({ entries, at }) =>
    entries.flatMap((entry, i) => {
      if (entry.RuleNumber >= 32767) return [];
      const lower = entries.filter((o) => o.RuleNumber < entry.RuleNumber && entryCovers(o, entry)).sort((a, b) => a.RuleNumber - b.RuleNumber)[0];
      if (!lower) return [];
      return [{ path: [...at, i, 'RuleNumber'], message: `rule ${entry.RuleNumber} is never reached: rule ${lower.RuleNumber} (${lower.RuleAction}) matches all of its traffic first` }];
    }),
};
