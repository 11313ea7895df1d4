import { allowedPorts, evaluateAcl, type PortInterval } from './acl-evaluation.ts';
import { isPrivateIpv4, parseCidr, type IpRange } from './cidr.ts';
import { networkAclOfSubnet, routeTableOfSubnet } from './common.ts';
import { protocolName, PROTOCOL_NUMBERS } from './protocols.ts';
import { DEFAULT_CLIENT_PORTS } from './reachability.ts';
import { longestPrefixMatch, routeBlackhole, routeTarget } from './reachability-checks.ts';
import type { Ec2State, IpPermission, NetworkInterface, WithEc2 } from './state.ts';
import { getRecord } from '../records.ts';

// The exposure report: every (interface, protocol, port range, source range) the internet can open a
// connection to, for checks like "only the load balancer is internet-facing" and "no SSH from 0.0.0.0/0".
// An exposure needs the whole path of `analyzeReachability`'s inbound walk: a running interface with a
// public address, an attached internet gateway, a security group rule with an internet source, the
// subnet ACL admitting those ports and letting the replies out, and a route back to the internet gateway.

/** One way in from the internet. */
export interface Exposure {
  NetworkInterfaceId: string;
  InstanceId?: string;
  /** The public IPv4 address (or the IPv6 address) the internet connects to. */
  Address: string;
  /** `tcp`, `udp`, `icmp`, `icmpv6`, or a protocol number. */
  Protocol: string;
  /** For tcp and udp, the ports reachable (already narrowed by the subnet ACL). */
  PortRange?: PortInterval;
  /** The internet range the rule admits. */
  SourceCidr: string;
  /** `world` when any address may connect (a /0 source), `restricted` when only part of the internet may. */
  Scope: 'world' | 'restricted';
  SecurityGroupId: string;
}

/** An interface with a public address that nothing exposes, and why. */
export interface ClosedInterface {
  NetworkInterfaceId: string;
  Reason: string;
}

/** Every exposure, and the public interfaces that are closed with the reason. */
export interface ExposureReport {
  Exposures: Exposure[];
  Closed: ClosedInterface[];
}

// All traffic (`-1`) opens every protocol: reported as tcp and udp over all ports, plus icmp.
function protocolsOf(permission: IpPermission, family: 4 | 6): { protocol: string; ports?: PortInterval }[] {
  const name = protocolName(permission.IpProtocol);
  if (name === '-1') return [{ protocol: 'tcp', ports: { From: 0, To: 65535 } }, { protocol: 'udp', ports: { From: 0, To: 65535 } }, { protocol: family === 4 ? 'icmp' : 'icmpv6' }];
  if (name === 'tcp' || name === 'udp') return [{ protocol: name, ports: { From: permission.FromPort ?? 0, To: permission.ToPort ?? 65535 } }];
  return [{ protocol: name }];
}

function exposuresOf(ec2: Ec2State, eni: NetworkInterface, family: 4 | 6, address: string, igw: string, out: Exposure[]): void {
  const subnet = getRecord(ec2.subnets, eni.SubnetId);
  const acl = networkAclOfSubnet(ec2, eni.SubnetId);
  const table = subnet ? routeTableOfSubnet(ec2, subnet) : undefined;
  if (!subnet || !acl || !table) return;
  for (const groupRef of eni.Groups) {
    const group = getRecord(ec2.securityGroups, groupRef.GroupId);
    if (!group) continue;
    for (const permission of group.IpPermissions) {
      const sources = family === 4 ? permission.IpRanges.map((r) => r.CidrIp) : permission.Ipv6Ranges.map((r) => r.CidrIpv6);
      for (const cidr of sources) {
        const source = parseCidr(cidr);
        // Private ranges (RFC 1918) never arrive through an internet gateway.
        if (!source || source.family !== family || isPrivateIpv4(source)) continue;
        const back = longestPrefixMatch(table, source);
        // The same route decision as the analyzer's return path: the attached internet gateway, and not a blackhole.
        const target = back ? routeTarget(back) : undefined;
        if (!back || target?.kind !== 'internet-gateway' || target.id !== igw || routeBlackhole(ec2, table, back)) continue;
        for (const { protocol, ports } of protocolsOf(permission, family)) {
          const number = getRecord(PROTOCOL_NUMBERS, protocol) ?? protocol;
          if (!replyLeaves(acl, source, number)) continue;
          const open = ports ? allowedPorts(acl, false, { remote: source, protocol: number, ports }) : allowedPorts(acl, false, { remote: source, protocol: number, ports: { From: 0, To: 0 }, icmpType: 8 }).slice(0, 1);
          for (const range of open) {
            const exposure: Exposure = {
              NetworkInterfaceId: eni.NetworkInterfaceId,
              Address: address,
              Protocol: protocol,
              SourceCidr: cidr,
              Scope: source.prefix === 0 ? 'world' : 'restricted',
              SecurityGroupId: group.GroupId,
            };
            if (eni.Attachment) exposure.InstanceId = eni.Attachment.InstanceId;
            if (ports) exposure.PortRange = range;
            out.push(exposure);
          }
        }
      }
    }
  }
}

function replyLeaves(acl: NonNullable<ReturnType<typeof networkAclOfSubnet>>, client: IpRange, protocol: string): boolean {
  return evaluateAcl(acl, true, { remote: client, protocol, ports: DEFAULT_CLIENT_PORTS, icmpType: 0 }).decision === 'allow';
}

/** What the internet can reach, interface by interface. */
export function exposureReport(state: WithEc2): ExposureReport {
  const ec2 = state.ec2;
  const report: ExposureReport = { Exposures: [], Closed: [] };
  const gateways = new Map<string, string>();
  for (const igw of Object.values(ec2.internetGateways)) for (const a of igw.Attachments) gateways.set(a.VpcId, igw.InternetGatewayId);
  for (const eni of Object.values(ec2.networkInterfaces).sort((a, b) => (a.NetworkInterfaceId < b.NetworkInterfaceId ? -1 : 1))) {
    const instance = eni.Attachment ? getRecord(ec2.instances, eni.Attachment.InstanceId) : undefined;
    const publicV4 = eni.Association?.PublicIp;
    const v6 = eni.Ipv6Addresses[0]?.Ipv6Address;
    if (!publicV4 && !v6) continue;
    // A NAT gateway's interface accepts no connections from the internet, only replies to its own.
    if (eni.InterfaceType === 'nat_gateway') continue;
    if (instance && instance.State.Name !== 'running') {
      report.Closed.push({ NetworkInterfaceId: eni.NetworkInterfaceId, Reason: `instance \`${instance.InstanceId}\` is \`${instance.State.Name}\`` });
      continue;
    }
    const igw = gateways.get(eni.VpcId);
    if (!igw) {
      report.Closed.push({ NetworkInterfaceId: eni.NetworkInterfaceId, Reason: `vpc \`${eni.VpcId}\` has no internet gateway attached` });
      continue;
    }
    const before = report.Exposures.length;
    if (publicV4) exposuresOf(ec2, eni, 4, publicV4, igw, report.Exposures);
    if (v6) exposuresOf(ec2, eni, 6, v6, igw, report.Exposures);
    if (report.Exposures.length === before) {
      report.Closed.push({ NetworkInterfaceId: eni.NetworkInterfaceId, Reason: 'no security group rule admits an internet source along a path the acl and routes complete' });
    }
  }
  return report;
}
