import type { Ctx } from '../ctx.ts';
import { formatIpv4, parseCidr, parseIpv4, rangeContains } from './cidr.ts';
import { findNetworkInterface, findSecurityGroup, findSubnet, defaultSecurityGroup, tagsFor } from './common.ts';
import {
  DependencyViolation,
  InsufficientFreeAddressesInSubnet,
  InvalidIPAddressInUse,
  InvalidParameterValue,
  SecurityGroupsPerInterfaceLimitExceeded,
} from './errors.ts';
import type { Ec2State, NetworkInterface, Subnet, Tag, WithEc2 } from './state.ts';
import { deleteRecord, getRecord, setRecord } from '../records.ts';

// Elastic network interfaces (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html).

/** Security groups per network interface, the default quota (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html). */
export const SECURITY_GROUPS_PER_INTERFACE = 5;

function usedAddresses(ec2: Ec2State, subnetId: string): Set<string> {
  const used = new Set<string>();
  for (const id in ec2.networkInterfaces) {
    const eni = getRecord(ec2.networkInterfaces, id) as NetworkInterface;
    if (eni.SubnetId === subnetId) for (const p of eni.PrivateIpAddresses) used.add(p.PrivateIpAddress);
  }
  return used;
}

/** Checks the requested address, or picks the lowest free one; the first four and the last address are AWS's. */
function privateAddress(ec2: Ec2State, subnet: Subnet, requested: string | undefined): string {
  const range = parseCidr(subnet.CidrBlock);
  if (!range || range.family !== 4) throw new InvalidParameterValue(`subnet \`${subnet.SubnetId}\` has no ipv4 block`);
  const used = usedAddresses(ec2, subnet.SubnetId);
  if (requested !== undefined) {
    const value = parseIpv4(requested);
    const single = parseCidr(requested);
    if (value === undefined || !single || !rangeContains(range, single)) {
      throw new InvalidParameterValue(`address \`${requested}\` is not in subnet \`${subnet.SubnetId}\` (\`${subnet.CidrBlock}\`)`);
    }
    if (value - range.first < 4 || value === range.last) {
      throw new InvalidParameterValue(`address \`${requested}\` is reserved by aws in subnet \`${subnet.SubnetId}\``);
    }
    if (used.has(requested)) throw new InvalidIPAddressInUse(`address \`${requested}\` is in use in subnet \`${subnet.SubnetId}\``);
    return requested;
  }
  for (let value = range.first + 4; value < range.last; value++) {
    const text = formatIpv4(value);
    if (!used.has(text)) return text;
  }
  throw new InsufficientFreeAddressesInSubnet(`there are not enough free addresses in subnet \`${subnet.SubnetId}\` to satisfy the request`);
}

/** Resolves group ids to `{ GroupId, GroupName }`, all in the subnet's VPC and within the per-interface quota. */
export function resolveGroups(ec2: Ec2State, vpcId: string, groupIds: string[] | undefined): { GroupId: string; GroupName: string }[] {
  const ids = groupIds && groupIds.length > 0 ? groupIds : [defaultSecurityGroup(ec2, vpcId)?.GroupId ?? ''];
  if (ids.length > SECURITY_GROUPS_PER_INTERFACE) {
    throw new SecurityGroupsPerInterfaceLimitExceeded(`an interface can carry at most ${SECURITY_GROUPS_PER_INTERFACE} security groups, got ${ids.length}`);
  }
  return ids.map((id) => {
    const group = findSecurityGroup(ec2, id);
    if (group.VpcId !== vpcId) throw new InvalidParameterValue(`security group \`${id}\` and subnet belong to different networks`);
    return { GroupId: group.GroupId, GroupName: group.GroupName };
  });
}

/** Builds and stores an interface in a subnet (shared by `CreateNetworkInterface`, `RunInstances` and NAT gateways). */
export function buildNetworkInterface(
  ec2: Ec2State,
  subnet: Subnet,
  options: { PrivateIpAddress?: string; Groups: { GroupId: string; GroupName: string }[]; Description?: string; InterfaceType?: 'interface' | 'nat_gateway'; Tags?: Tag[] },
  ctx: Ctx,
): NetworkInterface {
  const address = privateAddress(ec2, subnet, options.PrivateIpAddress);
  const eni: NetworkInterface = {
    NetworkInterfaceId: ctx.ids.next('eni-'),
    SubnetId: subnet.SubnetId,
    VpcId: subnet.VpcId,
    AvailabilityZone: subnet.AvailabilityZone,
    Description: options.Description ?? '',
    OwnerId: ctx.accountId,
    InterfaceType: options.InterfaceType ?? 'interface',
    Status: 'available',
    PrivateIpAddress: address,
    PrivateIpAddresses: [{ PrivateIpAddress: address, Primary: true }],
    Ipv6Addresses: [],
    Groups: options.Groups,
    SourceDestCheck: true,
    RequesterManaged: options.InterfaceType === 'nat_gateway',
    Tags: options.Tags ?? [],
  };
  setRecord(ec2.networkInterfaces, eni.NetworkInterfaceId, eni);
  subnet.AvailableIpAddressCount -= 1;
  return eni;
}

/** Removes an interface and gives its address back to the subnet. */
export function removeNetworkInterface(ec2: Ec2State, eni: NetworkInterface): void {
  const subnet = getRecord(ec2.subnets, eni.SubnetId);
  if (subnet) subnet.AvailableIpAddressCount += eni.PrivateIpAddresses.length;
  if (eni.Association?.AllocationId) {
    const address = getRecord(ec2.addresses, eni.Association.AllocationId);
    if (address) {
      delete address.AssociationId;
      delete address.InstanceId;
      delete address.NetworkInterfaceId;
      delete address.PrivateIpAddress;
    }
  }
  deleteRecord(ec2.networkInterfaces, eni.NetworkInterfaceId);
}

/** CreateNetworkInterface: an unattached interface with a private address and security groups. */
export function createNetworkInterface(
  state: WithEc2,
  input: { SubnetId: string; PrivateIpAddress?: string; Groups?: string[]; Description?: string; TagSpecifications?: { ResourceType: string; Tags: Tag[] }[] },
  ctx: Ctx,
): { NetworkInterface: NetworkInterface } {
  const subnet = findSubnet(state.ec2, input.SubnetId);
  const groups = resolveGroups(state.ec2, subnet.VpcId, input.Groups);
  return {
    NetworkInterface: buildNetworkInterface(
      state.ec2,
      subnet,
      { PrivateIpAddress: input.PrivateIpAddress, Groups: groups, Description: input.Description, Tags: tagsFor('network-interface', input.TagSpecifications) },
      ctx,
    ),
  };
}

/** DescribeNetworkInterfaces: the interfaces with the given ids, or all. */
export function describeNetworkInterfaces(state: WithEc2, input: { NetworkInterfaceIds?: string[] } = {}): { NetworkInterfaces: NetworkInterface[] } {
  const ec2 = state.ec2;
  return { NetworkInterfaces: input.NetworkInterfaceIds ? input.NetworkInterfaceIds.map((id) => findNetworkInterface(ec2, id)) : Object.values(ec2.networkInterfaces) };
}

/** ModifyNetworkInterfaceAttribute: replace its security groups, or switch source/destination checking. */
export function modifyNetworkInterfaceAttribute(state: WithEc2, input: { NetworkInterfaceId: string; Groups?: string[]; SourceDestCheck?: { Value: boolean } }): Record<string, never> {
  const eni = findNetworkInterface(state.ec2, input.NetworkInterfaceId);
  if (input.Groups) {
    if (input.Groups.length === 0) throw new InvalidParameterValue('an interface needs at least one security group');
    eni.Groups = resolveGroups(state.ec2, eni.VpcId, input.Groups);
    const instance = eni.Attachment ? getRecord(state.ec2.instances, eni.Attachment.InstanceId) : undefined;
    if (instance && instance.NetworkInterfaceIds[0] === eni.NetworkInterfaceId) instance.SecurityGroups = eni.Groups.map((g) => ({ ...g }));
  }
  if (input.SourceDestCheck) eni.SourceDestCheck = input.SourceDestCheck.Value;
  return {};
}

/** DeleteNetworkInterface: only when it is not attached (else `InvalidNetworkInterface.InUse`, reported as a dependency). */
export function deleteNetworkInterface(state: WithEc2, input: { NetworkInterfaceId: string }): Record<string, never> {
  const eni = findNetworkInterface(state.ec2, input.NetworkInterfaceId);
  if (eni.Attachment || eni.RequesterManaged) {
    throw new DependencyViolation(`network interface \`${eni.NetworkInterfaceId}\` is currently in use`);
  }
  removeNetworkInterface(state.ec2, eni);
  return {};
}
