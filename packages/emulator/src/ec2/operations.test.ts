import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { scenarioCtx, threeTier } from './golden/scenarios.ts';
import { attachInternetGateway, createInternetGateway, detachInternetGateway } from './gateway-operations.ts';
import { createKeyPair, deleteKeyPair, describeKeyPairs, importKeyPair } from './key-pair-operations.ts';
import { createNetworkInterface, modifyNetworkInterfaceAttribute } from './network-interface-operations.ts';
import { createRoute, createRouteTable } from './route-table-operations.ts';
import { createSecurityGroup } from './security-group-operations.ts';
import { emptyEc2State } from './state.ts';
import { associateVpcCidrBlock, createSubnet, createVpc, deleteSubnet } from './vpc-operations.ts';

function fresh() {
  const ctx = scenarioCtx();
  const state = { ec2: emptyEc2State() };
  const vpc = createVpc(state, { CidrBlock: '10.0.0.0/16' }, ctx).Vpc.VpcId;
  return { ctx, state, vpc };
}

function code(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return error.code;
    throw error;
  }
  return undefined;
}

describe('createVpc', () => {
  it('comes with a main route table holding the local route, a default acl and a default group', () => {
    const { state, vpc } = fresh();
    const tables = Object.values(state.ec2.routeTables);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.Associations[0]?.Main).toBe(true);
    expect(tables[0]?.Routes).toEqual([{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' }]);
    const acl = Object.values(state.ec2.networkAcls)[0];
    expect(acl?.IsDefault).toBe(true);
    expect(acl?.Entries.map((e) => `${e.Egress ? 'out' : 'in'} ${e.RuleNumber} ${e.RuleAction}`)).toEqual(['in 100 allow', 'in 32767 deny', 'out 100 allow', 'out 32767 deny']);
    const group = Object.values(state.ec2.securityGroups)[0];
    expect(group?.GroupName).toBe('default');
    expect(group?.IpPermissions[0]?.UserIdGroupPairs[0]?.GroupId).toBe(group?.GroupId);
    expect(group?.VpcId).toBe(vpc);
  });

  it('with an amazon ipv6 block adds the ipv6 local route, acl entries and egress', () => {
    const { state, vpc, ctx } = fresh();
    const block = associateVpcCidrBlock(state, { VpcId: vpc, AmazonProvidedIpv6CidrBlock: true }, ctx).Ipv6CidrBlockAssociation?.Ipv6CidrBlock;
    expect(block).toMatch(/^2600:1f18:.*\/56$/);
    expect(Object.values(state.ec2.routeTables)[0]?.Routes.some((r) => r.DestinationIpv6CidrBlock === block)).toBe(true);
    expect(Object.values(state.ec2.networkAcls)[0]?.Entries.some((e) => e.Ipv6CidrBlock === '::/0' && e.RuleNumber === 101)).toBe(true);
    expect(Object.values(state.ec2.securityGroups)[0]?.IpPermissionsEgress[0]?.Ipv6Ranges).toEqual([{ CidrIpv6: '::/0' }]);
  });

  it.each([
    ['10.0.0.1/16', 'InvalidParameterValue'],
    ['10.0.0.0/29', 'InvalidVpc.Range'],
    ['not-a-cidr', 'InvalidParameterValue'],
  ])('refuses %s with %s', (cidr, expected) => {
    const { state, ctx } = fresh();
    expect(code(() => createVpc(state, { CidrBlock: cidr }, ctx))).toBe(expected);
  });
});

describe('subnets', () => {
  it('join the default acl and leave it when deleted', () => {
    const { state, vpc, ctx } = fresh();
    const subnet = createSubnet(state, { VpcId: vpc, CidrBlock: '10.0.1.0/24' }, ctx).Subnet;
    expect(subnet.AvailableIpAddressCount).toBe(251);
    expect(Object.values(state.ec2.networkAcls)[0]?.Associations.map((a) => a.SubnetId)).toEqual([subnet.SubnetId]);
    deleteSubnet(state, { SubnetId: subnet.SubnetId });
    expect(Object.values(state.ec2.networkAcls)[0]?.Associations).toEqual([]);
  });

  it('cannot be deleted while an interface is in them', () => {
    const { state, vpc, ctx } = fresh();
    const subnet = createSubnet(state, { VpcId: vpc, CidrBlock: '10.0.1.0/24' }, ctx).Subnet.SubnetId;
    createNetworkInterface(state, { SubnetId: subnet }, ctx);
    expect(code(() => deleteSubnet(state, { SubnetId: subnet }))).toBe('DependencyViolation');
  });

  it('hand out addresses until none are left', () => {
    const { state, vpc, ctx } = fresh();
    const subnet = createSubnet(state, { VpcId: vpc, CidrBlock: '10.0.1.0/28' }, ctx).Subnet.SubnetId;
    const addresses = Array.from({ length: 11 }, () => createNetworkInterface(state, { SubnetId: subnet }, ctx).NetworkInterface.PrivateIpAddress);
    expect(addresses[0]).toBe('10.0.1.4');
    expect(addresses[10]).toBe('10.0.1.14');
    expect(code(() => createNetworkInterface(state, { SubnetId: subnet }, ctx))).toBe('InsufficientFreeAddressesInSubnet');
  });
});

describe('routes and gateways', () => {
  it('a route to a detached internet gateway becomes a blackhole, and active again on reattach', () => {
    const { state, vpc, ctx } = fresh();
    const igw = createInternetGateway(state, {}, ctx).InternetGateway.InternetGatewayId;
    attachInternetGateway(state, { InternetGatewayId: igw, VpcId: vpc });
    const table = createRouteTable(state, { VpcId: vpc }, ctx).RouteTable;
    createRoute(state, { RouteTableId: table.RouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw });
    detachInternetGateway(state, { InternetGatewayId: igw, VpcId: vpc });
    expect(table.Routes[1]?.State).toBe('blackhole');
    attachInternetGateway(state, { InternetGatewayId: igw, VpcId: vpc });
    expect(table.Routes[1]?.State).toBe('active');
  });

  it.each([
    ['a second gateway on one vpc', 'Resource.AlreadyAssociated'],
    ['detaching from a vpc it is not attached to', 'Gateway.NotAttached'],
  ])('refuses %s', (what, expected) => {
    const { state, vpc, ctx } = fresh();
    const first = createInternetGateway(state, {}, ctx).InternetGateway.InternetGatewayId;
    const second = createInternetGateway(state, {}, ctx).InternetGateway.InternetGatewayId;
    attachInternetGateway(state, { InternetGatewayId: first, VpcId: vpc });
    const run = what.startsWith('a second') ? () => attachInternetGateway(state, { InternetGatewayId: second, VpcId: vpc }) : () => detachInternetGateway(state, { InternetGatewayId: second, VpcId: vpc });
    expect(code(run)).toBe(expected);
  });
});

describe('interfaces and key pairs', () => {
  it('an interface carries at most five security groups', () => {
    const { state, names, ctx } = threeTier();
    const vpc = names.vpc ?? '';
    const groups = Array.from({ length: 6 }, (_, i) => createSecurityGroup(state, { GroupName: `extra-${i}`, Description: 'x', VpcId: vpc }, ctx).GroupId);
    const eni = state.ec2.instances[names.app ?? '']?.NetworkInterfaceIds[0] ?? '';
    expect(code(() => modifyNetworkInterfaceAttribute(state, { NetworkInterfaceId: eni, Groups: groups }))).toBe('SecurityGroupsPerInterfaceLimitExceeded');
    modifyNetworkInterfaceAttribute(state, { NetworkInterfaceId: eni, Groups: groups.slice(0, 5) });
    expect(state.ec2.instances[names.app ?? '']?.SecurityGroups.map((g) => g.GroupId)).toEqual(groups.slice(0, 5));
  });

  it('key pairs: created, imported, unique by name, deleted without error when absent', () => {
    const { state, ctx } = fresh();
    const created = createKeyPair(state, { KeyName: 'lab' }, ctx);
    expect(created.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
    expect(code(() => createKeyPair(state, { KeyName: 'lab' }, ctx))).toBe('InvalidKeyPair.Duplicate');
    expect(code(() => importKeyPair(state, { KeyName: 'x', PublicKeyMaterial: 'not a key' }, ctx))).toBe('InvalidParameterValue');
    importKeyPair(state, { KeyName: 'mine', PublicKeyMaterial: 'ssh-ed25519 AAAAC3Nza me@host' }, ctx);
    expect(describeKeyPairs(state).KeyPairs.map((k) => `${k.KeyName}:${k.KeyType}`)).toEqual(['lab:rsa', 'mine:ed25519']);
    deleteKeyPair(state, { KeyName: 'nobody' });
    expect(code(() => describeKeyPairs(state, { KeyNames: ['nobody'] }))).toBe('InvalidKeyPair.NotFound');
  });
});
