import { analyzeReachability, reachabilityMatrix, type AccountState, type IpPermission, type ReachabilityAnalysis, type ReachabilityQuery } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { describeAnalysis } from './check-reachability.ts';
import { networkUniverse, probedNetwork, type NetworkUniverse, type ProbedNetwork, type ProbeSet } from './network-universe.ts';
import { outageZones, withZoneOutage } from './zone-outage.ts';
import { resourceNames, type ResourceNames } from './resource-names.ts';
import { renderDeep } from './template.ts';
import { exposureMatrixVisual, matrixTally, tallyPairs, tallyPath, type MatrixTally } from './visuals/exposure-matrix.ts';
import { networkPathVisual } from './visuals/network-path.ts';
import type { NetworkPathVisual } from './visuals/types.ts';

// Network answers graded by behaviour (DESIGN §3): the learner's network and the reference's are asked the
// same questions — every instance (and probe instance) to every other, the internet to every instance and
// every instance to the internet, over tcp and udp on every port that matters and over icmp — and every
// path one side opens and the other does not is reported, with the analyzer's explanation of the learner's.

type Protocol = 'tcp' | 'udp' | 'icmp';

interface Path {
  query: ReachabilityQuery;
  /** Lower sorts first among the examples: plain tcp on a named port between the lab's own instances. */
  weight: number;
}

interface Difference extends Path {
  learner: boolean;
}

function questions(universe: NetworkUniverse): { protocol: Protocol; port?: number; label: string }[] {
  const ported = (['tcp', 'udp'] as const).flatMap((protocol) =>
    universe.ports[protocol].map((port, i) => {
      const [from, to] = universe.stretches[protocol][i] as [number, number];
      return { protocol, port, label: `${protocol} ${from === to ? from : `${from}-${to}`}` };
    }),
  );
  return [...ported, { protocol: 'icmp', label: 'icmp' }];
}

function runningInstances(state: AccountState): string[] {
  return Object.values(state.ec2.instances).filter((i) => i.State.Name === 'running').map((i) => i.InstanceId).sort();
}

/**
 * The reference side of one lab variant: the solution's network with its probes, and the answers it has
 * given. Every submission of an attempt compares with the same reference, so each question is asked of it
 * once. The answers do not depend on the cache: it only saves the work.
 */
interface ReferenceSide extends ProbedNetwork {
  /** The solution's account before the probes: what the learner's, also before probes, is compared with. */
  raw: AccountState;
  /** Its signature per question, and the part every question shares. */
  signatures: Map<string, string>;
  fixed: string;
  matrices: Map<string, { pairs: Set<number>; unsupported: string[] }>;
  paths: Map<string, { found: boolean; unsupported: string[] }>;
}

const referenceSides = new WeakMap<Lab, Map<string, ReferenceSide>>();
const VARIANTS_PER_LAB = 64;

function referenceSide(lab: Lab, input: CheckInput, task: string, set: ProbeSet, outage: string | undefined): ReferenceSide {
  let variants = referenceSides.get(lab);
  if (!variants) {
    variants = new Map();
    referenceSides.set(lab, variants);
  }
  // Ids are made per attempt: the same variant of a lab provisioned twice has other ids, so they are part of the key.
  const ec2 = input.state.ec2;
  const ids = [ec2.vpcs, ec2.subnets, ec2.securityGroups, ec2.networkAcls, ec2.routeTables, ec2.instances].map((records) => Object.keys(records).join()).join('|');
  const key = JSON.stringify([task, input.accountId, input.params, ids, outage ?? '']);
  let side = variants.get(key);
  if (!side) {
    if (variants.size >= VARIANTS_PER_LAB) variants.clear();
    // The outage comes after the probes, so both sides launch the same probes and lose the same ones.
    const probed = probedNetwork(input.reference(), input.ctx, set);
    const raw = withZoneOutage(input.reference(), outage);
    side = { state: withZoneOutage(probed.state, outage), probes: probed.probes, raw, signatures: new Map(), fixed: fixedSignature(raw), matrices: new Map(), paths: new Map() };
    variants.set(key, side);
  }
  return side;
}

/** The ordered pairs of instances one side reaches, as `source index × count + destination index`. */
function reachedPairs(state: AccountState, index: Map<string, number>, protocol: Protocol, port: number | undefined, unsupported: string[]): Set<number> {
  const matrix = reachabilityMatrix(state, { Protocol: protocol, ...(port !== undefined ? { DestinationPort: port } : {}) });
  // A pair the analyzer cannot follow (a route to a peering connection …) is not a firm answer: the check errs instead.
  unsupported.push(...matrix.Unsupported);
  const pairs = new Set<number>();
  for (const [source, destinations] of Object.entries(matrix.Reachable)) {
    const from = (index.get(source) as number) * index.size;
    for (const destination of destinations) pairs.add(from + (index.get(destination) as number));
  }
  return pairs;
}

interface Outcome {
  differences: Difference[];
  /** Every path asked, folded into tiers for the exposure matrix. */
  tally: MatrixTally;
  both: number;
  neither: number;
  evaluated: number;
  unsupported: string[];
}

function record(out: Outcome, path: Path, service: number, mine: boolean, theirs: boolean): void {
  tallyPath(out.tally, path.query.Source, path.query.Destination, service, mine, theirs);
  out.evaluated++;
  if (mine && theirs) out.both++;
  else if (!mine && !theirs) out.neither++;
  else out.differences.push({ ...path, learner: mine });
}

function analyzed(state: AccountState, query: ReachabilityQuery, out: Outcome): boolean {
  const analysis: ReachabilityAnalysis = analyzeReachability(state, query);
  out.unsupported.push(...analysis.Unsupported);
  return analysis.NetworkPathFound;
}

/** Instance to instance: the two matrices compared as sets, so only the differences become objects. */
function comparePairs(universe: NetworkUniverse, side: ReferenceSide, instances: string[], base: Omit<ReachabilityQuery, 'Source' | 'Destination'>, weight: number, service: number, out: Outcome, same: boolean): void {
  const index = new Map(instances.map((id, i) => [id, i]));
  const key = `${base.Protocol}/${base.DestinationPort ?? ''}`;
  let cached = side.matrices.get(key);
  if (!cached) {
    const unsupported: string[] = [];
    cached = { pairs: reachedPairs(universe.reference, index, base.Protocol as Protocol, base.DestinationPort, unsupported), unsupported };
    side.matrices.set(key, cached);
  }
  out.unsupported.push(...cached.unsupported);
  const theirs = cached.pairs;
  const mine = same ? theirs : reachedPairs(universe.learner(), index, base.Protocol as Protocol, base.DestinationPort, out.unsupported);
  const total = instances.length * (instances.length - 1);
  let both = 0;
  const differ = (pair: number, learner: boolean) => {
    const [source, destination] = [instances[Math.floor(pair / instances.length)] as string, instances[pair % instances.length] as string];
    const probe = universe.probes.has(source) || universe.probes.has(destination) ? 10 : 0;
    out.differences.push({ query: { ...base, Source: source, Destination: destination }, weight: weight + probe, learner });
  };
  for (const pair of mine) {
    if (theirs.has(pair)) both++;
    else differ(pair, true);
  }
  for (const pair of theirs) if (!mine.has(pair)) differ(pair, false);
  tallyPairs(out.tally, instances, service, mine, theirs);
  out.evaluated += total;
  out.both += both;
  out.neither += total - (mine.size + theirs.size - both);
}

function referencePath(side: ReferenceSide, query: ReachabilityQuery, out: Outcome): boolean {
  const key = JSON.stringify(query);
  let answer = side.paths.get(key);
  if (answer === undefined) {
    const analysis = analyzeReachability(side.state, query);
    answer = { found: analysis.NetworkPathFound, unsupported: analysis.Unsupported };
    side.paths.set(key, answer);
  }
  out.unsupported.push(...answer.unsupported);
  return answer.found;
}

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp' };

/** Whether a rule can apply to the question (a superset is fine: it only decides whether two sides may differ). */
function covers(permission: IpPermission, protocol: Protocol, port: number | undefined): boolean {
  const name = PROTOCOL_NAMES[permission.IpProtocol] ?? permission.IpProtocol.toLowerCase();
  if (name === '-1') return true;
  if (name !== protocol) return false;
  return port === undefined || ((permission.FromPort ?? 0) <= port && port <= (permission.ToPort ?? 65535));
}

/**
 * Everything a question's answers depend on: the security group rules that can apply to its protocol and
 * port, and the ACLs, routes and group memberships. Where the learner's is the reference's, every answer
 * is too, and the learner's side need not be asked: the common case, since most rules are right.
 */
function questionSignature(state: AccountState, fixed: string, protocol: Protocol, port: number | undefined): string {
  const groups = Object.values(state.ec2.securityGroups).map((g) => {
    const rules = (list: IpPermission[]) => list.filter((p) => covers(p, protocol, port)).map((p) => JSON.stringify(p)).sort().join();
    return `${g.GroupId}<${rules(g.IpPermissions)}>${rules(g.IpPermissionsEgress)}`;
  });
  return `${groups.sort().join('|')}#${fixed}`;
}

/** The parts of a network every question depends on alike: ACL entries, routes, gateways, and each interface's groups and public address. */
function fixedSignature(state: AccountState): string {
  const ec2 = state.ec2;
  return JSON.stringify([
    Object.values(ec2.networkAcls).map((a) => [a.NetworkAclId, a.Entries, a.Associations]),
    // Association ids are made as answers are applied, so two accounts with the same associations name them differently.
    Object.values(ec2.routeTables).map((t) => [t.RouteTableId, t.Routes, t.Associations.map((a) => [a.SubnetId, a.Main])]),
    Object.values(ec2.networkInterfaces).map((n) => [n.NetworkInterfaceId, n.SubnetId, n.Groups, n.Association]),
    Object.values(ec2.internetGateways).map((g) => [g.InternetGatewayId, g.Attachments]),
    Object.values(ec2.natGateways).map((g) => [g.NatGatewayId, g.State, g.SubnetId]),
  ]);
}

function referenceSignature(side: ReferenceSide, protocol: Protocol, port: number | undefined): string {
  const key = `${protocol}/${port ?? ''}`;
  let signature = side.signatures.get(key);
  if (signature === undefined) {
    signature = questionSignature(side.raw, side.fixed, protocol, port);
    side.signatures.set(key, signature);
  }
  return signature;
}

// Signatures are taken before the probes are added: the probes are the same on both sides, so accounts
// that agree without them agree with them, and a learner's account is only probed when a question needs it.
function compareNetworks(universe: NetworkUniverse, side: ReferenceSide, learner: AccountState, set: ProbeSet): Outcome {
  const instances = runningInstances(universe.reference);
  const asked = questions(universe);
  const tally = matrixTally(universe.reference, instances, universe.probes, set === 'groups' ? 'security-group' : 'subnet', asked.map((q) => q.label));
  const out: Outcome = { differences: [], tally, both: 0, neither: 0, evaluated: 0, unsupported: [] };
  const own = set === 'routes' ? instances : instances.filter((id) => !universe.probes.has(id));
  const mineFixed = fixedSignature(learner);
  for (const [service, { protocol, port }] of asked.entries()) {
    const base = { Protocol: protocol, ...(port !== undefined ? { DestinationPort: port } : {}) };
    const weight = (protocol === 'tcp' ? 0 : protocol === 'udp' ? 2 : 1) + (port !== undefined && port > 1023 ? 1 : 0);
    const same = questionSignature(learner, mineFixed, protocol, port) === referenceSignature(side, protocol, port);
    comparePairs(universe, side, instances, base, weight, service, out, same);
    const learnerPath = (query: ReachabilityQuery) => (same ? referencePath(side, query, out) : analyzed(universe.learner(), query, out));
    for (const instance of own) {
      for (const address of universe.internetAddresses) {
        const inbound: ReachabilityQuery = { ...base, Source: 'internet', Destination: instance, SourceIp: address };
        record(out, { query: inbound, weight }, service, learnerPath(inbound), referencePath(side, inbound, out));
        const outbound: ReachabilityQuery = { ...base, Source: instance, Destination: 'internet', DestinationIp: address };
        record(out, { query: outbound, weight: weight + 5 }, service, learnerPath(outbound), referencePath(side, outbound, out));
      }
    }
  }
  return out;
}

function pathText(query: ReachabilityQuery, name: (id: string) => string): string {
  const end = (id: string, address: string | undefined) => (id === 'internet' ? `the internet (\`${address ?? '0.0.0.0/0'}\`)` : name(id));
  const what = query.Protocol === 'icmp' ? 'icmp (ping)' : `${query.Protocol} ${query.DestinationPort}`;
  return `${end(query.Source, query.SourceIp)} → ${end(query.Destination, query.DestinationIp)} on ${what}`;
}

/** The diagram's name of a path's end: the lab's name (a probe's `Name` tag says what it stands for), or the internet address. */
function endName(id: string, address: string | undefined, names: ResourceNames): string {
  return id === 'internet' ? `internet (${address ?? '0.0.0.0/0'})` : (names.byId.get(id) ?? id);
}

interface Section {
  lines: string[];
  /** The shown examples as the learner's network takes them. */
  visuals: NetworkPathVisual[];
}

function section(title: string, differences: Difference[], learner: () => AccountState, universe: NetworkUniverse, count: number): Section {
  if (differences.length === 0) return { lines: [], visuals: [] };
  const state = learner();
  const names = resourceNames(state);
  const name = (id: string) => universe.probes.get(id) ?? `\`${names.byId.get(id) ?? id}\``;
  const visuals: NetworkPathVisual[] = [];
  const shown = [...differences].sort((a, b) => a.weight - b.weight).slice(0, count).map((d) => {
    const analysis = analyzeReachability(state, d.query);
    const { Source, Destination, Protocol, DestinationPort } = d.query;
    visuals.push(networkPathVisual(analysis, names, { source: endName(Source, d.query.SourceIp, names), destination: endName(Destination, d.query.DestinationIp, names), protocol: Protocol, ...(DestinationPort === undefined ? {} : { port: DestinationPort }) }));
    return `- ${pathText(d.query, name)}\n  ${describeAnalysis(analysis, names, Source === 'internet')}`;
  });
  const more = differences.length > count ? [`… and ${differences.length - count} more`] : [];
  return { lines: [`${title} (${differences.length}):`, ...shown, ...more], visuals };
}

interface Scenario {
  outage: string | undefined;
  universe: NetworkUniverse;
  outcome: Outcome;
}

function compareScenario(lab: Lab, input: CheckInput, task: string, set: ProbeSet, outage: string | undefined): Scenario | string {
  const side = referenceSide(lab, input, task, set, outage);
  const state = withZoneOutage(input.state, outage);
  if (runningInstances(state).join() !== runningInstances(side.raw).join()) return 'the answer and the solution leave different instances running';
  let probed: AccountState | undefined;
  const learner = () => (probed ??= withZoneOutage(probedNetwork(input.state, input.ctx, set).state, outage));
  const universe = networkUniverse(state, learner, side, `${lab.id}/${JSON.stringify(input.params)}`);
  return { outage, universe, outcome: compareNetworks(universe, side, state, set) };
}

function scenarioSections(scenario: Scenario, examples: number): Section[] {
  const { outcome, universe, outage } = scenario;
  const when = outage === undefined ? '' : `when \`${outage}\` fails (its nat gateways and instances down), `;
  return [
    section(`${when}your network lets through what the reference blocks`, outcome.differences.filter((d) => d.learner), universe.learner, universe, examples),
    section(`${when}your network blocks what the reference lets through`, outcome.differences.filter((d) => !d.learner), universe.learner, universe, examples),
  ];
}

/**
 * An `equivalent-reachability` check: the network the task's answer leaves lets through exactly what the
 * solution's lets through, on every path of the universe (lab instances, probe instances, the internet).
 * For a `route-table` task the internet paths of every probe are asked too, and the comparison is made
 * again with each Availability Zone that holds a NAT gateway failed, so a private subnet that depends on a
 * NAT gateway in another zone is told apart from one with its own
 * (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html: "create a NAT gateway in each
 * Availability Zone" for zone-independent architecture).
 */
export function runEquivalentReachabilityCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['equivalent-reachability'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-reachability` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  if (task?.kind !== 'security-groups' && task?.kind !== 'nacl-entries' && task?.kind !== 'route-table') return errored(input, LAB_PROBLEM, `task \`${spec.task}\` is not a security-groups, nacl-entries or route-table task`);
  const set: ProbeSet = task.kind === 'security-groups' ? 'groups' : task.kind === 'route-table' ? 'routes' : 'strangers';
  const outages = task.kind === 'route-table' ? outageZones(input.state, input.reference()) : [];
  const scenarios: Scenario[] = [];
  for (const outage of [undefined, ...outages]) {
    const scenario = compareScenario(lab, input, task.id, set, outage);
    if (typeof scenario === 'string') return errored(input, LAB_PROBLEM, scenario);
    scenarios.push(scenario);
  }
  const unsupported = [...new Set(scenarios.flatMap((s) => s.outcome.unsupported))];
  if (unsupported.length > 0) {
    return errored(input, 'this check could not be decided: some paths use something the network analyzer does not model', unsupported.join('; '), unsupported);
  }
  const total = (key: 'evaluated' | 'both' | 'neither') => scenarios.reduce((sum, s) => sum + s.outcome[key], 0);
  const first = scenarios[0] as Scenario;
  const sections = scenarios.map((s) => scenarioSections(s, spec.examples));
  // The matrix of the first comparison that differs (the plain one, else the first outage), with its examples.
  const shown = Math.max(0, scenarios.findIndex((s) => s.outcome.differences.length > 0));
  const drawn = scenarios[shown] as Scenario;
  const visual = exposureMatrixVisual(drawn.outcome.tally, (sections[shown] ?? []).flatMap((s) => s.visuals), drawn.outcome.differences.length, drawn.outage);
  const zones = outages.length > 0 ? `, again with each of ${outages.map((z) => `\`${z}\``).join(', ')} failed` : '';
  const lines = [
    `compared on ${total('evaluated')} paths (${first.universe.ports.tcp.length} tcp and ${first.universe.ports.udp.length} udp ports, and icmp; the lab's instances, ${first.universe.probes.size} probe instances and the internet${zones}): ${total('both')} open in both, ${total('neither')} closed in both`,
    ...sections.flat().flatMap((s) => s.lines),
  ];
  return decided(input, scenarios.every((s) => s.outcome.differences.length === 0), lines.join('\n'), [], visual);
}
