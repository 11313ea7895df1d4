import type { SgRule } from '../../schemas/security-group.ts';
import { isWholeInternet } from '../../schemas/cidr.ts';
import type { RuleHit } from '../rule.ts';

/** Hits for ingress rules that let the whole internet reach any of `ports` over TCP. */
export function worldOpenPort(rules: readonly SgRule[], ports: readonly number[], what: string): RuleHit[] {
  return rules.flatMap((r) => {
    if (r.direction !== 'ingress' || !isWholeInternet(r.cidr) || (r.protocol !== 'tcp' && r.protocol !== '-1')) return [];
    const open = ports.filter((p) => r.fromPort <= p && p <= r.toPort);
    if (open.length === 0 || (r.fromPort === 0 && r.toPort === 65535)) return [];
    return [{ path: r.peerPath, message: `port ${open.join(', ')} (${what}) is open to the whole internet (\`${r.cidr ?? ''}\`)` }];
  });
}
