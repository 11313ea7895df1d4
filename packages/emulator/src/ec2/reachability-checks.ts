import { evaluateAcl, type AclTraffic, type PortInterval } from './acl-evaluation.ts';
import { formatCidr, parseCidr, rangeContains, type IpRange } from './cidr.ts';
import { networkAclOfSubnet, routeTableOfSubnet } from './common.ts';
import type { AnalysisAclRule, AnalysisRouteTableRoute, Explanation, PathComponent } from './reachability-types.ts';
import { evaluateSecurityGroups } from './sg-evaluation.ts';
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

/** A route in Reachability Analyzer's `AnalysisRouteTableRoute` shape. */
export function routeView(route: Route): AnalysisRouteTableRoute {
  const view: AnalysisRouteTableRoute = { DestinationCidr: route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? '', Origin: route.Origin, State: route.State };
  if (route.GatewayId) view.GatewayId = route.GatewayId;
  if (route.NatGatewayId) view.NatGatewayId = route.NatGatewayId;
  if (route.NetworkInterfaceId) view.NetworkInterfaceId = route.NetworkInterfaceId;
  if (route.InstanceId) view.InstanceId = route.InstanceId;
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

/** The table and route a lookup found. */
export type RouteResult = { table: RouteTable; route: Route } | undefined;

/** The route table lookup of the subnet for the destination; the route, or undefined with an explanation. */
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
  if (found.State === 'blackhole') {
    walk.explain({
      ExplanationCode: 'BAD_STATE_ROUTE',
      Component: { Id: table.RouteTableId },
      RouteTable: { Id: table.RouteTableId },
      RouteTableRoute: routeView(found),
      Subnet: { Id: subnet.SubnetId },
      Path: path,
      Reason: `the route to \`${routeView(found).DestinationCidr}\` in \`${table.RouteTableId}\` is a blackhole: its target no longer exists or is not attached`,
    });
    return undefined;
  }
  walk.hop(path, { Component: { Id: table.RouteTableId }, Subnet: { Id: subnet.SubnetId }, RouteTableRoute: routeView(found) });
  return { table, route: found };
}
