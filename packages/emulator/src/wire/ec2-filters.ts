import { field, type DescribeList, type FilterTable } from './ec2-describe.ts';

// The filters each Describe call takes, named as on its API reference page (e.g.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html, …/API_DescribeInstances.html):
// those the emulated resources carry. `tag:<key>`, `tag-key` and `tag-value` work on every call.

const owner = { 'owner-id': field('OwnerId') };

const VPC: FilterTable = {
  ...owner,
  'vpc-id': field('VpcId'),
  cidr: field('CidrBlock'),
  'cidr-block-association.cidr-block': field('CidrBlock'),
  'ipv6-cidr-block-association.ipv6-cidr-block': field('Ipv6CidrBlockAssociationSet.Ipv6CidrBlock'),
  'is-default': field('IsDefault'),
  state: field('State'),
};

const SUBNET: FilterTable = {
  ...owner,
  'subnet-id': field('SubnetId'),
  'subnet-arn': field('SubnetArn'),
  'vpc-id': field('VpcId'),
  'cidr-block': field('CidrBlock'),
  'availability-zone': field('AvailabilityZone'),
  'available-ip-address-count': field('AvailableIpAddressCount'),
  'default-for-az': field('DefaultForAz'),
  'map-public-ip-on-launch': field('MapPublicIpOnLaunch'),
  'ipv6-cidr-block-association.ipv6-cidr-block': field('Ipv6CidrBlockAssociationSet.Ipv6CidrBlock'),
  state: field('State'),
};

const ROUTE_TABLE: FilterTable = {
  ...owner,
  'route-table-id': field('RouteTableId'),
  'vpc-id': field('VpcId'),
  'association.route-table-association-id': field('Associations.RouteTableAssociationId'),
  'association.subnet-id': field('Associations.SubnetId'),
  'association.main': field('Associations.Main'),
  'route.destination-cidr-block': field('Routes.DestinationCidrBlock'),
  'route.destination-ipv6-cidr-block': field('Routes.DestinationIpv6CidrBlock'),
  'route.gateway-id': field('Routes.GatewayId'),
  'route.nat-gateway-id': field('Routes.NatGatewayId'),
  'route.instance-id': field('Routes.InstanceId'),
  'route.network-interface-id': field('Routes.NetworkInterfaceId'),
  'route.origin': field('Routes.Origin'),
  'route.state': field('Routes.State'),
};

const INTERNET_GATEWAY: FilterTable = {
  ...owner,
  'internet-gateway-id': field('InternetGatewayId'),
  'attachment.vpc-id': field('Attachments.VpcId'),
  'attachment.state': field('Attachments.State'),
};

const NAT_GATEWAY: FilterTable = {
  'nat-gateway-id': field('NatGatewayId'),
  'subnet-id': field('SubnetId'),
  'vpc-id': field('VpcId'),
  state: field('State'),
};

const ADDRESS: FilterTable = {
  'allocation-id': field('AllocationId'),
  'association-id': field('AssociationId'),
  domain: field('Domain'),
  'instance-id': field('InstanceId'),
  'network-interface-id': field('NetworkInterfaceId'),
  'private-ip-address': field('PrivateIpAddress'),
  'public-ip': field('PublicIp'),
};

function permissionFilters(prefix: string, member: string): FilterTable {
  return {
    [`${prefix}ip-permission.protocol`]: field(`${member}.IpProtocol`),
    [`${prefix}ip-permission.from-port`]: field(`${member}.FromPort`),
    [`${prefix}ip-permission.to-port`]: field(`${member}.ToPort`),
    [`${prefix}ip-permission.cidr`]: field(`${member}.IpRanges.CidrIp`),
    [`${prefix}ip-permission.ipv6-cidr`]: field(`${member}.Ipv6Ranges.CidrIpv6`),
    [`${prefix}ip-permission.group-id`]: field(`${member}.UserIdGroupPairs.GroupId`),
    [`${prefix}ip-permission.prefix-list-id`]: field(`${member}.PrefixListIds.PrefixListId`),
  };
}

const SECURITY_GROUP: FilterTable = {
  ...owner,
  'group-id': field('GroupId'),
  'group-name': field('GroupName'),
  description: field('Description'),
  'vpc-id': field('VpcId'),
  ...permissionFilters('', 'IpPermissions'),
  ...permissionFilters('egress.', 'IpPermissionsEgress'),
};

const NETWORK_ACL: FilterTable = {
  ...owner,
  'network-acl-id': field('NetworkAclId'),
  'vpc-id': field('VpcId'),
  default: field('IsDefault'),
  'association.association-id': field('Associations.NetworkAclAssociationId'),
  'association.subnet-id': field('Associations.SubnetId'),
  'entry.cidr': field('Entries.CidrBlock'),
  'entry.ipv6-cidr': field('Entries.Ipv6CidrBlock'),
  'entry.egress': field('Entries.Egress'),
  'entry.protocol': field('Entries.Protocol'),
  'entry.rule-action': field('Entries.RuleAction'),
  'entry.rule-number': field('Entries.RuleNumber'),
};

const NETWORK_INTERFACE: FilterTable = {
  ...owner,
  'network-interface-id': field('NetworkInterfaceId'),
  'subnet-id': field('SubnetId'),
  'vpc-id': field('VpcId'),
  'availability-zone': field('AvailabilityZone'),
  description: field('Description'),
  'interface-type': field('InterfaceType'),
  status: field('Status'),
  'private-ip-address': field('PrivateIpAddresses.PrivateIpAddress'),
  'group-id': field('Groups.GroupId'),
  'group-name': field('Groups.GroupName'),
  'source-dest-check': field('SourceDestCheck'),
  'requester-managed': field('RequesterManaged'),
  'association.public-ip': field('Association.PublicIp'),
  'attachment.instance-id': field('Attachment.InstanceId'),
  'attachment.device-index': field('Attachment.DeviceIndex'),
};

const INSTANCE: FilterTable = {
  'instance-id': field('InstanceId'),
  'instance-type': field('InstanceType'),
  'image-id': field('ImageId'),
  'instance-state-name': field('State.Name'),
  'instance-state-code': field('State.Code'),
  'subnet-id': field('SubnetId'),
  'vpc-id': field('VpcId'),
  'availability-zone': field('Placement.AvailabilityZone'),
  tenancy: field('Placement.Tenancy'),
  'key-name': field('KeyName'),
  'private-ip-address': field('PrivateIpAddress'),
  'ip-address': field('PublicIpAddress'),
  'instance.group-id': field('SecurityGroups.GroupId'),
  'instance.group-name': field('SecurityGroups.GroupName'),
  'network-interface.network-interface-id': field('NetworkInterfaces.NetworkInterfaceId'),
  'iam-instance-profile.arn': field('IamInstanceProfile.Arn'),
  'metadata-options.http-tokens': field('MetadataOptions.HttpTokens'),
  'metadata-options.http-endpoint': field('MetadataOptions.HttpEndpoint'),
  'metadata-options.http-put-response-hop-limit': field('MetadataOptions.HttpPutResponseHopLimit'),
  'root-device-name': field('RootDeviceName'),
  'root-device-type': field('RootDeviceType'),
  'block-device-mapping.device-name': field('BlockDeviceMappings.DeviceName'),
  'block-device-mapping.volume-id': field('BlockDeviceMappings.Ebs.VolumeId'),
};

const INSTANCE_TYPE: FilterTable = {
  'instance-type': field('InstanceType'),
  'vcpu-info.default-vcpus': field('VCpuInfo.DefaultVCpus'),
  'memory-info.size-in-mib': field('MemoryInfo.SizeInMiB'),
  'network-info.maximum-network-interfaces': field('NetworkInfo.MaximumNetworkInterfaces'),
  'processor-info.supported-architecture': field('ProcessorInfo.SupportedArchitectures'),
  'burstable-performance-supported': field('BurstablePerformanceSupported'),
  'instance-storage-supported': field('InstanceStorageSupported'),
};

const KEY_PAIR: FilterTable = {
  'key-pair-id': field('KeyPairId'),
  'key-name': field('KeyName'),
  'key-type': field('KeyType'),
  fingerprint: field('KeyFingerprint'),
};

const LAUNCH_TEMPLATE_VERSION: FilterTable = {
  'image-id': field('LaunchTemplateData.ImageId'),
  'instance-type': field('LaunchTemplateData.InstanceType'),
  'is-default-version': field('DefaultVersion'),
  'iam-instance-profile': field('LaunchTemplateData.IamInstanceProfile.Arn'),
};

const VOLUME: FilterTable = {
  'volume-id': field('VolumeId'),
  'volume-type': field('VolumeType'),
  size: field('Size'),
  status: field('State'),
  'availability-zone': field('AvailabilityZone'),
  encrypted: field('Encrypted'),
  'snapshot-id': field('SnapshotId'),
  'create-time': field('CreateTime'),
  'attachment.instance-id': field('Attachments.InstanceId'),
  'attachment.device': field('Attachments.Device'),
  'attachment.status': field('Attachments.State'),
  'attachment.delete-on-termination': field('Attachments.DeleteOnTermination'),
};

const SNAPSHOT: FilterTable = {
  ...owner,
  'snapshot-id': field('SnapshotId'),
  'volume-id': field('VolumeId'),
  'volume-size': field('VolumeSize'),
  status: field('State'),
  progress: field('Progress'),
  description: field('Description'),
  encrypted: field('Encrypted'),
  'kms-key-id': field('KmsKeyId'),
  'start-time': field('StartTime'),
};

/** The Describe calls the wire filters and pages, by action. */
export const EC2_DESCRIBE_LISTS: Readonly<Record<string, DescribeList>> = {
  DescribeVpcs: { list: 'Vpcs', filters: VPC, paged: true },
  DescribeSubnets: { list: 'Subnets', filters: SUBNET, paged: true },
  DescribeRouteTables: { list: 'RouteTables', filters: ROUTE_TABLE, paged: true },
  DescribeInternetGateways: { list: 'InternetGateways', filters: INTERNET_GATEWAY, paged: true },
  DescribeNatGateways: { list: 'NatGateways', filters: NAT_GATEWAY, paged: true },
  DescribeAddresses: { list: 'Addresses', filters: ADDRESS, paged: false },
  DescribeSecurityGroups: { list: 'SecurityGroups', filters: SECURITY_GROUP, paged: true },
  DescribeNetworkAcls: { list: 'NetworkAcls', filters: NETWORK_ACL, paged: true },
  DescribeNetworkInterfaces: { list: 'NetworkInterfaces', filters: NETWORK_INTERFACE, paged: true },
  // The emulator keeps one reservation per instance: filters look at the instance inside it.
  DescribeInstances: { list: 'Reservations', filters: INSTANCE, paged: true, record: (entry) => ((entry.Instances as Record<string, unknown>[] | undefined) ?? [])[0] ?? {} },
  DescribeInstanceTypes: { list: 'InstanceTypes', filters: INSTANCE_TYPE, paged: true },
  DescribeKeyPairs: { list: 'KeyPairs', filters: KEY_PAIR, paged: false },
  DescribeLaunchTemplateVersions: { list: 'LaunchTemplateVersions', filters: LAUNCH_TEMPLATE_VERSION, paged: true },
  DescribeVolumes: { list: 'Volumes', filters: VOLUME, paged: true },
  DescribeSnapshots: { list: 'Snapshots', filters: SNAPSHOT, paged: true },
};
