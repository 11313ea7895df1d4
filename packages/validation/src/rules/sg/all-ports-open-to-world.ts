import { isWholeInternet } from '../../schemas/cidr.ts';
import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';

/** Every port (or every protocol) open to the whole internet exposes whatever the instance runs. */
export const rule: Rule<SgRule[]> = {
  id: 'sg/all-ports-open-to-world',
  severity: 'security-warning',
  kinds: ['security-groups'],
  help: 'open only the ports the service listens on (for a web server, 80 and 443)',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  check: (rules) =>
    rules
      .filter((r) => r.direction === 'ingress' && isWholeInternet(r.cidr) && (r.protocol === '-1' || ((r.protocol === 'tcp' || r.protocol === 'udp') && r.fromPort === 0 && r.toPort === 65535)))
      .map((r) => ({ path: r.peerPath, message: `${r.protocol === '-1' ? 'all traffic' : `every ${r.protocol.toUpperCase()} port`} is open to the whole internet (\`${r.cidr ?? ''}\`)` })),
};
