import { describe, expect, it } from 'vitest';
import { emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { enableEbsEncryptionByDefault } from './ebs-encryption.ts';
import { runInstances, stopInstances } from './instance-operations.ts';
import { attachVolume, createVolume, deleteVolume, describeVolumes, detachVolume, type CreateVolumeInput } from './volume-operations.ts';
import { createSubnet, createVpc } from './vpc-operations.ts';

function account() {
  const ctx = testCtx();
  const state = emptyAccountState();
  const vpc = createVpc(state, { CidrBlock: '10.0.0.0/16' }, ctx).Vpc.VpcId;
  const subnet = createSubnet(state, { VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }, ctx).Subnet.SubnetId;
  const instance = runInstances(state, { ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet }, ctx).Instances[0]?.InstanceId ?? '';
  return { ctx, state, instance };
}

const zone = { AvailabilityZone: 'us-east-1a' };

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html (`Size`, `Iops`, `Throughput`)
// and https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html.
const LIMITS: [string, CreateVolumeInput, string | undefined][] = [
  ['gp2 by default, 1 GiB', { Size: 1 }, undefined],
  ['gp3 at its 16,384 GiB maximum', { VolumeType: 'gp3', Size: 16384 }, undefined],
  ['gp3 above 16,384 GiB', { VolumeType: 'gp3', Size: 16385 }, 'InvalidParameterValue'],
  ['gp3 with 3,000 IOPS on 1 GiB (the baseline at any size)', { VolumeType: 'gp3', Size: 1, Iops: 3000 }, undefined],
  ['gp3 with 16,000 IOPS on 32 GiB (500 per GiB)', { VolumeType: 'gp3', Size: 32, Iops: 16000 }, undefined],
  ['gp3 with 16,000 IOPS on 31 GiB', { VolumeType: 'gp3', Size: 31, Iops: 16000 }, 'InvalidParameterValue'],
  ['gp3 with 16,001 IOPS', { VolumeType: 'gp3', Size: 1000, Iops: 16001 }, 'InvalidParameterValue'],
  ['gp3 with 2,999 IOPS', { VolumeType: 'gp3', Size: 100, Iops: 2999 }, 'InvalidParameterValue'],
  ['gp3 at 750 MiB/s with 3,000 IOPS (0.25 MiB/s per IOPS)', { VolumeType: 'gp3', Size: 100, Throughput: 750 }, undefined],
  ['gp3 at 751 MiB/s with 3,000 IOPS', { VolumeType: 'gp3', Size: 100, Throughput: 751 }, 'InvalidParameterValue'],
  ['gp3 at 1,001 MiB/s', { VolumeType: 'gp3', Size: 100, Iops: 16000, Throughput: 1001 }, 'InvalidParameterValue'],
  ['gp2 with throughput', { VolumeType: 'gp2', Size: 100, Throughput: 250 }, 'InvalidParameterCombination'],
  ['gp2 with IOPS', { VolumeType: 'gp2', Size: 100, Iops: 300 }, 'InvalidParameterCombination'],
  ['io1 without IOPS', { VolumeType: 'io1', Size: 100 }, 'MissingParameter'],
  ['io1 at 50 IOPS per GiB', { VolumeType: 'io1', Size: 100, Iops: 5000 }, undefined],
  ['io1 above 50 IOPS per GiB', { VolumeType: 'io1', Size: 100, Iops: 5001 }, 'InvalidParameterValue'],
  ['io1 of 3 GiB (4 is the minimum)', { VolumeType: 'io1', Size: 3, Iops: 100 }, 'InvalidParameterValue'],
  ['io2 at 1,000 IOPS per GiB', { VolumeType: 'io2', Size: 64, Iops: 64000 }, undefined],
  ['io2 above 1,000 IOPS per GiB', { VolumeType: 'io2', Size: 64, Iops: 64001 }, 'InvalidParameterValue'],
  ['io2 of 65,536 GiB', { VolumeType: 'io2', Size: 65536, Iops: 100 }, undefined],
  ['st1 of 125 GiB', { VolumeType: 'st1', Size: 125 }, undefined],
  ['st1 of 124 GiB', { VolumeType: 'st1', Size: 124 }, 'InvalidParameterValue'],
  ['sc1 of 124 GiB', { VolumeType: 'sc1', Size: 124 }, 'InvalidParameterValue'],
  ['standard of 1,025 GiB', { VolumeType: 'standard', Size: 1025 }, 'InvalidParameterValue'],
  ['no size and no snapshot', {}, 'MissingParameter'],
  ['an unknown type', { VolumeType: 'gp4' as 'gp3', Size: 10 }, 'InvalidParameterValue'],
];

describe('CreateVolume limits per volume type', () => {
  it.each(LIMITS)('%s', (_name, input, expected) => {
    const { state, ctx } = account();
    expect(awsErrorCode(() => createVolume(state, { ...zone, ...input }, ctx))).toBe(expected);
  });

  it('needs an Availability Zone of the region', () => {
    const { state, ctx } = account();
    expect(awsErrorCode(() => createVolume(state, { Size: 8 }, ctx))).toBe('MissingParameter');
    expect(awsErrorCode(() => createVolume(state, { Size: 8, AvailabilityZone: 'eu-west-1a' }, ctx))).toBe('InvalidZone.NotFound');
    expect(awsErrorCode(() => createVolume(state, { Size: 8, AvailabilityZone: 'us-east-1z' }, ctx))).toBe('InvalidZone.NotFound');
  });

  it('reads gp3 defaults: 3,000 IOPS and 125 MiB/s', () => {
    const { state, ctx } = account();
    expect(createVolume(state, { ...zone, VolumeType: 'gp3', Size: 10 }, ctx)).toMatchObject({ Iops: 3000, Throughput: 125, State: 'available', Encrypted: false });
  });
});

// https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
describe('encryption by default', () => {
  it('encrypts new volumes and instance volumes with aws/ebs, even when the request asks for none', () => {
    const { state, ctx } = account();
    enableEbsEncryptionByDefault(state, {}, ctx);
    const volume = createVolume(state, { ...zone, Size: 8, Encrypted: false }, ctx);
    expect(volume.Encrypted).toBe(true);
    const key = Object.values(state.kms.keys)[0];
    expect(key?.KeyManager).toBe('AWS');
    expect(volume.KmsKeyId).toBe(key?.Arn);
    const subnet = Object.values(state.ec2.subnets)[0]?.SubnetId;
    const launched = runInstances(state, { ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet }, ctx).Instances[0];
    const root = launched?.BlockDeviceMappings[0]?.Ebs?.VolumeId ?? '';
    expect(describeVolumes(state, { VolumeIds: [root] }).Volumes[0]).toMatchObject({ Encrypted: true, KmsKeyId: key?.Arn });
  });

  it('leaves volumes launched before it unencrypted', () => {
    const { state, ctx } = account();
    enableEbsEncryptionByDefault(state, {}, ctx);
    expect(Object.values(state.ec2.volumes).map((v) => v.Encrypted)).toEqual([false]);
  });

  it('refuses a KmsKeyId without Encrypted', () => {
    const { state, ctx } = account();
    expect(awsErrorCode(() => createVolume(state, { ...zone, Size: 8, KmsKeyId: 'alias/aws/ebs' }, ctx))).toBe('InvalidParameterDependency');
    expect(awsErrorCode(() => createVolume(state, { ...zone, Size: 8, Encrypted: true, KmsKeyId: 'alias/nope' }, ctx))).toBe('InvalidParameterValue');
  });
});

// https://docs.aws.amazon.com/ebs/latest/userguide/ebs-attaching-volume.html and ebs-detaching-volume.html
describe('attach, detach and delete', () => {
  it('attaches within the zone at a free device and refuses to delete an attached volume', () => {
    const { state, ctx, instance } = account();
    const volume = createVolume(state, { ...zone, Size: 8 }, ctx).VolumeId;
    expect(attachVolume(state, { VolumeId: volume, InstanceId: instance, Device: '/dev/sdf' }, ctx)).toMatchObject({ State: 'attaching' });
    expect(describeVolumes(state, { VolumeIds: [volume] }).Volumes[0]?.State).toBe('in-use');
    expect(awsErrorCode(() => deleteVolume(state, { VolumeId: volume }))).toBe('VolumeInUse');
    expect(awsErrorCode(() => attachVolume(state, { VolumeId: volume, InstanceId: instance, Device: '/dev/sdg' }, ctx))).toBe('VolumeInUse');
    detachVolume(state, { VolumeId: volume }, ctx);
    expect(awsErrorCode(() => detachVolume(state, { VolumeId: volume }, ctx))).toBe('IncorrectState');
    expect(awsErrorCode(() => deleteVolume(state, { VolumeId: volume }))).toBeUndefined();
    expect(awsErrorCode(() => deleteVolume(state, { VolumeId: volume }))).toBe('InvalidVolume.NotFound');
  });

  it.each([
    ['another zone', { AvailabilityZone: 'us-east-1b' }, '/dev/sdf', 'InvalidVolume.ZoneMismatch'],
    ['the root device name', zone, '/dev/xvda', 'InvalidParameterValue'],
    ['a malformed device name', zone, 'sdf', 'InvalidParameterValue'],
  ])('refuses %s', (_name, where, device, expected) => {
    const { state, ctx, instance } = account();
    const volume = createVolume(state, { ...where, Size: 8 }, ctx).VolumeId;
    expect(awsErrorCode(() => attachVolume(state, { VolumeId: volume, InstanceId: instance, Device: device }, ctx))).toBe(expected);
  });

  it('detaches a root volume only from a stopped instance', () => {
    const { state, ctx, instance } = account();
    const root = state.ec2.instances[instance]?.BlockDeviceMappings[0]?.Ebs?.VolumeId ?? '';
    expect(awsErrorCode(() => detachVolume(state, { VolumeId: root }, ctx))).toBe('OperationNotPermitted');
    stopInstances(state, { InstanceIds: [instance] }, ctx);
    expect(detachVolume(state, { VolumeId: root }, ctx).State).toBe('detaching');
  });
});
