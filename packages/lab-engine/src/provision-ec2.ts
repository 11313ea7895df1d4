import {
  allocateAddress,
  associateRouteTable,
  attachInternetGateway,
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  createInternetGateway,
  createNatGateway,
  createNetworkAcl,
  createNetworkAclEntry,
  createRoute,
  createRouteTable,
  createSecurityGroup,
  createSubnet,
  createVpc,
  modifySubnetAttribute,
  replaceNetworkAclAssociation,
  revokeSecurityGroupEgress,
  runInstances,
  type AccountState,
  type Ctx,
  type NetworkAclEntryInput,
  type RouteTarget,
} from '@skylab/emulator';
import type { Ec2Setup, PathSegment } from '@skylab/validation';
import { permissionInput, storedInput } from './ip-permissions.ts';
import { setupStep, unknownNameError } from './lab-error.ts';
import type { ResourceKind } from './resource-names.ts';

// The lab's network is built through the EC2 operations in dependency order (VPCs, gateways, subnets,
// routes, ACLs, groups, rules, instances), so a setup AWS would refuse fails here with AWS's error code.

/** A network ACL entry as written (EC2 shape, ICMP type and code optional) as `CreateNetworkAclEntry` takes it. */
export function aclEntryInput(entry: Ec2Setup['networkAcls'][number]['Entries'][number], networkAclId: string): NetworkAclEntryInput {
  const { IcmpTypeCode, ...rest } = entry;
  // An ICMP type or code left out means all of them, as `-1` does.
  return { ...rest, NetworkAclId: networkAclId, ...(IcmpTypeCode ? { IcmpTypeCode: { Code: IcmpTypeCode.Code ?? -1, Type: IcmpTypeCode.Type ?? -1 } } : {}) };
}

type RouteSpec = Ec2Setup['routeTables'][number]['Routes'][number];

/** A route's target as `CreateRoute` takes it, its gateway's lab name resolved to an id by `resolve`. */
export function routeTargetInput(route: RouteSpec, resolve: (name: string, kind: ResourceKind, key: 'GatewayId' | 'NatGatewayId') => string): RouteTarget {
  if (route.NatGatewayId !== undefined) return { NatGatewayId: resolve(route.NatGatewayId, 'nat gateway', 'NatGatewayId') };
  return { GatewayId: resolve(route.GatewayId ?? '', 'internet gateway', 'GatewayId') };
}

function nameTags(resourceType: string, name: string) {
  return [{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: name }] }];
}

/** Creates the setup's EC2 resources in `state`; throws `LabError` at the failing element. */
export function provisionEc2(state: AccountState, setup: Ec2Setup, ctx: Ctx): void {
  const ids = new Map<string, { kind: ResourceKind; id: string }>();
  const id = (name: string, kind: ResourceKind, path: PathSegment[]): string => {
    const found = ids.get(name);
    if (!found || found.kind !== kind) throw unknownNameError(path, `the setup creates no ${kind} called \`${name}\``);
    return found.id;
  };
  const at = (...path: PathSegment[]) => ['setup', 'ec2', ...path];

  setup.vpcs.forEach((vpc, i) => {
    const created = setupStep(at('vpcs', i), () => createVpc(state, { CidrBlock: vpc.CidrBlock, TagSpecifications: nameTags('vpc', vpc.Name) }, ctx));
    ids.set(vpc.Name, { kind: 'vpc', id: created.Vpc.VpcId });
  });
  setup.internetGateways.forEach((igw, i) => {
    const created = setupStep(at('internetGateways', i), () => createInternetGateway(state, { TagSpecifications: nameTags('internet-gateway', igw.Name) }, ctx));
    const gatewayId = created.InternetGateway.InternetGatewayId;
    ids.set(igw.Name, { kind: 'internet gateway', id: gatewayId });
    if (igw.VpcId !== undefined) {
      const vpcId = id(igw.VpcId, 'vpc', at('internetGateways', i, 'VpcId'));
      setupStep(at('internetGateways', i, 'VpcId'), () => attachInternetGateway(state, { InternetGatewayId: gatewayId, VpcId: vpcId }));
    }
  });
  setup.subnets.forEach((subnet, i) => {
    const vpcId = id(subnet.VpcId, 'vpc', at('subnets', i, 'VpcId'));
    const input = { VpcId: vpcId, CidrBlock: subnet.CidrBlock, TagSpecifications: nameTags('subnet', subnet.Name), ...(subnet.AvailabilityZone ? { AvailabilityZone: subnet.AvailabilityZone } : {}) };
    const created = setupStep(at('subnets', i), () => createSubnet(state, input, ctx));
    ids.set(subnet.Name, { kind: 'subnet', id: created.Subnet.SubnetId });
    if (subnet.MapPublicIpOnLaunch !== undefined) {
      const value = subnet.MapPublicIpOnLaunch;
      setupStep(at('subnets', i, 'MapPublicIpOnLaunch'), () => modifySubnetAttribute(state, { SubnetId: created.Subnet.SubnetId, MapPublicIpOnLaunch: { Value: value } }));
    }
  });
  setup.natGateways.forEach((nat, i) => {
    const subnetId = id(nat.SubnetId, 'subnet', at('natGateways', i, 'SubnetId'));
    const natId = setupStep(at('natGateways', i), () => {
      // A public NAT gateway needs an Elastic IP of its own (https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-working-with.html).
      const address = nat.ConnectivityType === 'public' ? allocateAddress(state, { Domain: 'vpc', TagSpecifications: nameTags('elastic-ip', nat.Name) }, ctx).AllocationId : undefined;
      const input = { SubnetId: subnetId, ConnectivityType: nat.ConnectivityType, ...(address !== undefined ? { AllocationId: address } : {}), TagSpecifications: nameTags('natgateway', nat.Name) };
      return createNatGateway(state, input, ctx).NatGateway.NatGatewayId;
    });
    ids.set(nat.Name, { kind: 'nat gateway', id: natId });
  });
  setup.routeTables.forEach((table, i) => {
    const vpcId = id(table.VpcId, 'vpc', at('routeTables', i, 'VpcId'));
    const tableId = setupStep(at('routeTables', i), () => createRouteTable(state, { VpcId: vpcId, TagSpecifications: nameTags('route-table', table.Name) }, ctx)).RouteTable.RouteTableId;
    ids.set(table.Name, { kind: 'route table', id: tableId });
    table.Routes.forEach((route, j) => {
      const target = routeTargetInput(route, (name, kind, key) => id(name, kind, at('routeTables', i, 'Routes', j, key)));
      setupStep(at('routeTables', i, 'Routes', j), () => createRoute(state, { RouteTableId: tableId, DestinationCidrBlock: route.DestinationCidrBlock, ...target }));
    });
    table.Associations.forEach((association, j) => {
      const subnetId = id(association.SubnetId, 'subnet', at('routeTables', i, 'Associations', j, 'SubnetId'));
      setupStep(at('routeTables', i, 'Associations', j), () => associateRouteTable(state, { RouteTableId: tableId, SubnetId: subnetId }, ctx));
    });
  });
  setup.networkAcls.forEach((acl, i) => {
    const vpcId = id(acl.VpcId, 'vpc', at('networkAcls', i, 'VpcId'));
    const aclId = setupStep(at('networkAcls', i), () => createNetworkAcl(state, { VpcId: vpcId, TagSpecifications: nameTags('network-acl', acl.Name) }, ctx)).NetworkAcl.NetworkAclId;
    ids.set(acl.Name, { kind: 'network acl', id: aclId });
    acl.Entries.forEach((entry, j) => {
      setupStep(at('networkAcls', i, 'Entries', j), () => createNetworkAclEntry(state, aclEntryInput(entry, aclId)));
    });
    acl.Associations.forEach((association, j) => {
      const subnetId = id(association.SubnetId, 'subnet', at('networkAcls', i, 'Associations', j, 'SubnetId'));
      // Every subnet is always associated with exactly one ACL, so associating means replacing the current association.
      const current = Object.values(state.ec2.networkAcls).flatMap((a) => a.Associations).find((a) => a.SubnetId === subnetId);
      if (!current) throw unknownNameError(at('networkAcls', i, 'Associations', j), `subnet \`${association.SubnetId}\` has no network acl association to replace`);
      setupStep(at('networkAcls', i, 'Associations', j), () => replaceNetworkAclAssociation(state, { AssociationId: current.NetworkAclAssociationId, NetworkAclId: aclId }, ctx));
    });
  });
  setup.securityGroups.forEach((group, i) => {
    const vpcId = id(group.VpcId, 'vpc', at('securityGroups', i, 'VpcId'));
    const input = { GroupName: group.GroupName, Description: group.Description, VpcId: vpcId, TagSpecifications: nameTags('security-group', group.GroupName) };
    ids.set(group.GroupName, { kind: 'security group', id: setupStep(at('securityGroups', i), () => createSecurityGroup(state, input, ctx)).GroupId });
  });
  // Rules after every group exists, so a rule may refer to a group listed after its own.
  setup.securityGroups.forEach((group, i) => {
    const groupId = id(group.GroupName, 'security group', at('securityGroups', i));
    for (const direction of ['IpPermissions', 'IpPermissionsEgress'] as const) {
      const permissions = group[direction];
      if (permissions === undefined) continue;
      if (direction === 'IpPermissionsEgress') {
        const current = state.ec2.securityGroups[groupId]?.IpPermissionsEgress ?? [];
        if (current.length > 0) setupStep(at('securityGroups', i, direction), () => revokeSecurityGroupEgress(state, { GroupId: groupId, IpPermissions: current.map(storedInput) }));
      }
      permissions.forEach((permission, j) => {
        const path = at('securityGroups', i, direction, j);
        const { input, problems } = permissionInput(permission, (name) => {
          const found = ids.get(name);
          return found?.kind === 'security group' ? found.id : undefined;
        });
        const problem = problems[0];
        if (problem) throw unknownNameError([...path, ...problem.path], problem.message);
        const authorize = direction === 'IpPermissions' ? authorizeSecurityGroupIngress : authorizeSecurityGroupEgress;
        setupStep(path, () => authorize(state, { GroupId: groupId, IpPermissions: [input] }));
      });
    }
  });
  setup.instances.forEach((instance, i) => {
    const subnetId = id(instance.SubnetId, 'subnet', at('instances', i, 'SubnetId'));
    const groups = instance.SecurityGroupIds.map((name, j) => id(name, 'security group', at('instances', i, 'SecurityGroupIds', j)));
    const placement = instance.AssociatePublicIpAddress === undefined
      ? { SubnetId: subnetId, SecurityGroupIds: groups }
      : { NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetId, Groups: groups, AssociatePublicIpAddress: instance.AssociatePublicIpAddress }] };
    const input = {
      ImageId: instance.ImageId,
      InstanceType: instance.InstanceType,
      MinCount: 1,
      MaxCount: 1,
      ...placement,
      ...(instance.PrivateIpAddress !== undefined ? { PrivateIpAddress: instance.PrivateIpAddress } : {}),
      TagSpecifications: nameTags('instance', instance.Name),
    };
    setupStep(at('instances', i), () => runInstances(state, input, ctx));
  });
}
