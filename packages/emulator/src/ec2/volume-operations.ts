import type { Ctx } from '../ctx.ts';
import { deleteRecord, getRecord, setRecord } from '../records.ts';
import { findInstance, isoNow, tagsFor } from './common.ts';
import { newEncryption, type WithEbs } from './ebs-encryption.ts';
import {
  IncorrectState,
  InvalidParameterCombination,
  InvalidParameterValue,
  InvalidSnapshotNotFound,
  InvalidVolumeNotFound,
  InvalidVolumeZoneMismatch,
  InvalidZoneNotFound,
  MissingParameter,
  OperationNotPermitted,
  VolumeInUse,
} from './errors.ts';
import type { Ec2State, Instance, Snapshot, Tag, Volume } from './state.ts';

// EBS volumes (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-volume-types.html and
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html). Volumes settle at once on the
// emulated clock: a new volume is `available`, an attached one `in-use`.

/** The size, IOPS and throughput limits of a volume type, from the CreateVolume reference. */
export interface VolumeTypeLimits {
  minSize: number;
  maxSize: number;
  /** Provisioned IOPS: the range, the most per GiB, whether required; absent when the type takes no `Iops`. */
  iops?: { min: number; max: number; perGiB: number; required: boolean; baseline?: number };
  /** gp3 only: MiB/s, and at most this many MiB/s per provisioned IOPS. */
  throughput?: { min: number; max: number; perIops: number };
}

/** Per volume type (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVolume.html, `Size` and `Iops`). */
export const VOLUME_TYPES: Readonly<Record<Volume['VolumeType'], VolumeTypeLimits>> = {
  // gp3 includes 3,000 IOPS at any size: the 500 IOPS per GiB ratio bounds only what is provisioned above it.
  gp3: { minSize: 1, maxSize: 16384, iops: { min: 3000, max: 16000, perGiB: 500, required: false, baseline: 3000 }, throughput: { min: 125, max: 1000, perIops: 0.25 } },
  gp2: { minSize: 1, maxSize: 16384 },
  io1: { minSize: 4, maxSize: 16384, iops: { min: 100, max: 64000, perGiB: 50, required: true } },
  io2: { minSize: 4, maxSize: 65536, iops: { min: 100, max: 256000, perGiB: 1000, required: true } },
  st1: { minSize: 125, maxSize: 16384 },
  sc1: { minSize: 125, maxSize: 16384 },
  standard: { minSize: 1, maxSize: 1024 },
};

/** The performance part of a volume request. */
export interface VolumeSpec {
  VolumeType?: Volume['VolumeType'];
  Size?: number;
  Iops?: number;
  Throughput?: number;
}

function checkIops(type: Volume['VolumeType'], limits: VolumeTypeLimits, size: number, iops: number | undefined): void {
  if (!limits.iops) {
    if (iops !== undefined) throw new InvalidParameterCombination(`the parameter \`Iops\` is not supported for \`${type}\` volumes`);
    return;
  }
  if (iops === undefined) {
    if (limits.iops.required) throw new MissingParameter(`the parameter \`Iops\` is required for \`${type}\` volumes`);
    return;
  }
  const { min, max, perGiB, baseline } = limits.iops;
  if (!Number.isInteger(iops) || iops < min || iops > max) throw new InvalidParameterValue(`\`Iops\` \`${iops}\` is out of range for \`${type}\`: ${min} to ${max}`);
  if (iops > Math.max(baseline ?? 0, size * perGiB)) throw new InvalidParameterValue(`\`Iops\` \`${iops}\` is more than ${perGiB} IOPS per GiB of a ${size} GiB \`${type}\` volume`);
}

function checkThroughput(type: Volume['VolumeType'], limits: VolumeTypeLimits, iops: number, throughput: number | undefined): void {
  if (throughput === undefined) return;
  if (!limits.throughput) throw new InvalidParameterCombination(`the parameter \`Throughput\` is supported only for \`gp3\` volumes, not \`${type}\``);
  const { min, max, perIops } = limits.throughput;
  if (!Number.isInteger(throughput) || throughput < min || throughput > max) throw new InvalidParameterValue(`\`Throughput\` \`${throughput}\` is out of range: ${min} to ${max} MiB/s`);
  if (throughput > iops * perIops) throw new InvalidParameterValue(`\`Throughput\` \`${throughput}\` MiB/s needs at least ${Math.ceil(throughput / perIops)} IOPS (${perIops} MiB/s per IOPS), the volume has ${iops}`);
}

/** The volume a spec describes, checked against its type's limits; the size defaults to `defaultSize`. */
export function checkVolumeSpec(spec: VolumeSpec, defaultSize: number | undefined): Pick<Volume, 'VolumeType' | 'Size' | 'Iops' | 'Throughput'> {
  const type = spec.VolumeType ?? 'gp2';
  const limits = getRecord(VOLUME_TYPES, type);
  if (!limits) throw new InvalidParameterValue(`\`${String(type)}\` is not a volume type: gp2, gp3, io1, io2, st1, sc1 or standard`);
  const size = spec.Size ?? defaultSize;
  if (size === undefined) throw new MissingParameter('the request must contain the parameter `Size` or `SnapshotId`');
  if (!Number.isInteger(size) || size < limits.minSize || size > limits.maxSize) throw new InvalidParameterValue(`volume size \`${size}\` is out of range for \`${type}\`: ${limits.minSize} to ${limits.maxSize} GiB`);
  checkIops(type, limits, size, spec.Iops);
  const iops = spec.Iops ?? limits.iops?.baseline;
  checkThroughput(type, limits, iops ?? 0, spec.Throughput);
  const volume: Pick<Volume, 'VolumeType' | 'Size' | 'Iops' | 'Throughput'> = { VolumeType: type, Size: size };
  if (iops !== undefined) volume.Iops = iops;
  if (type === 'gp3') volume.Throughput = spec.Throughput ?? 125;
  return volume;
}

/** The volume, or `InvalidVolume.NotFound`. */
export function findVolume(ec2: Ec2State, id: string): Volume {
  const volume = getRecord(ec2.volumes, id);
  if (!volume) throw new InvalidVolumeNotFound(`the volume \`${id}\` does not exist`);
  return volume;
}

/** The snapshot, or `InvalidSnapshot.NotFound`. */
export function findSnapshot(ec2: Ec2State, id: string): Snapshot {
  const snapshot = getRecord(ec2.snapshots, id);
  if (!snapshot) throw new InvalidSnapshotNotFound(`the snapshot \`${id}\` does not exist`);
  return snapshot;
}

// Zones a-f exist in the emulated region (us-east-1 has six; a zone outside is refused, never made up).
function checkZone(zone: string | undefined, ctx: Ctx): string {
  if (zone === undefined) throw new MissingParameter('the request must contain the parameter `AvailabilityZone`');
  if (!new RegExp(`^${ctx.region}[a-f]$`).test(zone)) throw new InvalidZoneNotFound(`the zone \`${zone}\` does not exist in \`${ctx.region}\``);
  return zone;
}

/** CreateVolume input as the emulator models it. */
export interface CreateVolumeInput extends VolumeSpec {
  AvailabilityZone?: string;
  SnapshotId?: string;
  Encrypted?: boolean;
  KmsKeyId?: string;
  TagSpecifications?: { ResourceType: string; Tags: Tag[] }[];
}

/** A new volume record (not stored): the spec checked, encryption from the request, the snapshot and the region's default. */
export function buildVolume(state: WithEbs, input: CreateVolumeInput, zone: string, ctx: Ctx): Volume {
  const snapshot = input.SnapshotId === undefined ? undefined : findSnapshot(state.ec2, input.SnapshotId);
  if (snapshot && input.Size !== undefined && input.Size < snapshot.VolumeSize) throw new InvalidParameterValue(`volume size \`${input.Size}\` is smaller than the snapshot's ${snapshot.VolumeSize} GiB`);
  const volume: Volume = {
    VolumeId: ctx.ids.next('vol-'),
    ...checkVolumeSpec(input, snapshot?.VolumeSize),
    ...newEncryption(state, input, snapshot, ctx),
    AvailabilityZone: zone,
    State: 'available',
    CreateTime: isoNow(ctx),
    Attachments: [],
  };
  if (snapshot) volume.SnapshotId = snapshot.SnapshotId;
  const tags = tagsFor('volume', input.TagSpecifications);
  if (tags.length > 0) volume.Tags = tags;
  return volume;
}

/** CreateVolume: a volume in an Availability Zone of the region, `gp2` unless a type is given. */
export function createVolume(state: WithEbs, input: CreateVolumeInput, ctx: Ctx): Volume {
  const volume = buildVolume(state, input, checkZone(input.AvailabilityZone, ctx), ctx);
  return { ...setRecord(state.ec2.volumes, volume.VolumeId, volume) };
}

/** DescribeVolumes: the given volumes (each must exist), or all. */
export function describeVolumes(state: WithEbs, input: { VolumeIds?: string[] } = {}): { Volumes: Volume[] } {
  const volumes = input.VolumeIds ? input.VolumeIds.map((id) => findVolume(state.ec2, id)) : Object.values(state.ec2.volumes);
  return { Volumes: volumes.map((v) => ({ ...v })) };
}

/** DeleteVolume: only an `available` volume (an attached one is `VolumeInUse`). */
export function deleteVolume(state: WithEbs, input: { VolumeId: string }): Record<string, never> {
  const volume = findVolume(state.ec2, input.VolumeId);
  if (volume.Attachments.length > 0) throw new VolumeInUse(`the volume \`${volume.VolumeId}\` is attached to \`${volume.Attachments[0]?.InstanceId}\``);
  deleteRecord(state.ec2.volumes, volume.VolumeId);
  return {};
}

// Device names EC2 accepts for EBS on Linux instances (https://docs.aws.amazon.com/ebs/latest/userguide/device_naming.html).
const DEVICE = /^\/dev\/(sd[a-z]|xvd[a-z]{1,2})$/;

/** The attachment as AttachVolume and DetachVolume answer. */
export interface VolumeAttachment {
  VolumeId: string;
  InstanceId: string;
  Device: string;
  State: 'attaching' | 'detaching';
  AttachTime: string;
}

function checkAttachable(volume: Volume, instance: Instance, device: string): void {
  if (volume.Attachments.length > 0) throw new VolumeInUse(`the volume \`${volume.VolumeId}\` is already attached to \`${volume.Attachments[0]?.InstanceId}\``);
  if (instance.State.Name !== 'running' && instance.State.Name !== 'stopped') throw new IncorrectState(`the instance \`${instance.InstanceId}\` is \`${instance.State.Name}\`: volumes attach to running or stopped instances`);
  if (volume.AvailabilityZone !== instance.Placement.AvailabilityZone) {
    throw new InvalidVolumeZoneMismatch(`the volume \`${volume.VolumeId}\` is in \`${volume.AvailabilityZone}\`, the instance in \`${instance.Placement.AvailabilityZone}\`: a volume attaches only within its zone`);
  }
  if (!DEVICE.test(device)) throw new InvalidParameterValue(`value \`${device}\` for parameter \`Device\` is invalid: use \`/dev/sd[f-p]\``);
  if (instance.BlockDeviceMappings.some((m) => m.DeviceName === device)) throw new InvalidParameterValue(`attachment point \`${device}\` is already in use on \`${instance.InstanceId}\``);
}

/** AttachVolume: an available volume to a running or stopped instance of its zone, at a free device name. */
export function attachVolume(state: WithEbs, input: { VolumeId: string; InstanceId: string; Device: string }, ctx: Ctx): VolumeAttachment {
  const volume = findVolume(state.ec2, input.VolumeId);
  const instance = findInstance(state.ec2, input.InstanceId);
  checkAttachable(volume, instance, input.Device);
  const AttachTime = isoNow(ctx);
  volume.State = 'in-use';
  volume.Attachments = [{ InstanceId: instance.InstanceId, Device: input.Device, State: 'attached', DeleteOnTermination: false }];
  instance.BlockDeviceMappings.push({ DeviceName: input.Device, Ebs: { VolumeId: volume.VolumeId, Status: 'attached', DeleteOnTermination: false, AttachTime } });
  return { VolumeId: volume.VolumeId, InstanceId: instance.InstanceId, Device: input.Device, State: 'attaching', AttachTime };
}

/** DetachVolume: an attached volume; the root volume of a running instance stays (stop the instance first). */
export function detachVolume(state: WithEbs, input: { VolumeId: string; InstanceId?: string; Device?: string }, ctx: Ctx): VolumeAttachment {
  const volume = findVolume(state.ec2, input.VolumeId);
  const attachment = volume.Attachments[0];
  if (!attachment || (input.InstanceId !== undefined && input.InstanceId !== attachment.InstanceId) || (input.Device !== undefined && input.Device !== attachment.Device)) {
    throw new IncorrectState(`the volume \`${volume.VolumeId}\` is not attached${input.InstanceId ? ` to \`${input.InstanceId}\`` : ''}`);
  }
  const instance = findInstance(state.ec2, attachment.InstanceId);
  if (attachment.Device === instance.RootDeviceName && instance.State.Name === 'running') {
    throw new OperationNotPermitted(`\`${attachment.Device}\` is the root volume of the running instance \`${instance.InstanceId}\`: stop the instance first`);
  }
  instance.BlockDeviceMappings = instance.BlockDeviceMappings.filter((m) => m.Ebs?.VolumeId !== volume.VolumeId);
  volume.State = 'available';
  volume.Attachments = [];
  return { VolumeId: volume.VolumeId, InstanceId: instance.InstanceId, Device: attachment.Device, State: 'detaching', AttachTime: isoNow(ctx) };
}
