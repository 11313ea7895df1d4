import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { describeAddresses, describeInternetGateways, describeNatGateways } from './gateway-operations.ts';
import { describeInstances } from './instance-operations.ts';
import { threeTier } from './golden/scenarios.ts';
import { describeNetworkAcls } from './network-acl-operations.ts';
import { analyzeReachability } from './reachability.ts';
import { describeRouteTables } from './route-table-operations.ts';
import { describeSecurityGroups } from './security-group-operations.ts';
import { ec2StateFromDescribe } from './topology.ts';
import { describeSubnets, describeVpcs } from './vpc-operations.ts';

describe('ec2StateFromDescribe', () => {
  const { state, names } = threeTier();
  // The documents as `aws ec2 describe-*` prints them, one per call, through JSON as a file would carry them.
  const documents = JSON.parse(
    JSON.stringify([
      describeVpcs(state),
      describeSubnets(state),
      describeRouteTables(state),
      describeInternetGateways(state),
      describeNatGateways(state),
      describeSecurityGroups(state),
      describeNetworkAcls(state),
      describeInstances(state),
      describeAddresses(state),
    ]),
  );
  const imported = { ec2: ec2StateFromDescribe(documents) };

  it.each([
    ['internet', 'lb', 443],
    ['lb', 'app', 8080],
    ['app', 'db', 3306],
    ['lb', 'db', 3306],
    ['app', 'internet', 443],
    ['internet', 'db', 3306],
    ['bastion', 'app', 22],
  ])('%s → %s:%s answers as on the account it was described from', (from, to, port) => {
    const name = (n: string) => (n === 'internet' ? n : (names[n] ?? n));
    const query = { Source: name(from), Destination: name(to), Protocol: 'tcp' as const, DestinationPort: port };
    expect(analyzeReachability(imported, query)).toEqual(analyzeReachability(state, query));
  });

  it.each([
    [{ Vpcs: [{ VpcId: 'vpc-1' }] }, '`CidrBlock`'],
    [{ Subnets: [{ SubnetId: 'subnet-1', CidrBlock: '10.0.0.0/24' }] }, '`VpcId`'],
    [{ NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', SubnetId: 'subnet-1', VpcId: 'vpc-1' }] }, '`PrivateIpAddress`'],
  ])('fails closed on a missing field: %j', (doc, field) => {
    expect(() => ec2StateFromDescribe([doc])).toThrow(AwsError);
    expect(() => ec2StateFromDescribe([doc])).toThrow(field);
  });
});
