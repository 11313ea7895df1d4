import * as sdk from '@aws-sdk/client-ec2';
import { ec2Service, emptyAccountState, handleAwsRequest, rootCaller, type AccountState, type WireCtx } from '@skylab/emulator';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';

// Every member the emulator puts in a Describe answer reaches the real SDK's output with its value: the EC2
// element names (`vpcSet`, `instanceState`, `groupDescription`, `ipAddress` …) are the ones the SDK reads.
// The SDK talks to the wire handler in-process, on one account that a scripted session fills with every
// kind of resource; each Describe answer it parses is compared with the emulator's own list.

const ACCOUNT = '111122223333';
const KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const NOW = Date.UTC(2026, 0, 1);
let counter = 0;
const ctx = { clock: { now: () => NOW }, ids: { next: (prefix: string) => `${prefix}${(++counter).toString(16).padStart(17, '0')}` }, accountId: ACCOUNT, region: 'us-east-1' };
let state: AccountState = emptyAccountState();

const client = new sdk.EC2Client({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1/aws/attempt',
  credentials: KEY,
  systemClockOffset: NOW - Date.now(),
  maxAttempts: 1,
  requestHandler: {
    handle: async (request: { method: string; path: string; headers: Record<string, string>; body: string; hostname: string }) => {
      const result = handleAwsRequest(
        state,
        { method: request.method, url: `http://${request.hostname}${request.path}`, headers: request.headers, body: new TextEncoder().encode(request.body) },
        { ctx, requestId: 'r', resolveCredentials: (id) => (id === KEY.accessKeyId ? rootCaller(ACCOUNT, KEY.secretAccessKey) : undefined) },
      );
      state = result.state;
      const body = result.response.body;
      return { response: { statusCode: result.response.status, headers: result.response.headers, body: Readable.from([typeof body === 'string' ? Buffer.from(body) : body]) } };
    },
  },
});

// Members the emulator keeps for itself that EC2's answers do not carry (the SDK has no member for them),
// anywhere or inside an instance (its interfaces are InstanceNetworkInterface: no zone, tags or attachment's instance).
const OWN_MEMBERS = new Set(['NetworkInterfaceIds', 'AssociatePublicIpAddress', 'UserData', 'CreditSpecification', 'LaunchTemplate', 'BurstCredits']);
const OWN_MEMBERS_IN: Record<string, string[]> = { NetworkInterfaces: ['AvailabilityZone', 'RequesterManaged', 'Tags'], Attachment: ['InstanceId'] };
// The SDK names a network interface's tags `TagSet` (the element is `tagSet` as everywhere).
const SDK_NAMES_IN: Record<string, Record<string, string>> = { NetworkInterfaces: { Tags: 'TagSet' } };

/** Every member of the emulator's value is in the SDK's, with the same value (timestamps as dates). */
function expectCovered(ours: unknown, theirs: unknown, path: string, parent = '', inInstance = false): void {
  if (Array.isArray(ours)) {
    expect(theirs, path).toHaveLength(ours.length);
    ours.forEach((item, i) => expectCovered(item, (theirs as unknown[])[i], `${path}[${i}]`, parent, inInstance));
  } else if (typeof ours === 'object' && ours !== null) {
    for (const [member, value] of Object.entries(ours)) {
      if (OWN_MEMBERS.has(member) || (inInstance && OWN_MEMBERS_IN[parent]?.includes(member))) continue;
      const name = inInstance ? member : (SDK_NAMES_IN[parent]?.[member] ?? member);
      expect(theirs, `${path}.${member}`).toHaveProperty(name);
      expectCovered(value, (theirs as Record<string, unknown>)[name], `${path}.${member}`, member, inInstance || member === 'Instances');
    }
  } else if (theirs instanceof Date) {
    expect(theirs.toISOString(), path).toBe(new Date(String(ours)).toISOString());
  } else {
    expect(theirs, path).toEqual(ours);
  }
}

const TAGS = (type: sdk.ResourceType) => [{ ResourceType: type, Tags: [{ Key: 'Name', Value: `lab-${type}` }] }];

beforeAll(async () => {
  const send = <T>(command: { input: unknown }) => client.send(command as never) as Promise<T>;
  await send(new sdk.CreateDefaultVpcCommand({}));
  const { Vpc } = await send<sdk.CreateVpcResult>(new sdk.CreateVpcCommand({ CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true, TagSpecifications: TAGS('vpc') }));
  const VpcId = Vpc!.VpcId!;
  const ipv6 = Vpc!.Ipv6CidrBlockAssociationSet![0]!.Ipv6CidrBlock!.replace('/56', '/64');
  const { Subnet } = await send<sdk.CreateSubnetResult>(new sdk.CreateSubnetCommand({ VpcId, CidrBlock: '10.0.1.0/24', Ipv6CidrBlock: ipv6, TagSpecifications: TAGS('subnet') }));
  const SubnetId = Subnet!.SubnetId!;
  await send(new sdk.ModifySubnetAttributeCommand({ SubnetId, MapPublicIpOnLaunch: { Value: true } }));
  const { InternetGateway } = await send<sdk.CreateInternetGatewayResult>(new sdk.CreateInternetGatewayCommand({ TagSpecifications: TAGS('internet-gateway') }));
  await send(new sdk.AttachInternetGatewayCommand({ InternetGatewayId: InternetGateway!.InternetGatewayId!, VpcId }));
  const { RouteTable } = await send<sdk.CreateRouteTableResult>(new sdk.CreateRouteTableCommand({ VpcId }));
  await send(new sdk.CreateRouteCommand({ RouteTableId: RouteTable!.RouteTableId!, DestinationCidrBlock: '0.0.0.0/0', GatewayId: InternetGateway!.InternetGatewayId! }));
  await send(new sdk.AssociateRouteTableCommand({ RouteTableId: RouteTable!.RouteTableId!, SubnetId }));
  const address = await send<sdk.AllocateAddressResult>(new sdk.AllocateAddressCommand({ Domain: 'vpc' }));
  await send(new sdk.CreateNatGatewayCommand({ SubnetId, AllocationId: address.AllocationId!, TagSpecifications: TAGS('natgateway') }));
  const web = await send<sdk.CreateSecurityGroupResult>(new sdk.CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web tier', VpcId, TagSpecifications: TAGS('security-group') }));
  const db = await send<sdk.CreateSecurityGroupResult>(new sdk.CreateSecurityGroupCommand({ GroupName: 'db', Description: 'data tier', VpcId }));
  await send(
    new sdk.AuthorizeSecurityGroupIngressCommand({
      GroupId: db.GroupId!,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: web.GroupId!, Description: 'from web' }] },
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/16' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] },
      ],
    }),
  );
  const { NetworkAcl } = await send<sdk.CreateNetworkAclResult>(new sdk.CreateNetworkAclCommand({ VpcId, TagSpecifications: TAGS('network-acl') }));
  await send(new sdk.CreateNetworkAclEntryCommand({ NetworkAclId: NetworkAcl!.NetworkAclId!, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } }));
  await send(new sdk.CreateNetworkAclEntryCommand({ NetworkAclId: NetworkAcl!.NetworkAclId!, RuleNumber: 110, Protocol: '1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0', IcmpTypeCode: { Type: 8, Code: 0 } }));
  await send(new sdk.CreateNetworkInterfaceCommand({ SubnetId, Groups: [web.GroupId!], Description: 'spare', TagSpecifications: TAGS('network-interface') }));
  await send(new sdk.CreateKeyPairCommand({ KeyName: 'lab', TagSpecifications: TAGS('key-pair') }));
  const template = await send<sdk.CreateLaunchTemplateResult>(
    new sdk.CreateLaunchTemplateCommand({
      LaunchTemplateName: 'web',
      LaunchTemplateData: {
        ImageId: 'ami-0123456789abcdef0',
        InstanceType: 't3.micro',
        SecurityGroupIds: [web.GroupId!],
        MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1 },
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp3', Encrypted: true } }],
      },
    }),
  );
  await send(new sdk.CreateLaunchTemplateVersionCommand({ LaunchTemplateId: template.LaunchTemplate!.LaunchTemplateId!, SourceVersion: '1', LaunchTemplateData: { InstanceType: 't3.small' } }));
  const run = await send<sdk.Reservation>(
    new sdk.RunInstancesCommand({
      MinCount: 1,
      MaxCount: 1,
      LaunchTemplate: { LaunchTemplateName: 'web', Version: '1' },
      KeyName: 'lab',
      SubnetId,
      TagSpecifications: TAGS('instance'),
    }),
  );
  const InstanceId = run.Instances![0]!.InstanceId!;
  const volume = await send<sdk.Volume>(new sdk.CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'gp3', TagSpecifications: TAGS('volume') }));
  await send(new sdk.AttachVolumeCommand({ VolumeId: volume.VolumeId!, InstanceId, Device: '/dev/sdf' }));
  await send(new sdk.CreateSnapshotCommand({ VolumeId: volume.VolumeId!, Description: 'nightly', TagSpecifications: TAGS('snapshot') }));
});

const DESCRIBE_CALLS: [string, string][] = [
  ['DescribeVpcs', 'Vpcs'],
  ['DescribeSubnets', 'Subnets'],
  ['DescribeRouteTables', 'RouteTables'],
  ['DescribeInternetGateways', 'InternetGateways'],
  ['DescribeAddresses', 'Addresses'],
  ['DescribeNatGateways', 'NatGateways'],
  ['DescribeSecurityGroups', 'SecurityGroups'],
  ['DescribeNetworkAcls', 'NetworkAcls'],
  ['DescribeNetworkInterfaces', 'NetworkInterfaces'],
  ['DescribeInstances', 'Reservations'],
  ['DescribeKeyPairs', 'KeyPairs'],
  ['DescribeVolumes', 'Volumes'],
  ['DescribeSnapshots', 'Snapshots'],
  ['DescribeInstanceTypes', 'InstanceTypes'],
];

describe('Describe answers as the SDK reads them', () => {
  const wireCtx: WireCtx = { ...ctx, caller: { ...rootCaller(ACCOUNT, KEY.secretAccessKey).caller, accessKeyId: KEY.accessKeyId } };
  it.each(DESCRIBE_CALLS)('%s', async (action, list) => {
    const Command = (sdk as unknown as Record<string, new (input: object) => sdk.DescribeVpcsCommand>)[`${action}Command`]!;
    const theirs = (await client.send(new Command({}))) as unknown as Record<string, unknown>;
    const ours = ec2Service.actions[action]!(state, {}, wireCtx, { principalArn: wireCtx.caller.arn }) as Record<string, unknown[]>;
    expect(ours[list]!.length, action).toBeGreaterThan(0);
    expectCovered(ours[list], theirs[list], list, list);
  });

  it('DescribeLaunchTemplateVersions', async () => {
    const theirs = await client.send(new sdk.DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: 'web' }));
    const ours = ec2Service.actions.DescribeLaunchTemplateVersions!(state, { LaunchTemplateName: 'web' }, wireCtx, { principalArn: wireCtx.caller.arn }) as { LaunchTemplateVersions: unknown[] };
    expectCovered(ours.LaunchTemplateVersions, theirs.LaunchTemplateVersions, 'LaunchTemplateVersions');
  });

  it('DescribeSnapshotAttribute and the EBS settings', async () => {
    const [snapshot] = (await client.send(new sdk.DescribeSnapshotsCommand({}))).Snapshots!;
    await client.send(new sdk.ModifySnapshotAttributeCommand({ SnapshotId: snapshot!.SnapshotId!, Attribute: 'createVolumePermission', OperationType: 'add', UserIds: ['444455556666'] }));
    const attribute = await client.send(new sdk.DescribeSnapshotAttributeCommand({ SnapshotId: snapshot!.SnapshotId!, Attribute: 'createVolumePermission' }));
    expect(attribute.CreateVolumePermissions).toEqual([{ UserId: '444455556666' }]);
    expect((await client.send(new sdk.EnableEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault).toBe(true);
    expect((await client.send(new sdk.GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\//);
  });
});
