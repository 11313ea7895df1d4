import { z } from 'zod';
import { ebsEncryptionSetupSchema, snapshotSetupSchema, volumeSetupSchema } from './ebs-settings.ts';
import { cidrIpv4 } from '../schemas/common.ts';
import { naclEntrySchema } from '../schemas/network-acl.ts';
import { ipPermissionSchema } from '../schemas/security-group.ts';
import { launchTemplateSetupSchema } from './launch-template-setup.ts';
import { resourceName, text } from './fields.ts';
import { natGatewaySetupSchema, routeSchema } from './route-table-task.ts';

// The EC2 part of a lab's setup, in the field names of the EC2 API (CreateVpc, CreateSubnet, RunInstances …).
// AWS assigns ids per attempt, so every resource carries a lab-level `Name` (stored as its `Name` tag, or
// the `GroupName` of a security group) and fields that take an id (`VpcId`, `SubnetId`, `GatewayId`,
// `SecurityGroupIds`, `UserIdGroupPairs[].GroupName`) take that name instead, as a CloudFormation `!Ref` would.

const name = (what: string) => text(`a ${what} name`).describe(`The ${what}'s name, stored as its \`Name\` tag and used by checks`);

const vpcSchema = z
  .strictObject({ Name: name('vpc'), CidrBlock: cidrIpv4.describe('The VPC block, /16 to /28') })
  .describe('A VPC (CreateVpc): it comes with its main route table, default network ACL and default security group');

const internetGatewaySchema = z
  .strictObject({ Name: name('internet gateway'), VpcId: resourceName('vpc').optional().describe('The VPC to attach it to (AttachInternetGateway)') })
  .describe('An internet gateway (CreateInternetGateway)');

const subnetSchema = z
  .strictObject({
    Name: name('subnet'),
    VpcId: resourceName('vpc'),
    CidrBlock: cidrIpv4.describe('The subnet block, inside the VPC block'),
    AvailabilityZone: z.string().optional().describe('The Availability Zone, such as `us-east-1a`'),
    MapPublicIpOnLaunch: z.boolean().optional().describe('Whether instances launched here get a public IPv4 address (ModifySubnetAttribute)'),
  })
  .describe('A subnet (CreateSubnet)');

const associationsSchema = z
  .array(z.strictObject({ SubnetId: resourceName('subnet') }).describe('A subnet association'))
  .prefault([])
  .describe('The subnets it is associated with');

const routeTableSchema = z
  .strictObject({
    Name: name('route table'),
    VpcId: resourceName('vpc'),
    Routes: z.array(routeSchema).prefault([]).describe('Routes besides the local route'),
    Associations: associationsSchema,
  })
  .describe('A route table (CreateRouteTable, CreateRoute, AssociateRouteTable)');

const networkAclSchema = z
  .strictObject({
    Name: name('network acl'),
    VpcId: resourceName('vpc'),
    Entries: z.array(naclEntrySchema).prefault([]).describe('Entries (CreateNetworkAclEntry); a new ACL denies everything until entries are added'),
    Associations: associationsSchema,
  })
  .describe('A custom network ACL (CreateNetworkAcl, ReplaceNetworkAclAssociation)');

const securityGroupSchema = z
  .strictObject({
    GroupName: name('security group').describe('The group name, unique in its VPC; checks, tasks and rules refer to the group by it'),
    Description: text('`Description`').describe('The group description'),
    VpcId: resourceName('vpc'),
    IpPermissions: z.array(ipPermissionSchema).optional().describe('Inbound rules; refer to other groups with `UserIdGroupPairs: [{ GroupName }]`'),
    IpPermissionsEgress: z.array(ipPermissionSchema).optional().describe('Outbound rules, replacing the default allow-all rule when given'),
  })
  .describe('A security group (CreateSecurityGroup, AuthorizeSecurityGroupIngress/Egress)');

const instanceSchema = z
  .strictObject({
    Name: name('instance'),
    SubnetId: resourceName('subnet'),
    SecurityGroupIds: z.array(resourceName('security group')).min(1, { error: 'an instance needs at least one security group' }).describe('Its security groups, by name'),
    AssociatePublicIpAddress: z.boolean().optional().describe("Whether it gets a public IPv4 address; the subnet's `MapPublicIpOnLaunch` when left out"),
    PrivateIpAddress: z.string().optional().describe('A fixed private address in the subnet'),
    InstanceType: z.string().prefault('t3.micro').describe('The instance type'),
    ImageId: z.string().prefault('ami-0abcdef1234567890').describe('The AMI id'),
  })
  .describe('An instance (RunInstances) with one network interface');

/** The EC2 network a lab starts from. */
export const ec2SetupSchema = z
  .strictObject({
    vpcs: z.array(vpcSchema).prefault([]).describe('VPCs'),
    internetGateways: z.array(internetGatewaySchema).prefault([]).describe('Internet gateways'),
    subnets: z.array(subnetSchema).prefault([]).describe('Subnets'),
    natGateways: z.array(natGatewaySetupSchema).prefault([]).describe('NAT gateways, created after the subnets and before the route tables that name them'),
    routeTables: z.array(routeTableSchema).prefault([]).describe('Route tables'),
    networkAcls: z.array(networkAclSchema).prefault([]).describe('Custom network ACLs'),
    securityGroups: z.array(securityGroupSchema).prefault([]).describe('Security groups, created before their rules so rules may refer to any of them'),
    instances: z.array(instanceSchema).prefault([]).describe('Instances'),
    launchTemplates: z.array(launchTemplateSetupSchema).prefault([]).describe('Launch templates (CreateLaunchTemplate), created after the security groups they name'),
    ebsEncryption: ebsEncryptionSetupSchema.optional(),
    volumes: z.array(volumeSetupSchema).prefault([]).describe('EBS volumes (CreateVolume), after the encryption setting'),
    snapshots: z.array(snapshotSetupSchema).prefault([]).describe('EBS snapshots (CreateSnapshot) of the volumes'),
  })
  .prefault({})
  .describe('EC2 and VPC resources');

/** The EC2 part of a lab's setup. */
export type Ec2Setup = z.output<typeof ec2SetupSchema>;
