import { z } from 'zod';
import { launchTemplateDataSchema } from '../schemas/launch-template.ts';
import { oneOf } from '../schemas/common.ts';
import { kebabId, text } from './fields.ts';

// The launch template task and its checks: the learner writes the data of a new default version of a
// template the setup created (CreateLaunchTemplateVersion, ModifyLaunchTemplate), `resource` reads one
// property of the final account, and `equivalent-launch-template` compares every field that matters
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-templates.html).

/** The task fields of a `launch-template` task (the common ones are added by the lab schema). */
export const launchTemplateTaskFields = {
  kind: z.literal('launch-template').describe('The learner writes the launch parameters of a launch template the setup created'),
  language: oneOf(['json', 'yaml'], '`language`').prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
  LaunchTemplateName: text('`LaunchTemplateName`').describe('The template of `setup.ec2.launchTemplates` whose new default version the answer becomes (CreateLaunchTemplateVersion, then ModifyLaunchTemplate)'),
};

/** A learner's `launch-template` answer: `LaunchTemplateData`, security groups and subnets by their lab names. */
export const launchTemplateAnswerSchema = z
  .strictObject({ LaunchTemplateData: launchTemplateDataSchema })
  .describe('The launch template data as CreateLaunchTemplateVersion takes it; `SecurityGroupIds`, `NetworkInterfaces[].Groups` and `SubnetId` name lab resources, `IamInstanceProfile` takes a `Name`');

const RESOURCE_TYPES = ['launch-template', 'security-group', 'instance-profile', 'ebs-encryption', 'snapshot', 'ecr-repository'] as const;

export const resourceCheckSchema = z
  .strictObject({
    type: oneOf(RESOURCE_TYPES, '`type`').describe('`launch-template` (its default version, as DescribeLaunchTemplateVersions shows it), `security-group` (DescribeSecurityGroups), `instance-profile` (GetInstanceProfile), `ebs-encryption` (GetEbsEncryptionByDefault and GetEbsDefaultKmsKeyId of the region `name`), `snapshot` (DescribeSnapshots with its `CreateVolumePermissions`) or `ecr-repository` (DescribeRepositories)'),
    name: text('`name`').describe('The resource by its name: `LaunchTemplateName`, `GroupName`, `InstanceProfileName`, a region, a snapshot\'s `Name` tag or `repositoryName`'),
    path: text('`path`').describe('Where the property is, in AWS field names: `LaunchTemplateData.MetadataOptions.HttpTokens`, `IpPermissions[0].FromPort`, `Roles[0].RoleName`'),
    equals: z.unknown().optional().describe('The value the property must have (compared as JSON)'),
    exists: z.boolean().optional().describe('`false`: the property must be left out; `true`: it must be there'),
  })
  .refine((r) => (r.equals === undefined) !== (r.exists === undefined), { error: 'a `resource` check needs exactly one of `equals` and `exists`' })
  .describe('Read one property of a resource of the final account and compare it');

export const equivalentLaunchTemplateSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `launch-template` task whose effective template data is compared with the solution's"),
    subnet: text('`subnet`').optional().describe("The subnet, by name, where an instance of each side's template is launched when the template names none; the lab's first subnet when left out"),
    examples: z.number().int().min(1).max(20).prefault(20).describe('How many differing fields and behaviours the explanation shows'),
  })
  .describe(
    "Compare the template the answer leaves with the solution's on every field that matters, AWS defaults filled in: IMDS tokens, hop limit and endpoint, public IP and security groups of the instance's interface, instance profile, instance family, each volume's encryption and type, user data present, key pair; and an instance launched from each side's template (RunInstances) in the lab's subnet: launched or refused, IMDSv1 answering, the role's credentials reachable, a public address, what the internet can open on it",
  );
