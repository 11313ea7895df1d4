import { parseCidr, rangeContains, rangesOverlap, type IpRange } from './cidr.ts';
import type { NetworkAcl, NetworkAclEntry } from './state.ts';

// Network ACL evaluation (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html): entries are
// read from the lowest rule number up and the first entry that matches the traffic decides; the final
// `*` entry denies whatever nothing matched. Here the traffic is a set — one remote address range and a
// range of ports (the client's ephemeral ports on a return path) — and it passes only if every port of
// it, from every address of it, is allowed. Ports are tracked exactly; an address range is either wholly
// inside an entry's CIDR (the entry decides) or, for a deny that only overlaps it, blocked (some addresses
// are denied), which fails closed.

/** A closed port interval. */
export interface PortInterval {
  From: number;
  To: number;
}

/** The traffic an ACL is asked about. */
export interface AclTraffic {
  /** The other party's address: the source for ingress entries, the destination for egress entries. */
  remote: IpRange;
  /** The IANA protocol number as text (`6`, `17`, `1` …). */
  protocol: string;
  /** The destination ports of the packets (for tcp and udp). */
  ports: PortInterval;
  /** For ICMP, the message type the packets carry (8 echo request, 0 echo reply). */
  icmpType?: number;
}

/** The outcome: the entries that allowed parts of the traffic, or the entry that denied some of it. */
export type AclDecision =
  | { decision: 'allow'; entries: NetworkAclEntry[] }
  | { decision: 'deny'; entry: NetworkAclEntry; ports: PortInterval };

function entryRange(entry: NetworkAclEntry): IpRange | undefined {
  return parseCidr(entry.CidrBlock ?? entry.Ipv6CidrBlock ?? '');
}

function protocolMatches(entry: NetworkAclEntry, traffic: AclTraffic): boolean {
  if (entry.Protocol === '-1') return true;
  if (entry.Protocol !== traffic.protocol) return false;
  if (traffic.icmpType !== undefined && entry.IcmpTypeCode && entry.IcmpTypeCode.Type !== -1) return entry.IcmpTypeCode.Type === traffic.icmpType;
  return true;
}

function hasPortRange(entry: NetworkAclEntry): boolean {
  return entry.PortRange !== undefined && (entry.Protocol === '6' || entry.Protocol === '17');
}

function subtract(intervals: PortInterval[], cut: PortInterval): PortInterval[] {
  const out: PortInterval[] = [];
  for (const i of intervals) {
    if (cut.To < i.From || cut.From > i.To) {
      out.push(i);
      continue;
    }
    if (i.From < cut.From) out.push({ From: i.From, To: cut.From - 1 });
    if (i.To > cut.To) out.push({ From: cut.To + 1, To: i.To });
  }
  return out;
}

function intersection(intervals: PortInterval[], with_: PortInterval): PortInterval | undefined {
  for (const i of intervals) {
    const From = Math.max(i.From, with_.From);
    const To = Math.min(i.To, with_.To);
    if (From <= To) return { From, To };
  }
  return undefined;
}

// Operations keep entries ordered by rule number; an ACL read from elsewhere (a `DescribeNetworkAcls`
// document) may not be, and the answer must not depend on the order the entries were written in. Only the
// order within a direction matters (each direction is evaluated on its own), so inbound and outbound
// entries may interleave without a sort.
function ordered(entries: NetworkAclEntry[]): NetworkAclEntry[] {
  let lastIngress = -1;
  let lastEgress = -1;
  for (const entry of entries) {
    const last = entry.Egress ? lastEgress : lastIngress;
    if (last > entry.RuleNumber) return [...entries].sort((a, b) => a.RuleNumber - b.RuleNumber);
    if (entry.Egress) lastEgress = entry.RuleNumber;
    else lastIngress = entry.RuleNumber;
  }
  return entries;
}

/** Evaluates the ACL's entries of one direction for the traffic, lowest rule number first. */
export function evaluateAcl(acl: NetworkAcl, egress: boolean, traffic: AclTraffic): AclDecision {
  let remaining: PortInterval[] = [traffic.ports];
  const allowing: NetworkAclEntry[] = [];
  for (const entry of ordered(acl.Entries)) {
    if (entry.Egress !== egress || !protocolMatches(entry, traffic)) continue;
    const range = entryRange(entry);
    if (!range || range.family !== traffic.remote.family) continue;
    const ports = hasPortRange(entry) ? (entry.PortRange as PortInterval) : { From: 0, To: 65535 };
    const hit = intersection(remaining, ports);
    if (!hit) continue;
    if (entry.RuleAction === 'deny') {
      if (rangesOverlap(range, traffic.remote)) return { decision: 'deny', entry, ports: hit };
      continue;
    }
    if (!rangeContains(range, traffic.remote)) continue;
    allowing.push(entry);
    remaining = subtract(remaining, ports);
    if (remaining.length === 0) return { decision: 'allow', entries: allowing };
  }
  // No numbered entry covered these ports: the final `*` entry (32767) denies them.
  const ports = remaining[0] ?? traffic.ports;
  return { decision: 'deny', entry: { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: egress, CidrBlock: traffic.remote.family === 4 ? '0.0.0.0/0' : undefined, Ipv6CidrBlock: traffic.remote.family === 6 ? '::/0' : undefined }, ports };
}

/** The port sub-ranges of `ports` the ACL allows for the remote range (for the exposure report). */
export function allowedPorts(acl: NetworkAcl, egress: boolean, traffic: AclTraffic): PortInterval[] {
  let remaining: PortInterval[] = [traffic.ports];
  const allowed: PortInterval[] = [];
  for (const entry of ordered(acl.Entries)) {
    if (entry.Egress !== egress || !protocolMatches(entry, traffic)) continue;
    const range = entryRange(entry);
    if (!range || range.family !== traffic.remote.family) continue;
    const ports = hasPortRange(entry) ? (entry.PortRange as PortInterval) : { From: 0, To: 65535 };
    if (entry.RuleAction === 'deny') {
      if (rangesOverlap(range, traffic.remote)) remaining = subtract(remaining, ports);
    } else if (rangeContains(range, traffic.remote)) {
      for (const i of remaining) {
        const From = Math.max(i.From, ports.From);
        const To = Math.min(i.To, ports.To);
        if (From <= To) allowed.push({ From, To });
      }
      remaining = subtract(remaining, ports);
    }
    if (remaining.length === 0) break;
  }
  return allowed.sort((a, b) => a.From - b.From);
}
