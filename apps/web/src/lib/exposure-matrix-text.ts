import type { ExposureCell, ExposureMatrixVisual } from '../api/types.ts';

/** How one side answered the paths of a cell: all open, none, or some of them. */
export type Reach = 'allowed' | 'blocked' | 'partly';

export function reachOf(open: number, paths: number): Reach {
  return open === 0 ? 'blocked' : open === paths ? 'allowed' : 'partly';
}

/** What one matrix cell says, in words: services grouped by what both networks do, the differences apart. */
export interface CellText {
  same: { reach: Reach; services: string[] }[];
  different: { service: string; learner: string; reference: string }[];
}

/** What a cell open on every service asked says instead of listing them. */
export const EVERYTHING = 'every port and protocol';

const count = (open: number, paths: number) => `${reachOf(open, paths)}${open === 0 || open === paths ? '' : ` (${open} of ${paths} paths)`}`;

/**
 * The cell from `source` to `destination`: services open on neither side are left out (the cell says
 * "blocked" when nothing is open), and a service counts as different as soon as the two counts differ.
 */
export function cellText(visual: ExposureMatrixVisual, source: number, destination: number): CellText {
  const cells = visual.cells.filter((c: ExposureCell) => c.source === source && c.destination === destination);
  const same = new Map<Reach, string[]>();
  const different: CellText['different'] = [];
  for (const cell of cells) {
    const service = visual.services[cell.service] ?? '';
    if (cell.learner !== cell.reference) different.push({ service, learner: count(cell.learner, cell.paths), reference: count(cell.reference, cell.paths) });
    else same.set(reachOf(cell.learner, cell.paths), [...(same.get(reachOf(cell.learner, cell.paths)) ?? []), service]);
  }
  // Open on every service asked (outbound to the internet, usually): one phrase instead of every port range.
  if (visual.closedServices.length === 0 && same.get('allowed')?.length === visual.services.length) same.set('allowed', [EVERYTHING]);
  const order: Reach[] = ['allowed', 'partly'];
  return { same: order.flatMap((reach) => (same.has(reach) ? [{ reach, services: same.get(reach) ?? [] }] : [])), different };
}

/** A tier's heading detail: its lab instances and how many probe instances stand beside them. */
export function tierMembers(tier: ExposureMatrixVisual['tiers'][number]): string {
  const probes = tier.probes === 0 ? [] : [`${tier.probes} ${tier.probes === 1 ? 'probe instance' : 'probe instances'}`];
  return [...tier.instances, ...probes].join(', ');
}
