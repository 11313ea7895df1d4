import type { Ctx } from '../ctx.ts';
import { formatIpv4, parseCidr, type IpRange, type Ipv4Range } from './cidr.ts';
import {
  InvalidGroupNotFound,
  InvalidInstanceIDNotFound,
  InvalidInternetGatewayIDNotFound,
  InvalidNetworkAclIDNotFound,
  InvalidNetworkInterfaceIDNotFound,
  InvalidParameterValue,
  InvalidRouteTableIDNotFound,
  InvalidSubnetIDNotFound,
  InvalidVpcIDNotFound,
  NatGatewayNotFound,
} from './errors.ts';
import type {
  Ec2State,
  Instance,
  InternetGateway,
  NatGateway,
  NetworkAcl,
  NetworkInterface,
  RouteTable,
  SecurityGroup,
  Subnet,
  Tag,
  Vpc,
} from './state.ts';
import { getRecord } from '../records.ts';

// Lookups and small helpers every EC2 operation file shares. Operations change the given state in
// place; callers that need the old state clone it first (as for IAM).

/** The clock's time as the ISO text EC2 returns in `CreateTime` and `LaunchTime`. */
export function isoNow(ctx: Ctx): string {
  return new Date(ctx.clock.now()).toISOString();
}

/** The `Tags` of a `TagSpecifications` entry for the given resource type. */
export function tagsFor(resourceType: string, specs: { ResourceType: string; Tags: Tag[] }[] | undefined): Tag[] {
  return (specs ?? []).filter((s) => s.ResourceType === resourceType).flatMap((s) => s.Tags.map((t) => ({ Key: t.Key, Value: t.Value })));
}

/** A strictly parsed IPv4 CIDR (host bits zero), or `InvalidParameterValue` naming the parameter. */
export function ipv4Cidr(text: string, parameter: string): Ipv4Range {
  const range = parseCidr(text, true);
  if (!range || range.family !== 4) throw new InvalidParameterValue(`value \`${text}\` for parameter \`${parameter}\` is not a valid IPv4 CIDR block`);
  return range;
}

/** A strictly parsed IPv6 CIDR, or `InvalidParameterValue` naming the parameter. */
export function ipv6Cidr(text: string, parameter: string): IpRange {
  const range = parseCidr(text, true);
  if (!range || range.family !== 6) throw new InvalidParameterValue(`value \`${text}\` for parameter \`${parameter}\` is not a valid IPv6 CIDR block`);
  return range;
}

// Public addresses are drawn in order from one block, so the same run always hands out the same
// addresses (DESIGN §1: reproducible from the seed). 3.80.0.0/12 is an Amazon-owned range in us-east-1.
const PUBLIC_POOL_START = 3 * 16777216 + 80 * 65536 + 10;

/** The next public IPv4 address of the account's deterministic pool. */
export function nextPublicIp(state: Ec2State): string {
  state.publicIpCounter += 1;
  return formatIpv4(PUBLIC_POOL_START + state.publicIpCounter);
}

function notFound<T>(value: T | undefined, error: () => Error): T {
  if (value === undefined) throw error();
  return value;
}

/** The VPC, or `InvalidVpcID.NotFound`. */
export function findVpc(state: Ec2State, id: string): Vpc {
  return notFound(getRecord(state.vpcs, id), () => new InvalidVpcIDNotFound(`the vpc id \`${id}\` does not exist`));
}

/** The subnet, or `InvalidSubnetID.NotFound`. */
export function findSubnet(state: Ec2State, id: string): Subnet {
  return notFound(getRecord(state.subnets, id), () => new InvalidSubnetIDNotFound(`the subnet id \`${id}\` does not exist`));
}

/** The route table, or `InvalidRouteTableID.NotFound`. */
export function findRouteTable(state: Ec2State, id: string): RouteTable {
  return notFound(getRecord(state.routeTables, id), () => new InvalidRouteTableIDNotFound(`the route table id \`${id}\` does not exist`));
}

/** The internet gateway, or `InvalidInternetGatewayID.NotFound`. */
export function findInternetGateway(state: Ec2State, id: string): InternetGateway {
  return notFound(getRecord(state.internetGateways, id), () => new InvalidInternetGatewayIDNotFound(`the internet gateway id \`${id}\` does not exist`));
}

/** The NAT gateway (not deleted), or `NatGatewayNotFound`. */
export function findNatGateway(state: Ec2State, id: string): NatGateway {
  const nat = getRecord(state.natGateways, id);
  return notFound(nat && nat.State !== 'deleted' ? nat : undefined, () => new NatGatewayNotFound(`nat gateway \`${id}\` was not found`));
}

/** The security group, or `InvalidGroup.NotFound`. */
export function findSecurityGroup(state: Ec2State, id: string): SecurityGroup {
  return notFound(getRecord(state.securityGroups, id), () => new InvalidGroupNotFound(`the security group \`${id}\` does not exist`));
}

/** The network ACL, or `InvalidNetworkAclID.NotFound`. */
export function findNetworkAcl(state: Ec2State, id: string): NetworkAcl {
  return notFound(getRecord(state.networkAcls, id), () => new InvalidNetworkAclIDNotFound(`the network acl id \`${id}\` does not exist`));
}

/** The network interface, or `InvalidNetworkInterfaceID.NotFound`. */
export function findNetworkInterface(state: Ec2State, id: string): NetworkInterface {
  return notFound(getRecord(state.networkInterfaces, id), () => new InvalidNetworkInterfaceIDNotFound(`the network interface \`${id}\` does not exist`));
}

/** The instance, or `InvalidInstanceID.NotFound`. */
export function findInstance(state: Ec2State, id: string): Instance {
  return notFound(getRecord(state.instances, id), () => new InvalidInstanceIDNotFound(`the instance id \`${id}\` does not exist`));
}

/** The route table a subnet uses: its explicit association, else the VPC's main table. */
export function routeTableOfSubnet(state: Ec2State, subnet: Subnet): RouteTable | undefined {
  let main: RouteTable | undefined;
  for (const id in state.routeTables) {
    const table = getRecord(state.routeTables, id) as RouteTable;
    if (table.VpcId !== subnet.VpcId) continue;
    for (const association of table.Associations) {
      if (association.SubnetId === subnet.SubnetId) return table;
      if (association.Main) main = table;
    }
  }
  return main;
}

/** The network ACL a subnet is associated with (every subnet has exactly one). */
export function networkAclOfSubnet(state: Ec2State, subnetId: string): NetworkAcl | undefined {
  for (const id in state.networkAcls) {
    const acl = getRecord(state.networkAcls, id) as NetworkAcl;
    if (acl.Associations.some((a) => a.SubnetId === subnetId)) return acl;
  }
  return undefined;
}

/** The VPC's default network ACL. */
export function defaultNetworkAcl(state: Ec2State, vpcId: string): NetworkAcl | undefined {
  return Object.values(state.networkAcls).find((acl) => acl.VpcId === vpcId && acl.IsDefault);
}

/** The VPC's default security group. */
export function defaultSecurityGroup(state: Ec2State, vpcId: string): SecurityGroup | undefined {
  return Object.values(state.securityGroups).find((g) => g.VpcId === vpcId && g.GroupName === 'default');
}
