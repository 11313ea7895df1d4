import type { NetworkAclEntry } from './state.ts';

/** The final `*` entries (rule 32767) every network ACL ends with: deny whatever no numbered entry matched. */
export function finalDenyEntries(ipv6: boolean): NetworkAclEntry[] {
  const entries: NetworkAclEntry[] = [];
  for (const Egress of [false, true]) {
    entries.push({ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress, CidrBlock: '0.0.0.0/0' });
    if (ipv6) entries.push({ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress, Ipv6CidrBlock: '::/0' });
  }
  return entries;
}

/**
 * Entries in one canonical order — ingress then egress, by rule number, IPv4 before IPv6 — so a stored
 * ACL is the same whatever order its entries were added in.
 */
export function sortAclEntries(entries: NetworkAclEntry[]): NetworkAclEntry[] {
  return entries.sort((a, b) => Number(a.Egress) - Number(b.Egress) || a.RuleNumber - b.RuleNumber || Number(a.CidrBlock === undefined) - Number(b.CidrBlock === undefined));
}
