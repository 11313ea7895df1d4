// EC2's Query dialect names members differently on the way in and on the way out, and both differ from the
// member names the emulator (and the SDKs' objects) use. In: a list is flattened under its singular name
// (`VpcIds` → `VpcId.1`, `Filters` → `Filter.1.Value.1`). Out: elements are lower camel case and most lists
// end in `Set` (`Vpcs` → `<vpcSet><item>`). Only the exceptions to those rules are listed; the names are the
// EC2 API reference's (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html and each
// action's page, e.g. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcs.html).

const QUERY_NAMES: Readonly<Record<string, string>> = {
  AllocationIds: 'AllocationId',
  BlockDeviceMappings: 'BlockDeviceMapping',
  DefaultVersion: 'SetDefaultVersion',
  Filters: 'Filter',
  GroupIds: 'GroupId',
  GroupNames: 'GroupName',
  // A network interface's security groups (CreateNetworkInterface, RunInstances' NetworkInterface.N).
  Groups: 'SecurityGroupId',
  IcmpTypeCode: 'Icmp',
  InstanceIds: 'InstanceId',
  InstanceTypes: 'InstanceType',
  InternetGatewayIds: 'InternetGatewayId',
  KeyNames: 'KeyName',
  KeyPairIds: 'KeyPairId',
  NatGatewayIds: 'NatGatewayId',
  NetworkAclIds: 'NetworkAclId',
  NetworkInterfaceIds: 'NetworkInterfaceId',
  NetworkInterfaces: 'NetworkInterface',
  OwnerIds: 'Owner',
  PublicIps: 'PublicIp',
  RouteTableIds: 'RouteTableId',
  SecurityGroupIds: 'SecurityGroupId',
  SecurityGroups: 'SecurityGroup',
  SnapshotIds: 'SnapshotId',
  SubnetIds: 'SubnetId',
  TagSpecifications: 'TagSpecification',
  Tags: 'Tag',
  UserIdGroupPairs: 'Groups',
  UserIds: 'UserId',
  Values: 'Value',
  Versions: 'LaunchTemplateVersion',
  VolumeIds: 'VolumeId',
  VpcIds: 'VpcId',
};

/** The name a member of an EC2 request is sent under (`VpcIds` → `VpcId`, `Filters` → `Filter`). */
export function ec2QueryName(member: string): string {
  return Object.hasOwn(QUERY_NAMES, member) ? QUERY_NAMES[member]! : member;
}

const XML_NAMES: Readonly<Record<string, string>> = {
  Addresses: 'addressesSet',
  Associations: 'associationSet',
  Attachments: 'attachmentSet',
  BlockDeviceMappings: 'blockDeviceMapping',
  CreateVolumePermissions: 'createVolumePermission',
  Entries: 'entrySet',
  Groups: 'groupSet',
  InstanceTypes: 'instanceTypeSet',
  Instances: 'instancesSet',
  InternetGateways: 'internetGatewaySet',
  Ipv6Addresses: 'ipv6AddressesSet',
  KeyPairs: 'keySet',
  LaunchTemplateVersions: 'launchTemplateVersionSet',
  NatGatewayAddresses: 'natGatewayAddressSet',
  NatGateways: 'natGatewaySet',
  NetworkAcls: 'networkAclSet',
  NetworkInterfaces: 'networkInterfaceSet',
  PrivateIpAddresses: 'privateIpAddressesSet',
  PublicIpAddress: 'ipAddress',
  Reservations: 'reservationSet',
  RouteTables: 'routeTableSet',
  Routes: 'routeSet',
  SecurityGroupIds: 'securityGroupIdSet',
  // An instance's groups; DescribeSecurityGroups' own list is overridden below.
  SecurityGroups: 'groupSet',
  Snapshots: 'snapshotSet',
  StartingInstances: 'instancesSet',
  StateTransitionReason: 'reason',
  StoppingInstances: 'instancesSet',
  Subnets: 'subnetSet',
  Tags: 'tagSet',
  TerminatingInstances: 'instancesSet',
  UserIdGroupPairs: 'groups',
  Volumes: 'volumeSet',
  Vpcs: 'vpcSet',
};

// The same member named differently by the structure that holds it, keyed by the end of its path (the
// action for top-level members, then the members above it): the longest match wins.
const XML_NAMES_IN: Readonly<Record<string, string>> = {
  'DescribeSecurityGroups.SecurityGroups': 'securityGroupInfo',
  'SecurityGroups.Description': 'groupDescription',
  'NetworkAcls.IsDefault': 'default',
  'NetworkAcl.IsDefault': 'default',
  'Instances.State': 'instanceState',
  'LaunchTemplateData.BlockDeviceMappings': 'blockDeviceMappingSet',
  // Volumes, their attachments and snapshots report `State` as `status` (an internet gateway's attachment does not).
  'Volumes.State': 'status',
  'Volumes.Attachments.State': 'status',
  'CreateVolume.State': 'status',
  'CreateVolume.Attachments.State': 'status',
  'AttachVolume.State': 'status',
  'DetachVolume.State': 'status',
  'Snapshots.State': 'status',
  'CreateSnapshot.State': 'status',
};

const MAX_CONTEXT = 3;

/** The element an output member is written as, from its path (`['DescribeVpcs', 'Vpcs', 'Tags']` → `tagSet`). */
export function ec2XmlName(path: readonly string[]): string {
  for (let length = Math.min(MAX_CONTEXT, path.length); length >= 2; length--) {
    const key = path.slice(-length).join('.');
    if (Object.hasOwn(XML_NAMES_IN, key)) return XML_NAMES_IN[key]!;
  }
  const member = path[path.length - 1] ?? '';
  if (Object.hasOwn(XML_NAMES, member)) return XML_NAMES[member]!;
  return member.charAt(0).toLowerCase() + member.slice(1);
}
