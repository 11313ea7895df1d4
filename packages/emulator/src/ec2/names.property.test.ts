import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreAccountState } from '../state.ts';
import { awsErrorCode } from '../test-ctx.ts';
import { HOSTILE_NAMES, nameArbitrary } from '../test-names.ts';
import { ec2Actions } from './actions.ts';
import { scenarioCtx } from './golden/scenarios.ts';
import { emptyEc2State } from './state.ts';

// EC2 ids come from the account, but a caller may send any text as one: `constructor` or `__proto__` is an
// id that does not exist, never something found on Object.prototype. Names (groups, key pairs, launch
// templates, instance types) behave the same.

const ctx = scenarioCtx();
type Input = Record<string, unknown>;
const run = (action: keyof typeof ec2Actions, state: { ec2: ReturnType<typeof emptyEc2State> }, input: Input) =>
  (ec2Actions[action] as (s: typeof state, i: Input, c: typeof ctx) => Record<string, unknown>)(state, input, ctx);

const LOOKUPS: [keyof typeof ec2Actions, (id: string) => Input, string][] = [
  ['DescribeVpcs', (id) => ({ VpcIds: [id] }), 'InvalidVpcID.NotFound'],
  ['DeleteVpc', (id) => ({ VpcId: id }), 'InvalidVpcID.NotFound'],
  ['CreateSubnet', (id) => ({ VpcId: id, CidrBlock: '10.0.1.0/24' }), 'InvalidVpcID.NotFound'],
  ['DescribeSubnets', (id) => ({ SubnetIds: [id] }), 'InvalidSubnetID.NotFound'],
  ['DeleteRouteTable', (id) => ({ RouteTableId: id }), 'InvalidRouteTableID.NotFound'],
  ['AttachInternetGateway', (id) => ({ InternetGatewayId: id, VpcId: id }), 'InvalidInternetGatewayID.NotFound'],
  ['ReleaseAddress', (id) => ({ AllocationId: id }), 'InvalidAllocationID.NotFound'],
  ['DeleteNatGateway', (id) => ({ NatGatewayId: id }), 'NatGatewayNotFound'],
  ['DeleteSecurityGroup', (id) => ({ GroupId: id }), 'InvalidGroup.NotFound'],
  ['DeleteNetworkAcl', (id) => ({ NetworkAclId: id }), 'InvalidNetworkAclID.NotFound'],
  ['DeleteNetworkInterface', (id) => ({ NetworkInterfaceId: id }), 'InvalidNetworkInterfaceID.NotFound'],
  ['DescribeInstances', (id) => ({ InstanceIds: [id] }), 'InvalidInstanceID.NotFound'],
  ['DescribeKeyPairs', (id) => ({ KeyNames: [id] }), 'InvalidKeyPair.NotFound'],
  ['DescribeLaunchTemplateVersions', (id) => ({ LaunchTemplateId: id }), 'InvalidLaunchTemplateId.NotFound'],
  ['DescribeVolumes', (id) => ({ VolumeIds: [id] }), 'InvalidVolume.NotFound'],
  ['DeleteVolume', (id) => ({ VolumeId: id }), 'InvalidVolume.NotFound'],
  ['CreateSnapshot', (id) => ({ VolumeId: id }), 'InvalidVolume.NotFound'],
  ['ModifySnapshotAttribute', (id) => ({ SnapshotId: id, OperationType: 'add', UserIds: ['444455556666'] }), 'InvalidSnapshot.NotFound'],
  ['ModifyEbsDefaultKmsKeyId', (id) => ({ KmsKeyId: id }), 'InvalidParameterValue'],
];

describe('EC2 lookups by a hostile id', () => {
  it.each(LOOKUPS)('%s answers that it does not exist', (action, input, code) => {
    for (const id of HOSTILE_NAMES) expect([action, id, awsErrorCode(() => run(action, { ec2: emptyEc2State() }, input(id)))]).toEqual([action, id, code]);
  });

  it('refuses a hostile instance type as unknown', () => {
    for (const type of HOSTILE_NAMES) expect(awsErrorCode(() => run('DescribeInstanceTypes', { ec2: emptyEc2State() }, { InstanceTypes: [type] }))).toBeUndefined();
    expect(run('DescribeInstanceTypes', { ec2: emptyEc2State() }, { InstanceTypes: ['constructor'] })).toEqual({ InstanceTypes: [] });
  });
});

describe('EC2 names', () => {
  it('round-trip security group and key pair names, hostile ones included, through storage', () => {
    const name = nameArbitrary('[a-zA-Z0-9_ .:/()#,@+=&;{}!$*-]', 40).filter((n) => !/^(default|sg-)/i.test(n));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 4 }), (names) => {
        let state = { ec2: emptyEc2State() };
        const vpc = (run('CreateVpc', state, { CidrBlock: '10.0.0.0/16' }).Vpc as { VpcId: string }).VpcId;
        const ids = names.map((n) => run('CreateSecurityGroup', state, { GroupName: n, Description: 'd', VpcId: vpc }).GroupId as string);
        for (const n of names) run('CreateKeyPair', state, { KeyName: n });
        state = restoreAccountState(JSON.parse(JSON.stringify({ ec2: state.ec2 }))) as unknown as typeof state;
        expect((run('DescribeSecurityGroups', state, { GroupIds: ids }).SecurityGroups as { GroupName: string }[]).map((g) => g.GroupName)).toEqual(names);
        expect((run('DescribeKeyPairs', state, { KeyNames: names }).KeyPairs as { KeyName: string }[]).map((k) => k.KeyName)).toEqual(names);
        for (const n of names) expect(awsErrorCode(() => run('CreateSecurityGroup', state, { GroupName: n, Description: 'd', VpcId: vpc }))).toBe('InvalidGroup.Duplicate');
        for (const id of ids) run('DeleteSecurityGroup', state, { GroupId: id });
        for (const n of names) run('DeleteKeyPair', state, { KeyName: n });
        expect(run('DescribeKeyPairs', state, {}).KeyPairs).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
