import type { NaclInput } from '../../schemas/artifact-kinds.ts';
import type { Rule } from '../rule.ts';
import { entryPorts, protocolNumber } from './entry-match.ts';

type Entry = NaclInput['entries'][number];

const isTcpAllow = (e: Entry) => e.RuleAction === 'allow' && (protocolNumber(e) === '6' || protocolNumber(e) === '-1');

/**
 * NACLs are stateless: a connection allowed in one direction needs its replies allowed back, to the
 * client's ephemeral ports 1024-65535.
 */
export const rule: Rule<NaclInput> = {
  id: 'nacl/missing-ephemeral-return',
  severity: 'warning',
  kinds: ['nacl-entries'],
  help: 'add an entry in the other direction allowing TCP 1024-65535 (the clients\' ephemeral ports)',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html#nacl-ephemeral-ports',
  check: ({ entries, at }) =>
    entries.flatMap((entry, i) => {
      const [from, to] = entryPorts(entry);
      if (!isTcpAllow(entry) || protocolNumber(entry) === '-1' || to >= 1024 || entry.RuleNumber >= 32767) return [];
      const returns = entries.some((o) => o.Egress !== entry.Egress && isTcpAllow(o) && entryPorts(o)[0] <= 1024 && entryPorts(o)[1] >= 65535);
      if (returns) return [];
      const direction = entry.Egress ? 'inbound' : 'outbound';
      return [{ path: [...at, i], message: `rule ${entry.RuleNumber} allows TCP ${from === to ? from : `${from}-${to}`} but no ${direction} rule allows the replies to ports 1024-65535` }];
    }),
};
