import type { AccountState } from '@skylab/emulator';
import { nameTag } from '../resource-names.ts';
import type { ExposureCell, ExposureMatrixVisual, ExposureTier, NetworkPathVisual } from './types.ts';

// The equivalence check asks thousands of paths; a learner reads a handful of tiers. Endpoints are folded
// into tiers the way the task's answer tells them apart: by the security groups an instance carries for a
// security group answer (a new instance of a tier behaves as the tier), by subnet for ACL and route table
// answers (which decide by address). Each cell counts, per service, the paths each network lets through.

/** The probes' own group, which stands for "an instance of none of the lab's tiers". */
const STRANGER_GROUP = 'skylab-probe-stranger';
const INTERNET = 0;

/** Paths tallied per tier pair and service, both sides side by side. */
export interface MatrixTally {
  grouping: ExposureMatrixVisual['grouping'];
  tiers: ExposureTier[];
  /** Instance id → tier index. */
  tierOf: Map<string, number>;
  services: string[];
  cells: Map<number, ExposureCell>;
}

function tierName(state: AccountState, instanceId: string, grouping: MatrixTally['grouping']): string {
  const ec2 = state.ec2;
  const eni = ec2.networkInterfaces[ec2.instances[instanceId]?.NetworkInterfaceIds[0] ?? ''];
  if (eni === undefined) return instanceId;
  if (grouping === 'subnet') {
    const subnet = ec2.subnets[eni.SubnetId];
    return (subnet && nameTag(subnet.Tags)) ?? eni.SubnetId;
  }
  const groups = eni.Groups.map((g) => ec2.securityGroups[g.GroupId]?.GroupName ?? g.GroupId).sort();
  return groups.length === 1 && groups[0] === STRANGER_GROUP ? 'no lab group' : groups.join(' + ');
}

/** An empty tally over the running instances of the (probed) account, the internet as tier 0. */
export function matrixTally(state: AccountState, instances: string[], probes: Map<string, string>, grouping: MatrixTally['grouping'], services: string[]): MatrixTally {
  const byName = new Map<string, ExposureTier>();
  const named = new Map<string, string>();
  for (const id of instances) {
    const name = tierName(state, id, grouping);
    named.set(id, name);
    const tier = byName.get(name) ?? { name, instances: [], probes: 0 };
    byName.set(name, tier);
    if (probes.has(id)) tier.probes++;
    else tier.instances.push(nameTag(state.ec2.instances[id]?.Tags ?? []) ?? id);
  }
  // Tiers with lab instances first, by name; those only probes stand in (strangers, empty subnets) after them.
  for (const tier of byName.values()) tier.instances.sort();
  const ordered = [...byName.values()].sort((a, b) => Number(a.instances.length === 0) - Number(b.instances.length === 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const tiers = [{ name: 'internet', instances: [], probes: 0 }, ...ordered];
  const index = new Map(tiers.map((t, i) => [t.name, i]));
  const tierOf = new Map([...named].map(([id, name]) => [id, index.get(name) as number]));
  return { grouping, tiers, tierOf, services, cells: new Map() };
}

function cellAt(tally: MatrixTally, s: number, d: number, service: number): ExposureCell {
  const key = (s * tally.tiers.length + d) * tally.services.length + service;
  let cell = tally.cells.get(key);
  if (!cell) {
    cell = { source: s, destination: d, service, paths: 0, learner: 0, reference: 0 };
    tally.cells.set(key, cell);
  }
  return cell;
}

/** Counts one asked path (`internet` for the internet side) and what each network answered. */
export function tallyPath(tally: MatrixTally, source: string, destination: string, service: number, learner: boolean, reference: boolean): void {
  const s = source === 'internet' ? INTERNET : tally.tierOf.get(source);
  const d = destination === 'internet' ? INTERNET : tally.tierOf.get(destination);
  if (s === undefined || d === undefined) return;
  const cell = cellAt(tally, s, d, service);
  cell.paths++;
  if (learner) cell.learner++;
  if (reference) cell.reference++;
}

/**
 * Counts every ordered pair of distinct `instances` as asked, and the pairs (`source index × count +
 * destination index`) each network reaches: the totals come from the tiers' sizes, so only open pairs are visited.
 */
export function tallyPairs(tally: MatrixTally, instances: string[], service: number, learner: Set<number>, reference: Set<number>): void {
  const tiers = instances.map((id) => tally.tierOf.get(id) ?? INTERNET);
  const sizes = new Map<number, number>();
  for (const t of tiers) sizes.set(t, (sizes.get(t) ?? 0) + 1);
  for (const [s, from] of sizes) for (const [d, to] of sizes) cellAt(tally, s, d, service).paths += from * to - (s === d ? from : 0);
  const count = (pairs: Set<number>, side: 'learner' | 'reference') => {
    for (const pair of pairs) cellAt(tally, tiers[Math.floor(pair / instances.length)] as number, tiers[pair % instances.length] as number, service)[side]++;
  };
  count(learner, 'learner');
  count(reference, 'reference');
}

/** The tally as the report draws it: only services some path is open on, and cells open on either side. */
export function exposureMatrixVisual(tally: MatrixTally, examples: NetworkPathVisual[], differences: number, outage: string | undefined): ExposureMatrixVisual {
  const open = [...tally.cells.values()].filter((c) => c.learner > 0 || c.reference > 0);
  const used = [...new Set(open.map((c) => c.service))].sort((a, b) => a - b);
  const renumber = new Map(used.map((s, i) => [s, i]));
  const cells = open
    .map((c) => ({ ...c, service: renumber.get(c.service) as number }))
    .sort((a, b) => a.source - b.source || a.destination - b.destination || a.service - b.service);
  return {
    kind: 'exposure-matrix',
    ...(outage === undefined ? {} : { outage }),
    grouping: tally.grouping,
    tiers: tally.tiers,
    services: used.map((s) => tally.services[s] as string),
    cells,
    closedServices: tally.services.filter((_, i) => !renumber.has(i)),
    examples,
    differences,
  };
}
