import type { AclTraffic, PortInterval } from './acl-evaluation.ts';
import { formatCidr, parseCidr, type IpRange } from './cidr.ts';
import { routeTableOfSubnet } from './common.ts';
import { InvalidParameterValue, UnknownParameter } from './errors.ts';
import { PROTOCOL_NUMBERS } from './protocols.ts';
import { checkAcl, checkSg, longestPrefixMatch, route, routeTarget, routeView, targetText, unmodelledRoute, Walk, type RouteResult } from './reachability-checks.ts';
import type { Explanation, ReachabilityAnalysis, ReachabilityQuery } from './reachability-types.ts';
import type { Ec2State, Instance, NatGateway, NetworkInterface, Subnet, WithEc2 } from './state.ts';
import { getRecord } from '../records.ts';

// The network path analyzer: an offline, deterministic Reachability Analyzer
// (https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html). It walks
// the forward path hop by hop (security group egress, subnet ACL out, route table, gateway, subnet ACL
// in, security group ingress) and the return path (ACLs again — they are stateless — and routes; security
// groups are stateful and let replies through). Every check that can be made is made, so all blockers
// are reported, not only the first; a missing route ends the walk because there is no next hop.

/** Ephemeral ports AWS advises ACLs to open for clients of unknown kind (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html). */
export const DEFAULT_CLIENT_PORTS: PortInterval = { From: 1024, To: 65535 };
// A NAT gateway uses ports 1024–65535 as the source ports of the connections it makes for its clients.
const NAT_GATEWAY_PORTS: PortInterval = { From: 1024, To: 65535 };
const ICMP_ECHO_REQUEST = 8;
const ICMP_ECHO_REPLY = 0;

type Endpoint =
  | { kind: 'internet'; id: string; range: IpRange }
  | { kind: 'interface'; id: string; eni: NetworkInterface | undefined; instance?: Instance; nat?: NatGateway; publicAddress?: IpRange };

type Attached = { kind: 'interface'; id: string; eni: NetworkInterface; instance?: Instance; nat?: NatGateway; publicAddress?: IpRange };

/** The keys a query may have (`CreateNetworkInsightsPath`'s, plus the port range of the client): any other is reported. */
const QUERY_KEYS = new Set(['Source', 'Destination', 'Protocol', 'DestinationPort', 'SourceIp', 'DestinationIp', 'SourcePortRange']);

/** Fails on a key the query does not know, so a misspelt `SourceIP` is never silently read as any address. */
export function checkQueryKeys(query: object, known: ReadonlySet<string>, what: string): void {
  const unknown = Object.keys(query).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new UnknownParameter(`unknown ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.map((k) => `\`${k}\``).join(', ')} in the ${what}: it takes ${[...known].map((k) => `\`${k}\``).join(', ')}`);
}

/** The NAT gateway whose interface this is. */
function natOfInterface(ec2: Ec2State, eniId: string): NatGateway | undefined {
  for (const id in ec2.natGateways) {
    const nat = getRecord(ec2.natGateways, id) as NatGateway;
    if (nat.NatGatewayAddresses.some((a) => a.NetworkInterfaceId === eniId)) return nat;
  }
  return undefined;
}

function attachedGateway(ec2: Ec2State, vpcId: string): string | undefined {
  for (const id in ec2.internetGateways) if (getRecord(ec2.internetGateways, id)?.Attachments.some((a) => a.VpcId === vpcId)) return id;
  return undefined;
}

function privateAddress(eni: NetworkInterface, family: 4 | 6): IpRange | undefined {
  return parseCidr(family === 4 ? eni.PrivateIpAddress : (eni.Ipv6Addresses[0]?.Ipv6Address ?? ''));
}

// An interface's address as the internet sees it: its public IPv4 (Amazon-owned or Elastic), or its
// IPv6 address, which is public by nature.
function internetAddress(eni: NetworkInterface, family: 4 | 6): IpRange | undefined {
  return family === 4 ? (eni.Association ? parseCidr(eni.Association.PublicIp) : undefined) : privateAddress(eni, 6);
}

function subnetOf(walk: Walk, path: 'forward' | 'return', eni: NetworkInterface): Subnet | undefined {
  const subnet = getRecord(walk.ec2.subnets, eni.SubnetId);
  if (!subnet) walk.fail(path, eni.NetworkInterfaceId, `subnet \`${eni.SubnetId}\` of \`${eni.NetworkInterfaceId}\` is not in the given state`);
  return subnet;
}

function aclTraffic(walk: Walk, remote: IpRange, ports: PortInterval, icmpType: number): AclTraffic {
  return { remote, protocol: walk.traffic.protocolNumber, ports, icmpType };
}

function forwardPorts(walk: Walk): PortInterval {
  return { From: walk.traffic.port, To: walk.traffic.port };
}

/** Source and destination in one VPC, over private addresses: the local route, ACLs only across subnets. */
function privatePath(walk: Walk, a: NetworkInterface, b: NetworkInterface, family: 4 | 6): void {
  const aAddress = privateAddress(a, family);
  const bAddress = privateAddress(b, family);
  const aSubnet = subnetOf(walk, 'forward', a);
  const bSubnet = subnetOf(walk, 'forward', b);
  if (!aAddress || !bAddress || !aSubnet || !bSubnet) {
    if (aSubnet && bSubnet) walk.fail('forward', b.NetworkInterfaceId, 'an ipv6 path needs ipv6 addresses on both interfaces');
    return;
  }
  const aGroups = a.Groups.map((g) => g.GroupId);
  const bGroups = b.Groups.map((g) => g.GroupId);
  const cross = aSubnet.SubnetId !== bSubnet.SubnetId;
  walk.hop('forward', { Component: { Id: a.NetworkInterfaceId }, Subnet: { Id: aSubnet.SubnetId }, Vpc: { Id: a.VpcId } });
  checkSg(walk, a, 'egress', bAddress, bGroups);
  // Traffic between interfaces of one subnet never crosses its network ACL.
  if (cross) checkAcl(walk, 'forward', aSubnet, true, aclTraffic(walk, bAddress, forwardPorts(walk), ICMP_ECHO_REQUEST));
  const hop = route(walk, 'forward', aSubnet, bAddress);
  if (!hop) return;
  if (hop.target.kind !== 'local') {
    unmodelledRoute(walk, 'forward', hop, bAddress);
    return;
  }
  if (cross) checkAcl(walk, 'forward', bSubnet, false, aclTraffic(walk, aAddress, forwardPorts(walk), ICMP_ECHO_REQUEST));
  checkSg(walk, b, 'ingress', aAddress, aGroups);
  walk.hop('forward', { Component: { Id: b.NetworkInterfaceId }, Subnet: { Id: bSubnet.SubnetId }, Vpc: { Id: b.VpcId } });
  walk.hop('return', { Component: { Id: b.NetworkInterfaceId }, Note: 'security groups are stateful: the reply to an allowed request is allowed' });
  if (cross) checkAcl(walk, 'return', bSubnet, true, aclTraffic(walk, aAddress, walk.traffic.clientPorts, ICMP_ECHO_REPLY));
  const back = route(walk, 'return', bSubnet, aAddress);
  if (back && back.target.kind !== 'local') unmodelledRoute(walk, 'return', back, aAddress);
  if (cross) checkAcl(walk, 'return', aSubnet, false, aclTraffic(walk, bAddress, walk.traffic.clientPorts, ICMP_ECHO_REPLY));
  walk.hop('return', { Component: { Id: a.NetworkInterfaceId } });
}

/** From the internet (`client`) to an interface through the VPC's internet gateway. */
function inboundFromInternet(walk: Walk, client: IpRange, b: NetworkInterface, clientPorts: PortInterval): void {
  const family = client.family;
  const subnet = subnetOf(walk, 'forward', b);
  if (!subnet) return;
  if (b.InterfaceType === 'nat_gateway') {
    natRefusesInbound(walk, b, subnet);
    return;
  }
  const igw = attachedGateway(walk.ec2, b.VpcId);
  const publicAddress = internetAddress(b, family);
  if (!igw) {
    walk.explain({ ExplanationCode: 'CANNOT_ROUTE', Component: { Id: b.VpcId }, Vpc: { Id: b.VpcId }, Path: 'forward', Reason: `vpc \`${b.VpcId}\` has no internet gateway attached: traffic from the internet cannot enter it` });
    return;
  }
  walk.hop('forward', { Component: { Id: igw }, Vpc: { Id: b.VpcId }, Note: publicAddress ? `translates \`${formatCidr(publicAddress)}\` to the private address \`${b.PrivateIpAddress}\`` : undefined });
  if (!publicAddress) {
    walk.explain({
      ExplanationCode: 'NO_PUBLIC_IP',
      Component: { Id: b.NetworkInterfaceId },
      Subnet: { Id: subnet.SubnetId },
      Path: 'forward',
      Reason: family === 4
        ? `\`${b.NetworkInterfaceId}\` has no public ipv4 address or elastic ip, so the internet cannot address it (launch it with a public ip, or associate an elastic ip)`
        : `\`${b.NetworkInterfaceId}\` has no ipv6 address`,
    });
  }
  checkAcl(walk, 'forward', subnet, false, aclTraffic(walk, client, forwardPorts(walk), ICMP_ECHO_REQUEST));
  checkSg(walk, b, 'ingress', client, []);
  walk.hop('forward', { Component: { Id: b.NetworkInterfaceId }, Subnet: { Id: subnet.SubnetId }, Vpc: { Id: b.VpcId } });
  walk.hop('return', { Component: { Id: b.NetworkInterfaceId }, Note: 'security groups are stateful: the reply to an allowed request is allowed' });
  checkAcl(walk, 'return', subnet, true, aclTraffic(walk, client, clientPorts, ICMP_ECHO_REPLY));
  const back = route(walk, 'return', subnet, client);
  if (!back) return;
  if (back.target.kind === 'unmodelled') {
    unmodelledRoute(walk, 'return', back, client);
    return;
  }
  if (back.target.kind !== 'internet-gateway' || back.target.id !== igw) {
    const explanation: Explanation = {
      ExplanationCode: 'CANNOT_ROUTE',
      Component: { Id: back.table.RouteTableId },
      RouteTable: { Id: back.table.RouteTableId },
      RouteTableRoute: routeView(back.route),
      Subnet: { Id: subnet.SubnetId },
      Path: 'return',
      Address: formatCidr(client),
      Reason: `replies to \`${formatCidr(client)}\` leave through ${targetText(back.target)}, not the internet gateway \`${igw}\`: subnet \`${subnet.SubnetId}\` is not public, so connections from the internet cannot complete${back.target.kind === 'nat-gateway' ? ' (a nat gateway only carries connections started inside the vpc: it never accepts one started from the internet)' : ''}`,
    };
    if (back.target.kind === 'nat-gateway') explanation.NatGateway = { Id: back.target.id };
    walk.explain(explanation);
    return;
  }
  walk.hop('return', { Component: { Id: igw } });
}

/**
 * Traffic from the internet to a NAT gateway's own address. A NAT gateway translates connections that
 * instances in its VPC start; it never accepts a connection started from outside, so there is no
 * path, whatever the ACLs say (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html:
 * "instances in a private subnet can connect to services outside your VPC but external services cannot
 * initiate a connection with those instances"). Reachability Analyzer's code for it is NGW_REQUIRES_SOURCE_IN_VPC.
 */
function natRefusesInbound(walk: Walk, eni: NetworkInterface, subnet: Subnet): void {
  const nat = natOfInterface(walk.ec2, eni.NetworkInterfaceId);
  const id = nat?.NatGatewayId ?? eni.NetworkInterfaceId;
  walk.explain({
    ExplanationCode: 'NGW_REQUIRES_SOURCE_IN_VPC',
    Component: { Id: id },
    NatGateway: { Id: id },
    Subnet: { Id: subnet.SubnetId },
    Vpc: { Id: eni.VpcId },
    Path: 'forward',
    Reason: `nat gateway \`${id}\` only carries connections started by interfaces in vpc \`${eni.VpcId}\`: it never accepts a connection started from the internet, only the replies to its own (put what must be reachable behind a load balancer or give it a public ip in a public subnet)`,
  });
}

/**
 * From an interface to an internet address through the internet gateway or a NAT gateway. Returns the
 * address the internet sees as the source (the interface's public IP or the NAT gateway's Elastic IP).
 */
function outboundToInternet(walk: Walk, a: NetworkInterface, destination: IpRange, clientPorts: PortInterval): IpRange | undefined {
  const family = destination.family;
  const subnet = subnetOf(walk, 'forward', a);
  if (!subnet) return undefined;
  walk.hop('forward', { Component: { Id: a.NetworkInterfaceId }, Subnet: { Id: subnet.SubnetId }, Vpc: { Id: a.VpcId } });
  checkSg(walk, a, 'egress', destination, []);
  checkAcl(walk, 'forward', subnet, true, aclTraffic(walk, destination, forwardPorts(walk), ICMP_ECHO_REQUEST));
  const hop = route(walk, 'forward', subnet, destination);
  if (!hop) return undefined;
  const target = hop.target;
  if (target.kind === 'internet-gateway') {
    const source = internetAddress(a, family);
    if (!source) {
      walk.explain({
        ExplanationCode: 'NO_PUBLIC_IP',
        Component: { Id: a.NetworkInterfaceId },
        Subnet: { Id: subnet.SubnetId },
        Path: 'forward',
        Reason: family === 4
          ? `\`${a.NetworkInterfaceId}\` has no public ipv4 address or elastic ip: an internet gateway only carries traffic of interfaces with a public address (use a nat gateway for private subnets)`
          : `\`${a.NetworkInterfaceId}\` has no ipv6 address`,
      });
      return undefined;
    }
    walk.hop('forward', { Component: { Id: target.id }, Note: `translates the source \`${a.PrivateIpAddress}\` to \`${formatCidr(source)}\`` });
    walk.hop('return', { Component: { Id: target.id } });
    checkAcl(walk, 'return', subnet, false, aclTraffic(walk, destination, clientPorts, ICMP_ECHO_REPLY));
    walk.hop('return', { Component: { Id: a.NetworkInterfaceId } });
    return source;
  }
  if (target.kind === 'nat-gateway') return throughNatGateway(walk, a, subnet, target.id, destination, clientPorts);
  if (target.kind === 'local') {
    walk.explain({ ExplanationCode: 'CANNOT_ROUTE', Component: { Id: hop.table.RouteTableId }, RouteTable: { Id: hop.table.RouteTableId }, Path: 'forward', Address: formatCidr(destination), Reason: `\`${formatCidr(destination)}\` is inside the vpc: it is not an internet address` });
    return undefined;
  }
  unmodelledRoute(walk, 'forward', hop, destination);
  return undefined;
}

function throughNatGateway(walk: Walk, a: NetworkInterface, aSubnet: Subnet, natId: string, destination: IpRange, clientPorts: PortInterval): IpRange | undefined {
  const nat = getRecord(walk.ec2.natGateways, natId);
  if (!nat || nat.State !== 'available') {
    walk.explain({ ExplanationCode: 'BAD_STATE', Component: { Id: natId }, Path: 'forward', Reason: `nat gateway \`${natId}\` is not available (state \`${nat?.State ?? 'missing'}\`)` });
    return undefined;
  }
  if (destination.family !== 4 || nat.ConnectivityType !== 'public') {
    walk.explain({ ExplanationCode: 'CANNOT_ROUTE', Component: { Id: natId }, Path: 'forward', Reason: `nat gateway \`${natId}\` cannot carry this traffic to the internet: ${destination.family !== 4 ? 'it translates ipv4 only' : 'it is a private nat gateway'}` });
    return undefined;
  }
  const address = nat.NatGatewayAddresses[0];
  const natEni = address ? getRecord(walk.ec2.networkInterfaces, address.NetworkInterfaceId) : undefined;
  const natSubnet = getRecord(walk.ec2.subnets, nat.SubnetId);
  const aAddress = privateAddress(a, 4);
  const publicIp = address?.PublicIp ? parseCidr(address.PublicIp) : undefined;
  if (!natSubnet || !aAddress) {
    walk.fail('forward', natId, `the subnet of nat gateway \`${natId}\` is not in the given state`);
    return undefined;
  }
  const cross = natSubnet.SubnetId !== aSubnet.SubnetId;
  // Toward the NAT gateway the packet still goes to the internet address: ACL rules see that destination.
  if (cross) checkAcl(walk, 'forward', natSubnet, false, aclTraffic(walk, aAddress, forwardPorts(walk), ICMP_ECHO_REQUEST));
  walk.hop('forward', { Component: { Id: natId }, Subnet: { Id: natSubnet.SubnetId }, Note: `translates the source \`${a.PrivateIpAddress}\` to \`${address?.PublicIp ?? natEni?.PrivateIpAddress}\`` });
  checkAcl(walk, 'forward', natSubnet, true, aclTraffic(walk, destination, forwardPorts(walk), ICMP_ECHO_REQUEST));
  const hop = route(walk, 'forward', natSubnet, destination);
  if (!hop) return undefined;
  if (hop.target.kind === 'unmodelled') {
    unmodelledRoute(walk, 'forward', hop, destination);
    return undefined;
  }
  if (hop.target.kind !== 'internet-gateway') {
    walk.explain({
      ExplanationCode: 'CANNOT_ROUTE',
      Component: { Id: hop.table.RouteTableId },
      RouteTable: { Id: hop.table.RouteTableId },
      RouteTableRoute: routeView(hop.route),
      Subnet: { Id: natSubnet.SubnetId },
      Path: 'forward',
      Reason: `nat gateway \`${natId}\` is in subnet \`${natSubnet.SubnetId}\`, whose route table sends \`${formatCidr(destination)}\` to ${targetText(hop.target)}, not an internet gateway: a public nat gateway must be in a public subnet`,
    });
    return undefined;
  }
  if (!publicIp) {
    walk.explain({ ExplanationCode: 'NO_PUBLIC_IP', Component: { Id: natId }, Path: 'forward', Reason: `nat gateway \`${natId}\` has no elastic ip` });
    return undefined;
  }
  walk.hop('forward', { Component: { Id: hop.target.id } });
  walk.hop('return', { Component: { Id: hop.target.id } });
  checkAcl(walk, 'return', natSubnet, false, aclTraffic(walk, destination, NAT_GATEWAY_PORTS, ICMP_ECHO_REPLY));
  walk.hop('return', { Component: { Id: natId }, Note: `translates the destination back to \`${a.PrivateIpAddress}\`` });
  if (cross) {
    checkAcl(walk, 'return', natSubnet, true, aclTraffic(walk, aAddress, clientPorts, ICMP_ECHO_REPLY));
    checkAcl(walk, 'return', aSubnet, false, aclTraffic(walk, destination, clientPorts, ICMP_ECHO_REPLY));
  }
  walk.hop('return', { Component: { Id: a.NetworkInterfaceId } });
  return publicIp;
}

function resolveEndpoint(ec2: Ec2State, text: string, ip: string | undefined, role: 'source' | 'destination'): Endpoint {
  if (text === 'internet' || text.startsWith('igw-')) {
    if (text.startsWith('igw-') && !getRecord(ec2.internetGateways, text)) throw new InvalidParameterValue(`the internet gateway \`${text}\` does not exist`);
    const range = parseCidr(ip ?? '0.0.0.0/0');
    if (!range) throw new InvalidParameterValue(`\`${ip}\` is not an ip address or cidr block`);
    return { kind: 'internet', id: text, range };
  }
  if (text.startsWith('i-')) {
    const instance = getRecord(ec2.instances, text);
    const eni = instance ? getRecord(ec2.networkInterfaces, instance.NetworkInterfaceIds[0] ?? '') : undefined;
    if (!instance) throw new InvalidParameterValue(`the ${role} instance \`${text}\` does not exist`);
    return { kind: 'interface', id: text, eni, instance };
  }
  if (text.startsWith('nat-')) {
    // A NAT gateway as an end: its own network interface (https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html, source and destination resources).
    const nat = getRecord(ec2.natGateways, text);
    if (!nat) throw new InvalidParameterValue(`the ${role} nat gateway \`${text}\` does not exist`);
    const eni = getRecord(ec2.networkInterfaces, nat.NatGatewayAddresses[0]?.NetworkInterfaceId ?? '');
    return { kind: 'interface', id: text, eni, nat };
  }
  if (text.startsWith('eni-')) {
    const eni = getRecord(ec2.networkInterfaces, text);
    if (!eni) throw new InvalidParameterValue(`the ${role} network interface \`${text}\` does not exist`);
    const instance = eni.Attachment ? getRecord(ec2.instances, eni.Attachment.InstanceId) : undefined;
    return { kind: 'interface', id: text, eni, instance };
  }
  const range = parseCidr(text);
  if (!range) throw new InvalidParameterValue(`the ${role} \`${text}\` is not an instance, network interface, nat gateway, internet gateway, \`internet\` or ip address`);
  for (const id in ec2.networkInterfaces) {
    const eni = getRecord(ec2.networkInterfaces, id) as NetworkInterface;
    const instance = eni.Attachment ? getRecord(ec2.instances, eni.Attachment.InstanceId) : undefined;
    if (eni.PrivateIpAddress === text || eni.Ipv6Addresses.some((a) => a.Ipv6Address === text)) return { kind: 'interface', id: text, eni, instance };
    if (eni.Association?.PublicIp === text) return { kind: 'interface', id: text, eni, instance, publicAddress: range };
  }
  return { kind: 'internet', id: text, range };
}

function checkRunning(walk: Walk, endpoint: Endpoint, path: 'forward' | 'return'): endpoint is Attached | Extract<Endpoint, { kind: 'internet' }> {
  if (endpoint.kind !== 'interface') return true;
  if (endpoint.nat && endpoint.nat.State !== 'available') {
    walk.explain({ ExplanationCode: 'BAD_STATE', Component: { Id: endpoint.nat.NatGatewayId }, NatGateway: { Id: endpoint.nat.NatGatewayId }, Path: path, Reason: `nat gateway \`${endpoint.nat.NatGatewayId}\` is \`${endpoint.nat.State}\`, not \`available\`` });
    return false;
  }
  if (endpoint.instance && endpoint.instance.State.Name !== 'running') {
    walk.explain({ ExplanationCode: 'BAD_STATE', Component: { Id: endpoint.instance.InstanceId }, Path: path, Reason: `instance \`${endpoint.instance.InstanceId}\` is \`${endpoint.instance.State.Name}\`, not \`running\`` });
    return false;
  }
  if (!endpoint.eni) {
    walk.explain({ ExplanationCode: 'BAD_STATE', Component: { Id: endpoint.id }, Path: path, Reason: `\`${endpoint.id}\` has no network interface` });
    return false;
  }
  return true;
}

/**
 * Can the source reach the destination? The answer carries the forward and return paths and, when it is
 * no, every blocking component with its Reachability Analyzer code and the exact rule (or its absence).
 */
export function analyzeReachability(state: WithEc2, query: ReachabilityQuery): ReachabilityAnalysis {
  const ec2 = state.ec2;
  checkQueryKeys(query, QUERY_KEYS, 'query');
  if (typeof query.Source !== 'string' || typeof query.Destination !== 'string') throw new InvalidParameterValue('the query needs a `Source` and a `Destination`');
  const protocolNumber = getRecord(PROTOCOL_NUMBERS, query.Protocol);
  if (!protocolNumber || protocolNumber === '-1') throw new InvalidParameterValue(`protocol \`${query.Protocol}\` is not one of \`tcp\`, \`udp\`, \`icmp\`, \`icmpv6\``);
  const ported = query.Protocol === 'tcp' || query.Protocol === 'udp';
  if (ported && (query.DestinationPort === undefined || !Number.isInteger(query.DestinationPort) || query.DestinationPort < 0 || query.DestinationPort > 65535)) {
    throw new InvalidParameterValue(`\`${query.Protocol}\` needs a \`DestinationPort\` from 0 to 65535`);
  }
  const clientPorts = query.SourcePortRange ?? DEFAULT_CLIENT_PORTS;
  const walk = new Walk(ec2, { protocolName: query.Protocol, protocolNumber, port: ported ? (query.DestinationPort as number) : ICMP_ECHO_REQUEST, clientPorts });
  const source = resolveEndpoint(ec2, query.Source, query.SourceIp, 'source');
  const destination = resolveEndpoint(ec2, query.Destination, query.DestinationIp, 'destination');
  const sourceAlive = checkRunning(walk, source, 'forward');
  if (checkRunning(walk, destination, 'forward') && sourceAlive) {
    if (source.kind === 'internet' && destination.kind === 'internet') {
      walk.fail('forward', source.id, 'both ends are on the internet: the analyzer answers for paths that touch a vpc');
    } else if (source.kind === 'internet' && destination.kind === 'interface') {
      inboundFromInternet(walk, source.range, destination.eni, clientPorts);
    } else if (source.kind === 'interface' && destination.kind === 'internet') {
      outboundToInternet(walk, source.eni, destination.range, clientPorts);
    } else if (source.kind === 'interface' && destination.kind === 'interface') {
      betweenInterfaces(walk, source.eni, destination, query, clientPorts);
    }
  }
  return {
    NetworkPathFound: walk.explanations.length === 0,
    ForwardPathComponents: walk.forward,
    ReturnPathComponents: walk.back,
    Explanations: walk.explanations,
    Unsupported: walk.unsupported,
  };
}

function betweenInterfaces(walk: Walk, a: NetworkInterface, destination: Attached, query: ReachabilityQuery, clientPorts: PortInterval): void {
  const b = destination.eni;
  const family = query.DestinationIp?.includes(':') || query.Destination.includes(':') ? 6 : 4;
  if (a.NetworkInterfaceId === b.NetworkInterfaceId) {
    walk.fail('forward', a.NetworkInterfaceId, 'source and destination are the same interface');
    return;
  }
  if (a.VpcId === b.VpcId && !destination.publicAddress) {
    privatePath(walk, a, b, family);
    return;
  }
  // Another VPC over private addresses: the source's route table decides. A route to a peering connection
  // or transit gateway leads where the analyzer does not follow (peering is not modelled), so the path
  // fails closed and is listed as unsupported rather than answered wrong.
  const bAddress = destination.publicAddress ? undefined : privateAddress(b, family);
  const aSubnet = getRecord(walk.ec2.subnets, a.SubnetId);
  const aTable = aSubnet ? routeTableOfSubnet(walk.ec2, aSubnet) : undefined;
  const peek = bAddress && aTable ? longestPrefixMatch(aTable, bAddress) : undefined;
  if (bAddress && aSubnet && peek && routeTarget(peek).kind === 'unmodelled') {
    acrossVpcs(walk, a, aSubnet, bAddress);
    return;
  }
  // Otherwise (or for a destination addressed by its public IP) the only way is out through the source's
  // gateway, across the internet, in through the destination's internet gateway.
  const target = destination.publicAddress ?? internetAddress(b, family);
  if (!target) {
    const via = peek ? `${targetText(routeTarget(peek))}, not to a peering connection or transit gateway` : 'nowhere';
    walk.explain({
      ExplanationCode: 'NO_PUBLIC_IP',
      Component: { Id: b.NetworkInterfaceId },
      Path: 'forward',
      Reason: `\`${b.NetworkInterfaceId}\` is in vpc \`${b.VpcId}\`, not \`${a.VpcId}\`, and has no public address, and the route table of \`${a.SubnetId}\` sends \`${bAddress ? formatCidr(bAddress) : b.PrivateIpAddress}\` ${via}: there is no path`,
    });
    return;
  }
  const seenAs = outboundToInternet(walk, a, target, clientPorts);
  if (seenAs) inboundFromInternet(walk, seenAs, b, clientPorts);
}

/** Toward another VPC's private address through a route the analyzer does not follow: the checks on this side, then unsupported. */
function acrossVpcs(walk: Walk, a: NetworkInterface, aSubnet: Subnet, bAddress: IpRange): void {
  walk.hop('forward', { Component: { Id: a.NetworkInterfaceId }, Subnet: { Id: aSubnet.SubnetId }, Vpc: { Id: a.VpcId } });
  checkSg(walk, a, 'egress', bAddress, []);
  checkAcl(walk, 'forward', aSubnet, true, aclTraffic(walk, bAddress, forwardPorts(walk), ICMP_ECHO_REQUEST));
  const hop: RouteResult = route(walk, 'forward', aSubnet, bAddress);
  if (hop) unmodelledRoute(walk, 'forward', hop, bAddress);
}
