import { cidrContains, parseCidr } from '../../schemas/cidr.ts';
import type { SgRule } from '../../schemas/security-group.ts';

/** True when rule `outer` allows every packet `inner` allows (same direction, protocol, peer family). */
export function sgRuleCovers(outer: SgRule, inner: SgRule): boolean {
  if (outer.direction !== inner.direction) return false;
  if (outer.protocol !== '-1' && outer.protocol !== inner.protocol) return false;
  if (outer.fromPort > inner.fromPort || outer.toPort < inner.toPort) return false;
  if (outer.cidr === undefined || inner.cidr === undefined) return outer.cidr === inner.cidr && outer.peer === inner.peer;
  const a = parseCidr(outer.cidr);
  const b = parseCidr(inner.cidr);
  return a !== undefined && b !== undefined && cidrContains(a, b);
}

/** True when both rules allow exactly the same packets. */
export function sgRuleEquals(a: SgRule, b: SgRule): boolean {
  return sgRuleCovers(a, b) && sgRuleCovers(b, a);
}

/** How a rule reads in a message: `tcp 22 from 10.0.0.0/8`. */
export function describeSgRule(r: SgRule): string {
  const ports = r.protocol === '-1' ? 'all traffic' : r.fromPort === r.toPort ? `${r.protocol} ${r.fromPort}` : `${r.protocol} ${r.fromPort}-${r.toPort}`;
  return `\`${ports} ${r.direction === 'ingress' ? 'from' : 'to'} ${r.peer}\``;
}
