import type { Ctx } from '../ctx.ts';
import { findInstance, findSubnet, isoNow, nextPublicIp, tagsFor } from './common.ts';
import {
  IncorrectInstanceState,
  InvalidAMIIDMalformed,
  InvalidKeyPairNotFound,
  InvalidParameterCombination,
  InvalidParameterValue,
  MissingParameter,
  VPCIdNotSpecified,
} from './errors.ts';
import type { WithEbs } from './ebs-encryption.ts';
import { INSTANCE_TYPES } from './instance-types.ts';
import { buildVolume, type CreateVolumeInput } from './volume-operations.ts';
import { resolveLaunchTemplate } from './launch-template-operations.ts';
import { buildNetworkInterface, removeNetworkInterface, resolveGroups } from './network-interface-operations.ts';
import { refreshRouteStates } from './route-table-operations.ts';
import type { Ec2State, Instance, InstanceBlockDeviceMapping, InstanceMetadataOptions, InstanceStateName, LaunchTemplateData, NetworkInterface, Tag, Volume, WithEc2 } from './state.ts';
import { deleteRecord, getRecord, setRecord } from '../records.ts';

// Instances and their lifecycle (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html).
// Transitions settle at once on the emulated clock: a stopped instance is stored as `stopped`, while the
// response reports the transitional state EC2 reports (`stopping`), so the API reads as AWS's does.

const STATE_CODES: Record<InstanceStateName, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };
const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;
// User data is limited to 16 KB before base64 encoding (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html).
const USER_DATA_LIMIT = 16384;

function stateOf(name: InstanceStateName): { Code: number; Name: InstanceStateName } {
  return { Code: STATE_CODES[name], Name: name };
}

/** The input of RunInstances that the emulator models. */
export interface RunInstancesInput {
  ImageId?: string;
  InstanceType?: string;
  MinCount: number;
  MaxCount: number;
  KeyName?: string;
  SubnetId?: string;
  SecurityGroupIds?: string[];
  PrivateIpAddress?: string;
  UserData?: string;
  IamInstanceProfile?: { Arn?: string; Name?: string };
  MetadataOptions?: Partial<Pick<InstanceMetadataOptions, 'HttpTokens' | 'HttpPutResponseHopLimit' | 'HttpEndpoint'>>;
  BlockDeviceMappings?: { DeviceName: string; VirtualName?: string; Ebs?: { VolumeSize?: number; VolumeType?: Volume['VolumeType']; Encrypted?: boolean; KmsKeyId?: string; DeleteOnTermination?: boolean; Iops?: number } }[];
  NetworkInterfaces?: { DeviceIndex: number; SubnetId?: string; Groups?: string[]; AssociatePublicIpAddress?: boolean }[];
  LaunchTemplate?: { LaunchTemplateId?: string; LaunchTemplateName?: string; Version?: string };
  CreditSpecification?: { CpuCredits: 'standard' | 'unlimited' };
  TagSpecifications?: { ResourceType: string; Tags: Tag[] }[];
}

function base64Length(text: string): number {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new InvalidParameterValue('`UserData` must be base64 encoded');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

function metadataOptions(input: RunInstancesInput['MetadataOptions']): InstanceMetadataOptions {
  const hopLimit = input?.HttpPutResponseHopLimit ?? 1;
  if (!Number.isInteger(hopLimit) || hopLimit < 1 || hopLimit > 64) throw new InvalidParameterValue(`\`HttpPutResponseHopLimit\` must be 1 to 64, got \`${hopLimit}\``);
  // Without an AMI that declares `ImdsSupport: v2.0`, EC2 defaults `HttpTokens` to `optional` (IMDSv1 still allowed).
  return { HttpTokens: input?.HttpTokens ?? 'optional', HttpPutResponseHopLimit: hopLimit, HttpEndpoint: input?.HttpEndpoint ?? 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled', State: 'applied' };
}

function defaultSubnetId(ec2: Ec2State): string {
  const vpc = Object.values(ec2.vpcs).find((v) => v.IsDefault);
  const subnet = vpc ? Object.values(ec2.subnets).find((s) => s.VpcId === vpc.VpcId && s.DefaultForAz) : undefined;
  if (!subnet) throw new VPCIdNotSpecified('no default vpc for this user: give `SubnetId`');
  return subnet.SubnetId;
}

function merged(input: RunInstancesInput, template: LaunchTemplateData | undefined): RunInstancesInput {
  if (!template) return input;
  return {
    ...input,
    ImageId: input.ImageId ?? template.ImageId,
    InstanceType: input.InstanceType ?? template.InstanceType,
    KeyName: input.KeyName ?? template.KeyName,
    SecurityGroupIds: input.SecurityGroupIds ?? template.SecurityGroupIds,
    UserData: input.UserData ?? template.UserData,
    IamInstanceProfile: input.IamInstanceProfile ?? template.IamInstanceProfile,
    MetadataOptions: input.MetadataOptions ?? template.MetadataOptions,
    NetworkInterfaces: input.NetworkInterfaces ?? template.NetworkInterfaces,
    BlockDeviceMappings: input.BlockDeviceMappings ?? template.BlockDeviceMappings,
  };
}

// Root and mapped volumes follow CreateVolume's limits and encryption rules: with encryption by default on,
// every launched volume is encrypted with the region's default key (encryption-by-default.html).
function addVolume(state: WithEbs, instance: Instance, device: string, ebs: NonNullable<NonNullable<RunInstancesInput['BlockDeviceMappings']>[number]['Ebs']>, ctx: Ctx): InstanceBlockDeviceMapping {
  const deleteOnTermination = ebs.DeleteOnTermination ?? true;
  const spec: CreateVolumeInput = { VolumeType: ebs.VolumeType ?? 'gp3', Size: ebs.VolumeSize ?? 8 };
  if (ebs.Iops !== undefined) spec.Iops = ebs.Iops;
  if (ebs.Encrypted !== undefined) spec.Encrypted = ebs.Encrypted;
  if (ebs.KmsKeyId !== undefined) spec.KmsKeyId = ebs.KmsKeyId;
  const volume = buildVolume(state, spec, instance.Placement.AvailabilityZone, ctx);
  volume.State = 'in-use';
  volume.Attachments = [{ InstanceId: instance.InstanceId, Device: device, State: 'attached', DeleteOnTermination: deleteOnTermination }];
  setRecord(state.ec2.volumes, volume.VolumeId, volume);
  return { DeviceName: device, Ebs: { VolumeId: volume.VolumeId, Status: 'attached', DeleteOnTermination: deleteOnTermination, AttachTime: isoNow(ctx) } };
}

/** The instance as DescribeInstances shows it: addresses and interfaces read from its network interfaces. */
export function instanceView(ec2: Ec2State, instance: Instance): Instance & { PrivateIpAddress?: string; PublicIpAddress?: string; NetworkInterfaces: NetworkInterface[] } {
  const enis = instance.NetworkInterfaceIds.flatMap((id) => getRecord(ec2.networkInterfaces, id) ?? []);
  const primary = enis[0];
  const view: Instance & { PrivateIpAddress?: string; PublicIpAddress?: string; NetworkInterfaces: NetworkInterface[] } = { ...instance, NetworkInterfaces: enis };
  if (primary) view.PrivateIpAddress = primary.PrivateIpAddress;
  if (primary?.Association) view.PublicIpAddress = primary.Association.PublicIp;
  return view;
}

/**
 * RunInstances: `MaxCount` instances in one subnet (the given one, the first interface's, or the default
 * VPC's), each with a primary interface, a root volume and the requested EBS volumes. A public IPv4
 * address comes from `AssociatePublicIpAddress` or else the subnet's `MapPublicIpOnLaunch`.
 */
export function runInstances(state: WithEbs, rawInput: RunInstancesInput, ctx: Ctx): { ReservationId: string; OwnerId: string; Instances: ReturnType<typeof instanceView>[] } {
  const ec2 = state.ec2;
  const template = rawInput.LaunchTemplate ? resolveLaunchTemplate(ec2, rawInput.LaunchTemplate) : undefined;
  const input = merged(rawInput, template?.data);
  if (!input.ImageId) throw new MissingParameter('the request must contain the parameter `ImageId`');
  if (!AMI_ID.test(input.ImageId)) throw new InvalidAMIIDMalformed(`invalid id: \`${input.ImageId}\``);
  if (!input.InstanceType) throw new MissingParameter('the request must contain the parameter `InstanceType`');
  const type = getRecord(INSTANCE_TYPES, input.InstanceType);
  if (!type) throw new InvalidParameterValue(`the instance type \`${input.InstanceType}\` is not in the emulator's catalogue`);
  if (!Number.isInteger(input.MinCount) || !Number.isInteger(input.MaxCount) || input.MinCount < 1 || input.MaxCount < input.MinCount) {
    throw new InvalidParameterValue('`MinCount` must be at least 1 and at most `MaxCount`');
  }
  if (input.KeyName !== undefined && !Object.values(ec2.keyPairs).some((k) => k.KeyName === input.KeyName)) {
    throw new InvalidKeyPairNotFound(`the key pair \`${input.KeyName}\` does not exist`);
  }
  if (input.UserData !== undefined && base64Length(input.UserData) > USER_DATA_LIMIT) throw new InvalidParameterValue('user data is limited to 16384 bytes');
  const primarySpec = input.NetworkInterfaces?.find((n) => n.DeviceIndex === 0);
  if (primarySpec && (input.SubnetId !== undefined || input.SecurityGroupIds !== undefined)) {
    throw new InvalidParameterCombination('network interfaces and an instance-level subnet or security groups cannot be specified on the same request');
  }
  const subnet = findSubnet(ec2, primarySpec?.SubnetId ?? input.SubnetId ?? defaultSubnetId(ec2));
  const groups = resolveGroups(ec2, subnet.VpcId, primarySpec?.Groups ?? input.SecurityGroupIds);
  if (input.PrivateIpAddress !== undefined && input.MaxCount > 1) throw new InvalidParameterCombination('a fixed `PrivateIpAddress` allows only one instance');
  const metadata = metadataOptions(input.MetadataOptions);
  const publicIp = primarySpec?.AssociatePublicIpAddress ?? subnet.MapPublicIpOnLaunch;
  const profileArn = input.IamInstanceProfile?.Arn ?? (input.IamInstanceProfile?.Name ? `arn:aws:iam::${ctx.accountId}:instance-profile/${input.IamInstanceProfile.Name}` : undefined);
  const ReservationId = ctx.ids.next('r-');
  const launched: ReturnType<typeof instanceView>[] = [];
  for (let i = 0; i < input.MaxCount; i++) {
    const InstanceId = ctx.ids.next('i-');
    const eni = buildNetworkInterface(ec2, subnet, { PrivateIpAddress: input.PrivateIpAddress, Groups: groups.map((g) => ({ ...g })), Description: '' }, ctx);
    eni.Status = 'in-use';
    eni.Attachment = { AttachmentId: ctx.ids.next('eni-attach-'), InstanceId, DeviceIndex: 0, Status: 'attached', DeleteOnTermination: true };
    if (publicIp) eni.Association = { PublicIp: nextPublicIp(ec2), IpOwnerId: 'amazon' };
    const instance: Instance = {
      InstanceId,
      ImageId: input.ImageId,
      InstanceType: type.InstanceType,
      State: stateOf('running'),
      StateTransitionReason: '',
      SubnetId: subnet.SubnetId,
      VpcId: subnet.VpcId,
      Placement: { AvailabilityZone: subnet.AvailabilityZone, Tenancy: 'default' },
      LaunchTime: isoNow(ctx),
      NetworkInterfaceIds: [eni.NetworkInterfaceId],
      SecurityGroups: groups.map((g) => ({ ...g })),
      BlockDeviceMappings: [],
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      MetadataOptions: metadata,
      AssociatePublicIpAddress: publicIp,
      Tags: tagsFor('instance', input.TagSpecifications),
    };
    if (input.KeyName !== undefined) instance.KeyName = input.KeyName;
    if (input.UserData !== undefined) instance.UserData = input.UserData;
    if (profileArn) instance.IamInstanceProfile = { Arn: profileArn };
    if (template) instance.LaunchTemplate = { LaunchTemplateId: template.id, Version: String(template.version) };
    if (type.BurstCredits) instance.CreditSpecification = { CpuCredits: input.CreditSpecification?.CpuCredits ?? type.BurstCredits.DefaultCreditOption };
    const mappings = input.BlockDeviceMappings ?? [];
    const root = mappings.find((m) => m.DeviceName === instance.RootDeviceName);
    instance.BlockDeviceMappings.push(addVolume(state, instance, instance.RootDeviceName, root?.Ebs ?? {}, ctx));
    for (const mapping of mappings) {
      if (mapping === root) continue;
      if (mapping.VirtualName !== undefined) {
        // Instance store volumes exist only on types with local storage; their data is lost on stop.
        if (!type.InstanceStorageSupported) throw new InvalidParameterValue(`instance type \`${type.InstanceType}\` has no instance store for \`${mapping.VirtualName}\``);
        instance.BlockDeviceMappings.push({ DeviceName: mapping.DeviceName, VirtualName: mapping.VirtualName });
      } else if (mapping.Ebs) {
        instance.BlockDeviceMappings.push(addVolume(state, instance, mapping.DeviceName, mapping.Ebs, ctx));
      }
    }
    setRecord(ec2.instances, InstanceId, instance);
    launched.push({ ...instanceView(ec2, instance), State: stateOf('pending') });
  }
  return { ReservationId, OwnerId: ctx.accountId, Instances: launched };
}

/** DescribeInstances: one reservation per instance, with addresses read from the interfaces. */
export function describeInstances(state: WithEc2, input: { InstanceIds?: string[] } = {}): { Reservations: { Instances: ReturnType<typeof instanceView>[] }[] } {
  const ec2 = state.ec2;
  const instances = input.InstanceIds ? input.InstanceIds.map((id) => findInstance(ec2, id)) : Object.values(ec2.instances);
  return { Reservations: instances.map((i) => ({ Instances: [instanceView(ec2, i)] })) };
}

type StateChange = { InstanceId: string; CurrentState: { Code: number; Name: InstanceStateName }; PreviousState: { Code: number; Name: InstanceStateName } };

function change(instance: Instance, previous: InstanceStateName, reported: InstanceStateName): StateChange {
  return { InstanceId: instance.InstanceId, PreviousState: stateOf(previous), CurrentState: stateOf(reported) };
}

function primaryInterface(ec2: Ec2State, instance: Instance): NetworkInterface | undefined {
  const id = instance.NetworkInterfaceIds[0];
  return id ? getRecord(ec2.networkInterfaces, id) : undefined;
}

/**
 * StopInstances: the Amazon-owned public IPv4 address is released (an Elastic IP stays), and instance store
 * data is lost (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Stop_Start.html).
 */
export function stopInstances(state: WithEc2, input: { InstanceIds: string[] }, ctx: Ctx): { StoppingInstances: StateChange[] } {
  const ec2 = state.ec2;
  const instances = input.InstanceIds.map((id) => findInstance(ec2, id));
  for (const instance of instances) {
    if (instance.State.Name === 'terminated' || instance.State.Name === 'shutting-down') {
      throw new IncorrectInstanceState(`this instance \`${instance.InstanceId}\` is not in a state from which it can be stopped`);
    }
  }
  const changes = instances.map((instance) => {
    const previous = instance.State.Name;
    if (previous === 'stopped') return change(instance, previous, 'stopped');
    instance.State = stateOf('stopped');
    instance.StateTransitionReason = `User initiated (${isoNow(ctx).replace('T', ' ').slice(0, 19)} GMT)`;
    const eni = primaryInterface(ec2, instance);
    if (eni?.Association?.IpOwnerId === 'amazon') delete eni.Association;
    return change(instance, previous, 'stopping');
  });
  refreshRouteStates(ec2);
  return { StoppingInstances: changes };
}

/** StartInstances: an instance launched with a public IPv4 gets a new one unless it holds an Elastic IP. */
export function startInstances(state: WithEc2, input: { InstanceIds: string[] }): { StartingInstances: StateChange[] } {
  const ec2 = state.ec2;
  const instances = input.InstanceIds.map((id) => findInstance(ec2, id));
  for (const instance of instances) {
    if (instance.State.Name === 'terminated' || instance.State.Name === 'shutting-down' || instance.State.Name === 'stopping') {
      throw new IncorrectInstanceState(`the instance \`${instance.InstanceId}\` is not in a state from which it can be started`);
    }
  }
  const changes = instances.map((instance) => {
    const previous = instance.State.Name;
    if (previous === 'running') return change(instance, previous, 'running');
    instance.State = stateOf('running');
    instance.StateTransitionReason = '';
    const eni = primaryInterface(ec2, instance);
    if (eni && !eni.Association && instance.AssociatePublicIpAddress) eni.Association = { PublicIp: nextPublicIp(ec2), IpOwnerId: 'amazon' };
    return change(instance, previous, 'pending');
  });
  refreshRouteStates(ec2);
  return { StartingInstances: changes };
}

/**
 * TerminateInstances: final. Interfaces and volumes marked delete-on-termination go, others are detached;
 * an Elastic IP is disassociated and stays allocated (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html).
 */
export function terminateInstances(state: WithEc2, input: { InstanceIds: string[] }, ctx: Ctx): { TerminatingInstances: StateChange[] } {
  const ec2 = state.ec2;
  const instances = input.InstanceIds.map((id) => findInstance(ec2, id));
  const changes = instances.map((instance) => {
    const previous = instance.State.Name;
    if (previous === 'terminated') return change(instance, previous, 'terminated');
    instance.State = stateOf('terminated');
    instance.StateTransitionReason = `User initiated (${isoNow(ctx).replace('T', ' ').slice(0, 19)} GMT)`;
    for (const id of instance.NetworkInterfaceIds) {
      const eni = getRecord(ec2.networkInterfaces, id);
      if (!eni) continue;
      if (eni.Attachment?.DeleteOnTermination) {
        removeNetworkInterface(ec2, eni);
      } else {
        delete eni.Attachment;
        eni.Status = 'available';
        if (eni.Association?.IpOwnerId === 'amazon') delete eni.Association;
      }
    }
    for (const mapping of instance.BlockDeviceMappings) {
      const volume = mapping.Ebs ? getRecord(ec2.volumes, mapping.Ebs.VolumeId) : undefined;
      if (!volume) continue;
      if (mapping.Ebs?.DeleteOnTermination) deleteRecord(ec2.volumes, volume.VolumeId);
      else {
        volume.State = 'available';
        volume.Attachments = [];
      }
    }
    instance.NetworkInterfaceIds = [];
    instance.BlockDeviceMappings = [];
    return change(instance, previous, 'shutting-down');
  });
  refreshRouteStates(ec2);
  return { TerminatingInstances: changes };
}

/** ModifyInstanceMetadataOptions: require IMDSv2 tokens, change the hop limit, or switch the endpoint off. */
export function modifyInstanceMetadataOptions(
  state: WithEc2,
  input: { InstanceId: string } & Partial<Pick<InstanceMetadataOptions, 'HttpTokens' | 'HttpPutResponseHopLimit' | 'HttpEndpoint'>>,
): { InstanceId: string; InstanceMetadataOptions: InstanceMetadataOptions } {
  const instance = findInstance(state.ec2, input.InstanceId);
  if (instance.State.Name === 'terminated') throw new IncorrectInstanceState(`the instance \`${instance.InstanceId}\` is terminated`);
  instance.MetadataOptions = metadataOptions({
    HttpTokens: input.HttpTokens ?? instance.MetadataOptions.HttpTokens,
    HttpPutResponseHopLimit: input.HttpPutResponseHopLimit ?? instance.MetadataOptions.HttpPutResponseHopLimit,
    HttpEndpoint: input.HttpEndpoint ?? instance.MetadataOptions.HttpEndpoint,
  });
  return { InstanceId: instance.InstanceId, InstanceMetadataOptions: instance.MetadataOptions };
}
