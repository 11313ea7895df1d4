import { describe, expect, it } from 'vitest';
import { ec2Actions } from '../ec2/actions.ts';
import { emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { EC2_API_OPERATIONS } from './ec2-api-operations.ts';
import { EC2_DESCRIBE_LISTS } from './ec2-filters.ts';
import { EC2_BINDINGS, EC2_WIRE_ACTIONS } from './ec2-service.ts';
import type { WireCtx } from './types.ts';

const ctx: WireCtx = { ...testCtx(), caller: { arn: 'arn:aws:iam::111122223333:root', account: '111122223333', userId: '111122223333', accessKeyId: 'AKIA', type: 'Root' } };
const caller = { principalArn: ctx.caller.arn };

describe('EC2 bindings', () => {
  it('bind every action the engine models, with DryRun where EC2 takes it, and serve each one', () => {
    for (const action of Object.keys(ec2Actions)) {
      const takesDryRun = action !== 'AssociateVpcCidrBlock' && action !== 'ModifySubnetAttribute';
      expect(Object.hasOwn(EC2_BINDINGS[action]?.input ?? {}, 'DryRun'), action).toBe(takesDryRun);
      expect(EC2_WIRE_ACTIONS[action], action).toBeTypeOf('function');
      expect(EC2_API_OPERATIONS, action).toContain(action);
    }
  });

  it('filter and page every Describe call that takes Filter.N, and only those', () => {
    for (const [action, binding] of Object.entries(EC2_BINDINGS)) {
      expect(Object.hasOwn(binding.input ?? {}, 'Filters'), action).toBe(Object.hasOwn(EC2_DESCRIBE_LISTS, action));
      expect(Object.hasOwn(binding.input ?? {}, 'MaxResults'), action).toBe(EC2_DESCRIBE_LISTS[action]?.paged === true);
    }
  });

  // Resource ARNs of https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html.
  const resources: [string, Record<string, unknown>, string][] = [
    ['DeleteVpc', { VpcId: 'vpc-1' }, 'arn:aws:ec2:us-east-1:111122223333:vpc/vpc-1'],
    ['CreateVpc', { CidrBlock: '10.0.0.0/16' }, 'arn:aws:ec2:us-east-1:111122223333:vpc/*'],
    ['AuthorizeSecurityGroupIngress', { GroupId: 'sg-1' }, 'arn:aws:ec2:us-east-1:111122223333:security-group/sg-1'],
    ['TerminateInstances', { InstanceIds: ['i-1'] }, 'arn:aws:ec2:us-east-1:111122223333:instance/i-1'],
    ['TerminateInstances', { InstanceIds: ['i-1', 'i-2'] }, 'arn:aws:ec2:us-east-1:111122223333:instance/*'],
    ['DeleteSnapshot', { SnapshotId: 'snap-1' }, 'arn:aws:ec2:us-east-1::snapshot/snap-1'],
    ['CreateKeyPair', { KeyName: 'lab' }, 'arn:aws:ec2:us-east-1:111122223333:key-pair/lab'],
    ['DisassociateRouteTable', { AssociationId: 'rtbassoc-unknown' }, 'arn:aws:ec2:us-east-1:111122223333:route-table/*'],
    ['DescribeVpcs', {}, '*'],
  ];
  it.each(resources)('%s %j is authorized on %s', (action, input, arn) => {
    expect(EC2_BINDINGS[action]?.resource?.(input, ctx, emptyAccountState())).toBe(arn);
  });

  it("names an existing resource's tags and VPC, and a create's VPC, as condition keys", () => {
    const state = emptyAccountState();
    const { Vpc } = EC2_WIRE_ACTIONS.CreateVpc!(state, { CidrBlock: '10.0.0.0/16' }, ctx, caller) as { Vpc: { VpcId: string } };
    const vpcArn = `arn:aws:ec2:us-east-1:111122223333:vpc/${Vpc.VpcId}`;
    const { Subnet } = EC2_WIRE_ACTIONS.CreateSubnet!(state, { VpcId: Vpc.VpcId, CidrBlock: '10.0.1.0/24', TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'team', Value: 'red' }] }] }, ctx, caller) as {
      Subnet: { SubnetId: string };
    };
    expect(EC2_BINDINGS.DeleteSubnet!.context!({ SubnetId: Subnet.SubnetId }, ctx, state)).toEqual({ 'aws:ResourceTag/team': 'red', 'ec2:ResourceTag/team': 'red', 'ec2:Vpc': vpcArn });
    expect(EC2_BINDINGS.DeleteVpc!.context!({ VpcId: Vpc.VpcId }, ctx, state)).toEqual({ 'ec2:Vpc': vpcArn });
    expect(EC2_BINDINGS.CreateSecurityGroup!.context!({ GroupName: 'web', Description: 'd', VpcId: Vpc.VpcId }, ctx, state)).toEqual({ 'ec2:Vpc': vpcArn });
    expect(EC2_BINDINGS.DeleteSubnet!.context!({ SubnetId: 'subnet-unknown' }, ctx, state)).toEqual({});
  });

  it('sets aws:RequestTag and aws:TagKeys from the tag specifications, a missing value as empty', () => {
    const binding = EC2_BINDINGS.CreateVpc!;
    const input = binding.prepare!({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'team', Value: 'red' }, { Key: 'env' }] }] }, ctx);
    expect(binding.context!(input, ctx, emptyAccountState())).toEqual({ 'aws:TagKeys': ['team', 'env'], 'aws:RequestTag/team': 'red', 'aws:RequestTag/env': '' });
  });
});

describe('EC2 actions over the wire', () => {
  it('answer DryRun with DryRunOperation and never run the action', () => {
    const state = emptyAccountState();
    expect(awsErrorCode(() => EC2_WIRE_ACTIONS.CreateVpc!(state, { CidrBlock: '10.0.0.0/16', DryRun: true }, ctx, caller))).toBe('DryRunOperation');
    expect(state).toEqual(emptyAccountState());
  });

  it('run the action when DryRun is false, and filter a Describe call', () => {
    const state = emptyAccountState();
    EC2_WIRE_ACTIONS.CreateVpc!(state, { CidrBlock: '10.0.0.0/16', DryRun: false }, ctx, caller);
    EC2_WIRE_ACTIONS.CreateVpc!(state, { CidrBlock: '10.1.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'lab' }] }] }, ctx, caller);
    const result = EC2_WIRE_ACTIONS.DescribeVpcs!(state, { Filters: [{ Name: 'tag:Name', Values: ['lab'] }] }, ctx, caller) as { Vpcs: { CidrBlock: string }[] };
    expect(result.Vpcs.map((v) => v.CidrBlock)).toEqual(['10.1.0.0/16']);
  });

  it('filter DescribeInstances by the instance inside each reservation', () => {
    const state = emptyAccountState();
    EC2_WIRE_ACTIONS.CreateDefaultVpc!(state, {}, ctx, caller);
    EC2_WIRE_ACTIONS.RunInstances!(state, { ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 2, MaxCount: 2 }, ctx, caller);
    EC2_WIRE_ACTIONS.RunInstances!(state, { ImageId: 'ami-12345678', InstanceType: 't3.small', MinCount: 1, MaxCount: 1 }, ctx, caller);
    const result = EC2_WIRE_ACTIONS.DescribeInstances!(state, { Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }] }, ctx, caller) as { Reservations: unknown[] };
    expect(result.Reservations).toHaveLength(2);
  });
});
