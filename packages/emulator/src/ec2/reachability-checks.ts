import { evaluateAcl, type AclTraffic, type PortInterval } from './acl-evaluation.ts';
import { formatCidr, parseCidr, rangeContains, type IpRange } from './cidr.ts';
import { networkAclOfSubnet, routeTableOfSubnet } from './common.ts';
import type { AnalysisAclRule, AnalysisRouteTableRoute, Explanation, PathComponent } from './reachability-types.ts';
import { evaluateSecurityGroups } from './sg-evaluation.ts';
import { getRecord } from '../records.ts';
import type { Ec2State, NetworkAclEntry, NetworkInterface, Route, RouteTable, Subnet } from './state.ts';

// The hop checks the analyzer's walks are made of: a subnet's network ACL, an interface's security
// groups, and a route table lookup — each adding a path component when it passes and an explanation
// naming the rule (or its absence) when it does not.

/** The traffic being analyzed. */
export interface Traffic {
  protocolName: string;
  protocolNumber: string;
  port: number;
  clientPorts: PortInterval;
}

/** A walk in progress: the path components so far, the explanations and what was not modelled. */
export class Walk {
  readonly forward: PathComponent[] = [];
  readonly back: PathComponent[] = [];
  readonly explanations: Explanation[] = [];
  readonly unsupported: string[] = [];

  constructor(readonly ec2: Ec2State, readonly traffic: Traffic) {}

  hop(path: 'forward' | 'return', component: Omit<PathComponent, 'SequenceNumber'>): void {
    const list = path === 'forward' ? this.forward : this.back;
    list.push({ SequenceNumber: list.length + 1, ...component });
  }

  explain(explanation: Explanation): void {
    this.explanations.push(explanation);
  }

  fail(path: 'forward' | 'return', id: string, reason: string): void {
    this.unsupported.push(reason);
    this.explain({ ExplanationCode: 'UNSUPPORTED_COMPONENT', Component: { Id: id }, Path: path, Reason: reason });
  }
}

/** An ACL entry in Reachability Analyzer's `AnalysisAclRule` shape. */
export function aclRule(entry: NetworkAclEntry): AnalysisAclRule {
  const rule: AnalysisAclRule = {
    Cidr: entry.CidrBlock ?? entry.Ipv6CidrBlock ?? '',
    Egress: entry.Egress,
    Protocol: entry.Protocol,
    RuleAction: entry.RuleAction,
    RuleNumber: entry.RuleNumber,
  };
  if (entry.PortRange) rule.PortRange = { From: entry.PortRange.From, To: entry.PortRange.To };
  return rule;
}

function ruleName(entry: NetworkAclEntry): string {
  return entry.RuleNumber === 32767 ? 'the final `*` deny entry' : `${entry.RuleAction} rule \`${entry.RuleNumber}\``;
}

function portText(ports: PortInterval): string {
  return ports.From === ports.To ? `port \`${ports.From}\`` : `ports \`${ports.From}-${ports.To}\``;
}

/**
 * A route as a described network may carry it: the emulator creates routes to the first four kinds of
 * target, but `describe-route-tables` output can hold any target a VPC route table takes
 * (https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html).
 */
type RouteRecord = Route & {
  VpcPeeringConnectionId?: string;
  TransitGatewayId?: string;
  EgressOnlyInternetGatewayId?: string;
  VpcEndpointId?: string;
  CarrierGatewayId?: string;
  LocalGatewayId?: string;
  CoreNetworkArn?: string;
};

/** Where a route sends traffic, by the kind of target; `unmodelled` for targets the analyzer cannot follow. */
export type RouteTarget =
  | { kind: 'local'; id: 'local' }
  | { kind: 'internet-gateway'; id: string }
  | { kind: 'nat-gateway'; id: string }
  | { kind: 'network-interface'; id: string }
  | { kind: 'instance'; id: string }
  | { kind: 'unmodelled'; id: string; what: string };

const UNMODELLED_TARGETS: [keyof RouteRecord, string][] = [
  ['VpcPeeringConnectionId', 'vpc peering connection'],
  ['TransitGatewayId', 'transit gateway'],
  ['EgressOnlyInternetGatewayId', 'egress-only internet gateway'],
  ['VpcEndpointId', 'vpc endpoint'],
  ['CarrierGatewayId', 'carrier gateway'],
  ['LocalGatewayId', 'local gateway'],
  ['CoreNetworkArn', 'core network'],
];

/** The target of a route. `GatewayId` holds the local route, internet gateways, and also virtual private gateways and gateway endpoints. */
export function routeTarget(route: Route): RouteTarget {
  const r = route as RouteRecord;
  if (r.GatewayId === 'local') return { kind: 'local', id: 'local' };
  if (r.GatewayId?.startsWith('igw-')) return { kind: 'internet-gateway', id: r.GatewayId };
  if (r.NatGatewayId) return { kind: 'nat-gateway', id: r.NatGatewayId };
  if (r.InstanceId) return { kind: 'instance', id: r.InstanceId };
  if (r.NetworkInterfaceId) return { kind: 'network-interface', id: r.NetworkInterfaceId };
  for (const [key, what] of UNMODELLED_TARGETS) {
    const id = r[key];
    if (typeof id === 'string' && id !== '') return { kind: 'unmodelled', id, what };
  }
  if (r.GatewayId) return { kind: 'unmodelled', id: r.GatewayId, what: r.GatewayId.startsWith('vgw-') ? 'virtual private gateway' : r.GatewayId.startsWith('vpce-') ? 'gateway vpc endpoint' : 'gateway' };
  return { kind: 'unmodelled', id: '', what: 'target the analyzer does not recognise' };
}

/** A route's target in words, for explanations: `nat gateway \`nat-…\``. */
export function targetText(target: RouteTarget): string {
  const what = target.kind === 'unmodelled' ? target.what : target.kind.replace('-', ' ');
  return target.id && target.kind !== 'local' ? `${what} \`${target.id}\`` : target.kind === 'local' ? 'the local route' : what;
}

/**
 * Why a route is a blackhole, or undefined when its target can carry traffic. Worked out from the targets
 * themselves, not only the stored `State`, so a described network whose route names a gateway that is
 * missing or detached is a blackhole too (https://docs.aws.amazon.com/vpc/latest/userguide/route-table-options.html,
 * "blackhole": the route's target is not available).
 */
export function routeBlackhole(ec2: Ec2State, table: RouteTable, route: Route): string | undefined {
  const target = routeTarget(route);
  const stored = route.State === 'blackhole' ? `its state is \`blackhole\`` : undefined;
  switch (target.kind) {
    case 'local':
      return undefined;
    case 'internet-gateway': {
      const igw = getRecord(ec2.internetGateways, target.id);
      if (!igw) return `internet gateway \`${target.id}\` does not exist`;
      if (!igw.Attachments.some((a) => a.VpcId === table.VpcId)) {
        const elsewhere = igw.Attachments[0]?.VpcId;
        return `internet gateway \`${target.id}\` is ${elsewhere ? `attached to \`${elsewhere}\`, not` : 'not attached to'} vpc \`${table.VpcId}\``;
      }
      return stored;
    }
    case 'nat-gateway': {
      const nat = getRecord(ec2.natGateways, target.id);
      if (!nat) return `nat gateway \`${target.id}\` does not exist`;
      if (nat.State !== 'available') return `nat gateway \`${target.id}\` is \`${nat.State}\`, not \`available\``;
      return stored;
    }
    case 'network-interface': {
      const eni = getRecord(ec2.networkInterfaces, target.id);
      if (!eni) return `network interface \`${target.id}\` does not exist`;
      const instance = eni.Attachment ? getRecord(ec2.instances, eni.Attachment.InstanceId) : undefined;
      if (instance && instance.State.Name !== 'running') return `instance \`${instance.InstanceId}\` of network interface \`${target.id}\` is \`${instance.State.Name}\``;
      return stored;
    }
    case 'instance': {
      const instance = getRecord(ec2.instances, target.id);
      if (!instance) return `instance \`${target.id}\` does not exist`;
      if (instance.State.Name !== 'running') return `instance \`${target.id}\` is \`${instance.State.Name}\``;
      return stored;
    }
    case 'unmodelled':
      return stored;
  }
}

/** A route in Reachability Analyzer's `AnalysisRouteTableRoute` shape. */
export function routeView(route: Route): AnalysisRouteTableRoute {
  const r = route as RouteRecord;
  const view: AnalysisRouteTableRoute = { DestinationCidr: route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? '', Origin: route.Origin, State: route.State };
  if (route.GatewayId) view.GatewayId = route.GatewayId;
  if (route.NatGatewayId) view.NatGatewayId = route.NatGatewayId;
  if (route.NetworkInterfaceId) view.NetworkInterfaceId = route.NetworkInterfaceId;
  if (route.InstanceId) view.InstanceId = route.InstanceId;
  if (r.VpcPeeringConnectionId) view.VpcPeeringConnectionId = r.VpcPeeringConnectionId;
  if (r.TransitGatewayId) view.TransitGatewayId = r.TransitGatewayId;
  if (r.EgressOnlyInternetGatewayId) view.EgressOnlyInternetGatewayId = r.EgressOnlyInternetGatewayId;
  return view;
}

/** The subnet's network ACL check for traffic leaving (egress) or entering (ingress) it; true if it passes. */
export function checkAcl(walk: Walk, path: 'forward' | 'return', subnet: Subnet, egress: boolean, traffic: AclTraffic): boolean {
  const acl = networkAclOfSubnet(walk.ec2, subnet.SubnetId);
  if (!acl) {
    walk.fail(path, subnet.SubnetId, `subnet \`${subnet.SubnetId}\` has no network acl association in the given state`);
    return false;
  }
  const result = evaluateAcl(acl, egress, traffic);
  const direction = egress ? 'egress' : 'ingress';
  if (result.decision === 'allow') {
    walk.hop(path, { Component: { Id: acl.NetworkAclId }, Subnet: { Id: subnet.SubnetId }, AclRule: aclRule(result.entries[0] as NetworkAclEntry) });
    return true;
  }
  const remote = formatCidr(traffic.remote);
  const what = traffic.protocol === '6' || traffic.protocol === '17' ? ` on ${portText(result.ports)}` : '';
  walk.explain({
    ExplanationCode: 'SUBNET_ACL_RESTRICTION',
    Component: { Id: acl.NetworkAclId },
    Acl: { Id: acl.NetworkAclId },
    AclRule: aclRule(result.entry),
    Subnet: { Id: subnet.SubnetId },
    Direction: direction,
    Path: path,
    PortRanges: [result.ports],
    Reason: `network acl \`${acl.NetworkAclId}\` of subnet \`${subnet.SubnetId}\` denies ${direction === 'egress' ? 'outbound' : 'inbound'} ${path === 'return' ? 'return ' : ''}traffic ${direction === 'egress' ? 'to' : 'from'} \`${remote}\`${what}: ${ruleName(result.entry)} matches first${path === 'return' ? ' (network acls are stateless: replies need their own rule for the client\'s ephemeral ports)' : ''}`,
  });
  return false;
}

/** The interface's security groups for traffic leaving (egress) or entering (ingress) it; true if they allow it. */
export function checkSg(walk: Walk, eni: NetworkInterface, direction: 'ingress' | 'egress', remote: IpRange, remoteGroupIds: readonly string[]): boolean {
  // A NAT gateway has no security groups: only the network ACLs of its subnet filter its traffic
  // (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html).
  if (eni.InterfaceType === 'nat_gateway') return true;
  const { protocolName, port } = walk.traffic;
  const groupIds = eni.Groups.map((g) => g.GroupId);
  const result = evaluateSecurityGroups(walk.ec2, groupIds, direction, { remote, remoteGroupIds, protocol: protocolName, port });
  if (result.decision === 'allow') {
    walk.hop('forward', { Component: { Id: result.rule.SecurityGroupId }, SecurityGroupRule: result.rule });
    return true;
  }
  const portWords = protocolName === 'tcp' || protocolName === 'udp' ? ` port \`${port}\`` : '';
  const groupWords = groupIds.length === 0 ? 'it has no security groups' : `no rule of ${groupIds.map((g) => `\`${g}\``).join(', ')} matches`;
  walk.explain({
    ExplanationCode: 'ENI_SG_RULES_MISMATCH',
    Component: { Id: eni.NetworkInterfaceId },
    SecurityGroups: groupIds.map((Id) => ({ Id })),
    Direction: direction,
    Path: 'forward',
    Protocols: [protocolName],
    Address: formatCidr(remote),
    Reason: `the security groups of \`${eni.NetworkInterfaceId}\` do not allow ${direction === 'egress' ? 'outbound' : 'inbound'} \`${protocolName}\`${portWords} ${direction === 'egress' ? 'to' : 'from'} \`${formatCidr(remote)}\`: ${groupWords}${remoteGroupIds.length === 0 && direction === 'ingress' ? ' (a security group reference matches only traffic over private addresses)' : ''}`,
  });
  return false;
}

/** Longest-prefix match over the table's routes of the destination's family (https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html). */
export function longestPrefixMatch(table: RouteTable, destination: IpRange): Route | undefined {
  let best: Route | undefined;
  let bestPrefix = -1;
  for (const route of table.Routes) {
    const text = destination.family === 4 ? route.DestinationCidrBlock : route.DestinationIpv6CidrBlock;
    if (text === undefined) continue;
    const range = parseCidr(text);
    if (range && range.prefix > bestPrefix && rangeContains(range, destination)) {
      best = route;
      bestPrefix = range.prefix;
    }
  }
  return best;
}

/** The table, route and target a lookup found. */
export type RouteResult = { table: RouteTable; route: Route; target: RouteTarget } | undefined;

/**
 * The route table lookup of the subnet for the destination; the route and its target, or undefined with an
 * explanation: no route (`CANNOT_ROUTE`), or a route whose target is gone (`BAD_STATE_ROUTE`, naming the
 * route and the gateway).
 */
export function route(walk: Walk, path: 'forward' | 'return', subnet: Subnet, destination: IpRange): RouteResult {
  const table = routeTableOfSubnet(walk.ec2, subnet);
  const found = table ? longestPrefixMatch(table, destination) : undefined;
  if (!table || !found) {
    walk.explain({
      ExplanationCode: 'CANNOT_ROUTE',
      Component: { Id: table?.RouteTableId ?? subnet.SubnetId },
      RouteTable: table ? { Id: table.RouteTableId } : undefined,
      Subnet: { Id: subnet.SubnetId },
      Path: path,
      Address: formatCidr(destination),
      Reason: `route table \`${table?.RouteTableId ?? 'none'}\` of subnet \`${subnet.SubnetId}\` has no route that matches \`${formatCidr(destination)}\``,
    });
    return undefined;
  }
  const target = routeTarget(found);
  const gone = routeBlackhole(walk.ec2, table, found);
  if (gone) {
    const explanation: Explanation = {
      ExplanationCode: 'BAD_STATE_ROUTE',
      Component: { Id: table.RouteTableId },
      RouteTable: { Id: table.RouteTableId },
      RouteTableRoute: routeView(found),
      Subnet: { Id: subnet.SubnetId },
      Path: path,
      Address: formatCidr(destination),
      Reason: `the route to \`${routeView(found).DestinationCidr}\` in \`${table.RouteTableId}\` is a blackhole: ${gone}, so traffic to \`${formatCidr(destination)}\` is dropped`,
    };
    if (target.kind === 'internet-gateway') explanation.InternetGateway = { Id: target.id };
    if (target.kind === 'nat-gateway') explanation.NatGateway = { Id: target.id };
    walk.explain(explanation);
    return undefined;
  }
  walk.hop(path, { Component: { Id: table.RouteTableId }, Subnet: { Id: subnet.SubnetId }, RouteTableRoute: routeView(found) });
  return { table, route: found, target };
}

/** The note for a route whose target the analyzer does not follow: the path fails closed and says so. */
export function unmodelledRoute(walk: Walk, path: 'forward' | 'return', hop: NonNullable<RouteResult>, destination: IpRange): void {
  const t = hop.target;
  const what =
    t.kind === 'unmodelled'
      ? t.what === 'vpc peering connection' ? 'vpc peering is not modelled' : `routing through a ${t.what} is not modelled`
      : t.kind === 'network-interface' || t.kind === 'instance' ? 'routing through a network appliance or nat instance is not modelled' : `a route to ${targetText(t)} for an address inside the vpc (middlebox routing) is not modelled`;
  const [subject, verb, arrives] = path === 'return' ? ['replies', 'are', 'they arrive'] : ['traffic', 'is', 'it arrives'];
  walk.fail(path, t.id || hop.table.RouteTableId, `${subject} to \`${formatCidr(destination)}\` ${verb} routed to ${targetText(t)} by the route to \`${routeView(hop.route).DestinationCidr}\` in \`${hop.table.RouteTableId}\`: ${what}, so the analysis cannot say whether ${arrives}`);
}
