import { expect } from 'vitest';
import { saved, type CliSession } from './session.ts';

type Json = Record<string, unknown>;
const ids = (json: unknown, list: string, id: string) => ((json as Json)[list] as Json[]).map((item) => item[id]);

// A learner's VPC session with the CLI: a VPC with a public subnet, its internet route, a web security
// group and an instance, read back with `--filters`, and the DryRun answers.
export const session: CliSession = {
  lab: 'iam-s3-read-only',
  steps: [
    {
      name: 'creates a tagged VPC',
      args: ['ec2', 'create-vpc', '--cidr-block', '10.0.0.0/16', '--tag-specifications', 'ResourceType=vpc,Tags=[{Key=Name,Value=lab-vpc}]'],
      expect: (json, { accountId, vars }) => {
        expect(json).toMatchObject({ Vpc: { CidrBlock: '10.0.0.0/16', State: 'available', OwnerId: accountId, Tags: [{ Key: 'Name', Value: 'lab-vpc' }] } });
        vars.vpcId = ((json as Json).Vpc as Json).VpcId as string;
      },
    },
    {
      name: 'finds it by its Name tag',
      args: ['ec2', 'describe-vpcs', '--filters', 'Name=tag:Name,Values=lab-*'],
      expect: (json, context) => expect(ids(json, 'Vpcs', 'VpcId')).toEqual([saved(context, 'vpcId')]),
    },
    {
      name: 'says a dry run would succeed',
      args: ['ec2', 'create-vpc', '--cidr-block', '10.1.0.0/16', '--dry-run'],
      error: 'DryRunOperation',
    },
    {
      name: 'creates a subnet',
      args: (context) => ['ec2', 'create-subnet', '--vpc-id', saved(context, 'vpcId'), '--cidr-block', '10.0.1.0/24', '--availability-zone', 'us-east-1a'],
      expect: (json, { vars }) => {
        expect(json).toMatchObject({ Subnet: { CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', AvailableIpAddressCount: 251 } });
        vars.subnetId = ((json as Json).Subnet as Json).SubnetId as string;
      },
    },
    {
      name: 'makes it hand out public addresses',
      args: (context) => ['ec2', 'modify-subnet-attribute', '--subnet-id', saved(context, 'subnetId'), '--map-public-ip-on-launch'],
      expect: (json) => expect(json).toBeUndefined(),
    },
    {
      name: 'creates an internet gateway',
      args: ['ec2', 'create-internet-gateway'],
      expect: (json, { vars }) => {
        vars.igwId = ((json as Json).InternetGateway as Json).InternetGatewayId as string;
      },
    },
    {
      name: 'attaches it to the VPC',
      args: (context) => ['ec2', 'attach-internet-gateway', '--internet-gateway-id', saved(context, 'igwId'), '--vpc-id', saved(context, 'vpcId')],
    },
    {
      name: 'routes the internet to it from the main route table',
      args: (context) => ['ec2', 'describe-route-tables', '--filters', `Name=vpc-id,Values=${saved(context, 'vpcId')}`, 'Name=association.main,Values=true'],
      expect: (json, { vars }) => {
        expect(ids(json, 'RouteTables', 'RouteTableId')).toHaveLength(1);
        vars.tableId = ids(json, 'RouteTables', 'RouteTableId')[0] as string;
      },
    },
    {
      name: 'adds the default route',
      args: (context) => ['ec2', 'create-route', '--route-table-id', saved(context, 'tableId'), '--destination-cidr-block', '0.0.0.0/0', '--gateway-id', saved(context, 'igwId')],
      expect: (json) => expect(json).toEqual({ Return: true }),
    },
    {
      name: 'creates a web security group',
      args: (context) => ['ec2', 'create-security-group', '--group-name', 'web', '--description', 'web tier', '--vpc-id', saved(context, 'vpcId')],
      expect: (json, { vars }) => {
        vars.groupId = (json as Json).GroupId as string;
      },
    },
    {
      name: 'lets HTTPS in from anywhere',
      args: (context) => ['ec2', 'authorize-security-group-ingress', '--group-id', saved(context, 'groupId'), '--protocol', 'tcp', '--port', '443', '--cidr', '0.0.0.0/0'],
    },
    {
      name: 'shows the rule',
      args: (context) => ['ec2', 'describe-security-groups', '--group-ids', saved(context, 'groupId')],
      expect: (json) =>
        expect((json as Json).SecurityGroups).toMatchObject([{ GroupName: 'web', Description: 'web tier', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }]),
    },
    {
      name: 'runs an instance in the subnet',
      args: (context) => ['ec2', 'run-instances', '--image-id', 'ami-0123456789abcdef0', '--instance-type', 't3.micro', '--subnet-id', saved(context, 'subnetId'), '--security-group-ids', saved(context, 'groupId')],
      expect: (json, { vars }) => {
        const [instance] = (json as Json).Instances as Json[];
        expect(instance).toMatchObject({ InstanceType: 't3.micro', PublicIpAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
        vars.instanceId = instance!.InstanceId as string;
      },
    },
    {
      name: 'finds the running instance by filter',
      args: ['ec2', 'describe-instances', '--filters', 'Name=instance-type,Values=t3.micro', '--query', 'Reservations[].Instances[].InstanceId'],
      expect: (json, context) => expect(json).toEqual([saved(context, 'instanceId')]),
    },
    {
      name: 'refuses to delete a VPC that still has a subnet',
      args: (context) => ['ec2', 'delete-vpc', '--vpc-id', saved(context, 'vpcId')],
      error: 'DependencyViolation',
    },
    {
      name: 'answers an action the emulator does not model with NotImplemented',
      args: ['ec2', 'describe-regions'],
      error: 'NotImplemented',
    },
  ],
};
