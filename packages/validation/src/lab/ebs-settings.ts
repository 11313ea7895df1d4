import { z } from 'zod';
import { list, oneOf } from '../schemas/common.ts';
import { kebabId, policyDocument, resourceName, text } from './fields.ts';

// The EBS settings task, its setup and its exhaustive check: encryption by default and the default KMS key of
// the region (EnableEbsEncryptionByDefault, ModifyEbsDefaultKmsKeyId), snapshot copies (CopySnapshot) and who
// may create volumes from a snapshot (ModifySnapshotAttribute `createVolumePermission`), in the EC2 API's shapes
// (https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html,
// https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html).

const VOLUME_TYPES = ['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard'] as const;

/** A customer managed KMS key of the setup (CreateKey, CreateAlias), named by its alias. */
export const kmsKeySetupSchema = z
  .strictObject({
    // Checked by CreateAlias once `{{ }}` templates are filled in.
    AliasName: z.string().regex(/^alias\/(?!aws\/)/, { error: (i) => `\`${String(i.input)}\` is not an alias of a customer managed key: \`alias/\` and a name outside \`aws/\`` }).describe('Its alias, such as `alias/ebs-default`; answers and checks name the key by it'),
    Description: z.string().optional().describe('A description'),
    Policy: policyDocument.optional().describe('The key policy; the default key policy (the account may use it) when left out'),
  })
  .describe('A customer managed KMS key (CreateKey, CreateAlias)');

/** An EBS volume of the setup (CreateVolume), named by its `Name` tag. */
export const volumeSetupSchema = z
  .strictObject({
    Name: resourceName('volume').describe("The volume's lab name (its `Name` tag)"),
    AvailabilityZone: text('`AvailabilityZone`').describe('The zone, such as `us-east-1a`'),
    Size: z.number().int().describe('GiB'),
    VolumeType: oneOf(VOLUME_TYPES, '`VolumeType`').optional().describe('`gp2` when left out'),
    Iops: z.number().int().optional().describe('Provisioned IOPS'),
    Encrypted: z.boolean().optional().describe('Encrypted (with `KmsKeyId`, or the default key)'),
    KmsKeyId: text('`KmsKeyId`').optional().describe('The key, by alias (`alias/aws/ebs` for the AWS managed key)'),
  })
  .describe('An EBS volume (CreateVolume)');

/** An EBS snapshot of the setup (CreateSnapshot of a setup volume). */
export const snapshotSetupSchema = z
  .strictObject({
    Name: resourceName('snapshot').describe("The snapshot's lab name (its `Name` tag)"),
    VolumeId: resourceName('volume').describe('The volume, by name'),
    Description: z.string().optional().describe('A description'),
  })
  .describe('An EBS snapshot (CreateSnapshot)');

/** The region's EBS encryption setting at the start (EnableEbsEncryptionByDefault, ModifyEbsDefaultKmsKeyId). */
export const ebsEncryptionSetupSchema = z
  .strictObject({
    EbsEncryptionByDefault: z.boolean().prefault(false).describe('Encryption by default on at the start'),
    KmsKeyId: text('`KmsKeyId`').optional().describe('The default key, by alias'),
  })
  .describe('EBS encryption by default, before volumes are created');

const permissionSchema = z
  .union([z.strictObject({ UserId: z.string().describe('A 12-digit account id') }), z.strictObject({ Group: z.literal('all', { error: 'the only group is `all`' }).describe('Everyone: the snapshot is public') })], {
    error: 'a permission is `{ UserId: <account id> }` or `{ Group: all }`',
  })
  .describe('Who may create volumes from the snapshot');

const permissionChangeSchema = z
  .strictObject({
    Add: list(permissionSchema, 'permissions', 20).optional().describe('Accounts (or `all`) to add'),
    Remove: list(permissionSchema, 'permissions', 20).optional().describe('Accounts (or `all`) to remove'),
  })
  .describe('`CreateVolumePermission` as ModifySnapshotAttribute takes it');

/** The task fields of an `ebs-settings` task (the common ones are added by the lab schema). */
export const ebsSettingsTaskFields = {
  kind: z.literal('ebs-settings').describe("The learner sets the region's EBS encryption and shares snapshots"),
  language: oneOf(['json', 'yaml'], '`language`').prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
};

/** A learner's `ebs-settings` answer, in the shapes of the EC2 API; snapshots named by their lab names and keys by alias. */
export const ebsSettingsAnswerSchema = z
  .strictObject({
    EbsEncryptionByDefault: z.boolean({ error: '`EbsEncryptionByDefault` must be true or false' }).describe('EnableEbsEncryptionByDefault (true) or DisableEbsEncryptionByDefault (false)'),
    KmsKeyId: text('`KmsKeyId`').optional().describe('ModifyEbsDefaultKmsKeyId: the default key, by alias or ARN; the AWS managed `aws/ebs` when left out'),
    SnapshotCopies: list(
      z
        .strictObject({
          Name: resourceName('snapshot').optional().describe("The copy's lab name (its `Name` tag)"),
          SourceSnapshotId: resourceName('snapshot').describe('The snapshot to copy, by name'),
          Encrypted: z.boolean().optional().describe('Encrypt the copy'),
          KmsKeyId: text('`KmsKeyId`').optional().describe('The key of the copy, by alias or ARN (needs `Encrypted: true`)'),
          Description: z.string().optional().describe('A description'),
          CreateVolumePermission: permissionChangeSchema.optional().describe("Who may create volumes from the copy (ModifySnapshotAttribute on the copy)"),
        })
        .describe('A copy (CopySnapshot in the region)'),
      'snapshot copies',
      20,
    )
      .optional()
      .describe('Snapshot copies, made in order'),
    SnapshotPermissions: list(
      z.strictObject({ SnapshotId: resourceName('snapshot').describe('A snapshot of the setup, by name'), CreateVolumePermission: permissionChangeSchema }).describe('ModifySnapshotAttribute on a snapshot of the setup'),
      'snapshot permissions',
      20,
    )
      .optional()
      .describe('Permission changes on the setup\'s snapshots'),
  })
  .describe('EBS settings: encryption by default, the default key, snapshot copies and sharing');

/** A learner's parsed `ebs-settings` answer. */
export type EbsSettingsAnswer = z.output<typeof ebsSettingsAnswerSchema>;

/** The exhaustive check of an `ebs-settings` task. */
export const equivalentEbsSettingsSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `ebs-settings` task whose account is compared with the solution's"),
    accounts: z.array(z.string().regex(/^\d{12}$/, { error: 'an account id is 12 digits' })).optional().describe('Accounts asked about besides the owner, every account either side names and a stranger'),
    examples: z.number().int().min(1).max(20).prefault(5).describe('How many differences the explanation shows'),
  })
  .describe(
    'Compare the EBS behaviour the answer leaves with the solution\'s: every volume a universe of creates and launches makes (CreateVolume with and without `Encrypted`, from each snapshot, RunInstances root volumes): encrypted or not and with which key; and for every snapshot (the copies by their source and key) which accounts can create volumes from it, the key policy taken into account',
  );
