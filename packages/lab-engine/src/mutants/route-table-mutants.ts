import { formatCidr, formatIpv4, parseCidr } from '@skylab/emulator';
import { parseText } from '@skylab/validation';
import { asList, render, replaceAt, type Mutant, type MutationContext } from './mutant.ts';

// Mutants of a route table answer: the mistakes that leave a VPC half working — a route dropped, its
// target swapped (internet gateway ↔ NAT gateway, or another zone's NAT gateway), its destination widened
// or narrowed, a subnet's association moved to another table or dropped (the subnet falls back to the
// main table), and a default route to the internet gateway added to a table that has none.

type Table = Record<string, unknown>;
type Route = Record<string, unknown>;

/** The destination one bit shorter (wider) and one bit longer (narrower), when there are such blocks. */
function resized(cidr: string): { label: string; cidr: string }[] {
  const range = parseCidr(cidr);
  if (range?.family !== 4) return [];
  const out: { label: string; cidr: string }[] = [];
  const wider = range.prefix > 0 ? parseCidr(`${formatIpv4(range.first - (range.first % 2 ** (33 - range.prefix)))}/${range.prefix - 1}`) : undefined;
  if (wider) out.push({ label: 'widened', cidr: formatCidr(wider) });
  if (range.prefix < 32) out.push({ label: 'narrowed', cidr: `${formatIpv4(range.first)}/${range.prefix + 1}` });
  return out;
}

/** The other targets a route could take: the internet gateway for a NAT route, every NAT gateway for the others. */
function otherTargets(route: Route, context: MutationContext): Route[] {
  const gateways = context.gateways ?? { internet: [], nat: [] };
  const nat = gateways.nat.filter((n) => n !== route.NatGatewayId).map((n) => ({ NatGatewayId: n }));
  const internet = gateways.internet.filter((g) => g !== route.GatewayId).map((g) => ({ GatewayId: g }));
  return [...internet, ...nat];
}

function routeMutants(route: Route, context: MutationContext, emit: (description: string, next: Route | undefined) => void): void {
  const destination = String(route.DestinationCidrBlock);
  const target = String(route.GatewayId ?? route.NatGatewayId);
  emit('removed', undefined);
  const { GatewayId: _g, NatGatewayId: _n, ...rest } = route;
  for (const other of otherTargets(route, context)) emit(`target \`${target}\` swapped for \`${String(other.GatewayId ?? other.NatGatewayId)}\``, { ...rest, ...other });
  for (const { label, cidr } of resized(destination)) emit(`destination \`${destination}\` ${label} to \`${cidr}\``, { ...route, DestinationCidrBlock: cidr });
}

/** Mutants of a route table answer (`RouteTables: [...]`). */
export function routeTableMutants(task: string, text: string, context: MutationContext): Mutant[] {
  const doc = parseText(text).value as Record<string, unknown> | undefined;
  const tables = asList(doc?.RouteTables as Table[] | undefined);
  const out: Mutant[] = [];
  const emit = (description: string, next: Table[]) => out.push({ task, description, answer: render({ ...doc, RouteTables: next }) });
  tables.forEach((table, t) => {
    const name = String(table.RouteTableId);
    const routes = asList(table.Routes as Route[] | undefined);
    const associations = asList(table.Associations as Table[] | undefined);
    const withTable = (next: Table) => replaceAt(tables, t, next);
    routes.forEach((route, r) => {
      routeMutants(route, context, (description, next) => emit(`\`${name}\` route to \`${String(route.DestinationCidrBlock)}\`: ${description}`, withTable({ ...table, Routes: replaceAt(routes, r, next) })));
    });
    associations.forEach((association, a) => {
      const subnet = String(association.SubnetId);
      const without = withTable({ ...table, Associations: replaceAt(associations, a, undefined) });
      emit(`\`${subnet}\` no longer associated with \`${name}\` (it falls back to the main route table)`, without);
      tables.forEach((other, o) => {
        if (o === t) return;
        emit(`\`${subnet}\` associated with \`${String(other.RouteTableId)}\` instead of \`${name}\``, replaceAt(without, o, { ...other, Associations: [...asList(other.Associations as Table[] | undefined), association] }));
      });
    });
    const internet = context.gateways?.internet[0];
    if (internet !== undefined && !routes.some((r) => r.DestinationCidrBlock === '0.0.0.0/0')) {
      emit(`\`${name}\`: a default route (\`0.0.0.0/0\`) to \`${internet}\` added`, withTable({ ...table, Routes: [...routes, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: internet }] }));
    }
  });
  return out;
}
