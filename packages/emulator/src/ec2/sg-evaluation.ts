import { parseCidr, rangeContains, type IpRange } from './cidr.ts';
import { protocolName } from './protocols.ts';
import type { Ec2State, IpPermission } from './state.ts';
import { getRecord } from '../records.ts';

// Security group evaluation (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html):
// rules only allow, so traffic passes if any rule of any of the interface's groups allows it. A rule whose
// source is a security group matches only traffic from interfaces carrying that group, and only over
// private addresses: traffic that came through an internet gateway or a NAT gateway carries a public
// source address and no group (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing).

/** The traffic a set of security groups is asked about. */
export interface SgTraffic {
  /** The other party's address: the source for inbound rules, the destination for outbound rules. */
  remote: IpRange;
  /** The groups of the other party's interface when the traffic stays on private addresses; none otherwise. */
  remoteGroupIds: readonly string[];
  /** `tcp`, `udp`, `icmp` or `icmpv6`. */
  protocol: string;
  /** The destination port, or for ICMP the message type. */
  port: number;
}

/** The rule that allowed the traffic, in the spirit of Reachability Analyzer's `SecurityGroupRule`. */
export interface MatchedSecurityGroupRule {
  SecurityGroupId: string;
  Direction: 'ingress' | 'egress';
  Protocol: string;
  PortRange?: { From: number; To: number };
  Cidr?: string;
  ReferencedGroupId?: string;
}

/** Allowed by a rule, or not allowed by any rule of the listed groups. */
export type SgDecision = { decision: 'allow'; rule: MatchedSecurityGroupRule } | { decision: 'deny'; groupIds: string[] };

/** Whether a permission covers the protocol and port (for ICMP, the message type). */
export function portsMatch(permission: IpPermission, protocol: string, port: number): boolean {
  const name = protocolName(permission.IpProtocol);
  if (name === '-1') return true;
  if (name !== protocol) return false;
  if (name === 'tcp' || name === 'udp') return (permission.FromPort ?? 0) <= port && port <= (permission.ToPort ?? 65535);
  if (name === 'icmp' || name === 'icmpv6') return permission.FromPort === undefined || permission.FromPort === -1 || permission.FromPort === port;
  return true;
}

function matched(groupId: string, direction: 'ingress' | 'egress', permission: IpPermission, target: { Cidr?: string; ReferencedGroupId?: string }): MatchedSecurityGroupRule {
  const rule: MatchedSecurityGroupRule = { SecurityGroupId: groupId, Direction: direction, Protocol: protocolName(permission.IpProtocol), ...target };
  if (permission.FromPort !== undefined && permission.ToPort !== undefined) rule.PortRange = { From: permission.FromPort, To: permission.ToPort };
  return rule;
}

/** Whether any rule of the groups allows the traffic in the given direction, and which. */
export function evaluateSecurityGroups(ec2: Ec2State, groupIds: readonly string[], direction: 'ingress' | 'egress', traffic: SgTraffic): SgDecision {
  for (const groupId of groupIds) {
    const group = getRecord(ec2.securityGroups, groupId);
    if (!group) continue;
    const permissions = direction === 'ingress' ? group.IpPermissions : group.IpPermissionsEgress;
    for (const permission of permissions) {
      if (!portsMatch(permission, traffic.protocol, traffic.port)) continue;
      if (traffic.remote.family === 4) {
        for (const r of permission.IpRanges) {
          const range = parseCidr(r.CidrIp);
          if (range && rangeContains(range, traffic.remote)) return { decision: 'allow', rule: matched(groupId, direction, permission, { Cidr: r.CidrIp }) };
        }
      } else {
        for (const r of permission.Ipv6Ranges) {
          const range = parseCidr(r.CidrIpv6);
          if (range && rangeContains(range, traffic.remote)) return { decision: 'allow', rule: matched(groupId, direction, permission, { Cidr: r.CidrIpv6 }) };
        }
      }
      for (const pair of permission.UserIdGroupPairs) {
        if (traffic.remoteGroupIds.includes(pair.GroupId)) return { decision: 'allow', rule: matched(groupId, direction, permission, { ReferencedGroupId: pair.GroupId }) };
      }
    }
  }
  return { decision: 'deny', groupIds: [...groupIds] };
}
