import {
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateDefaultVpcCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeInstancesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  EC2Client,
  paginateDescribeSubnets,
  RunInstancesCommand,
  TerminateInstancesCommand,
  type EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure as failed, startAwsAttempt, type AttemptCredentials, type AwsAttempt } from './support/aws-attempt.ts';

// The real `@aws-sdk/client-ec2` against the real Node server: EC2's Query dialect as a learner's script
// sends it, on the attempt's own account.

let attempt: AwsAttempt;
let credentials: AttemptCredentials;
const config = (keys?: { accessKeyId: string; secretAccessKey: string }) => attempt.clientConfig(keys);
const ec2 = (keys?: { accessKeyId: string; secretAccessKey: string }) => new EC2Client(config(keys));
const failure = (promise: Promise<unknown>) => failed<EC2ServiceException>(promise);

beforeAll(async () => {
  attempt = await startAwsAttempt('iam-s3-read-only');
  credentials = attempt.credentials;
});

afterAll(() => attempt.close());

describe('a VPC built with the EC2 SDK', () => {
  let vpcId: string;
  let subnetIds: string[];
  let groupId: string;

  it('creates a tagged VPC and reads it back by filter', async () => {
    const { Vpc } = await ec2().send(
      new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'lab-vpc' }] }] }),
    );
    expect(Vpc).toMatchObject({ CidrBlock: '10.0.0.0/16', State: 'available', IsDefault: false, OwnerId: credentials.accountId, Tags: [{ Key: 'Name', Value: 'lab-vpc' }] });
    vpcId = Vpc!.VpcId!;
    const { Vpcs } = await ec2().send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['lab-*'] }] }));
    expect(Vpcs?.map((v) => v.VpcId)).toEqual([vpcId]);
    expect((await ec2().send(new DescribeVpcsCommand({ VpcIds: [vpcId] }))).Vpcs?.[0]?.CidrBlock).toBe('10.0.0.0/16');
  });

  it('creates subnets in two zones and pages through them', async () => {
    subnetIds = [];
    for (let i = 0; i < 6; i++) {
      const { Subnet } = await ec2().send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: i % 2 === 0 ? 'us-east-1a' : 'us-east-1b' }));
      expect(Subnet).toMatchObject({ VpcId: vpcId, AvailableIpAddressCount: 251, MapPublicIpOnLaunch: false });
      subnetIds.push(Subnet!.SubnetId!);
    }
    const first = await ec2().send(new DescribeSubnetsCommand({ MaxResults: 5 }));
    expect(first.Subnets).toHaveLength(5);
    expect(first.NextToken).toBeTypeOf('string');
    const pages = [];
    for await (const page of paginateDescribeSubnets({ client: ec2(), pageSize: 5 }, {})) pages.push(page.Subnets?.map((s) => s.SubnetId));
    expect(pages.flat()).toEqual(subnetIds);
    expect(pages).toHaveLength(2);
    const zoneB = await ec2().send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'availability-zone', Values: ['us-east-1b'] }] }));
    expect(zoneB.Subnets?.map((s) => s.SubnetId)).toEqual([subnetIds[1], subnetIds[3], subnetIds[5]]);
  });

  it('attaches an internet gateway and routes the internet to it', async () => {
    const { InternetGateway } = await ec2().send(new CreateInternetGatewayCommand({}));
    const igwId = InternetGateway!.InternetGatewayId!;
    await ec2().send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));
    const { RouteTable } = await ec2().send(new CreateRouteTableCommand({ VpcId: vpcId }));
    const tableId = RouteTable!.RouteTableId!;
    expect((await ec2().send(new CreateRouteCommand({ RouteTableId: tableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId }))).Return).toBe(true);
    const { RouteTables } = await ec2().send(new DescribeRouteTablesCommand({ Filters: [{ Name: 'route.gateway-id', Values: [igwId] }] }));
    expect(RouteTables?.map((t) => t.RouteTableId)).toEqual([tableId]);
    expect(RouteTables?.[0]?.Routes).toEqual([
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId, State: 'active', Origin: 'CreateRoute' },
    ]);
  });

  it('creates a security group that lets HTTPS in', async () => {
    const created = await ec2().send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web tier', VpcId: vpcId }));
    groupId = created.GroupId!;
    await ec2().send(
      new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'anyone' }] }] }),
    );
    const { SecurityGroups } = await ec2().send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'ip-permission.from-port', Values: ['443'] }] }));
    expect(SecurityGroups).toHaveLength(1);
    expect(SecurityGroups?.[0]).toMatchObject({
      GroupId: groupId,
      GroupName: 'web',
      Description: 'web tier',
      VpcId: vpcId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'anyone' }] }],
    });
  });

  it('runs instances, describes them by filter and terminates one', async () => {
    const run = await ec2().send(
      new RunInstancesCommand({
        ImageId: 'ami-0123456789abcdef0',
        InstanceType: 't3.micro',
        MinCount: 2,
        MaxCount: 2,
        SubnetId: subnetIds[0],
        SecurityGroupIds: [groupId],
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
      }),
    );
    expect(run.Instances).toHaveLength(2);
    expect(run.Instances?.[0]).toMatchObject({ InstanceType: 't3.micro', SubnetId: subnetIds[0], VpcId: vpcId, SecurityGroups: [{ GroupId: groupId, GroupName: 'web' }], Tags: [{ Key: 'Name', Value: 'web' }] });
    expect(run.Instances?.[0]?.State?.Name).toMatch(/^(pending|running)$/);
    expect(run.Instances?.[0]?.PrivateIpAddress).toMatch(/^10\.0\.0\.\d+$/);
    const ids = run.Instances!.map((i) => i.InstanceId!);
    const terminated = await ec2().send(new TerminateInstancesCommand({ InstanceIds: [ids[1]!] }));
    expect(terminated.TerminatingInstances?.[0]).toMatchObject({ InstanceId: ids[1], CurrentState: { Name: expect.stringMatching(/^(shutting-down|terminated)$/) } });
    const { Reservations } = await ec2().send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['web'] }, { Name: 'instance-state-name', Values: ['pending', 'running'] }] }));
    expect(Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId)).toEqual([ids[0]]);
  });
});

describe('DryRun', () => {
  it('answers DryRunOperation for a caller who may, and changes nothing', async () => {
    const before = (await ec2().send(new DescribeVpcsCommand({}))).Vpcs?.length;
    const error = await failure(ec2().send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16', DryRun: true })));
    expect(error.name).toBe('DryRunOperation');
    expect(error.$metadata.httpStatusCode).toBe(412);
    expect(error.message).toBe('Request would have succeeded, but DryRun flag is set.');
    expect((await ec2().send(new DescribeVpcsCommand({}))).Vpcs?.length).toBe(before);
  });

  it("answers UnauthorizedOperation for the lab's S3-only user, dry run or not, in AWS's words", async () => {
    const iam = new IAMClient(config());
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'app-reader' }));
    const reader = ec2({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! });
    const message = `You are not authorized to perform this operation. User: arn:aws:iam::${credentials.accountId}:user/app-reader is not authorized to perform: ec2:CreateVpc on resource: arn:aws:ec2:us-east-1:${credentials.accountId}:vpc/* because no identity-based policy allows the ec2:CreateVpc action`;
    for (const DryRun of [true, false]) {
      const error = await failure(reader.send(new CreateVpcCommand({ CidrBlock: '10.8.0.0/16', DryRun })));
      expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual(['UnauthorizedOperation', 403, message]);
    }
  });
});

describe("the account's own IAM decides EC2 calls", () => {
  it('lets a tag condition on the instance decide who may terminate it (aws:ResourceTag)', async () => {
    const iam = new IAMClient(config());
    await iam.send(new CreateUserCommand({ UserName: 'red-ops' }));
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': 'red' } } }],
    };
    await iam.send(new PutUserPolicyCommand({ UserName: 'red-ops', PolicyName: 'terminate-red', PolicyDocument: JSON.stringify(policy) }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'red-ops' }));
    const ops = ec2({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! });
    await ec2().send(new CreateDefaultVpcCommand({}));
    const launch = async (team: string) => {
      const tags = [{ ResourceType: 'instance' as const, Tags: [{ Key: 'team', Value: team }] }];
      const run = await ec2().send(new RunInstancesCommand({ ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, TagSpecifications: tags }));
      return run.Instances![0]!.InstanceId!;
    };
    const red = await launch('red');
    const blue = await launch('blue');
    expect((await ops.send(new TerminateInstancesCommand({ InstanceIds: [red] }))).TerminatingInstances?.[0]?.InstanceId).toBe(red);
    const refused = await failure(ops.send(new TerminateInstancesCommand({ InstanceIds: [blue] })));
    expect([refused.name, refused.$metadata.httpStatusCode]).toEqual(['UnauthorizedOperation', 403]);
    expect(refused.message).toContain(`on resource: arn:aws:ec2:us-east-1:${credentials.accountId}:instance/${blue}`);
  });
});

describe('EC2 errors', () => {
  it("answers a resource that does not exist with EC2's code", async () => {
    const error = await failure(ec2().send(new DescribeVpcsCommand({ VpcIds: ['vpc-00000000000000000'] })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidVpcID.NotFound', 400]);
  });

  it('answers a wrong secret with AuthFailure, as EC2 does', async () => {
    const error = await failure(ec2({ accessKeyId: credentials.accessKeyId, secretAccessKey: 'x'.repeat(40) }).send(new DescribeVpcsCommand({})));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['AuthFailure', 401]);
  });

  it('refuses a filter the call does not know instead of ignoring it', async () => {
    const error = await failure(ec2().send(new DescribeVpcsCommand({ Filters: [{ Name: 'cidr-blok', Values: ['10.0.0.0/16'] }] })));
    expect(error.name).toBe('InvalidParameterValue');
  });

  it('answers an EC2 action the emulator does not model with NotImplemented, never a fake success', async () => {
    const res = await ec2().send(new DescribeVpcsCommand({})).then(() => 'ok');
    expect(res).toBe('ok');
    const { DescribeRegionsCommand } = await import('@aws-sdk/client-ec2');
    const error = await failure(ec2().send(new DescribeRegionsCommand({})));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['NotImplemented', 501]);
    expect(error.message).toBe('the emulated account does not model `ec2:DescribeRegions` yet');
  });
});
