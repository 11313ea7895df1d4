import { z } from 'zod';
import { asgTaskSchema } from './asg-task.ts';
import { labCheckSchema } from './checks.ts';
import { ec2SetupSchema } from './ec2-setup.ts';
import { albListenerRulesTaskFields } from './alb-checks.ts';
import { elbv2SetupSchema } from './elbv2-setup.ts';
import { launchTemplateTaskFields } from './launch-template-checks.ts';
import { ebsSettingsTaskFields, kmsKeySetupSchema } from './ebs-settings.ts';
import { ecrRepositoryTaskFields, repositorySetupSchema } from './ecr-repository.ts';
import { kebabId, policyDocument, resourceName, text } from './fields.ts';
import { quizTaskFields } from './quiz.ts';
import { bucketConfigurationFields, s3BucketTaskFields } from './s3-bucket-task.ts';
import { routeTableTaskFields } from './route-table-task.ts';
import { targetGroupTaskFields } from './target-group-task.ts';
import { cloudwatchAlarmTaskFields } from './cloudwatch-alarm-task.ts';
import { labTrackSchema } from './tracks.ts';

// The lab format, version 1 (DESIGN §3). Every string may use `{{ param }}` templates, filled in per attempt.

/** A param drawn per attempt from the attempt's seed, so every learner gets their own variant. */
export const labParamSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('account-id').describe('A 12-digit AWS account id') }).describe('A random 12-digit account id'),
      z
        .strictObject({
          kind: z.literal('choice').describe('One of the listed values'),
          values: z.array(text('a choice value')).min(1, { error: 'a choice needs at least one value' }).describe('The values to pick from, with equal chance'),
        })
        .describe('One value picked from a list'),
      z
        .strictObject({
          kind: z.literal('integer').describe('A whole number in a range'),
          min: z.number().int().describe('The smallest value (inclusive)'),
          max: z.number().int().describe('The largest value (inclusive)'),
        })
        .refine((p) => p.min <= p.max, { error: '`min` must not be greater than `max`', path: ['max'] })
        .describe('A whole number between `min` and `max`'),
    ],
    { error: 'a param needs a `kind`: `account-id`, `choice` or `integer`' },
  )
  .describe('How to draw the value of a param');

/** An inline policy embedded in a user or a role. */
const inlinePolicySchema = z.strictObject({ PolicyName: text('`PolicyName`').describe('The inline policy name'), PolicyDocument: policyDocument }).describe('An inline policy');

const userSchema = z
  .strictObject({
    UserName: text('`UserName`').describe('The IAM user name'),
    Path: z.string().optional().describe('The IAM path, `/` when left out'),
    UserPolicyList: z
      .array(inlinePolicySchema)
      .optional()
      .describe('Inline policies embedded in the user (as in GetAccountAuthorizationDetails)'),
    AttachedManagedPolicies: z
      .array(z.strictObject({ PolicyArn: text('`PolicyArn`').describe('The ARN of a managed policy created in `iam.policies`') }))
      .optional()
      .describe('Managed policies attached to the user'),
  })
  .describe('An IAM user to create');

const roleSchema = z
  .strictObject({
    RoleName: text('`RoleName`').describe('The IAM role name'),
    Path: z.string().optional().describe('The IAM path, `/` when left out'),
    Description: z.string().optional().describe('What the role is for'),
    AssumeRolePolicyDocument: policyDocument.describe('The trust policy: who may assume the role (CreateRole)'),
    RolePolicyList: z
      .array(inlinePolicySchema)
      .optional()
      .describe('Inline permissions policies embedded in the role (as in GetAccountAuthorizationDetails)'),
    AttachedManagedPolicies: z
      .array(z.strictObject({ PolicyArn: text('`PolicyArn`').describe('The ARN of a managed policy: one created in `iam.policies`, or an AWS managed policy') }))
      .optional()
      .describe('Managed policies attached to the role'),
  })
  .describe('An IAM role to create');

const instanceProfileSchema = z
  .strictObject({
    InstanceProfileName: text('`InstanceProfileName`').describe('The instance profile name'),
    Path: z.string().optional().describe('The IAM path, `/` when left out'),
    Roles: z.array(text('a role name')).max(1, { error: 'an instance profile holds at most one role' }).optional().describe('The role the profile passes to EC2 instances, by `RoleName`'),
  })
  .describe('An instance profile to create, the container EC2 uses to pass a role to an instance');

const managedPolicySchema = z
  .strictObject({
    PolicyName: text('`PolicyName`').describe('The managed policy name'),
    Path: z.string().optional().describe('The IAM path, `/` when left out'),
    Description: z.string().optional().describe('What the policy is for'),
    PolicyDocument: policyDocument,
  })
  .describe('A customer managed policy to create');

const bucketSchema = z
  .strictObject({
    Name: text('`Name`').describe('The bucket name (S3 naming rules apply)'),
    Objects: z
      .array(
        z
          .strictObject({
            Key: text('`Key`').describe('The object key'),
            Body: z.string().optional().describe('The object content as text'),
            ContentType: z.string().optional().describe('The object media type'),
            Tagging: z.array(z.strictObject({ Key: text('a tag key').describe('The tag key'), Value: z.string().describe('The tag value') }).describe('An object tag')).optional().describe('The object tags'),
          })
          .describe('An object to put in the bucket'),
      )
      .optional()
      .describe('Objects to put in the bucket'),
    ...bucketConfigurationFields,
  })
  .describe('An S3 bucket to create (with every Block Public Access setting on and SSE-S3, as new buckets are), then configured by its sections');

/** The account a lab starts from, in the shapes of the AWS APIs. */
export const labSetupSchema = z
  .strictObject({
    accountId: z.string().optional().describe('The emulated account id, usually `{{ accountId }}` from an `account-id` param'),
    iam: z
      .strictObject({
        policies: z.array(managedPolicySchema).prefault([]).describe('Customer managed policies, created before users'),
        users: z.array(userSchema).prefault([]).describe('IAM users'),
        roles: z.array(roleSchema).prefault([]).describe('IAM roles, created after managed policies'),
        instanceProfiles: z.array(instanceProfileSchema).prefault([]).describe('Instance profiles, created after roles'),
      })
      .prefault({})
      .describe('IAM resources'),
    s3: z
      .strictObject({
        buckets: z.array(bucketSchema).prefault([]).describe('S3 buckets'),
        accountPublicAccessBlock: bucketConfigurationFields.PublicAccessBlockConfiguration.describe("The account's Block Public Access settings (S3 Control's PutPublicAccessBlock)"),
      })
      .prefault({})
      .describe('S3 resources'),
    ec2: ec2SetupSchema,
    elbv2: elbv2SetupSchema,
    kms: z.strictObject({ keys: z.array(kmsKeySetupSchema).prefault([]).describe('Customer managed keys') }).prefault({}).describe('KMS keys, created first'),
    ecr: z.strictObject({ repositories: z.array(repositorySetupSchema).prefault([]).describe('Repositories') }).prefault({}).describe('ECR repositories'),
  })
  .prefault({})
  .describe('The emulated account before the learner acts');

/** The fields every kind of task has. */
const taskFields = {
  id: kebabId('task id').describe('The task id, the key of its answer'),
  title: text('a task title').describe('A short title'),
  prompt: text('a task prompt').describe('What to do, in markdown'),
  starter: z.string().prefault('').describe('The text the editor starts with'),
};

/**
 * Where an IAM task's answer comes from: the editor (the learner types it), or the attempt's live account
 * (the learner does it with the AWS CLI or SDK, and at submit the document the task names is read from the
 * account and graded exactly as if it had been typed).
 */
// Optional rather than defaulted: a lab that leaves it out parses exactly as before, so its content hash
// (which exam papers record) does not move.
const answerFrom = z
  .enum(['editor', 'live-account'])
  .optional()
  .describe("`live-account`: the learner makes the change with the AWS CLI or SDK; at submit the task's document is read from the attempt's account, and nothing else there counts. `editor` (the learner types it) when left out");

/** The editor language of the tasks whose answers are EC2 shapes, which read the same in either. */
const ec2AnswerLanguage = z.enum(['json', 'yaml']).prefault('yaml').describe('The editor language; answers may be JSON or YAML either way');

/** A task: what the learner submits. */
export const labTaskSchema = z
  .discriminatedUnion(
    'kind',
    [
      z
        .strictObject({
          kind: z.literal('iam-policy').describe('The learner writes an IAM policy document in JSON'),
          ...taskFields,
          answerFrom,
          apply: z
            .strictObject({
              action: z.literal('PutUserPolicy', { error: '`apply.action` must be `PutUserPolicy`' }).describe('The IAM action that installs the answer'),
              UserName: text('`UserName`').describe('The user that receives the inline policy'),
              PolicyName: text('`PolicyName`').describe('The inline policy name'),
            })
            .describe('How the answer is installed in the account'),
        })
        .describe('Write an IAM identity policy'),
      z
        .strictObject({
          kind: z.literal('security-groups').describe('The learner writes the rules of security groups the setup created'),
          ...taskFields,
          language: ec2AnswerLanguage,
          groups: z
            .array(resourceName('security group'))
            .min(1, { error: 'a security groups task needs at least one group' })
            .describe('The groups the learner sets, by `GroupName`; a group the answer lists replaces its rules (revoke, then authorize)'),
        })
        .describe('Write the inbound and outbound rules of security groups in `DescribeSecurityGroups` shape'),
      z
        .strictObject({
          kind: z.literal('nacl-entries').describe('The learner writes the entries of a network ACL the setup created'),
          ...taskFields,
          language: ec2AnswerLanguage,
          networkAcl: resourceName('network acl').describe('The ACL whose numbered entries the answer replaces (DeleteNetworkAclEntry, then CreateNetworkAclEntry)'),
        })
        .describe('Write the entries of a network ACL in `DescribeNetworkAcls` `Entries` shape'),
      z
        .strictObject({
          kind: z.literal('iam-trust-policy').describe('The learner writes the trust policy of a role the setup created'),
          ...taskFields,
          answerFrom,
          apply: z
            .strictObject({
              action: z.literal('UpdateAssumeRolePolicy', { error: '`apply.action` must be `UpdateAssumeRolePolicy`' }).describe('The IAM action that installs the answer'),
              RoleName: text('`RoleName`').describe('The role, from `setup.iam.roles`, whose trust policy the answer replaces'),
            })
            .describe('How the answer is installed in the account'),
        })
        .describe("Write a role's trust policy (a resource-based policy: who may assume the role)"),
      z.strictObject({ ...taskFields, ...albListenerRulesTaskFields }).describe("Write a listener's rules and default action in `DescribeRules` shape"),
      asgTaskSchema,
      z.strictObject({ ...taskFields, ...quizTaskFields }).describe('Answer single- and multiple-choice questions by the ids of the options picked'),
      z.strictObject({ ...taskFields, ...launchTemplateTaskFields }).describe('Write the launch parameters of a launch template (its new default version) in `LaunchTemplateData` shape'),
      z.strictObject({ ...taskFields, ...ebsSettingsTaskFields }).describe("Set the region's EBS encryption by default and its key, copy and share snapshots"),
      z.strictObject({ ...taskFields, ...ecrRepositoryTaskFields }).describe('Create an ECR repository: settings, repository policy and lifecycle policy'),
      z.strictObject({ ...taskFields, ...s3BucketTaskFields }).describe("Write a bucket's policy, Block Public Access, encryption, versioning and lifecycle in the shapes of the S3 Put* requests"),
      z.strictObject({ ...taskFields, ...routeTableTaskFields }).describe('Write the routes and subnet associations of route tables in `DescribeRouteTables` shape'),
      z.strictObject({ ...taskFields, ...targetGroupTaskFields }).describe('Write the health check settings of a target group as ModifyTargetGroup takes them'),
      z.strictObject({ ...taskFields, ...cloudwatchAlarmTaskFields }).describe('Write CloudWatch metric alarms in PutMetricAlarm shape'),
    ],
    { error: 'a task needs a `kind`: `iam-policy`, `iam-trust-policy`, `security-groups`, `nacl-entries`, `alb-listener-rules`, `auto-scaling-group`, `launch-template`, `ebs-settings`, `ecr-repository`, `s3-bucket`, `route-table`, `target-group`, `cloudwatch-alarm` or `quiz`' },
  )
  .describe('Something the learner submits');

const answersSchema = z.record(z.string(), z.string({ error: 'an answer must be text' })).describe('Answers by task id');

/** The check and security groups answer schemas live beside the lab format. */
export { labCheckSchema, securityGroupsAnswerSchema } from './checks.ts';
/** The EC2 part of a lab's setup. */
export { ec2SetupSchema, type Ec2Setup } from './ec2-setup.ts';
/** The ELBv2 part of a lab's setup. */
export { elbv2SetupSchema, type Elbv2Setup } from './elbv2-setup.ts';

/** The lab file format, version 1. */
export const labSchema = z
  .strictObject({
    apiVersion: z.literal('skylab.dev/v1', { error: '`apiVersion` must be `skylab.dev/v1`' }).describe('The lab format version'),
    id: kebabId('lab id').describe('The lab id; equals the folder name'),
    title: text('a title').describe('The lab title'),
    summary: text('a summary').describe('One or two sentences for the catalogue'),
    description: text('a description').describe('The lab introduction, in markdown'),
    difficulty: z.enum(['beginner', 'intermediate', 'advanced']).describe('How hard the lab is'),
    estimatedMinutes: z.number().int().min(1).max(600).describe('How long the lab takes, in minutes'),
    tags: z.array(kebabId('tag')).prefault([]).describe('Topics, for search'),
    track: labTrackSchema,
    params: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, { error: 'a param name must be letters and digits, starting with a letter' }), labParamSchema)
      .prefault({})
      .describe('Values drawn per attempt, used as `{{ name }}` in any string'),
    setup: labSetupSchema,
    tasks: z.array(labTaskSchema).min(1, { error: 'a lab needs at least one task' }).describe('What the learner submits'),
    checks: z.array(labCheckSchema).min(1, { error: 'a lab needs at least one check' }).describe('How the submission is graded'),
    hints: z
      .array(
        z
          .strictObject({
            text: text('a hint').describe('The hint, in markdown'),
            cost: z.number().min(0).prefault(0).describe('Points deducted for revealing it'),
          })
          .describe('A hint'),
      )
      .prefault([])
      .describe('Hints, in the order they are revealed'),
    maxSubmissions: z
      .number()
      .int()
      .min(1, { error: '`maxSubmissions` must be at least 1' })
      .optional()
      .describe('How many submissions one attempt may make; no limit when left out'),
    feedback: z
      .strictObject({
        checks: z
          .enum(['immediately', 'on-close'])
          .prefault('immediately')
          .describe('When learners see how each check went: `immediately` (as each check\'s `visibility` says) or `on-close` (only once the attempt is closed; the score shows either way)'),
      })
      .prefault({})
      .describe('When feedback is released to the learner'),
    solution: z.strictObject({ answers: answersSchema }).describe('The reference answers; they must score 100%'),
    wrongAnswers: z
      .array(
        z
          .strictObject({
            id: kebabId('wrong answer id').describe('The wrong answer id'),
            description: text('a description').describe('The mistake it represents'),
            answers: answersSchema,
            fails: z.array(kebabId('check id')).min(1, { error: 'a wrong answer must fail at least one check' }).describe('Exactly the checks it fails'),
          })
          .describe('A known-wrong answer and the checks it must fail'),
      )
      .prefault([])
      .describe('Known-wrong answers, run by the lab self-test'),
  })
  .describe('A Skylab lab');

/** A validated lab, format v1 (templates not yet filled in). */
export type Lab = z.output<typeof labSchema>;
/** A lab check. */
export type LabCheck = z.output<typeof labCheckSchema>;
/** A lab task. */
export type LabTask = z.output<typeof labTaskSchema>;
/** A lab param definition. */
export type LabParam = z.output<typeof labParamSchema>;
/** The lab's initial account. */
export type LabSetup = z.output<typeof labSetupSchema>;

/** The JSON Schema of the lab format, for editors (YAML language servers read it). */
export function labJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(labSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
