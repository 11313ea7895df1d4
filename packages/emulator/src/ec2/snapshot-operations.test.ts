import { describe, expect, it } from 'vitest';
import { createKey } from '../kms/operations.ts';
import { emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { enableEbsEncryptionByDefault, getEbsDefaultKmsKeyId, modifyEbsDefaultKmsKeyId } from './ebs-encryption.ts';
import { copySnapshot, createSnapshot, describeSnapshotAttribute, modifySnapshotAttribute, snapshotVolumeAccess } from './snapshot-operations.ts';
import { createVolume } from './volume-operations.ts';

const PARTNER = '444455556666';
const STRANGER = '777788889999';

function keyPolicy(accounts: string[], actions: string[] = ['kms:DescribeKey', 'kms:CreateGrant', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*']): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
      { Effect: 'Allow', Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) }, Action: actions, Resource: '*' },
    ],
  });
}

function account(encrypted: boolean) {
  const ctx = testCtx();
  const state = emptyAccountState();
  const volume = createVolume(state, { AvailabilityZone: 'us-east-1a', Size: 20, Encrypted: encrypted }, ctx).VolumeId;
  const snapshot = createSnapshot(state, { VolumeId: volume }, ctx).SnapshotId;
  return { ctx, state, snapshot };
}

describe('CreateSnapshot and CopySnapshot', () => {
  it('keeps the volume encryption, and re-encrypts a copy with the key given', () => {
    const { state, ctx, snapshot } = account(true);
    const managed = Object.values(state.kms.keys)[0];
    expect(state.ec2.snapshots[snapshot]).toMatchObject({ Encrypted: true, KmsKeyId: managed?.Arn, VolumeSize: 20, State: 'completed' });
    const key = createKey(state, { Policy: keyPolicy([PARTNER]) }, ctx).KeyMetadata;
    const copy = copySnapshot(state, { SourceSnapshotId: snapshot, SourceRegion: 'us-east-1', Encrypted: true, KmsKeyId: key.KeyId }, ctx).SnapshotId;
    expect(state.ec2.snapshots[copy]).toMatchObject({ Encrypted: true, KmsKeyId: key.Arn });
  });

  // https://docs.aws.amazon.com/ebs/latest/userguide/ebs-copy-snapshot.html: the copy of an encrypted snapshot cannot be unencrypted.
  it('never decrypts on copy, encrypts with the default when it is on, and refuses another region', () => {
    const { state, ctx, snapshot } = account(true);
    expect(state.ec2.snapshots[copySnapshot(state, { SourceSnapshotId: snapshot, SourceRegion: 'us-east-1', Encrypted: false }, ctx).SnapshotId]?.Encrypted).toBe(true);
    const plain = account(false);
    expect(plain.state.ec2.snapshots[copySnapshot(plain.state, { SourceSnapshotId: plain.snapshot, SourceRegion: 'us-east-1' }, plain.ctx).SnapshotId]?.Encrypted).toBe(false);
    enableEbsEncryptionByDefault(plain.state, {}, plain.ctx);
    expect(plain.state.ec2.snapshots[copySnapshot(plain.state, { SourceSnapshotId: plain.snapshot, SourceRegion: 'us-east-1' }, plain.ctx).SnapshotId]?.Encrypted).toBe(true);
    expect(awsErrorCode(() => copySnapshot(state, { SourceSnapshotId: snapshot, SourceRegion: 'eu-west-1' }, ctx))).toBe('UnsupportedOperation');
    expect(awsErrorCode(() => copySnapshot(state, { SourceSnapshotId: 'snap-0123', SourceRegion: 'us-east-1' }, ctx))).toBe('InvalidSnapshot.NotFound');
  });

  it('uses the default KMS key set for the region', () => {
    const ctx = testCtx();
    const state = emptyAccountState();
    const key = createKey(state, {}, ctx).KeyMetadata;
    enableEbsEncryptionByDefault(state, {}, ctx);
    modifyEbsDefaultKmsKeyId(state, { KmsKeyId: key.Arn }, ctx);
    expect(getEbsDefaultKmsKeyId(state, {}, ctx).KmsKeyId).toBe(key.Arn);
    expect(createVolume(state, { AvailabilityZone: 'us-east-1a', Size: 8 }, ctx).KmsKeyId).toBe(key.Arn);
    expect(awsErrorCode(() => modifyEbsDefaultKmsKeyId(state, { KmsKeyId: 'alias/missing' }, ctx))).toBe('InvalidParameterValue');
  });
});

// https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html
describe('ModifySnapshotAttribute createVolumePermission', () => {
  it('shares an unencrypted snapshot with an account or everyone, and takes it back', () => {
    const { state, ctx, snapshot } = account(false);
    modifySnapshotAttribute(state, { SnapshotId: snapshot, Attribute: 'createVolumePermission', OperationType: 'add', UserIds: [PARTNER] }, ctx);
    expect(snapshotVolumeAccess(state, snapshot, PARTNER, ctx).allowed).toBe(true);
    expect(snapshotVolumeAccess(state, snapshot, STRANGER, ctx).allowed).toBe(false);
    modifySnapshotAttribute(state, { SnapshotId: snapshot, CreateVolumePermission: { Add: [{ Group: 'all' }], Remove: [{ UserId: PARTNER }] } }, ctx);
    expect(describeSnapshotAttribute(state, { SnapshotId: snapshot, Attribute: 'createVolumePermission' }).CreateVolumePermissions).toEqual([{ Group: 'all' }]);
    expect(snapshotVolumeAccess(state, snapshot, STRANGER, ctx)).toEqual({ allowed: true, reason: 'the snapshot is public' });
  });

  it('refuses to share a snapshot encrypted with aws/ebs, and to make an encrypted snapshot public', () => {
    const { state, ctx, snapshot } = account(true);
    expect(awsErrorCode(() => modifySnapshotAttribute(state, { SnapshotId: snapshot, OperationType: 'add', UserIds: [PARTNER] }, ctx))).toBe('OperationNotPermitted');
    const key = createKey(state, { Policy: keyPolicy([PARTNER]) }, ctx).KeyMetadata;
    const copy = copySnapshot(state, { SourceSnapshotId: snapshot, SourceRegion: 'us-east-1', Encrypted: true, KmsKeyId: key.KeyId }, ctx).SnapshotId;
    expect(awsErrorCode(() => modifySnapshotAttribute(state, { SnapshotId: copy, OperationType: 'add', GroupNames: ['all'] }, ctx))).toBe('OperationNotPermitted');
    expect(awsErrorCode(() => modifySnapshotAttribute(state, { SnapshotId: copy, OperationType: 'add', UserIds: ['4444'] }, ctx))).toBe('InvalidUserID.Malformed');
    expect(awsErrorCode(() => modifySnapshotAttribute(state, { SnapshotId: copy, Attribute: 'productCodes', OperationType: 'add', UserIds: [PARTNER] }, ctx))).toBe('UnsupportedOperation');
  });

  it.each([
    ['the key policy allows the partner', keyPolicy([PARTNER]), true],
    ['the key policy names another account', keyPolicy([STRANGER]), false],
    ['the key policy misses kms:CreateGrant', keyPolicy([PARTNER], ['kms:DescribeKey', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*']), false],
    ['the key has the default policy (its own account only)', undefined, false],
  ])('a snapshot under a customer managed key is usable by the partner when %s', (_name, policy, allowed) => {
    const { state, ctx, snapshot } = account(true);
    const key = createKey(state, policy === undefined ? {} : { Policy: policy }, ctx).KeyMetadata;
    const copy = copySnapshot(state, { SourceSnapshotId: snapshot, SourceRegion: 'us-east-1', Encrypted: true, KmsKeyId: key.Arn }, ctx).SnapshotId;
    modifySnapshotAttribute(state, { SnapshotId: copy, OperationType: 'add', UserIds: [PARTNER] }, ctx);
    expect(snapshotVolumeAccess(state, copy, PARTNER, ctx).allowed).toBe(allowed);
    expect(snapshotVolumeAccess(state, copy, '111122223333', ctx).allowed).toBe(true);
  });
});
