import type { Ctx } from '../ctx.ts';
import { finalDenyEntries, sortAclEntries } from './acl-entries.ts';
import { parseCidr, rangeContains, rangesOverlap, rangeSize, formatIpv6 } from './cidr.ts';
import { defaultNetworkAcl, findSubnet, findVpc, ipv4Cidr, ipv6Cidr, tagsFor } from './common.ts';
import {
  DefaultVpcAlreadyExists,
  DependencyViolation,
  InvalidParameterValue,
  InvalidSubnetConflict,
  InvalidSubnetRange,
  InvalidVpcRange,
  SubnetLimitExceeded,
  VpcLimitExceeded,
} from './errors.ts';
import type { Ec2State, NetworkAcl, NetworkAclEntry, RouteTable, SecurityGroup, Subnet, Tag, Vpc, WithEc2 } from './state.ts';
import { deleteRecord, setRecord } from '../records.ts';
import { checkEc2Quota, EC2_QUOTAS } from './quotas.ts';

// VPCs and subnets (https://docs.aws.amazon.com/vpc/latest/userguide/configure-your-vpc.html).

type TagSpecifications = { ResourceType: string; Tags: Tag[] }[];

// A VPC's and a subnet's IPv4 block must be between /16 and /28
// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).
const SMALLEST_PREFIX = 16;
const LARGEST_PREFIX = 28;
// AWS reserves the first four addresses and the last one of every subnet
// (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
const RESERVED_PER_SUBNET = 5;

function allTraffic(cidr: { v4?: string; v6?: string }) {
  return {
    IpProtocol: '-1',
    IpRanges: cidr.v4 ? [{ CidrIp: cidr.v4 }] : [],
    Ipv6Ranges: cidr.v6 ? [{ CidrIpv6: cidr.v6 }] : [],
    UserIdGroupPairs: [],
    PrefixListIds: [],
  };
}

// The default network ACL allows all traffic in and out, rule 100 for IPv4 and 101 for IPv6, before the
// final `*` deny (https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html).
function defaultAclEntries(ipv6: boolean): NetworkAclEntry[] {
  const entries: NetworkAclEntry[] = [];
  for (const Egress of [false, true]) {
    entries.push({ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress, CidrBlock: '0.0.0.0/0' });
    if (ipv6) entries.push({ RuleNumber: 101, Protocol: '-1', RuleAction: 'allow', Egress, Ipv6CidrBlock: '::/0' });
  }
  return sortAclEntries([...entries, ...finalDenyEntries(ipv6)]);
}

/** CreateVpc: a VPC with its main route table (local route), default network ACL and default security group. */
export function createVpc(
  state: WithEc2,
  input: { CidrBlock: string; AmazonProvidedIpv6CidrBlock?: boolean; InstanceTenancy?: 'default' | 'dedicated'; TagSpecifications?: TagSpecifications },
  ctx: Ctx,
): { Vpc: Vpc } {
  const range = ipv4Cidr(input.CidrBlock, 'CidrBlock');
  if (range.prefix < SMALLEST_PREFIX || range.prefix > LARGEST_PREFIX) {
    throw new InvalidVpcRange(`the cidr \`${input.CidrBlock}\` is invalid: a vpc block must be between /16 and /28`);
  }
  return { Vpc: buildVpc(state.ec2, input.CidrBlock, input.AmazonProvidedIpv6CidrBlock === true, false, input.InstanceTenancy ?? 'default', tagsFor('vpc', input.TagSpecifications), ctx) };
}

function amazonIpv6Block(ec2: Ec2State): string {
  // Amazon hands each VPC a /56 from its pool; ours is drawn in order so runs are reproducible.
  const index = Object.values(ec2.vpcs).reduce((n, v) => n + v.Ipv6CidrBlockAssociationSet.length, 0) + 1;
  return `${formatIpv6((0x26001f18n << 96n) | (BigInt(index) << 72n))}/56`;
}

function buildVpc(ec2: Ec2State, cidr: string, ipv6: boolean, isDefault: boolean, tenancy: 'default' | 'dedicated', tags: Tag[], ctx: Ctx): Vpc {
  checkEc2Quota(Object.keys(ec2.vpcs).length, EC2_QUOTAS.vpcsPerRegion, 'vpcs', VpcLimitExceeded);
  const vpc: Vpc = {
    VpcId: ctx.ids.next('vpc-'),
    CidrBlock: cidr,
    State: 'available',
    IsDefault: isDefault,
    InstanceTenancy: tenancy,
    OwnerId: ctx.accountId,
    Ipv6CidrBlockAssociationSet: [],
    Tags: tags,
  };
  setRecord(ec2.vpcs, vpc.VpcId, vpc);
  const table: RouteTable = {
    RouteTableId: ctx.ids.next('rtb-'),
    VpcId: vpc.VpcId,
    OwnerId: ctx.accountId,
    Routes: [{ DestinationCidrBlock: cidr, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' }],
    Associations: [],
    Tags: [],
  };
  table.Associations.push({ RouteTableAssociationId: ctx.ids.next('rtbassoc-'), RouteTableId: table.RouteTableId, Main: true, AssociationState: { State: 'associated' } });
  setRecord(ec2.routeTables, table.RouteTableId, table);
  const acl: NetworkAcl = {
    NetworkAclId: ctx.ids.next('acl-'),
    VpcId: vpc.VpcId,
    IsDefault: true,
    OwnerId: ctx.accountId,
    Entries: defaultAclEntries(false),
    Associations: [],
    Tags: [],
  };
  setRecord(ec2.networkAcls, acl.NetworkAclId, acl);
  // The default security group allows all inbound traffic from itself and all outbound traffic
  // (https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html).
  const group: SecurityGroup = {
    GroupId: ctx.ids.next('sg-'),
    GroupName: 'default',
    Description: 'default VPC security group',
    VpcId: vpc.VpcId,
    OwnerId: ctx.accountId,
    IpPermissions: [{ ...allTraffic({}), UserIdGroupPairs: [] }],
    IpPermissionsEgress: [allTraffic({ v4: '0.0.0.0/0' })],
    Tags: [],
  };
  group.IpPermissions[0]?.UserIdGroupPairs.push({ GroupId: group.GroupId, UserId: ctx.accountId });
  setRecord(ec2.securityGroups, group.GroupId, group);
  if (ipv6) addIpv6Block(ec2, vpc, ctx);
  return vpc;
}

function addIpv6Block(ec2: Ec2State, vpc: Vpc, ctx: Ctx): string {
  const block = amazonIpv6Block(ec2);
  vpc.Ipv6CidrBlockAssociationSet.push({ AssociationId: ctx.ids.next('vpc-cidr-assoc-'), Ipv6CidrBlock: block, Ipv6CidrBlockState: { State: 'associated' } });
  for (const table of Object.values(ec2.routeTables)) {
    if (table.VpcId === vpc.VpcId) table.Routes.push({ DestinationIpv6CidrBlock: block, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' });
  }
  const acl = defaultNetworkAcl(ec2, vpc.VpcId);
  if (acl && !acl.Entries.some((e) => e.Ipv6CidrBlock)) acl.Entries = sortAclEntries([...acl.Entries.filter((e) => e.RuleNumber !== 32767), ...defaultAclEntries(true).filter((e) => e.Ipv6CidrBlock || e.RuleNumber === 32767)]);
  for (const group of Object.values(ec2.securityGroups)) {
    if (group.VpcId === vpc.VpcId && group.GroupName === 'default') group.IpPermissionsEgress[0]?.Ipv6Ranges.push({ CidrIpv6: '::/0' });
  }
  return block;
}

/** AssociateVpcCidrBlock: an Amazon-provided IPv6 /56 (secondary IPv4 blocks are not modelled and fail closed). */
export function associateVpcCidrBlock(state: WithEc2, input: { VpcId: string; AmazonProvidedIpv6CidrBlock?: boolean; CidrBlock?: string }, ctx: Ctx): { VpcId: string; Ipv6CidrBlockAssociation?: { Ipv6CidrBlock: string } } {
  const vpc = findVpc(state.ec2, input.VpcId);
  if (input.CidrBlock !== undefined || input.AmazonProvidedIpv6CidrBlock !== true) {
    throw new InvalidParameterValue('only `AmazonProvidedIpv6CidrBlock` is supported: secondary ipv4 blocks are not modelled');
  }
  if (vpc.Ipv6CidrBlockAssociationSet.length > 0) throw new InvalidParameterValue(`vpc \`${vpc.VpcId}\` already has an ipv6 cidr block`);
  return { VpcId: vpc.VpcId, Ipv6CidrBlockAssociation: { Ipv6CidrBlock: addIpv6Block(state.ec2, vpc, ctx) } };
}

/** DescribeVpcs: the VPCs with the given ids, or all. */
export function describeVpcs(state: WithEc2, input: { VpcIds?: string[] } = {}): { Vpcs: Vpc[] } {
  return { Vpcs: input.VpcIds ? input.VpcIds.map((id) => findVpc(state.ec2, id)) : Object.values(state.ec2.vpcs) };
}

/** DeleteVpc: only once its subnets, gateways, custom groups, ACLs and route tables are gone (else `DependencyViolation`). */
export function deleteVpc(state: WithEc2, input: { VpcId: string }): Record<string, never> {
  const ec2 = state.ec2;
  const vpc = findVpc(ec2, input.VpcId);
  const blockers = [
    ...Object.values(ec2.subnets).filter((s) => s.VpcId === vpc.VpcId).map((s) => s.SubnetId),
    ...Object.values(ec2.internetGateways).filter((g) => g.Attachments.some((a) => a.VpcId === vpc.VpcId)).map((g) => g.InternetGatewayId),
    ...Object.values(ec2.securityGroups).filter((g) => g.VpcId === vpc.VpcId && g.GroupName !== 'default').map((g) => g.GroupId),
    ...Object.values(ec2.networkAcls).filter((a) => a.VpcId === vpc.VpcId && !a.IsDefault).map((a) => a.NetworkAclId),
    ...Object.values(ec2.routeTables).filter((t) => t.VpcId === vpc.VpcId && !t.Associations.some((a) => a.Main)).map((t) => t.RouteTableId),
  ];
  if (blockers.length > 0) {
    throw new DependencyViolation(`the vpc \`${vpc.VpcId}\` has dependencies and cannot be deleted: ${blockers.map((b) => `\`${b}\``).join(', ')}`);
  }
  for (const [id, g] of Object.entries(ec2.securityGroups)) if (g.VpcId === vpc.VpcId) deleteRecord(ec2.securityGroups, id);
  for (const [id, a] of Object.entries(ec2.networkAcls)) if (a.VpcId === vpc.VpcId) deleteRecord(ec2.networkAcls, id);
  for (const [id, t] of Object.entries(ec2.routeTables)) if (t.VpcId === vpc.VpcId) deleteRecord(ec2.routeTables, id);
  deleteRecord(ec2.vpcs, vpc.VpcId);
  return {};
}

/** CreateSubnet: a block inside the VPC's, /16 to /28, overlapping no other subnet, on the default network ACL. */
export function createSubnet(
  state: WithEc2,
  input: { VpcId: string; CidrBlock: string; AvailabilityZone?: string; Ipv6CidrBlock?: string; TagSpecifications?: TagSpecifications },
  ctx: Ctx,
): { Subnet: Subnet } {
  return { Subnet: buildSubnet(state.ec2, input, false, tagsFor('subnet', input.TagSpecifications), ctx) };
}

function buildSubnet(ec2: Ec2State, input: { VpcId: string; CidrBlock: string; AvailabilityZone?: string; Ipv6CidrBlock?: string }, isDefault: boolean, tags: Tag[], ctx: Ctx): Subnet {
  const vpc = findVpc(ec2, input.VpcId);
  checkEc2Quota(Object.values(ec2.subnets).filter((x) => x.VpcId === vpc.VpcId).length, EC2_QUOTAS.subnetsPerVpc, 'subnets per vpc', SubnetLimitExceeded);
  const range = ipv4Cidr(input.CidrBlock, 'CidrBlock');
  const vpcRange = parseCidr(vpc.CidrBlock);
  if (!vpcRange || !rangeContains(vpcRange, range) || range.prefix < SMALLEST_PREFIX || range.prefix > LARGEST_PREFIX) {
    throw new InvalidSubnetRange(`the cidr \`${input.CidrBlock}\` is invalid: it must lie in the vpc block \`${vpc.CidrBlock}\` and be between /16 and /28`);
  }
  for (const other of Object.values(ec2.subnets)) {
    const otherRange = parseCidr(other.CidrBlock);
    if (other.VpcId === vpc.VpcId && otherRange && rangesOverlap(otherRange, range)) {
      throw new InvalidSubnetConflict(`the cidr \`${input.CidrBlock}\` conflicts with subnet \`${other.SubnetId}\` (\`${other.CidrBlock}\`)`);
    }
  }
  const ipv6 = [];
  if (input.Ipv6CidrBlock !== undefined) {
    const block = ipv6Cidr(input.Ipv6CidrBlock, 'Ipv6CidrBlock');
    const vpcBlock = vpc.Ipv6CidrBlockAssociationSet[0] ? parseCidr(vpc.Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock) : undefined;
    // A subnet's IPv6 block is always a /64 from the VPC's /56 (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html).
    if (!vpcBlock || block.prefix !== 64 || !rangeContains(vpcBlock, block)) {
      throw new InvalidSubnetRange(`the ipv6 cidr \`${input.Ipv6CidrBlock}\` is invalid: it must be a /64 inside the vpc's ipv6 block`);
    }
    ipv6.push({ AssociationId: ctx.ids.next('subnet-cidr-assoc-'), Ipv6CidrBlock: input.Ipv6CidrBlock, Ipv6CidrBlockState: { State: 'associated' as const } });
  }
  const SubnetId = ctx.ids.next('subnet-');
  const subnet: Subnet = {
    SubnetId,
    SubnetArn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:subnet/${SubnetId}`,
    VpcId: vpc.VpcId,
    CidrBlock: input.CidrBlock,
    AvailabilityZone: input.AvailabilityZone ?? `${ctx.region}a`,
    AvailableIpAddressCount: rangeSize(range) - RESERVED_PER_SUBNET,
    // Only default subnets auto-assign public IPv4 addresses (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html).
    MapPublicIpOnLaunch: isDefault,
    DefaultForAz: isDefault,
    State: 'available',
    OwnerId: ctx.accountId,
    Ipv6CidrBlockAssociationSet: ipv6,
    Tags: tags,
  };
  setRecord(ec2.subnets, SubnetId, subnet);
  const acl = defaultNetworkAcl(ec2, vpc.VpcId);
  if (acl) acl.Associations.push({ NetworkAclAssociationId: ctx.ids.next('aclassoc-'), NetworkAclId: acl.NetworkAclId, SubnetId });
  return subnet;
}

/** DescribeSubnets: the subnets with the given ids, or all. */
export function describeSubnets(state: WithEc2, input: { SubnetIds?: string[] } = {}): { Subnets: Subnet[] } {
  return { Subnets: input.SubnetIds ? input.SubnetIds.map((id) => findSubnet(state.ec2, id)) : Object.values(state.ec2.subnets) };
}

/** ModifySubnetAttribute: `MapPublicIpOnLaunch` (the attribute that makes launches get a public IPv4). */
export function modifySubnetAttribute(state: WithEc2, input: { SubnetId: string; MapPublicIpOnLaunch?: { Value: boolean } }): Record<string, never> {
  const subnet = findSubnet(state.ec2, input.SubnetId);
  if (input.MapPublicIpOnLaunch) subnet.MapPublicIpOnLaunch = input.MapPublicIpOnLaunch.Value;
  return {};
}

/** DeleteSubnet: only when no network interface is left in it (else `DependencyViolation`). */
export function deleteSubnet(state: WithEc2, input: { SubnetId: string }): Record<string, never> {
  const ec2 = state.ec2;
  const subnet = findSubnet(ec2, input.SubnetId);
  const enis = Object.values(ec2.networkInterfaces).filter((n) => n.SubnetId === subnet.SubnetId);
  if (enis.length > 0) {
    throw new DependencyViolation(`the subnet \`${subnet.SubnetId}\` has dependencies and cannot be deleted: ${enis.map((n) => `\`${n.NetworkInterfaceId}\``).join(', ')}`);
  }
  for (const acl of Object.values(ec2.networkAcls)) acl.Associations = acl.Associations.filter((a) => a.SubnetId !== subnet.SubnetId);
  for (const table of Object.values(ec2.routeTables)) table.Associations = table.Associations.filter((a) => a.SubnetId !== subnet.SubnetId);
  deleteRecord(ec2.subnets, subnet.SubnetId);
  return {};
}

/**
 * CreateDefaultVpc: 172.31.0.0/16 with a /20 default subnet per Availability Zone (public IPs on launch),
 * an attached internet gateway and a main route table sending 0.0.0.0/0 to it
 * (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html).
 */
export function createDefaultVpc(state: WithEc2, _input: Record<string, never>, ctx: Ctx): { Vpc: Vpc } {
  const ec2 = state.ec2;
  const existing = Object.values(ec2.vpcs).find((v) => v.IsDefault);
  if (existing) throw new DefaultVpcAlreadyExists(`a default vpc already exists for this account in this region: \`${existing.VpcId}\``);
  const vpc = buildVpc(ec2, '172.31.0.0/16', false, true, 'default', [], ctx);
  ['a', 'b', 'c'].forEach((zone, i) => buildSubnet(ec2, { VpcId: vpc.VpcId, CidrBlock: `172.31.${i * 16}.0/20`, AvailabilityZone: `${ctx.region}${zone}` }, true, [], ctx));
  const igw = { InternetGatewayId: ctx.ids.next('igw-'), OwnerId: ctx.accountId, Attachments: [{ VpcId: vpc.VpcId, State: 'available' as const }], Tags: [] };
  setRecord(ec2.internetGateways, igw.InternetGatewayId, igw);
  const main = Object.values(ec2.routeTables).find((t) => t.VpcId === vpc.VpcId);
  main?.Routes.push({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw.InternetGatewayId, State: 'active', Origin: 'CreateRoute' });
  return { Vpc: vpc };
}
