import { AwsError, associateRouteTable, createRoute, deleteRoute, disassociateRouteTable, type AccountState, type Ctx } from '@skylab/emulator';
import { issuesToFindings, locateNearest, parseText, routeTablesAnswerSchema, type Finding, type LabTask, type PathSegment, type SourceDocument } from '@skylab/validation';
import { routeTargetInput } from './provision-ec2.ts';
import { resolveName, resourceNames, type ResourceKind, type ResourceNames } from './resource-names.ts';

type RouteTableTask = Extract<LabTask, { kind: 'route-table' }>;

function finding(doc: SourceDocument, taskId: string, path: PathSegment[], ruleId: string, message: string): Finding {
  const range = locateNearest(doc, path);
  return { ruleId, severity: 'error', path: [taskId, ...path], ...(range ? { range } : {}), message };
}

class NameProblem extends Error {
  constructor(readonly path: PathSegment[], message: string) {
    super(message);
  }
}

/** A lab name (or the id itself) of a resource of the account, or a `NameProblem` at `path`. */
function idOf(names: ResourceNames, name: string, kind: ResourceKind, path: PathSegment[]): string {
  if (names.byId.has(name) && names.byName.get(names.byId.get(name) ?? '')?.kind === kind) return name;
  const found = resolveName(names, name, kind);
  if ('problem' in found) throw new NameProblem(path, found.problem);
  return found.id;
}

/**
 * Applies a route table answer (`RouteTables: [{ RouteTableId, Routes, Associations }]` as
 * DescribeRouteTables shows them, names standing for ids): every table it lists loses its routes but the
 * `local` one (DeleteRoute) and its subnet associations (DisassociateRouteTable), then gets each route
 * (CreateRoute) and association (AssociateRouteTable), so AWS's checks apply — one route per destination,
 * a target in the table's VPC, a subnet associated with one table at a time
 * (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html). A table the answer leaves out
 * keeps what it has. Problems are findings placed in the answer.
 */
export function applyRouteTables(task: RouteTableTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const within = (f: Finding): Finding => ({ ...f, path: [task.id, ...f.path] });
  const doc = parseText(text);
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return doc.findings.map(within);
  const parsed = routeTablesAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'route-table' }).map(within);
  const names = resourceNames(state);
  const findings: Finding[] = [];
  const tables: { id: string; index: number }[] = [];
  parsed.data.RouteTables.forEach((written, i) => {
    const at: PathSegment[] = ['RouteTables', i, 'RouteTableId'];
    try {
      const id = idOf(names, written.RouteTableId, 'route table', at);
      const name = names.byId.get(id) ?? id;
      if (!task.routeTables.includes(name)) findings.push(finding(doc, task.id, at, 'lab/route-table-not-in-task', `this task sets ${task.routeTables.map((t) => `\`${t}\``).join(', ')}; \`${name}\` is not one of them`));
      else if (tables.some((t) => t.id === id)) findings.push(finding(doc, task.id, at, 'lab/duplicate-route-table', `\`${name}\` is listed twice: give each route table once, with all its routes and associations`));
      else tables.push({ id, index: i });
    } catch (error) {
      if (!(error instanceof NameProblem)) throw error;
      findings.push(finding(doc, task.id, error.path, 'aws/InvalidRouteTableID.NotFound', error.message));
    }
  });
  if (findings.length > 0) return findings;
  // Every listed table is emptied first, so a subnet may move from one listed table to another.
  for (const { id } of tables) {
    const table = state.ec2.routeTables[id];
    for (const route of [...(table?.Routes ?? [])]) {
      if (route.GatewayId !== 'local') deleteRoute(state, { RouteTableId: id, ...(route.DestinationCidrBlock !== undefined ? { DestinationCidrBlock: route.DestinationCidrBlock } : { DestinationIpv6CidrBlock: route.DestinationIpv6CidrBlock }) });
    }
    for (const association of [...(table?.Associations ?? [])]) if (!association.Main) disassociateRouteTable(state, { AssociationId: association.RouteTableAssociationId });
  }
  const step = (path: PathSegment[], run: () => void) => {
    try {
      run();
    } catch (error) {
      if (error instanceof NameProblem) findings.push(finding(doc, task.id, error.path, 'lab/unknown-resource', error.message));
      else if (error instanceof AwsError) findings.push(finding(doc, task.id, path, `aws/${error.code}`, error.message));
      else throw error;
    }
  };
  for (const { id, index } of tables) {
    const written = parsed.data.RouteTables[index];
    written?.Routes.forEach((route, j) => {
      const at: PathSegment[] = ['RouteTables', index, 'Routes', j];
      step(at, () => createRoute(state, { RouteTableId: id, DestinationCidrBlock: route.DestinationCidrBlock, ...routeTargetInput(route, (name, kind, key) => idOf(names, name, kind, [...at, key])) }));
    });
    written?.Associations.forEach((association, j) => {
      const at: PathSegment[] = ['RouteTables', index, 'Associations', j];
      step(at, () => associateRouteTable(state, { RouteTableId: id, SubnetId: idOf(names, association.SubnetId, 'subnet', [...at, 'SubnetId']) }, ctx));
    });
  }
  return findings;
}
