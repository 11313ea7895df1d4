import { records } from '../records.ts';

// The EC2/VPC part of an emulated account, in the field names of the EC2 API's `Describe*` responses
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/). Resources are kept by their id.

/** A tag as EC2 returns it. */
export interface Tag {
  Key: string;
  Value: string;
}

/** An IPv6 block associated with a VPC or subnet. */
export interface Ipv6CidrBlockAssociation {
  AssociationId: string;
  Ipv6CidrBlock: string;
  Ipv6CidrBlockState: { State: 'associated' };
}

/** A VPC. */
export interface Vpc {
  VpcId: string;
  CidrBlock: string;
  State: 'available';
  IsDefault: boolean;
  InstanceTenancy: 'default' | 'dedicated';
  OwnerId: string;
  Ipv6CidrBlockAssociationSet: Ipv6CidrBlockAssociation[];
  Tags: Tag[];
}

/** A subnet in one Availability Zone. */
export interface Subnet {
  SubnetId: string;
  SubnetArn: string;
  VpcId: string;
  CidrBlock: string;
  AvailabilityZone: string;
  AvailableIpAddressCount: number;
  MapPublicIpOnLaunch: boolean;
  DefaultForAz: boolean;
  State: 'available';
  OwnerId: string;
  Ipv6CidrBlockAssociationSet: Ipv6CidrBlockAssociation[];
  Tags: Tag[];
}

/** One route: a destination and exactly one target. */
export interface Route {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  /** `local` for the VPC's own route, or an internet gateway id. */
  GatewayId?: string;
  NatGatewayId?: string;
  NetworkInterfaceId?: string;
  InstanceId?: string;
  /** `blackhole` when the target is gone (a deleted NAT gateway, a detached gateway, a terminated instance). */
  State: 'active' | 'blackhole';
  Origin: 'CreateRouteTable' | 'CreateRoute';
}

/** The link between a route table and a subnet, or the mark of the VPC's main table. */
export interface RouteTableAssociation {
  RouteTableAssociationId: string;
  RouteTableId: string;
  SubnetId?: string;
  Main: boolean;
  AssociationState: { State: 'associated' };
}

/** A route table. */
export interface RouteTable {
  RouteTableId: string;
  VpcId: string;
  OwnerId: string;
  Routes: Route[];
  Associations: RouteTableAssociation[];
  Tags: Tag[];
}

/** An internet gateway and the VPC it is attached to (at most one). */
export interface InternetGateway {
  InternetGatewayId: string;
  OwnerId: string;
  Attachments: { VpcId: string; State: 'available' }[];
  Tags: Tag[];
}

/** A NAT gateway's address: its elastic IP, interface and private IP. */
export interface NatGatewayAddress {
  AllocationId?: string;
  NetworkInterfaceId: string;
  PrivateIp: string;
  PublicIp?: string;
}

/** A NAT gateway. */
export interface NatGateway {
  NatGatewayId: string;
  SubnetId: string;
  VpcId: string;
  State: 'pending' | 'available' | 'deleting' | 'deleted' | 'failed';
  ConnectivityType: 'public' | 'private';
  NatGatewayAddresses: NatGatewayAddress[];
  CreateTime: string;
  Tags: Tag[];
}

/** An Elastic IP address. */
export interface Address {
  AllocationId: string;
  PublicIp: string;
  Domain: 'vpc';
  AssociationId?: string;
  InstanceId?: string;
  NetworkInterfaceId?: string;
  PrivateIpAddress?: string;
  Tags: Tag[];
}

/** A CIDR source or destination of a security group rule. */
export interface IpRangeEntry {
  CidrIp: string;
  Description?: string;
}

/** An IPv6 CIDR source or destination of a security group rule. */
export interface Ipv6RangeEntry {
  CidrIpv6: string;
  Description?: string;
}

/** A security group source or destination of a rule. */
export interface UserIdGroupPair {
  GroupId: string;
  UserId?: string;
  Description?: string;
}

/** A set of security group rules sharing protocol and ports, as EC2 groups them. */
export interface IpPermission {
  /** `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all) or a protocol number. */
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges: IpRangeEntry[];
  Ipv6Ranges: Ipv6RangeEntry[];
  UserIdGroupPairs: UserIdGroupPair[];
  PrefixListIds: { PrefixListId: string }[];
}

/** A security group. */
export interface SecurityGroup {
  GroupId: string;
  GroupName: string;
  Description: string;
  VpcId: string;
  OwnerId: string;
  IpPermissions: IpPermission[];
  IpPermissionsEgress: IpPermission[];
  Tags: Tag[];
}

/** One numbered network ACL entry. */
export interface NetworkAclEntry {
  /** 1–32766; the final catch-all deny is 32767 and shows as `*` in the console. */
  RuleNumber: number;
  /** A protocol number as text (`6` tcp, `17` udp, `1` icmp, `58` icmpv6) or `-1` for all. */
  Protocol: string;
  RuleAction: 'allow' | 'deny';
  Egress: boolean;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  PortRange?: { From: number; To: number };
  IcmpTypeCode?: { Code: number; Type: number };
}

/** The link between a network ACL and a subnet. */
export interface NetworkAclAssociation {
  NetworkAclAssociationId: string;
  NetworkAclId: string;
  SubnetId: string;
}

/** A network ACL. */
export interface NetworkAcl {
  NetworkAclId: string;
  VpcId: string;
  IsDefault: boolean;
  OwnerId: string;
  Entries: NetworkAclEntry[];
  Associations: NetworkAclAssociation[];
  Tags: Tag[];
}

/** A public IPv4 address on an interface: an Amazon-owned one or an Elastic IP. */
export interface NetworkInterfaceAssociation {
  PublicIp: string;
  /** `amazon` for an auto-assigned public IP, the account id for an Elastic IP. */
  IpOwnerId: string;
  AllocationId?: string;
  AssociationId?: string;
}

/** An elastic network interface. */
export interface NetworkInterface {
  NetworkInterfaceId: string;
  SubnetId: string;
  VpcId: string;
  AvailabilityZone: string;
  Description: string;
  OwnerId: string;
  InterfaceType: 'interface' | 'nat_gateway';
  Status: 'available' | 'in-use';
  PrivateIpAddress: string;
  PrivateIpAddresses: { PrivateIpAddress: string; Primary: boolean }[];
  Ipv6Addresses: { Ipv6Address: string }[];
  Groups: { GroupId: string; GroupName: string }[];
  SourceDestCheck: boolean;
  RequesterManaged: boolean;
  Association?: NetworkInterfaceAssociation;
  Attachment?: {
    AttachmentId: string;
    InstanceId: string;
    DeviceIndex: number;
    Status: 'attached';
    DeleteOnTermination: boolean;
  };
  Tags: Tag[];
}

/** The instance states and their codes (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceState.html). */
export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

/** An EBS volume. */
export interface Volume {
  VolumeId: string;
  Size: number;
  VolumeType: 'gp2' | 'gp3' | 'io1' | 'io2' | 'st1' | 'sc1' | 'standard';
  Iops?: number;
  /** MiB/s, gp3 only. */
  Throughput?: number;
  Encrypted: boolean;
  /** The ARN of the KMS key, set when encrypted. */
  KmsKeyId?: string;
  SnapshotId?: string;
  AvailabilityZone: string;
  State: 'available' | 'in-use' | 'deleted';
  CreateTime: string;
  Attachments: { InstanceId: string; Device: string; State: 'attached'; DeleteOnTermination: boolean }[];
  Tags?: Tag[];
}

/** Who may create volumes from a snapshot besides its owner: an account (`UserId`) or everyone (`Group: all`). */
export interface CreateVolumePermission {
  UserId?: string;
  Group?: 'all';
}

/** An EBS snapshot; it completes at once on the emulated clock. */
export interface Snapshot {
  SnapshotId: string;
  VolumeId: string;
  VolumeSize: number;
  State: 'completed';
  Progress: '100%';
  StartTime: string;
  OwnerId: string;
  Description: string;
  Encrypted: boolean;
  /** The ARN of the KMS key, set when encrypted. */
  KmsKeyId?: string;
  CreateVolumePermissions: CreateVolumePermission[];
  Tags?: Tag[];
}

/** EBS encryption by default in one region (https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html). */
export interface EbsEncryptionSettings {
  EbsEncryptionByDefault: boolean;
  /** The default KMS key's ARN set with ModifyEbsDefaultKmsKeyId; the AWS managed key `aws/ebs` when absent. */
  KmsKeyId?: string;
}

/** A block device of an instance: an EBS volume or an instance store volume. */
export interface InstanceBlockDeviceMapping {
  DeviceName: string;
  Ebs?: { VolumeId: string; Status: 'attached'; DeleteOnTermination: boolean; AttachTime: string };
  /** Set for instance store volumes (`ephemeral0` …), whose data is lost when the instance stops. */
  VirtualName?: string;
}

/** Instance metadata service options (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html). */
export interface InstanceMetadataOptions {
  HttpTokens: 'optional' | 'required';
  HttpPutResponseHopLimit: number;
  HttpEndpoint: 'enabled' | 'disabled';
  HttpProtocolIpv6: 'enabled' | 'disabled';
  InstanceMetadataTags: 'enabled' | 'disabled';
  State: 'applied';
}

/** An EC2 instance. Its addresses live on its network interfaces; `describeInstances` shows them here too. */
export interface Instance {
  InstanceId: string;
  ImageId: string;
  InstanceType: string;
  KeyName?: string;
  State: { Code: number; Name: InstanceStateName };
  StateTransitionReason: string;
  SubnetId: string;
  VpcId: string;
  Placement: { AvailabilityZone: string; Tenancy: 'default' | 'dedicated' };
  LaunchTime: string;
  /** The interface ids in device-index order; index 0 is the primary interface. */
  NetworkInterfaceIds: string[];
  SecurityGroups: { GroupId: string; GroupName: string }[];
  BlockDeviceMappings: InstanceBlockDeviceMapping[];
  RootDeviceName: string;
  RootDeviceType: 'ebs';
  IamInstanceProfile?: { Arn: string };
  MetadataOptions: InstanceMetadataOptions;
  /** Base64 as submitted; EC2 limits it to 16 KB before encoding. */
  UserData?: string;
  /** Set when the instance was launched with a public IPv4 address, so it gets a new one on each start. */
  AssociatePublicIpAddress: boolean;
  /** For burstable (T) types, the credit option (`standard` or `unlimited`) and the credits earned so far. */
  CreditSpecification?: { CpuCredits: 'standard' | 'unlimited' };
  LaunchTemplate?: { LaunchTemplateId: string; Version: string };
  Tags: Tag[];
}

/** A key pair (only its public part and fingerprint are kept). */
export interface KeyPair {
  KeyPairId: string;
  KeyName: string;
  KeyType: 'rsa' | 'ed25519';
  KeyFingerprint: string;
  CreateTime: string;
  Tags: Tag[];
}

/** The launch parameters a launch template version carries (a subset of `RunInstances`). */
export interface LaunchTemplateData {
  ImageId?: string;
  InstanceType?: string;
  KeyName?: string;
  SecurityGroupIds?: string[];
  UserData?: string;
  IamInstanceProfile?: { Arn: string };
  MetadataOptions?: Partial<Pick<InstanceMetadataOptions, 'HttpTokens' | 'HttpPutResponseHopLimit' | 'HttpEndpoint'>>;
  NetworkInterfaces?: { DeviceIndex: number; SubnetId?: string; Groups?: string[]; AssociatePublicIpAddress?: boolean }[];
  BlockDeviceMappings?: { DeviceName: string; VirtualName?: string; Ebs?: { VolumeSize?: number; VolumeType?: Volume['VolumeType']; Encrypted?: boolean; DeleteOnTermination?: boolean; Iops?: number } }[];
}

/** One version of a launch template. */
export interface LaunchTemplateVersion {
  VersionNumber: number;
  VersionDescription?: string;
  CreateTime: string;
  LaunchTemplateData: LaunchTemplateData;
}

/** A launch template and its versions. */
export interface LaunchTemplate {
  LaunchTemplateId: string;
  LaunchTemplateName: string;
  DefaultVersionNumber: number;
  LatestVersionNumber: number;
  CreateTime: string;
  Versions: LaunchTemplateVersion[];
}

/** The EC2 part of an account. */
export interface Ec2State {
  vpcs: Record<string, Vpc>;
  subnets: Record<string, Subnet>;
  routeTables: Record<string, RouteTable>;
  internetGateways: Record<string, InternetGateway>;
  natGateways: Record<string, NatGateway>;
  /** Elastic IPs by `AllocationId`. */
  addresses: Record<string, Address>;
  securityGroups: Record<string, SecurityGroup>;
  networkAcls: Record<string, NetworkAcl>;
  networkInterfaces: Record<string, NetworkInterface>;
  instances: Record<string, Instance>;
  volumes: Record<string, Volume>;
  snapshots: Record<string, Snapshot>;
  /** EBS encryption settings by region. */
  ebsEncryption: Record<string, EbsEncryptionSettings>;
  keyPairs: Record<string, KeyPair>;
  launchTemplates: Record<string, LaunchTemplate>;
  /** How many public IPv4 addresses the account has been handed so far: the next one is derived from it. */
  publicIpCounter: number;
}

/** Anything that carries the EC2 state: the account itself, or a bare `{ ec2 }` in tests. */
export interface WithEc2 {
  ec2: Ec2State;
}

/** EC2 with no resources: no default VPC until `createDefaultVpc` makes one, as in a fresh lab account. */
export function emptyEc2State(): Ec2State {
  return {
    vpcs: records(),
    subnets: records(),
    routeTables: records(),
    internetGateways: records(),
    natGateways: records(),
    addresses: records(),
    securityGroups: records(),
    networkAcls: records(),
    networkInterfaces: records(),
    instances: records(),
    volumes: records(),
    snapshots: records(),
    ebsEncryption: records(),
    keyPairs: records(),
    launchTemplates: records(),
    publicIpCounter: 0,
  };
}
