import type { Ctx } from '../ctx.ts';
import { keyUseRefusal } from '../kms/key-access.ts';
import { deleteRecord, setRecord } from '../records.ts';
import { isoNow, tagsFor } from './common.ts';
import { ebsKey, newEncryption, type WithEbs } from './ebs-encryption.ts';
import { InvalidParameterValue, InvalidUserIDMalformed, MissingParameter, OperationNotPermitted, UnsupportedOperation } from './errors.ts';
import type { CreateVolumePermission, Snapshot, Tag } from './state.ts';
import { findSnapshot, findVolume } from './volume-operations.ts';

// EBS snapshots, their copies and who may create volumes from them
// (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html). Snapshots
// complete at once on the emulated clock. Cross-Region copies, fast snapshot restore, archiving, snapshot
// Block Public Access and `productCodes` are not modelled and fail closed.

function store(state: WithEbs, snapshot: Omit<Snapshot, 'SnapshotId' | 'State' | 'Progress' | 'StartTime' | 'OwnerId' | 'CreateVolumePermissions'>, ctx: Ctx): Snapshot {
  const stored: Snapshot = { SnapshotId: ctx.ids.next('snap-'), State: 'completed', Progress: '100%', StartTime: isoNow(ctx), OwnerId: ctx.accountId, CreateVolumePermissions: [], ...snapshot };
  if (stored.Tags?.length === 0) delete stored.Tags;
  return { ...setRecord(state.ec2.snapshots, stored.SnapshotId, stored) };
}

/** CreateSnapshot: a point-in-time copy of a volume, encrypted exactly as the volume is. */
export function createSnapshot(state: WithEbs, input: { VolumeId: string; Description?: string; TagSpecifications?: { ResourceType: string; Tags: Tag[] }[] }, ctx: Ctx): Snapshot {
  const volume = findVolume(state.ec2, input.VolumeId);
  const encryption = volume.KmsKeyId === undefined ? { Encrypted: volume.Encrypted } : { Encrypted: volume.Encrypted, KmsKeyId: volume.KmsKeyId };
  return store(state, { VolumeId: volume.VolumeId, VolumeSize: volume.Size, Description: input.Description ?? '', ...encryption, Tags: tagsFor('snapshot', input.TagSpecifications) }, ctx);
}

/**
 * CopySnapshot within the region: the copy of an encrypted snapshot stays encrypted, with the source's key
 * unless `KmsKeyId` names another (re-encryption, which is how a snapshot under `aws/ebs` becomes shareable);
 * an unencrypted one is encrypted when asked or when encryption by default is on.
 */
export function copySnapshot(state: WithEbs, input: { SourceSnapshotId: string; SourceRegion: string; Encrypted?: boolean; KmsKeyId?: string; Description?: string; TagSpecifications?: { ResourceType: string; Tags: Tag[] }[] }, ctx: Ctx): { SnapshotId: string } {
  if (input.SourceRegion !== ctx.region) throw new UnsupportedOperation(`copying from another region (\`${input.SourceRegion}\`) is not modelled: copy within \`${ctx.region}\``);
  const source = findSnapshot(state.ec2, input.SourceSnapshotId);
  const encryption = newEncryption(state, input, source, ctx);
  // A copy has the arbitrary volume id `vol-ffffffff`, which AWS says not to use (API_CopySnapshot.html).
  const copy = store(state, { VolumeId: 'vol-ffffffff', VolumeSize: source.VolumeSize, Description: input.Description ?? `Copied for DestinationSnapshot from ${source.SnapshotId}`, ...encryption, Tags: tagsFor('snapshot', input.TagSpecifications) }, ctx);
  return { SnapshotId: copy.SnapshotId };
}

/** DescribeSnapshots: the given snapshots (each must exist), or all of this account's. */
export function describeSnapshots(state: WithEbs, input: { SnapshotIds?: string[] } = {}): { Snapshots: Omit<Snapshot, 'CreateVolumePermissions'>[] } {
  const snapshots = input.SnapshotIds ? input.SnapshotIds.map((id) => findSnapshot(state.ec2, id)) : Object.values(state.ec2.snapshots);
  return { Snapshots: snapshots.map(({ CreateVolumePermissions: _permissions, ...rest }) => rest) };
}

/** DeleteSnapshot. */
export function deleteSnapshot(state: WithEbs, input: { SnapshotId: string }): Record<string, never> {
  deleteRecord(state.ec2.snapshots, findSnapshot(state.ec2, input.SnapshotId).SnapshotId);
  return {};
}

/** The input of ModifySnapshotAttribute as the emulator models it. */
export interface ModifySnapshotAttributeInput {
  SnapshotId: string;
  Attribute?: string;
  OperationType?: 'add' | 'remove';
  UserIds?: string[];
  GroupNames?: string[];
  CreateVolumePermission?: { Add?: CreateVolumePermission[]; Remove?: CreateVolumePermission[] };
}

function permissionsOf(input: ModifySnapshotAttributeInput): { add: CreateVolumePermission[]; remove: CreateVolumePermission[] } {
  if (input.CreateVolumePermission) return { add: input.CreateVolumePermission.Add ?? [], remove: input.CreateVolumePermission.Remove ?? [] };
  if (input.OperationType === undefined) throw new MissingParameter('give `CreateVolumePermission` or `OperationType` with `UserIds` or `GroupNames`');
  const listed = [...(input.UserIds ?? []).map((UserId) => ({ UserId })), ...(input.GroupNames ?? []).map((g) => ({ Group: g as 'all' }))];
  return input.OperationType === 'add' ? { add: listed, remove: [] } : { add: [], remove: listed };
}

function checkPermission(permission: CreateVolumePermission): void {
  if (permission.Group !== undefined && permission.Group !== 'all') throw new InvalidParameterValue(`the only group is \`all\`, got \`${String(permission.Group)}\``);
  if (permission.UserId !== undefined && !/^\d{12}$/.test(permission.UserId)) throw new InvalidUserIDMalformed(`user id \`${permission.UserId}\` is not twelve digits`);
  if ((permission.Group === undefined) === (permission.UserId === undefined)) throw new InvalidParameterValue('a permission names either `UserId` or `Group`');
}

// Sharing rules (ebs-modifying-snapshot-permissions.html): a snapshot encrypted with the AWS managed key cannot
// be shared at all, and an encrypted snapshot cannot be made public. Sharing one encrypted with a customer
// managed key succeeds; whether the account can use it depends on the key policy (see `snapshotVolumeAccess`).
function checkShareable(state: WithEbs, snapshot: Snapshot, add: readonly CreateVolumePermission[], ctx: Ctx): void {
  if (!snapshot.Encrypted || add.length === 0) return;
  if (add.some((p) => p.Group === 'all')) throw new OperationNotPermitted(`the snapshot \`${snapshot.SnapshotId}\` is encrypted: encrypted snapshots cannot be made public`);
  if (snapshot.KmsKeyId !== undefined && ebsKey(state, snapshot.KmsKeyId, ctx).KeyManager === 'AWS') {
    throw new OperationNotPermitted(`the snapshot \`${snapshot.SnapshotId}\` is encrypted with the AWS managed key \`aws/ebs\`, which cannot be shared: copy it with a customer managed key first`);
  }
}

const samePermission = (a: CreateVolumePermission, b: CreateVolumePermission) => a.UserId === b.UserId && a.Group === b.Group;

/** ModifySnapshotAttribute `createVolumePermission`: adds or removes accounts, or `all` (public). */
export function modifySnapshotAttribute(state: WithEbs, input: ModifySnapshotAttributeInput, ctx: Ctx): Record<string, never> {
  const snapshot = findSnapshot(state.ec2, input.SnapshotId);
  if ((input.Attribute ?? 'createVolumePermission') !== 'createVolumePermission') throw new UnsupportedOperation(`the snapshot attribute \`${input.Attribute}\` is not modelled: only \`createVolumePermission\``);
  const { add, remove } = permissionsOf(input);
  [...add, ...remove].forEach(checkPermission);
  checkShareable(state, snapshot, add, ctx);
  const kept = snapshot.CreateVolumePermissions.filter((p) => !remove.some((r) => samePermission(p, r)));
  for (const p of add) if (!kept.some((k) => samePermission(k, p))) kept.push(p.UserId !== undefined ? { UserId: p.UserId } : { Group: 'all' });
  snapshot.CreateVolumePermissions = kept;
  return {};
}

/** DescribeSnapshotAttribute `createVolumePermission`. */
export function describeSnapshotAttribute(state: WithEbs, input: { SnapshotId: string; Attribute: string }): { SnapshotId: string; CreateVolumePermissions: CreateVolumePermission[] } {
  const snapshot = findSnapshot(state.ec2, input.SnapshotId);
  if (input.Attribute !== 'createVolumePermission') throw new UnsupportedOperation(`the snapshot attribute \`${input.Attribute}\` is not modelled: only \`createVolumePermission\``);
  return { SnapshotId: snapshot.SnapshotId, CreateVolumePermissions: snapshot.CreateVolumePermissions.map((p) => ({ ...p })) };
}

/** Whether an account can create a volume from a snapshot, and why. */
export interface SnapshotVolumeAccess {
  allowed: boolean;
  reason: string;
}

/**
 * Whether `accountId` can create volumes from (or copy) the snapshot: the owner always; another account when
 * the snapshot is shared with it or public, and, for an encrypted snapshot, when the key policy lets it use the key.
 */
export function snapshotVolumeAccess(state: WithEbs, snapshotId: string, accountId: string, ctx: Ctx): SnapshotVolumeAccess {
  const snapshot = findSnapshot(state.ec2, snapshotId);
  if (accountId === snapshot.OwnerId) return { allowed: true, reason: 'the account owns the snapshot' };
  const shared = snapshot.CreateVolumePermissions.find((p) => p.UserId === accountId || p.Group === 'all');
  if (!shared) return { allowed: false, reason: `the snapshot is not shared with \`${accountId}\` nor public` };
  const how = shared.Group === 'all' ? 'the snapshot is public' : `the snapshot is shared with \`${accountId}\``;
  if (!snapshot.Encrypted || snapshot.KmsKeyId === undefined) return { allowed: true, reason: how };
  const refusal = keyUseRefusal(ebsKey(state, snapshot.KmsKeyId, ctx), accountId, ctx);
  return refusal ? { allowed: false, reason: `${how}, but ${refusal}` } : { allowed: true, reason: `${how} and the key policy lets it use the key` };
}
