import { z } from 'zod';
import { int, list, oneOf, str, tags } from './common.ts';

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RequestLaunchTemplateData.html

const ebs = z
  .strictObject({
    DeleteOnTermination: z.boolean().optional().describe('Delete the volume when the instance terminates'),
    Encrypted: z.boolean().optional().describe('Encrypt the volume (unencrypted unless the account enables EBS encryption by default)'),
    Iops: int(100, 256000, '`Iops`').optional().describe('Provisioned IOPS (io1, io2, gp3)'),
    KmsKeyId: z.string().optional().describe('The KMS key for encryption'),
    SnapshotId: z.string().optional().describe('The snapshot to create the volume from'),
    VolumeSize: int(1, 65536, '`VolumeSize`').optional().describe('The size in GiB (1-16384 for gp2/gp3, up to 65536 for io2)'),
    VolumeType: oneOf(['standard', 'io1', 'io2', 'gp2', 'gp3', 'sc1', 'st1'], '`VolumeType`').optional().describe('The volume type'),
    Throughput: int(125, 2000, '`Throughput`').optional().describe('Throughput in MiB/s (gp3 only)'),
  })
  .describe('An EBS volume');

/** Launch template data as `CreateLaunchTemplate` takes it. */
export const launchTemplateDataSchema = z
  .strictObject({
    ImageId: z.string().optional().describe('The AMI (`ami-…`)'),
    InstanceType: z.string().optional().describe('The instance type, such as `t3.micro`'),
    KeyName: str('`KeyName`', 255).optional().describe('The key pair for SSH'),
    SecurityGroupIds: list(z.string(), 'security groups', 16).optional().describe('Security group ids (at most 16 per interface)'),
    SecurityGroups: list(z.string(), 'security groups', 16).optional().describe('Security group names (default VPC)'),
    UserData: z.string().max(21848, { error: '`UserData` must be at most 16 KB before base64 encoding' }).optional().describe('Base64-encoded user data (at most 16 KB raw)'),
    IamInstanceProfile: z.strictObject({ Arn: z.string().optional().describe('The profile ARN'), Name: z.string().optional().describe('The profile name') }).optional().describe('The instance profile'),
    BlockDeviceMappings: list(
      z
        .strictObject({
          DeviceName: z.string().optional().describe('The device name, such as `/dev/xvda`'),
          VirtualName: z.string().optional().describe('An instance store volume (`ephemeral0`)'),
          NoDevice: z.string().optional().describe('Suppress the device from the AMI'),
          Ebs: ebs.optional(),
        })
        .describe('A block device'),
      'block devices',
      64,
    )
      .optional()
      .describe('Volumes to attach at launch'),
    MetadataOptions: z
      .strictObject({
        HttpTokens: oneOf(['optional', 'required'], '`HttpTokens`').optional().describe('`required` allows only IMDSv2 (session tokens); `optional` also allows IMDSv1'),
        HttpPutResponseHopLimit: int(1, 64, '`HttpPutResponseHopLimit`').optional().describe('How many network hops the IMDSv2 token may travel (1-64)'),
        HttpEndpoint: oneOf(['enabled', 'disabled'], '`HttpEndpoint`').optional().describe('Whether the metadata service is reachable'),
        HttpProtocolIpv6: oneOf(['enabled', 'disabled'], '`HttpProtocolIpv6`').optional().describe('The IPv6 metadata endpoint'),
        InstanceMetadataTags: oneOf(['enabled', 'disabled'], '`InstanceMetadataTags`').optional().describe('Tags readable from metadata'),
      })
      .optional()
      .describe('Instance metadata service (IMDS) options'),
    NetworkInterfaces: list(
      z
        .strictObject({
          DeviceIndex: int(0, 31, '`DeviceIndex`').optional().describe('The interface position'),
          AssociatePublicIpAddress: z.boolean().optional().describe('Give the interface a public IPv4 address'),
          SubnetId: z.string().optional().describe('The subnet'),
          Groups: list(z.string(), 'security groups', 16).optional().describe('Security group ids'),
          DeleteOnTermination: z.boolean().optional().describe('Delete with the instance'),
          Description: z.string().optional().describe('A description'),
        })
        .describe('A network interface'),
      'network interfaces',
      32,
    )
      .optional()
      .describe('Network interfaces'),
    Monitoring: z.strictObject({ Enabled: z.boolean().describe('Detailed (1-minute) monitoring') }).optional().describe('CloudWatch monitoring'),
    EbsOptimized: z.boolean().optional().describe('EBS-optimised I/O'),
    InstanceInitiatedShutdownBehavior: oneOf(['stop', 'terminate'], '`InstanceInitiatedShutdownBehavior`').optional().describe('What an OS shutdown does'),
    DisableApiTermination: z.boolean().optional().describe('Termination protection'),
    DisableApiStop: z.boolean().optional().describe('Stop protection'),
    TagSpecifications: list(z.strictObject({ ResourceType: z.string().describe('What to tag, such as `instance`'), Tags: tags }).describe('Tags for launched resources'), 'tag specifications', 10)
      .optional()
      .describe('Tags applied at launch'),
    Placement: z.looseObject({}).optional().describe('Placement (AZ, tenancy, group)'),
    CreditSpecification: z.strictObject({ CpuCredits: oneOf(['standard', 'unlimited'], '`CpuCredits`').describe('Burstable credit mode') }).optional().describe('T-family credit option'),
  })
  .describe('The launch parameters of a launch template');

/** A launch template: `{ LaunchTemplateName, LaunchTemplateData }` or the data alone. */
export const launchTemplateSchema = z
  .union([
    z
      .strictObject({
        LaunchTemplateName: z
          .string()
          .regex(/^[a-zA-Z0-9().\-/_]{3,128}$/, { error: 'a launch template name has 3-128 letters, digits and `( ) . - / _`' })
          .optional()
          .describe('The template name (3-128 characters)'),
        LaunchTemplateId: z.string().optional().describe('The template id'),
        VersionDescription: str('`VersionDescription`', 255).optional().describe('A description of this version'),
        LaunchTemplateData: launchTemplateDataSchema,
        TagSpecifications: z.array(z.looseObject({})).optional().describe('Tags for the template itself'),
      })
      .describe('A launch template'),
    launchTemplateDataSchema,
  ])
  .describe('A launch template or its data');
