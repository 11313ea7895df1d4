import type { Ctx } from '../ctx.ts';
import { findInstance, findInternetGateway, findNatGateway, findNetworkInterface, findSubnet, findVpc, isoNow, nextPublicIp, tagsFor } from './common.ts';
import {
  AddressLimitExceeded,
  DependencyViolation,
  GatewayNotAttached,
  IncorrectInstanceState,
  InternetGatewayLimitExceeded,
  InvalidAllocationIDNotFound,
  InvalidAssociationIDNotFound,
  InvalidIPAddressInUse,
  InvalidParameterCombination,
  MissingParameter,
  NatGatewayLimitExceeded,
  ResourceAlreadyAssociated,
} from './errors.ts';
import { buildNetworkInterface, removeNetworkInterface } from './network-interface-operations.ts';
import { refreshRouteStates } from './route-table-operations.ts';
import type { Address, Ec2State, InternetGateway, NatGateway, NetworkInterface, Tag, WithEc2 } from './state.ts';
import { deleteRecord, getRecord, setRecord } from '../records.ts';
import { checkEc2Quota, EC2_QUOTAS } from './quotas.ts';

// Internet gateways, Elastic IPs and NAT gateways
// (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html,
//  https://docs.aws.amazon.com/vpc/latest/userguide/vpc-eips.html,
//  https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html).

type TagSpecifications = { ResourceType: string; Tags: Tag[] }[];

/** CreateInternetGateway: a detached gateway. */
export function createInternetGateway(state: WithEc2, input: { TagSpecifications?: TagSpecifications }, ctx: Ctx): { InternetGateway: InternetGateway } {
  checkEc2Quota(Object.keys(state.ec2.internetGateways).length, EC2_QUOTAS.internetGatewaysPerRegion, 'internet gateways', InternetGatewayLimitExceeded);
  const igw: InternetGateway = { InternetGatewayId: ctx.ids.next('igw-'), OwnerId: ctx.accountId, Attachments: [], Tags: tagsFor('internet-gateway', input.TagSpecifications) };
  setRecord(state.ec2.internetGateways, igw.InternetGatewayId, igw);
  return { InternetGateway: igw };
}

/** AttachInternetGateway: one gateway per VPC and one VPC per gateway. */
export function attachInternetGateway(state: WithEc2, input: { InternetGatewayId: string; VpcId: string }): Record<string, never> {
  const ec2 = state.ec2;
  const igw = findInternetGateway(ec2, input.InternetGatewayId);
  const vpc = findVpc(ec2, input.VpcId);
  if (igw.Attachments.length > 0) throw new ResourceAlreadyAssociated(`resource \`${igw.InternetGatewayId}\` is already attached to network \`${igw.Attachments[0]?.VpcId}\``);
  const other = Object.values(ec2.internetGateways).find((g) => g.Attachments.some((a) => a.VpcId === vpc.VpcId));
  if (other) throw new ResourceAlreadyAssociated(`network \`${vpc.VpcId}\` already has an internet gateway attached: \`${other.InternetGatewayId}\``);
  igw.Attachments.push({ VpcId: vpc.VpcId, State: 'available' });
  refreshRouteStates(ec2);
  return {};
}

/** DetachInternetGateway: routes to it become blackholes; refused while the VPC has public addresses mapped. */
export function detachInternetGateway(state: WithEc2, input: { InternetGatewayId: string; VpcId: string }): Record<string, never> {
  const ec2 = state.ec2;
  const igw = findInternetGateway(ec2, input.InternetGatewayId);
  if (!igw.Attachments.some((a) => a.VpcId === input.VpcId)) throw new GatewayNotAttached(`resource \`${igw.InternetGatewayId}\` is not attached to network \`${input.VpcId}\``);
  // EC2 refuses the detach while instances of the VPC hold public or Elastic IPs (DependencyViolation, see DetachInternetGateway).
  const mapped = Object.values(ec2.networkInterfaces).filter((n) => n.VpcId === input.VpcId && n.Association);
  if (mapped.length > 0) {
    throw new DependencyViolation(`network \`${input.VpcId}\` has some mapped public address(es): ${mapped.map((n) => `\`${n.Association?.PublicIp}\``).join(', ')}`);
  }
  igw.Attachments = [];
  refreshRouteStates(ec2);
  return {};
}

/** DeleteInternetGateway: only when detached. */
export function deleteInternetGateway(state: WithEc2, input: { InternetGatewayId: string }): Record<string, never> {
  const igw = findInternetGateway(state.ec2, input.InternetGatewayId);
  if (igw.Attachments.length > 0) throw new DependencyViolation(`the internet gateway \`${igw.InternetGatewayId}\` has dependencies and cannot be deleted`);
  deleteRecord(state.ec2.internetGateways, igw.InternetGatewayId);
  return {};
}

/** DescribeInternetGateways: the gateways with the given ids, or all. */
export function describeInternetGateways(state: WithEc2, input: { InternetGatewayIds?: string[] } = {}): { InternetGateways: InternetGateway[] } {
  const ec2 = state.ec2;
  return { InternetGateways: input.InternetGatewayIds ? input.InternetGatewayIds.map((id) => findInternetGateway(ec2, id)) : Object.values(ec2.internetGateways) };
}

function findAddress(ec2: Ec2State, allocationId: string): Address {
  const address = getRecord(ec2.addresses, allocationId);
  if (!address) throw new InvalidAllocationIDNotFound(`the allocation id \`${allocationId}\` does not exist`);
  return address;
}

/** AllocateAddress: a new Elastic IP for use in a VPC. */
export function allocateAddress(state: WithEc2, input: { Domain?: 'vpc'; TagSpecifications?: TagSpecifications }, ctx: Ctx): { AllocationId: string; PublicIp: string; Domain: 'vpc' } {
  checkEc2Quota(Object.keys(state.ec2.addresses).length, EC2_QUOTAS.elasticIpsPerRegion, 'addresses', AddressLimitExceeded);
  const address: Address = { AllocationId: ctx.ids.next('eipalloc-'), PublicIp: nextPublicIp(state.ec2), Domain: 'vpc', Tags: tagsFor('elastic-ip', input.TagSpecifications) };
  setRecord(state.ec2.addresses, address.AllocationId, address);
  return { AllocationId: address.AllocationId, PublicIp: address.PublicIp, Domain: 'vpc' };
}

function vpcHasGateway(ec2: Ec2State, vpcId: string): boolean {
  return Object.values(ec2.internetGateways).some((g) => g.Attachments.some((a) => a.VpcId === vpcId));
}

/** Puts an Elastic IP on an interface, replacing an Amazon-owned public IP (which is released for good). */
export function bindAddress(ec2: Ec2State, address: Address, eni: NetworkInterface, ctx: Ctx): string {
  const AssociationId = ctx.ids.next('eipassoc-');
  address.AssociationId = AssociationId;
  address.NetworkInterfaceId = eni.NetworkInterfaceId;
  address.PrivateIpAddress = eni.PrivateIpAddress;
  if (eni.Attachment) address.InstanceId = eni.Attachment.InstanceId;
  eni.Association = { PublicIp: address.PublicIp, IpOwnerId: ctx.accountId, AllocationId: address.AllocationId, AssociationId };
  return AssociationId;
}

/**
 * AssociateAddress: an Elastic IP on an instance's primary interface or on a given interface. The VPC needs
 * an internet gateway (`Gateway.NotAttached`); an address in use moves only with `AllowReassociation`.
 */
export function associateAddress(
  state: WithEc2,
  input: { AllocationId: string; InstanceId?: string; NetworkInterfaceId?: string; AllowReassociation?: boolean },
  ctx: Ctx,
): { AssociationId: string } {
  const ec2 = state.ec2;
  const address = findAddress(ec2, input.AllocationId);
  if ((input.InstanceId === undefined) === (input.NetworkInterfaceId === undefined)) {
    throw new InvalidParameterCombination('give exactly one of `InstanceId` and `NetworkInterfaceId`');
  }
  let eni: NetworkInterface;
  if (input.InstanceId !== undefined) {
    const instance = findInstance(ec2, input.InstanceId);
    if (instance.State.Name === 'terminated' || instance.State.Name === 'shutting-down') {
      throw new IncorrectInstanceState(`the instance \`${instance.InstanceId}\` is not in a valid state for this operation`);
    }
    eni = findNetworkInterface(ec2, instance.NetworkInterfaceIds[0] ?? '');
  } else {
    eni = findNetworkInterface(ec2, input.NetworkInterfaceId ?? '');
  }
  if (!vpcHasGateway(ec2, eni.VpcId)) throw new GatewayNotAttached(`network \`${eni.VpcId}\` is not attached to any internet gateway`);
  if (address.AssociationId) {
    if (!input.AllowReassociation) throw new ResourceAlreadyAssociated(`the address \`${address.PublicIp}\` is already associated: pass \`AllowReassociation\` to move it`);
    const from = address.NetworkInterfaceId ? getRecord(ec2.networkInterfaces, address.NetworkInterfaceId) : undefined;
    if (from) delete from.Association;
  }
  if (eni.Association?.AllocationId) {
    const previous = getRecord(ec2.addresses, eni.Association.AllocationId);
    if (previous && previous !== address) unbindAddress(previous);
  }
  return { AssociationId: bindAddress(ec2, address, eni, ctx) };
}

function unbindAddress(address: Address): void {
  delete address.AssociationId;
  delete address.InstanceId;
  delete address.NetworkInterfaceId;
  delete address.PrivateIpAddress;
}

/**
 * DisassociateAddress: the Elastic IP leaves its interface. A running instance launched with a public
 * IPv4 gets a new Amazon-owned one (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses).
 */
export function disassociateAddress(state: WithEc2, input: { AssociationId: string }): Record<string, never> {
  const ec2 = state.ec2;
  const address = Object.values(ec2.addresses).find((a) => a.AssociationId === input.AssociationId);
  if (!address) throw new InvalidAssociationIDNotFound(`the association id \`${input.AssociationId}\` does not exist`);
  const eni = address.NetworkInterfaceId ? getRecord(ec2.networkInterfaces, address.NetworkInterfaceId) : undefined;
  if (eni?.InterfaceType === 'nat_gateway') throw new DependencyViolation(`address \`${address.PublicIp}\` belongs to a nat gateway: delete the nat gateway instead`);
  unbindAddress(address);
  if (eni) {
    delete eni.Association;
    const instance = eni.Attachment ? getRecord(ec2.instances, eni.Attachment.InstanceId) : undefined;
    if (instance && instance.AssociatePublicIpAddress && instance.State.Name === 'running' && instance.NetworkInterfaceIds[0] === eni.NetworkInterfaceId) {
      eni.Association = { PublicIp: nextPublicIp(ec2), IpOwnerId: 'amazon' };
    }
  }
  return {};
}

/** ReleaseAddress: only an unassociated Elastic IP. */
export function releaseAddress(state: WithEc2, input: { AllocationId: string }): Record<string, never> {
  const address = findAddress(state.ec2, input.AllocationId);
  if (address.AssociationId) throw new InvalidIPAddressInUse(`address \`${address.PublicIp}\` is in use`);
  deleteRecord(state.ec2.addresses, address.AllocationId);
  return {};
}

/** DescribeAddresses: the Elastic IPs with the given allocation ids, or all. */
export function describeAddresses(state: WithEc2, input: { AllocationIds?: string[] } = {}): { Addresses: Address[] } {
  return { Addresses: input.AllocationIds ? input.AllocationIds.map((id) => findAddress(state.ec2, id)) : Object.values(state.ec2.addresses) };
}

/**
 * CreateNatGateway: an interface in the subnet carrying the Elastic IP (public) or only a private IP
 * (private). A public NAT gateway only works from a public subnet: the analyzer, not this call, says so,
 * as EC2 accepts any subnet.
 */
export function createNatGateway(
  state: WithEc2,
  input: { SubnetId: string; AllocationId?: string; ConnectivityType?: 'public' | 'private'; TagSpecifications?: TagSpecifications },
  ctx: Ctx,
): { NatGateway: NatGateway } {
  const ec2 = state.ec2;
  const subnet = findSubnet(ec2, input.SubnetId);
  const inZone = Object.values(ec2.natGateways).filter((n) => n.State !== 'deleted' && getRecord(ec2.subnets, n.SubnetId)?.AvailabilityZone === subnet.AvailabilityZone);
  checkEc2Quota(inZone.length, EC2_QUOTAS.natGatewaysPerAvailabilityZone, `nat gateways in \`${subnet.AvailabilityZone}\``, NatGatewayLimitExceeded);
  const connectivity = input.ConnectivityType ?? 'public';
  if (connectivity === 'public' && input.AllocationId === undefined) throw new MissingParameter('a public nat gateway needs `AllocationId`');
  if (connectivity === 'private' && input.AllocationId !== undefined) throw new InvalidParameterCombination('a private nat gateway takes no `AllocationId`');
  const address = input.AllocationId === undefined ? undefined : findAddress(ec2, input.AllocationId);
  if (address?.AssociationId) throw new ResourceAlreadyAssociated(`elastic ip address \`${address.AllocationId}\` is already associated`);
  if (address && !vpcHasGateway(ec2, subnet.VpcId)) throw new GatewayNotAttached(`network \`${subnet.VpcId}\` has no internet gateway attached`);
  const NatGatewayId = ctx.ids.next('nat-');
  const eni = buildNetworkInterface(ec2, subnet, { Groups: [], Description: `Interface for NAT Gateway ${NatGatewayId}`, InterfaceType: 'nat_gateway' }, ctx);
  eni.Status = 'in-use';
  if (address) bindAddress(ec2, address, eni, ctx);
  const nat: NatGateway = {
    NatGatewayId,
    SubnetId: subnet.SubnetId,
    VpcId: subnet.VpcId,
    // Creation settles at once on the emulated clock: pending → available.
    State: 'available',
    ConnectivityType: connectivity,
    NatGatewayAddresses: [{ AllocationId: address?.AllocationId, NetworkInterfaceId: eni.NetworkInterfaceId, PrivateIp: eni.PrivateIpAddress, PublicIp: address?.PublicIp }],
    CreateTime: isoNow(ctx),
    Tags: tagsFor('natgateway', input.TagSpecifications),
  };
  setRecord(ec2.natGateways, NatGatewayId, nat);
  refreshRouteStates(ec2);
  return { NatGateway: nat };
}

/** DeleteNatGateway: its interface goes, the Elastic IP is freed, routes to it become blackholes. */
export function deleteNatGateway(state: WithEc2, input: { NatGatewayId: string }): { NatGatewayId: string } {
  const ec2 = state.ec2;
  const nat = findNatGateway(ec2, input.NatGatewayId);
  for (const entry of nat.NatGatewayAddresses) {
    const eni = getRecord(ec2.networkInterfaces, entry.NetworkInterfaceId);
    if (eni) removeNetworkInterface(ec2, eni);
  }
  nat.State = 'deleted';
  refreshRouteStates(ec2);
  return { NatGatewayId: nat.NatGatewayId };
}

/** DescribeNatGateways: the NAT gateways with the given ids, or all (deleted ones included, as EC2 shows them for a while). */
export function describeNatGateways(state: WithEc2, input: { NatGatewayIds?: string[] } = {}): { NatGateways: NatGateway[] } {
  const ec2 = state.ec2;
  return { NatGateways: input.NatGatewayIds ? input.NatGatewayIds.map((id) => findNatGateway(ec2, id)) : Object.values(ec2.natGateways) };
}
