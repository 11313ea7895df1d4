import { authorizeSecurityGroupIngress, cloneState, createSecurityGroup, formatIpv4, parseCidr, runInstances, type AccountState, type Ctx } from '@skylab/emulator';
import { hashString } from './prng.ts';
import { nameTag } from './resource-names.ts';

// The paths on which two networks must agree to be equivalent (DESIGN §3, grading integrity). A few probed
// paths let a CIDR that happens to cover today's instances pass for a security group reference, or a deny
// on just the probed port pass for the right ACL. So the universe has, besides every instance the lab
// runs, "probe" instances that the lab did not launch: in every subnet, one carrying each security group
// of the VPC (a new member of the tier, launched anywhere, as Auto Scaling would) and one stranger that
// carries none of them and accepts everything; the ports are one of every stretch on which all rules of either side agree (so a
// port nobody named is among them); the internet sources are the edges of every public range either side names.

/** The instances, ports and internet addresses that tell two networks apart. */
export interface NetworkUniverse {
  /** Both accounts with the same probe instances added (same ids in each). */
  /** The learner's account with the probes, built on first use: questions both sides answer alike never need it. */
  learner: () => AccountState;
  reference: AccountState;
  /** The destination ports to ask about, per protocol. */
  ports: { tcp: number[]; udp: number[] };
  /** The stretch each of those ports stands for (first and last port), in the same order. */
  stretches: { tcp: [number, number][]; udp: [number, number][] };
  /** Internet addresses (single hosts) that act as the source or destination on the internet side. */
  internetAddresses: string[];
  /** The probe instances' ids and what they stand for. */
  probes: Map<string, string>;
}

const PROBE_IMAGE = 'ami-0abcdef1234567890';
/** A public address (in one of Amazon's own ranges) that stands for an internet client nobody names. */
const ANY_INTERNET_ADDRESS = '52.94.76.10';
/** Ports attackers try first, always in the universe. */
const WELL_KNOWN_PORTS = [22, 3389];

type Ec2 = AccountState['ec2'];

function probeIds(): Ctx['ids'] {
  let n = 0;
  return { next: (prefix) => `${prefix}${prefix.endsWith('-') ? 'f' : 'P'}${String(++n).padStart(16, '0')}` };
}

/**
 * Which probes a universe launches: `groups` (a new member of each group, and a stranger, in every
 * subnet: security group answers), `strangers` (a stranger per subnet: network ACL answers, which decide
 * by address) or `routes` (two strangers per subnet, one with a public address and one without, whatever
 * the subnet's setting: route table answers, where a subnet's table decides whether an addressed instance
 * is public and whether a private one gets out).
 */
export type ProbeSet = 'groups' | 'strangers' | 'routes';

/** A probe to launch: its groups, `Name` tag, what it stands for, and a public address forced on or off. */
interface Probe {
  ids: string[];
  tag: string;
  what: string;
  address?: boolean;
}

/** Adds the probe instances to an account; the same calls on both sides give the same ids. */
function addProbes(state: AccountState, ctx: Ctx, set: ProbeSet): Map<string, string> {
  const c = { ...ctx, ids: probeIds() };
  const probes = new Map<string, string>();
  const ec2: Ec2 = state.ec2;
  const vpcs = Object.values(ec2.vpcs).sort((a, b) => (a.VpcId < b.VpcId ? -1 : 1));
  // A lab instance already stands for a probe of its own subnet and groups.
  const running = new Set(
    Object.values(ec2.instances).flatMap((i) => {
      const eni = ec2.networkInterfaces[i.NetworkInterfaceIds[0] ?? ''];
      return eni ? [`${eni.SubnetId}|${eni.Groups.map((g) => g.GroupId).sort().join(',')}`] : [];
    }),
  );
  for (const vpc of vpcs) {
    const stranger = createSecurityGroup(state, { GroupName: 'skylab-probe-stranger', Description: 'a probe instance that belongs to no tier', VpcId: vpc.VpcId }, c).GroupId;
    // The stranger accepts everything, so whether a path reaches it is decided by everything but its own group.
    authorizeSecurityGroupIngress(state, { GroupId: stranger, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    const groups = set === 'groups' ? Object.values(ec2.securityGroups).filter((g) => g.VpcId === vpc.VpcId && g.GroupId !== stranger && g.GroupName !== 'default') : [];
    const subnets = Object.values(ec2.subnets).filter((s) => s.VpcId === vpc.VpcId).sort((a, b) => (a.SubnetId < b.SubnetId ? -1 : 1));
    for (const subnet of subnets) {
      const where = nameTag(subnet.Tags) ?? subnet.SubnetId;
      const strangers: Probe[] = set === 'routes'
        ? [
            { ids: [stranger], tag: `addressed stranger instance in ${where}`, what: `an instance with a public address in \`${where}\``, address: true },
            { ids: [stranger], tag: `private stranger instance in ${where}`, what: `an instance without a public address in \`${where}\``, address: false },
          ]
        : [{ ids: [stranger], tag: `stranger instance in ${where}`, what: `an instance in \`${where}\` that carries none of the lab's groups` }];
      const kinds: Probe[] = [...groups.map((g) => ({ ids: [g.GroupId], tag: `new ${g.GroupName} instance in ${where}`, what: `a new instance in \`${where}\` carrying \`${g.GroupName}\`` })), ...strangers];
      for (const kind of kinds) {
        if (running.has(`${subnet.SubnetId}|${kind.ids.join(',')}`)) continue;
        const TagSpecifications = [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: kind.tag }] }];
        const placement = kind.address !== undefined
          ? { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet.SubnetId, Groups: kind.ids, AssociatePublicIpAddress: kind.address }] }
          : { SubnetId: subnet.SubnetId, SecurityGroupIds: kind.ids };
        const launched = runInstances(state, { ImageId: PROBE_IMAGE, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, ...placement, TagSpecifications }, c);
        const id = launched.Instances[0]?.InstanceId;
        if (id !== undefined) probes.set(id, kind.what);
      }
    }
  }
  return probes;
}

/** Addresses that are no internet client: private, loopback, "this network", link-local and multicast. */
function isPrivate(address: number): boolean {
  const a = address >>> 24;
  const b = (address >>> 16) & 255;
  return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || (a === 169 && b === 254) || a >= 224;
}

/** The first address of a public range and the first one after it: on either side of its edge. */
function rangeEdges(cidr: string): number[] {
  const range = cidr.includes('/') ? parseCidr(cidr) : undefined;
  if (range?.family !== 4) return [];
  return [range.first, range.last + 1].filter((a) => a < 2 ** 32 && !isPrivate(a));
}

/** The ports where a rule's range starts and the port after it ends: the edges of the ranges rules name. */
function edges(from: number | undefined, to: number | undefined): number[] {
  if (from === undefined || to === undefined || from < 0) return [];
  return [from, to + 1].filter((p) => p <= 65535);
}

/**
 * One port for every stretch of ports on which every rule of either side agrees: between two consecutive
 * edges nothing can tell ports apart, so one of them stands for all. The stand-in is a well-known port or
 * the "any other" port when one falls in the stretch, so examples read naturally.
 */
function representatives(edgeSet: Set<number>, preferred: number[]): { ports: number[]; stretches: [number, number][] } {
  const sorted = [...new Set([0, ...edgeSet])].sort((a, b) => a - b);
  const stretches = sorted.map((start, i): [number, number] => [start, (sorted[i + 1] ?? 65536) - 1]);
  return { ports: stretches.map(([start, end]) => preferred.find((p) => p >= start && p <= end) ?? start), stretches };
}

type Ported = 'tcp' | 'udp';

/** The protocol a rule's ports belong to; all traffic (`-1`) and icmp have none. */
function portedProtocol(protocol: string | undefined): Ported | undefined {
  const p = (protocol ?? '').toLowerCase();
  return p === 'tcp' || p === '6' ? 'tcp' : p === 'udp' || p === '17' ? 'udp' : undefined;
}

/** Every port edge (per protocol) and CIDR the rules of an account name (security groups and network ACLs). */
function ruleFacts(ec2: Ec2, edgeSets: Record<Ported, Set<number>>, cidrs: Set<string>): void {
  const add = (protocol: string | undefined, from: number | undefined, to: number | undefined) => {
    const ported = portedProtocol(protocol);
    if (ported) for (const port of edges(from, to)) edgeSets[ported].add(port);
  };
  for (const group of Object.values(ec2.securityGroups)) {
    for (const permission of [...group.IpPermissions, ...group.IpPermissionsEgress]) {
      add(permission.IpProtocol, permission.FromPort, permission.ToPort);
      for (const range of permission.IpRanges) cidrs.add(range.CidrIp);
    }
  }
  for (const acl of Object.values(ec2.networkAcls)) {
    for (const entry of acl.Entries) {
      add(entry.Protocol, entry.PortRange?.From, entry.PortRange?.To);
      if (entry.CidrBlock !== undefined) cidrs.add(entry.CidrBlock);
    }
  }
  // A route's destination decides which internet addresses leave through which gateway: its edges matter too.
  for (const table of Object.values(ec2.routeTables)) for (const route of table.Routes) if (route.DestinationCidrBlock !== undefined && route.GatewayId !== 'local') cidrs.add(route.DestinationCidrBlock);
}

/** An account copied with the probe instances added, and what each probe stands for. */
export interface ProbedNetwork {
  state: AccountState;
  probes: Map<string, string>;
}

/**
 * A copy of the account with the probe instances of `set` added (see `ProbeSet`). The same account gives
 * the same probe ids.
 */
export function probedNetwork(state: AccountState, ctx: Ctx, set: ProbeSet): ProbedNetwork {
  const copy = cloneState(state);
  return { state: copy, probes: addProbes(copy, ctx, set) };
}

/**
 * The universe for comparing the learner's network with the reference's (both with the same probes): the
 * ports and the internet addresses that matter, read from the rules of the learner's account (probes add
 * no ports nor public ranges) and the reference's. `seed` picks the "any other port".
 */
export function networkUniverse(learner: AccountState, probedLearner: () => AccountState, reference: ProbedNetwork, seed: string): NetworkUniverse {
  const edgeSets = { tcp: new Set<number>(), udp: new Set<number>() };
  const cidrs = new Set<string>();
  ruleFacts(learner.ec2, edgeSets, cidrs);
  ruleFacts(reference.state.ec2, edgeSets, cidrs);
  // Edges are per protocol: a tcp rule's ports cannot tell udp ports apart, so udp without rules of its own is one question.
  const preferred = [...WELL_KNOWN_PORTS, 1024 + (hashString(`${seed}/any-other-port`) % 64000)];
  const tcp = representatives(edgeSets.tcp, preferred);
  const udp = representatives(edgeSets.udp, preferred);
  const addresses = new Set<number>([...cidrs].flatMap(rangeEdges));
  return {
    learner: probedLearner,
    reference: reference.state,
    ports: { tcp: tcp.ports, udp: udp.ports },
    stretches: { tcp: tcp.stretches, udp: udp.stretches },
    internetAddresses: [ANY_INTERNET_ADDRESS, ...[...addresses].sort((x, y) => x - y).map(formatIpv4)],
    probes: reference.probes,
  };
}
