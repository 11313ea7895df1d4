import { evaluateAcl, type PortInterval } from './acl-evaluation.ts';
import { parseCidr, type IpRange } from './cidr.ts';
import { networkAclOfSubnet, routeTableOfSubnet } from './common.ts';
import { InvalidParameterValue } from './errors.ts';
import { PROTOCOL_NUMBERS } from './protocols.ts';
import { analyzeReachability, checkQueryKeys, DEFAULT_CLIENT_PORTS } from './reachability.ts';
import { longestPrefixMatch, routeBlackhole, routeTarget } from './reachability-checks.ts';
import type { Explanation } from './reachability-types.ts';
import { portsMatch } from './sg-evaluation.ts';
import type { Ec2State, NetworkInterface, SecurityGroup, WithEc2 } from './state.ts';
import { getRecord } from '../records.ts';

// All-pairs reachability between running instances for one protocol and port. Pairs inside one VPC
// (the common case, and the one that grows quadratically) are answered from a compiled form of the same
// rules `analyzeReachability` applies — each security group's matching rules cut down once to address
// intervals and referenced groups, each ACL and route decision cached per subnet and remote address — so
// a pair costs a few lookups. Pairs across VPCs go through `analyzeReachability` itself. The property
// tests check that both give the same answer.

/** The question: one protocol and destination port, between every ordered pair of running instances. */
export interface ReachabilityMatrixQuery {
  Protocol: 'tcp' | 'udp' | 'icmp';
  DestinationPort?: number;
  SourcePortRange?: PortInterval;
}

/** Which instance reaches which, and how many pairs each blocking code stopped. */
export interface ReachabilityMatrix {
  Pairs: number;
  ReachablePairs: number;
  /** For each source instance, the destination instances it reaches, in id order. */
  Reachable: Record<string, string[]>;
  /** For blocked pairs, the first blocking code on the path and how many pairs it stopped. */
  BlockedBy: Partial<Record<Explanation['ExplanationCode'], number>>;
  /** What the analyzer met and does not model (a route to a peering connection …), once each: those pairs are counted as blocked, failing closed. */
  Unsupported: string[];
}

const MATRIX_KEYS = new Set(['Protocol', 'DestinationPort', 'SourcePortRange']);

interface CompiledRules {
  intervals: number[];
  groups: Set<string>;
}

interface Node {
  instanceId: string;
  eni: NetworkInterface;
  ip: number;
  range: IpRange;
  groups: string[];
  egress: CompiledRules;
  ingress: CompiledRules;
}

function compileGroup(group: SecurityGroup | undefined, direction: 'ingress' | 'egress', protocol: string, port: number, into: CompiledRules): void {
  if (!group) return;
  for (const permission of direction === 'ingress' ? group.IpPermissions : group.IpPermissionsEgress) {
    if (!portsMatch(permission, protocol, port)) continue;
    for (const r of permission.IpRanges) {
      const range = parseCidr(r.CidrIp);
      if (range?.family === 4) into.intervals.push(range.first, range.last);
    }
    for (const pair of permission.UserIdGroupPairs) into.groups.add(pair.GroupId);
  }
}

function allows(rules: CompiledRules, ip: number, peerGroups: string[]): boolean {
  const v = rules.intervals;
  for (let i = 0; i < v.length; i += 2) if (ip >= (v[i] as number) && ip <= (v[i + 1] as number)) return true;
  for (const g of peerGroups) if (rules.groups.has(g)) return true;
  return false;
}

/** Reachability between every ordered pair of running instances, for one protocol and port. */
export function reachabilityMatrix(state: WithEc2, query: ReachabilityMatrixQuery): ReachabilityMatrix {
  const ec2: Ec2State = state.ec2;
  checkQueryKeys(query, MATRIX_KEYS, 'matrix query');
  const protocolNumber = getRecord(PROTOCOL_NUMBERS, query.Protocol);
  if (!protocolNumber || protocolNumber === '-1') throw new InvalidParameterValue(`protocol \`${query.Protocol}\` is not one of \`tcp\`, \`udp\`, \`icmp\``);
  const ported = query.Protocol === 'tcp' || query.Protocol === 'udp';
  if (ported && query.DestinationPort === undefined) throw new InvalidParameterValue(`\`${query.Protocol}\` needs a \`DestinationPort\``);
  const port = ported ? (query.DestinationPort as number) : 8;
  const forwardPorts = { From: port, To: port };
  const clientPorts = query.SourcePortRange ?? DEFAULT_CLIENT_PORTS;
  const nodes: Node[] = [];
  for (const instance of Object.values(ec2.instances).sort((a, b) => (a.InstanceId < b.InstanceId ? -1 : 1))) {
    if (instance.State.Name !== 'running') continue;
    const eni = getRecord(ec2.networkInterfaces, instance.NetworkInterfaceIds[0] ?? '');
    const range = eni ? parseCidr(eni.PrivateIpAddress) : undefined;
    if (!eni || !range || range.family !== 4) continue;
    const groups = eni.Groups.map((g) => g.GroupId);
    const egress: CompiledRules = { intervals: [], groups: new Set() };
    const ingress: CompiledRules = { intervals: [], groups: new Set() };
    for (const id of groups) {
      compileGroup(getRecord(ec2.securityGroups, id), 'egress', query.Protocol, port, egress);
      compileGroup(getRecord(ec2.securityGroups, id), 'ingress', query.Protocol, port, ingress);
    }
    nodes.push({ instanceId: instance.InstanceId, eni, ip: range.first, range, groups, egress, ingress });
  }
  // Decisions cached per subnet, then per remote address (numbers, so a pair costs no string building).
  // The subnet's ACL is looked up once (finding it scans every ACL's associations), with its decisions.
  const aclCache = new Map<string, { table: ReturnType<typeof networkAclOfSubnet>; decisions: Map<number, boolean>[] }>();
  function acl(subnetId: string, egress: boolean, returnPath: boolean, remote: Node): boolean {
    let entry = aclCache.get(subnetId);
    if (!entry) {
      entry = { table: networkAclOfSubnet(ec2, subnetId), decisions: [new Map(), new Map(), new Map(), new Map()] };
      aclCache.set(subnetId, entry);
    }
    const cache = entry.decisions[(egress ? 2 : 0) + (returnPath ? 1 : 0)] as Map<number, boolean>;
    let hit = cache.get(remote.ip);
    if (hit === undefined) {
      const table = entry.table;
      hit = table !== undefined && evaluateAcl(table, egress, { remote: remote.range, protocol: protocolNumber as string, ports: returnPath ? clientPorts : forwardPorts, icmpType: returnPath ? 0 : 8 }).decision === 'allow';
      cache.set(remote.ip, hit);
    }
    return hit;
  }
  type RouteCode = Explanation['ExplanationCode'] | 'local';
  const routeCache = new Map<string, Map<number, RouteCode>>();
  function routeTo(subnetId: string, remote: Node): RouteCode {
    let cache = routeCache.get(subnetId);
    if (!cache) {
      cache = new Map();
      routeCache.set(subnetId, cache);
    }
    let hit = cache.get(remote.ip);
    if (hit === undefined) {
      const subnet = getRecord(ec2.subnets, subnetId);
      const table = subnet ? routeTableOfSubnet(ec2, subnet) : undefined;
      const route = table ? longestPrefixMatch(table, remote.range) : undefined;
      // The analyzer's answers: no route, a blackhole, or a detour through a middlebox it does not model.
      hit = !table || !route ? 'CANNOT_ROUTE' : routeBlackhole(ec2, table, route) ? 'BAD_STATE_ROUTE' : routeTarget(route).kind === 'local' ? 'local' : 'UNSUPPORTED_COMPONENT';
      cache.set(remote.ip, hit);
    }
    return hit;
  }
  const result: ReachabilityMatrix = { Pairs: 0, ReachablePairs: 0, Reachable: {}, BlockedBy: {}, Unsupported: [] };
  const unsupported = new Set<string>();
  // A pair whose route the analyzer does not follow is rare: its notes come from the analyzer itself, word for word.
  const noteUnsupported = (a: Node, b: Node) => {
    for (const note of analyzeReachability(state, { Source: a.instanceId, Destination: b.instanceId, Protocol: query.Protocol, ...(query.DestinationPort !== undefined ? { DestinationPort: query.DestinationPort } : {}), ...(query.SourcePortRange ? { SourcePortRange: query.SourcePortRange } : {}) }).Unsupported) unsupported.add(note);
  };
  const block = (code: Explanation['ExplanationCode']) => {
    result.BlockedBy[code] = (result.BlockedBy[code] ?? 0) + 1;
  };
  for (const a of nodes) {
    const reached: string[] = [];
    for (const b of nodes) {
      if (a === b) continue;
      result.Pairs++;
      if (a.eni.VpcId !== b.eni.VpcId) {
        const analysis = analyzeReachability(state, { Source: a.instanceId, Destination: b.instanceId, Protocol: query.Protocol, ...(query.DestinationPort !== undefined ? { DestinationPort: query.DestinationPort } : {}), ...(query.SourcePortRange ? { SourcePortRange: query.SourcePortRange } : {}) });
        for (const note of analysis.Unsupported) unsupported.add(note);
        if (analysis.NetworkPathFound) reached.push(b.instanceId);
        else block(analysis.Explanations[0]?.ExplanationCode ?? 'UNSUPPORTED_COMPONENT');
        continue;
      }
      const cross = a.eni.SubnetId !== b.eni.SubnetId;
      // The same order of checks as the analyzer walks, so the first blocker is the one it reports first.
      const out = routeTo(a.eni.SubnetId, b);
      const back = routeTo(b.eni.SubnetId, a);
      if (out === 'UNSUPPORTED_COMPONENT' || back === 'UNSUPPORTED_COMPONENT') noteUnsupported(a, b);
      if (!allows(a.egress, b.ip, b.groups)) block('ENI_SG_RULES_MISMATCH');
      else if (cross && !acl(a.eni.SubnetId, true, false, b)) block('SUBNET_ACL_RESTRICTION');
      else if (out !== 'local') block(out);
      else if (cross && !acl(b.eni.SubnetId, false, false, a)) block('SUBNET_ACL_RESTRICTION');
      else if (!allows(b.ingress, a.ip, a.groups)) block('ENI_SG_RULES_MISMATCH');
      else if (cross && !acl(b.eni.SubnetId, true, true, a)) block('SUBNET_ACL_RESTRICTION');
      else if (back !== 'local') block(back);
      else if (cross && !acl(a.eni.SubnetId, false, true, b)) block('SUBNET_ACL_RESTRICTION');
      else reached.push(b.instanceId);
    }
    result.Reachable[a.instanceId] = reached;
    result.ReachablePairs += reached.length;
  }
  result.Unsupported = [...unsupported];
  return result;
}
