import { ec2Actions, type Ec2ActionName } from '../ec2/actions.ts';
import { DryRunOperation, InvalidParameterValue } from '../ec2/errors.ts';
import type { Ec2State, Tag } from '../ec2/state.ts';
import { getRecord } from '../records.ts';
import type { AccountState } from '../state.ts';
import { describePage, type DescribeParams } from './ec2-describe.ts';
import { EC2_DESCRIBE_LISTS } from './ec2-filters.ts';
import type { FieldSpec, InputSpec } from './input.ts';
import { EC2_API_OPERATIONS } from './ec2-api-operations.ts';
import { ec2Protocol } from './protocols/ec2-protocol.ts';
import type { ActionBinding, WireCtx, WireOperation, WireService } from './types.ts';

// How each EC2 action meets the wire: the parameters it reads (EC2 API reference, e.g.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html) and the resource it is
// authorized on (Service Authorization Reference:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html). The handler checks
// one resource per call: an action on an existing resource is checked on it, a create on `type/*`, a call
// naming several resources on `type/*` (a policy naming one of them does not match: fail closed), and the
// Describe and account-level calls, which have no resource type, on `*`.

type Input = Record<string, unknown>;
type Resource = NonNullable<ActionBinding['resource']>;

const S: FieldSpec = 'string';
const R: FieldSpec = 'string!';
const I: FieldSpec = 'integer';
const B: FieldSpec = 'boolean';
const list = (item: FieldSpec, required = false): FieldSpec => ({ list: item, required });
const struct = (spec: InputSpec, required = false): FieldSpec => ({ struct: spec, required });

const TAG_SPECIFICATIONS = list(struct({ ResourceType: R, Tags: list(struct({ Key: R, Value: S })) }));
const FILTERS = list(struct({ Name: R, Values: list(S) }));
const FILTERED: InputSpec = { Filters: FILTERS };
const PAGED: InputSpec = { Filters: FILTERS, MaxResults: I, NextToken: S };
const ROUTE: InputSpec = { RouteTableId: R, DestinationCidrBlock: S, DestinationIpv6CidrBlock: S };
const ROUTE_TARGET: InputSpec = { GatewayId: S, NatGatewayId: S, NetworkInterfaceId: S, InstanceId: S };
const IP_PERMISSIONS = list(
  struct({
    IpProtocol: R,
    FromPort: I,
    ToPort: I,
    IpRanges: list(struct({ CidrIp: R, Description: S })),
    Ipv6Ranges: list(struct({ CidrIpv6: R, Description: S })),
    UserIdGroupPairs: list(struct({ GroupId: R, UserId: S, Description: S })),
    PrefixListIds: list(struct({ PrefixListId: R, Description: S })),
  }),
  true,
);
const RULE: InputSpec = { GroupId: R, IpPermissions: IP_PERMISSIONS };
const ACL_ENTRY: InputSpec = {
  NetworkAclId: R,
  RuleNumber: 'integer!',
  Egress: 'boolean!',
  Protocol: R,
  RuleAction: R,
  CidrBlock: S,
  Ipv6CidrBlock: S,
  PortRange: struct({ From: I, To: I }),
  IcmpTypeCode: struct({ Code: I, Type: I }),
};
const METADATA_OPTIONS: InputSpec = { HttpTokens: S, HttpPutResponseHopLimit: I, HttpEndpoint: S };
const EBS = struct({ VolumeSize: I, VolumeType: S, Encrypted: B, KmsKeyId: S, DeleteOnTermination: B, Iops: I });
const BLOCK_DEVICE_MAPPINGS = list(struct({ DeviceName: R, VirtualName: S, Ebs: EBS }));
const NETWORK_INTERFACES = list(struct({ DeviceIndex: I, SubnetId: S, Groups: list(S), AssociatePublicIpAddress: B }));
const TEMPLATE: InputSpec = { LaunchTemplateId: S, LaunchTemplateName: S };
const LAUNCH_TEMPLATE_DATA = struct(
  {
    ImageId: S,
    InstanceType: S,
    KeyName: S,
    SecurityGroupIds: list(S),
    UserData: S,
    IamInstanceProfile: struct({ Arn: S }),
    MetadataOptions: struct(METADATA_OPTIONS),
    NetworkInterfaces: NETWORK_INTERFACES,
    BlockDeviceMappings: BLOCK_DEVICE_MAPPINGS,
  },
  true,
);
const PERMISSIONS = list(struct({ UserId: S, Group: S }));
const VOLUME: InputSpec = { AvailabilityZone: S, Size: I, VolumeType: S, Iops: I, Throughput: I, SnapshotId: S, Encrypted: B, KmsKeyId: S, TagSpecifications: TAG_SPECIFICATIONS, ClientToken: S };

function arn(ctx: WireCtx, type: string, id: string): string {
  // Snapshots are the one EC2 resource whose ARN has no account (list_amazonec2.html, resource type `snapshot`).
  return `arn:aws:ec2:${ctx.region}:${type === 'snapshot' ? '' : ctx.accountId}:${type}/${id}`;
}
// Where each resource type is kept, for the condition keys of an existing resource.
const COLLECTIONS: Readonly<Record<string, keyof Ec2State>> = {
  vpc: 'vpcs',
  subnet: 'subnets',
  'route-table': 'routeTables',
  'internet-gateway': 'internetGateways',
  natgateway: 'natGateways',
  'elastic-ip': 'addresses',
  'security-group': 'securityGroups',
  'network-acl': 'networkAcls',
  'network-interface': 'networkInterfaces',
  instance: 'instances',
  volume: 'volumes',
  snapshot: 'snapshots',
};

// An existing resource's tags are `aws:ResourceTag/<key>` (and EC2's older `ec2:ResourceTag/<key>`), its VPC
// `ec2:Vpc` (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/control-access-with-tags.html, list_amazonec2.html).
function resourceKeys(state: AccountState, ctx: WireCtx, type: string, id: string): Record<string, string> {
  const collection = Object.hasOwn(COLLECTIONS, type) ? COLLECTIONS[type] : undefined;
  const record = collection ? getRecord(state.ec2[collection] as Record<string, { Tags?: Tag[]; VpcId?: string }>, id) : undefined;
  const keys: Record<string, string> = {};
  for (const tag of record?.Tags ?? []) {
    keys[`aws:ResourceTag/${tag.Key}`] = tag.Value;
    keys[`ec2:ResourceTag/${tag.Key}`] = tag.Value;
  }
  const vpcId = type === 'vpc' ? (record ? id : undefined) : record?.VpcId;
  if (vpcId !== undefined) keys['ec2:Vpc'] = arn(ctx, 'vpc', vpcId);
  return keys;
}

/** An action on the existing resource whose id is the input's `member`: its ARN, tags and VPC. */
const on = (type: string, member: string): Pick<ActionBinding, 'resource' | 'context'> => ({
  resource: (input, ctx) => arn(ctx, type, String(input[member])),
  context: (input, ctx, state) => resourceKeys(state, ctx, type, String(input[member])),
});
const creates =
  (type: string): Resource =>
  (_input, ctx) =>
    arn(ctx, type, '*');
const anywhere: Resource = () => '*';
const onEach = (type: string, member: string): Pick<ActionBinding, 'resource' | 'context'> => {
  const only = (input: Input) => ((input[member] as string[]).length === 1 ? (input[member] as string[])[0] : undefined);
  return {
    resource: (input, ctx) => arn(ctx, type, only(input) ?? '*'),
    context: (input, ctx, state) => {
      const id = only(input);
      return id === undefined ? {} : resourceKeys(state, ctx, type, id);
    },
  };
};

function routeTableOfAssociation(state: AccountState, associationId: unknown): string {
  const table = Object.values(state.ec2.routeTables).find((t) => t.Associations.some((a) => a.RouteTableAssociationId === associationId));
  return table?.RouteTableId ?? '*';
}
function templateId(state: AccountState, input: Input): string {
  if (input.LaunchTemplateId !== undefined) return String(input.LaunchTemplateId);
  return Object.values(state.ec2.launchTemplates).find((t) => t.LaunchTemplateName === input.LaunchTemplateName)?.LaunchTemplateId ?? '*';
}
const onTemplate: Resource = (input, ctx, state) => arn(ctx, 'launch-template', templateId(state, input));
function addressOfAssociation(state: AccountState, associationId: unknown): string {
  return Object.values(state.ec2.addresses).find((a) => a.AssociationId === associationId)?.AllocationId ?? '*';
}

// Tags requested at creation are `aws:RequestTag/<key>` and `aws:TagKeys` (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/supported-iam-actions-tagging.html).
function requestTags(input: Input): Record<string, string | string[]> {
  const specs = (input.TagSpecifications as { Tags?: { Key: string; Value?: string }[] }[] | undefined) ?? [];
  const tags = specs.flatMap((s) => s.Tags ?? []);
  const keys: Record<string, string | string[]> = tags.length > 0 ? { 'aws:TagKeys': tags.map((t) => t.Key) } : {};
  for (const tag of tags) keys[`aws:RequestTag/${tag.Key}`] = tag.Value ?? '';
  return keys;
}
const withTags = (spec: InputSpec): InputSpec => ({ ...spec, TagSpecifications: TAG_SPECIFICATIONS });
// A tag's value may be left out on the wire and means the empty string.
const tagged = (input: Input): Input =>
  input.TagSpecifications === undefined
    ? input
    : { ...input, TagSpecifications: (input.TagSpecifications as { Tags?: { Value?: string }[] }[]).map((s) => ({ ...s, Tags: (s.Tags ?? []).map((t) => ({ ...t, Value: t.Value ?? '' })) })) };
// A create in a VPC names it as `ec2:Vpc`.
const creationKeys = (input: Input, ctx: WireCtx): Record<string, string | string[]> => ({
  ...requestTags(input),
  ...(input.VpcId !== undefined ? { 'ec2:Vpc': arn(ctx, 'vpc', String(input.VpcId)) } : {}),
});
const creating = (type: string, spec: InputSpec, extra: Partial<ActionBinding> = {}): ActionBinding => ({
  input: withTags(spec),
  resource: creates(type),
  prepare: tagged,
  context: creationKeys,
  ...extra,
});
// A member EC2 sends under another name than the emulator's (`GroupDescription` for `Description`).
const renaming =
  (from: string, to: string) =>
  (input: Input): Input => {
    if (!Object.hasOwn(input, from)) return input;
    const { [from]: value, ...rest } = input;
    return { ...rest, [to]: value };
  };

// The SDKs fill in `ClientToken` themselves where EC2 takes one (an idempotency token), so those actions
// accept it; retries with the same token are not recognized as such.
// `PublicKeyMaterial` is a blob, base64 on the wire (API_ImportKeyPair.html); the emulator reads the OpenSSH text.
function publicKeyText(input: Input): Input {
  try {
    return { ...input, PublicKeyMaterial: atob(String(input.PublicKeyMaterial)) };
  } catch {
    throw new InvalidParameterValue('`PublicKeyMaterial` must be base64 encoded');
  }
}

const bindings: Record<Ec2ActionName, ActionBinding> = {
  CreateVpc: creating('vpc', { CidrBlock: R, AmazonProvidedIpv6CidrBlock: B, InstanceTenancy: S }),
  CreateDefaultVpc: { input: {}, resource: creates('vpc') },
  DeleteVpc: { input: { VpcId: R }, ...on('vpc', 'VpcId') },
  DescribeVpcs: { input: { VpcIds: list(S), ...PAGED }, resource: anywhere },
  AssociateVpcCidrBlock: { input: { VpcId: R, AmazonProvidedIpv6CidrBlock: B, CidrBlock: S }, ...on('vpc', 'VpcId') },
  CreateSubnet: creating('subnet', { VpcId: R, CidrBlock: R, AvailabilityZone: S, Ipv6CidrBlock: S }),
  DeleteSubnet: { input: { SubnetId: R }, ...on('subnet', 'SubnetId') },
  DescribeSubnets: { input: { SubnetIds: list(S), ...PAGED }, resource: anywhere },
  ModifySubnetAttribute: { input: { SubnetId: R, MapPublicIpOnLaunch: struct({ Value: B }) }, ...on('subnet', 'SubnetId') },
  CreateRouteTable: creating('route-table', { VpcId: R, ClientToken: S }),
  DeleteRouteTable: { input: { RouteTableId: R }, ...on('route-table', 'RouteTableId') },
  DescribeRouteTables: { input: { RouteTableIds: list(S), ...PAGED }, resource: anywhere },
  CreateRoute: { input: { ...ROUTE, ...ROUTE_TARGET }, ...on('route-table', 'RouteTableId') },
  ReplaceRoute: { input: { ...ROUTE, ...ROUTE_TARGET }, ...on('route-table', 'RouteTableId') },
  DeleteRoute: { input: ROUTE, ...on('route-table', 'RouteTableId') },
  AssociateRouteTable: { input: { RouteTableId: R, SubnetId: R }, ...on('route-table', 'RouteTableId') },
  DisassociateRouteTable: { input: { AssociationId: R }, resource: (input, ctx, state) => arn(ctx, 'route-table', routeTableOfAssociation(state, input.AssociationId)) },
  ReplaceRouteTableAssociation: { input: { AssociationId: R, RouteTableId: R }, ...on('route-table', 'RouteTableId') },
  CreateInternetGateway: creating('internet-gateway', {}),
  AttachInternetGateway: { input: { InternetGatewayId: R, VpcId: R }, ...on('internet-gateway', 'InternetGatewayId') },
  DetachInternetGateway: { input: { InternetGatewayId: R, VpcId: R }, ...on('internet-gateway', 'InternetGatewayId') },
  DeleteInternetGateway: { input: { InternetGatewayId: R }, ...on('internet-gateway', 'InternetGatewayId') },
  DescribeInternetGateways: { input: { InternetGatewayIds: list(S), ...PAGED }, resource: anywhere },
  AllocateAddress: creating('elastic-ip', { Domain: S }),
  AssociateAddress: { input: { AllocationId: R, InstanceId: S, NetworkInterfaceId: S, AllowReassociation: B }, ...on('elastic-ip', 'AllocationId') },
  DisassociateAddress: { input: { AssociationId: R }, resource: (input, ctx, state) => arn(ctx, 'elastic-ip', addressOfAssociation(state, input.AssociationId)) },
  ReleaseAddress: { input: { AllocationId: R }, ...on('elastic-ip', 'AllocationId') },
  DescribeAddresses: { input: { AllocationIds: list(S), ...FILTERED }, resource: anywhere },
  CreateNatGateway: creating('natgateway', { SubnetId: R, AllocationId: S, ConnectivityType: S, ClientToken: S }),
  DeleteNatGateway: { input: { NatGatewayId: R }, ...on('natgateway', 'NatGatewayId') },
  DescribeNatGateways: { input: { NatGatewayIds: list(S), ...PAGED }, resource: anywhere },
  CreateSecurityGroup: creating('security-group', { GroupName: R, GroupDescription: R, VpcId: R }, { prepare: (input) => renaming('GroupDescription', 'Description')(tagged(input)) }),
  DeleteSecurityGroup: { input: { GroupId: R }, ...on('security-group', 'GroupId') },
  DescribeSecurityGroups: { input: { GroupIds: list(S), ...PAGED }, resource: anywhere },
  AuthorizeSecurityGroupIngress: { input: RULE, ...on('security-group', 'GroupId') },
  AuthorizeSecurityGroupEgress: { input: RULE, ...on('security-group', 'GroupId') },
  RevokeSecurityGroupIngress: { input: RULE, ...on('security-group', 'GroupId') },
  RevokeSecurityGroupEgress: { input: RULE, ...on('security-group', 'GroupId') },
  CreateNetworkAcl: creating('network-acl', { VpcId: R, ClientToken: S }),
  DeleteNetworkAcl: { input: { NetworkAclId: R }, ...on('network-acl', 'NetworkAclId') },
  DescribeNetworkAcls: { input: { NetworkAclIds: list(S), ...PAGED }, resource: anywhere },
  CreateNetworkAclEntry: { input: ACL_ENTRY, ...on('network-acl', 'NetworkAclId') },
  ReplaceNetworkAclEntry: { input: ACL_ENTRY, ...on('network-acl', 'NetworkAclId') },
  DeleteNetworkAclEntry: { input: { NetworkAclId: R, RuleNumber: 'integer!', Egress: 'boolean!' }, ...on('network-acl', 'NetworkAclId') },
  ReplaceNetworkAclAssociation: { input: { AssociationId: R, NetworkAclId: R }, ...on('network-acl', 'NetworkAclId') },
  CreateNetworkInterface: creating('network-interface', { SubnetId: R, PrivateIpAddress: S, Groups: list(S), Description: S, ClientToken: S }),
  DeleteNetworkInterface: { input: { NetworkInterfaceId: R }, ...on('network-interface', 'NetworkInterfaceId') },
  DescribeNetworkInterfaces: { input: { NetworkInterfaceIds: list(S), ...PAGED }, resource: anywhere },
  ModifyNetworkInterfaceAttribute: {
    input: { NetworkInterfaceId: R, Groups: list(S), SourceDestCheck: struct({ Value: B }) },
    ...on('network-interface', 'NetworkInterfaceId'),
  },
  RunInstances: creating(
    'instance',
    {
      ImageId: S,
      InstanceType: S,
      MinCount: 'integer!',
      MaxCount: 'integer!',
      KeyName: S,
      SubnetId: S,
      SecurityGroupIds: list(S),
      PrivateIpAddress: S,
      UserData: S,
      IamInstanceProfile: struct({ Arn: S, Name: S }),
      MetadataOptions: struct(METADATA_OPTIONS),
      BlockDeviceMappings: BLOCK_DEVICE_MAPPINGS,
      NetworkInterfaces: NETWORK_INTERFACES,
      LaunchTemplate: struct({ ...TEMPLATE, Version: S }),
      CreditSpecification: struct({ CpuCredits: R }),
      ClientToken: S,
    },
    // `ec2:InstanceType` lets a policy allow only some types (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ExamplePolicies_EC2.html).
    { context: (input, ctx) => ({ ...creationKeys(input, ctx), ...(input.InstanceType !== undefined ? { 'ec2:InstanceType': String(input.InstanceType) } : {}) }) },
  ),
  DescribeInstances: { input: { InstanceIds: list(S), ...PAGED }, resource: anywhere },
  StartInstances: { input: { InstanceIds: list(S, true) }, ...onEach('instance', 'InstanceIds') },
  StopInstances: { input: { InstanceIds: list(S, true), Force: B }, ...onEach('instance', 'InstanceIds') },
  TerminateInstances: { input: { InstanceIds: list(S, true) }, ...onEach('instance', 'InstanceIds') },
  ModifyInstanceMetadataOptions: { input: { InstanceId: R, ...METADATA_OPTIONS }, ...on('instance', 'InstanceId') },
  DescribeInstanceTypes: { input: { InstanceTypes: list(S), ...PAGED }, resource: anywhere },
  CreateKeyPair: creating('key-pair', { KeyName: R, KeyType: S }, { resource: (input, ctx) => arn(ctx, 'key-pair', String(input.KeyName)) }),
  ImportKeyPair: { input: { KeyName: R, PublicKeyMaterial: R }, prepare: publicKeyText, ...on('key-pair', 'KeyName') },
  DescribeKeyPairs: { input: { KeyNames: list(S), ...FILTERED }, resource: anywhere },
  DeleteKeyPair: { input: { KeyName: R }, ...on('key-pair', 'KeyName') },
  CreateLaunchTemplate: { input: { LaunchTemplateName: R, LaunchTemplateData: LAUNCH_TEMPLATE_DATA, VersionDescription: S, ClientToken: S }, resource: creates('launch-template') },
  CreateLaunchTemplateVersion: {
    input: { ...TEMPLATE, LaunchTemplateData: LAUNCH_TEMPLATE_DATA, SourceVersion: S, VersionDescription: S, ClientToken: S },
    resource: onTemplate,
  },
  ModifyLaunchTemplate: { input: { ...TEMPLATE, DefaultVersion: R, ClientToken: S }, resource: onTemplate },
  DescribeLaunchTemplateVersions: { input: { ...TEMPLATE, ...PAGED }, resource: anywhere },
  CreateVolume: creating('volume', VOLUME, {
    context: (input, ctx) => ({ ...creationKeys(input, ctx), ...(input.VolumeType !== undefined ? { 'ec2:VolumeType': String(input.VolumeType) } : {}) }),
  }),
  DescribeVolumes: { input: { VolumeIds: list(S), ...PAGED }, resource: anywhere },
  DeleteVolume: { input: { VolumeId: R }, ...on('volume', 'VolumeId') },
  AttachVolume: { input: { VolumeId: R, InstanceId: R, Device: R }, ...on('volume', 'VolumeId') },
  DetachVolume: { input: { VolumeId: R, InstanceId: S, Device: S, Force: B }, ...on('volume', 'VolumeId') },
  CreateSnapshot: creating('snapshot', { VolumeId: R, Description: S }),
  // The SDKs add `DestinationRegion` and a `PresignedUrl` for the source region themselves (API_CopySnapshot.html).
  CopySnapshot: creating('snapshot', { SourceSnapshotId: R, SourceRegion: R, Encrypted: B, KmsKeyId: S, Description: S, DestinationRegion: S, PresignedUrl: S }),
  DescribeSnapshots: { input: { SnapshotIds: list(S), ...PAGED }, resource: anywhere },
  DeleteSnapshot: { input: { SnapshotId: R }, ...on('snapshot', 'SnapshotId') },
  ModifySnapshotAttribute: {
    // EC2 sends the groups as `UserGroup.N` (API_ModifySnapshotAttribute.html).
    input: { SnapshotId: R, Attribute: S, OperationType: S, UserIds: list(S), UserGroup: list(S), CreateVolumePermission: struct({ Add: PERMISSIONS, Remove: PERMISSIONS }) },
    prepare: renaming('UserGroup', 'GroupNames'),
    ...on('snapshot', 'SnapshotId'),
  },
  DescribeSnapshotAttribute: { input: { SnapshotId: R, Attribute: R }, ...on('snapshot', 'SnapshotId') },
  EnableEbsEncryptionByDefault: { input: {}, resource: anywhere },
  DisableEbsEncryptionByDefault: { input: {}, resource: anywhere },
  GetEbsEncryptionByDefault: { input: {}, resource: anywhere },
  ModifyEbsDefaultKmsKeyId: { input: { KmsKeyId: R }, resource: anywhere },
  GetEbsDefaultKmsKeyId: { input: {}, resource: anywhere },
  ResetEbsDefaultKmsKeyId: { input: {}, resource: anywhere },
};

// Every EC2 action takes `DryRun` (CommonParameters.html) but these two.
const WITHOUT_DRY_RUN = new Set(['AssociateVpcCidrBlock', 'ModifySubnetAttribute']);

/** Every binding, with `DryRun` where the action takes it. */
export const EC2_BINDINGS: Record<string, ActionBinding> = Object.fromEntries(
  Object.entries(bindings).map(([action, binding]) => [action, WITHOUT_DRY_RUN.has(action) ? binding : { ...binding, input: { ...binding.input, DryRun: B } }]),
);

/**
 * An EC2 action as the wire runs it, after the IAM check: with `DryRun` it stops there and answers
 * `DryRunOperation` (the refusal was `UnauthorizedOperation` already); a Describe call gets its filters and
 * page applied to the emulator's list.
 */
function served(action: string, operation: WireOperation): WireOperation {
  const describe = Object.hasOwn(EC2_DESCRIBE_LISTS, action) ? EC2_DESCRIBE_LISTS[action] : undefined;
  return (state, input: Input & DescribeParams & { DryRun?: boolean }, ctx, caller) => {
    const { DryRun, Filters, MaxResults, NextToken, ...rest } = input;
    if (DryRun === true) throw new DryRunOperation();
    const result = operation(state, rest, ctx, caller) as Input;
    return describe ? describePage(result, describe, { Filters, MaxResults, NextToken }) : result;
  };
}

/** The EC2 actions the wire serves, each wrapped for `DryRun`, filters and pages. */
export const EC2_WIRE_ACTIONS: Record<string, WireOperation> = Object.fromEntries(Object.entries(ec2Actions).map(([action, operation]) => [action, served(action, operation as WireOperation)]));

/** EC2 over its Query dialect (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/). */
export const ec2Service: WireService = {
  signingName: 'ec2',
  actionPrefix: 'ec2',
  protocols: [ec2Protocol],
  version: '2016-11-15',
  xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/',
  actions: EC2_WIRE_ACTIONS,
  bindings: EC2_BINDINGS,
  apiOperations: EC2_API_OPERATIONS,
};
