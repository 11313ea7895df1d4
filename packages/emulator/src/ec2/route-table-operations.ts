import type { Ctx } from '../ctx.ts';
import { parseCidr } from './cidr.ts';
import { findInstance, findInternetGateway, findNatGateway, findNetworkInterface, findRouteTable, findSubnet, findVpc, tagsFor } from './common.ts';
import {
  CannotDelete,
  DependencyViolation,
  InvalidAssociationIDNotFound,
  InvalidParameterCombination,
  InvalidParameterValue,
  InvalidRouteNotFound,
  ResourceAlreadyAssociated,
  RouteAlreadyExists,
  RouteLimitExceeded,
  RouteTableLimitExceeded,
} from './errors.ts';
import type { Ec2State, Route, RouteTable, Tag, WithEc2 } from './state.ts';
import { deleteRecord, getRecord, setRecord } from '../records.ts';
import { checkEc2Quota, EC2_QUOTAS } from './quotas.ts';

// Route tables (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html).

/** A route's target as `CreateRoute` takes it: exactly one of these. */
export interface RouteTarget {
  GatewayId?: string;
  NatGatewayId?: string;
  NetworkInterfaceId?: string;
  InstanceId?: string;
}

/** A route's destination: an IPv4 or an IPv6 block. */
export interface RouteDestination {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
}

/** Whether a route's target can carry traffic now: a deleted NAT gateway or a detached gateway makes a blackhole. */
export function routeState(ec2: Ec2State, table: RouteTable, route: Route): 'active' | 'blackhole' {
  if (route.GatewayId === 'local') return 'active';
  if (route.GatewayId) return getRecord(ec2.internetGateways, route.GatewayId)?.Attachments.some((a) => a.VpcId === table.VpcId) ? 'active' : 'blackhole';
  if (route.NatGatewayId) return getRecord(ec2.natGateways, route.NatGatewayId)?.State === 'available' ? 'active' : 'blackhole';
  if (route.NetworkInterfaceId) {
    const eni = getRecord(ec2.networkInterfaces, route.NetworkInterfaceId);
    const instance = eni?.Attachment ? getRecord(ec2.instances, eni.Attachment.InstanceId) : undefined;
    return eni && (!instance || instance.State.Name === 'running') ? 'active' : 'blackhole';
  }
  if (route.InstanceId) return getRecord(ec2.instances, route.InstanceId)?.State.Name === 'running' ? 'active' : 'blackhole';
  return 'blackhole';
}

/** Recomputes every route's `State` after a target changed (gateway detached, NAT deleted, instance stopped). */
export function refreshRouteStates(ec2: Ec2State): void {
  for (const id in ec2.routeTables) {
    const table = getRecord(ec2.routeTables, id) as RouteTable;
    for (const route of table.Routes) route.State = routeState(ec2, table, route);
  }
}

function destinationOf(input: RouteDestination): { key: 'DestinationCidrBlock' | 'DestinationIpv6CidrBlock'; value: string } {
  if ((input.DestinationCidrBlock === undefined) === (input.DestinationIpv6CidrBlock === undefined)) {
    throw new InvalidParameterCombination('give exactly one of `DestinationCidrBlock` and `DestinationIpv6CidrBlock`');
  }
  if (input.DestinationCidrBlock !== undefined) {
    const range = parseCidr(input.DestinationCidrBlock, true);
    if (!range || range.family !== 4) throw new InvalidParameterValue(`value \`${input.DestinationCidrBlock}\` for parameter \`DestinationCidrBlock\` is invalid`);
    return { key: 'DestinationCidrBlock', value: input.DestinationCidrBlock };
  }
  const text = input.DestinationIpv6CidrBlock ?? '';
  const range = parseCidr(text, true);
  if (!range || range.family !== 6) throw new InvalidParameterValue(`value \`${text}\` for parameter \`DestinationIpv6CidrBlock\` is invalid`);
  return { key: 'DestinationIpv6CidrBlock', value: text };
}

function checkTarget(ec2: Ec2State, table: RouteTable, target: RouteTarget): RouteTarget {
  const given = (['GatewayId', 'NatGatewayId', 'NetworkInterfaceId', 'InstanceId'] as const).filter((k) => target[k] !== undefined);
  if (given.length !== 1) throw new InvalidParameterCombination('give exactly one route target: `GatewayId`, `NatGatewayId`, `NetworkInterfaceId` or `InstanceId`');
  if (target.GatewayId !== undefined) {
    if (target.GatewayId === 'local') throw new InvalidParameterValue('the `local` route is created with the route table and cannot be added');
    const igw = findInternetGateway(ec2, target.GatewayId);
    if (!igw.Attachments.some((a) => a.VpcId === table.VpcId)) {
      throw new InvalidParameterValue(`route table \`${table.RouteTableId}\` and network gateway \`${igw.InternetGatewayId}\` belong to different networks`);
    }
    return { GatewayId: target.GatewayId };
  }
  if (target.NatGatewayId !== undefined) {
    const nat = findNatGateway(ec2, target.NatGatewayId);
    if (nat.VpcId !== table.VpcId) throw new InvalidParameterValue(`route table \`${table.RouteTableId}\` and nat gateway \`${nat.NatGatewayId}\` belong to different networks`);
    return { NatGatewayId: target.NatGatewayId };
  }
  if (target.NetworkInterfaceId !== undefined) {
    const eni = findNetworkInterface(ec2, target.NetworkInterfaceId);
    if (eni.VpcId !== table.VpcId) throw new InvalidParameterValue(`route table \`${table.RouteTableId}\` and interface \`${eni.NetworkInterfaceId}\` belong to different networks`);
    return { NetworkInterfaceId: target.NetworkInterfaceId };
  }
  const instance = findInstance(ec2, target.InstanceId ?? '');
  if (instance.VpcId !== table.VpcId) throw new InvalidParameterValue(`route table \`${table.RouteTableId}\` and instance \`${instance.InstanceId}\` belong to different networks`);
  // A route to an instance is stored against its primary interface, as EC2 reports it.
  return { InstanceId: instance.InstanceId, NetworkInterfaceId: instance.NetworkInterfaceIds[0] };
}

/** CreateRouteTable: a table with only the local route(s) of its VPC. */
export function createRouteTable(state: WithEc2, input: { VpcId: string; TagSpecifications?: { ResourceType: string; Tags: Tag[] }[] }, ctx: Ctx): { RouteTable: RouteTable } {
  const vpc = findVpc(state.ec2, input.VpcId);
  checkEc2Quota(Object.values(state.ec2.routeTables).filter((t) => t.VpcId === vpc.VpcId).length, EC2_QUOTAS.routeTablesPerVpc, 'route tables per vpc', RouteTableLimitExceeded);
  const routes: Route[] = [{ DestinationCidrBlock: vpc.CidrBlock, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' }];
  for (const block of vpc.Ipv6CidrBlockAssociationSet) routes.push({ DestinationIpv6CidrBlock: block.Ipv6CidrBlock, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' });
  const table: RouteTable = { RouteTableId: ctx.ids.next('rtb-'), VpcId: vpc.VpcId, OwnerId: ctx.accountId, Routes: routes, Associations: [], Tags: tagsFor('route-table', input.TagSpecifications) };
  setRecord(state.ec2.routeTables, table.RouteTableId, table);
  return { RouteTable: table };
}

/** CreateRoute: one destination, one target; the same destination twice is `RouteAlreadyExists`. */
export function createRoute(state: WithEc2, input: { RouteTableId: string } & RouteDestination & RouteTarget): { Return: true } {
  const table = findRouteTable(state.ec2, input.RouteTableId);
  const destination = destinationOf(input);
  if (table.Routes.some((r) => r[destination.key] === destination.value)) {
    throw new RouteAlreadyExists(`the route identified by \`${destination.value}\` already exists in \`${table.RouteTableId}\``);
  }
  checkEc2Quota(table.Routes.filter((r) => r.GatewayId !== 'local').length, EC2_QUOTAS.routesPerRouteTable, 'routes per route table', RouteLimitExceeded);
  const route: Route = { [destination.key]: destination.value, ...checkTarget(state.ec2, table, input), State: 'active', Origin: 'CreateRoute' };
  route.State = routeState(state.ec2, table, route);
  table.Routes.push(route);
  return { Return: true };
}

function findRoute(table: RouteTable, input: RouteDestination): Route {
  const destination = destinationOf(input);
  const route = table.Routes.find((r) => r[destination.key] === destination.value);
  if (!route) throw new InvalidRouteNotFound(`no route with destination \`${destination.value}\` in route table \`${table.RouteTableId}\``);
  return route;
}

/** ReplaceRoute: a new target for an existing destination (not the local route). */
export function replaceRoute(state: WithEc2, input: { RouteTableId: string } & RouteDestination & RouteTarget): Record<string, never> {
  const table = findRouteTable(state.ec2, input.RouteTableId);
  const route = findRoute(table, input);
  if (route.GatewayId === 'local') throw new InvalidParameterValue('the `local` route cannot be replaced');
  const target = checkTarget(state.ec2, table, input);
  delete route.GatewayId;
  delete route.NatGatewayId;
  delete route.NetworkInterfaceId;
  delete route.InstanceId;
  Object.assign(route, target);
  route.State = routeState(state.ec2, table, route);
  return {};
}

/** DeleteRoute: any route but the local one. */
export function deleteRoute(state: WithEc2, input: { RouteTableId: string } & RouteDestination): Record<string, never> {
  const table = findRouteTable(state.ec2, input.RouteTableId);
  const route = findRoute(table, input);
  if (route.GatewayId === 'local') throw new InvalidParameterValue('the `local` route cannot be deleted');
  table.Routes = table.Routes.filter((r) => r !== route);
  return {};
}

/** AssociateRouteTable: a subnet gets this table instead of the main one (one explicit table per subnet). */
export function associateRouteTable(state: WithEc2, input: { RouteTableId: string; SubnetId: string }, ctx: Ctx): { AssociationId: string; AssociationState: { State: 'associated' } } {
  const ec2 = state.ec2;
  const table = findRouteTable(ec2, input.RouteTableId);
  const subnet = findSubnet(ec2, input.SubnetId);
  if (subnet.VpcId !== table.VpcId) throw new InvalidParameterValue(`route table \`${table.RouteTableId}\` and subnet \`${subnet.SubnetId}\` belong to different networks`);
  for (const other of Object.values(ec2.routeTables)) {
    const existing = other.Associations.find((a) => a.SubnetId === subnet.SubnetId);
    if (existing) throw new ResourceAlreadyAssociated(`the specified association for route table \`${other.RouteTableId}\` conflicts with an existing association: \`${existing.RouteTableAssociationId}\``);
  }
  const AssociationId = ctx.ids.next('rtbassoc-');
  table.Associations.push({ RouteTableAssociationId: AssociationId, RouteTableId: table.RouteTableId, SubnetId: subnet.SubnetId, Main: false, AssociationState: { State: 'associated' } });
  return { AssociationId, AssociationState: { State: 'associated' } };
}

function findAssociation(ec2: Ec2State, associationId: string): { table: RouteTable; index: number } {
  for (const table of Object.values(ec2.routeTables)) {
    const index = table.Associations.findIndex((a) => a.RouteTableAssociationId === associationId);
    if (index >= 0) return { table, index };
  }
  throw new InvalidAssociationIDNotFound(`the association id \`${associationId}\` does not exist`);
}

/** DisassociateRouteTable: the subnet falls back to the main table (the main association itself cannot be removed). */
export function disassociateRouteTable(state: WithEc2, input: { AssociationId: string }): Record<string, never> {
  const { table, index } = findAssociation(state.ec2, input.AssociationId);
  if (table.Associations[index]?.Main) throw new InvalidParameterValue('the main route table association cannot be disassociated: replace it instead');
  table.Associations.splice(index, 1);
  return {};
}

/** ReplaceRouteTableAssociation: move a subnet, or the VPC's main mark, to another table. */
export function replaceRouteTableAssociation(state: WithEc2, input: { AssociationId: string; RouteTableId: string }, ctx: Ctx): { NewAssociationId: string } {
  const ec2 = state.ec2;
  const { table, index } = findAssociation(ec2, input.AssociationId);
  const target = findRouteTable(ec2, input.RouteTableId);
  if (target.VpcId !== table.VpcId) throw new InvalidParameterValue(`route table \`${target.RouteTableId}\` belongs to a different network`);
  const [old] = table.Associations.splice(index, 1);
  const NewAssociationId = ctx.ids.next('rtbassoc-');
  target.Associations.push({ RouteTableAssociationId: NewAssociationId, RouteTableId: target.RouteTableId, SubnetId: old?.SubnetId, Main: old?.Main ?? false, AssociationState: { State: 'associated' } });
  return { NewAssociationId };
}

/** DescribeRouteTables: the tables with the given ids, or all. */
export function describeRouteTables(state: WithEc2, input: { RouteTableIds?: string[] } = {}): { RouteTables: RouteTable[] } {
  return { RouteTables: input.RouteTableIds ? input.RouteTableIds.map((id) => findRouteTable(state.ec2, id)) : Object.values(state.ec2.routeTables) };
}

/** DeleteRouteTable: not the main table, and not while subnets are associated. */
export function deleteRouteTable(state: WithEc2, input: { RouteTableId: string }): Record<string, never> {
  const table = findRouteTable(state.ec2, input.RouteTableId);
  if (table.Associations.some((a) => a.Main)) throw new CannotDelete(`route table \`${table.RouteTableId}\` is the main route table of its vpc and cannot be deleted`);
  if (table.Associations.length > 0) throw new DependencyViolation(`the route table \`${table.RouteTableId}\` has dependencies and cannot be deleted`);
  deleteRecord(state.ec2.routeTables, table.RouteTableId);
  return {};
}
