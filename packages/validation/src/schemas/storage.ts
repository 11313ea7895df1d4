import { z } from 'zod';
import { int, list, oneOf, str } from './common.ts';

// https://docs.aws.amazon.com/AmazonS3/latest/API/API_LifecycleRule.html
// https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html

const STORAGE_CLASSES = ['GLACIER', 'STANDARD_IA', 'ONEZONE_IA', 'INTELLIGENT_TIERING', 'DEEP_ARCHIVE', 'GLACIER_IR'] as const;
const s3Tag = z.strictObject({ Key: str('a tag key', 128).describe('The tag key'), Value: str('a tag value', 256, 0).describe('The tag value') }).describe('An object tag');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/, { error: 'a lifecycle date must be midnight UTC, such as `2026-01-01T00:00:00Z`' });

/** One S3 lifecycle rule. */
export const s3LifecycleRuleSchema = z
  .strictObject({
    ID: str('`ID`', 255).optional().describe('The rule id (up to 255 characters, unique in the configuration)'),
    Status: oneOf(['Enabled', 'Disabled'], '`Status`').describe('Whether the rule runs'),
    Prefix: z.string().optional().describe('Deprecated: use `Filter.Prefix`'),
    Filter: z
      .strictObject({
        Prefix: z.string().max(1024).optional().describe('Key prefix'),
        Tag: s3Tag.optional(),
        ObjectSizeGreaterThan: z.number().int().min(0).optional().describe('Bytes'),
        ObjectSizeLessThan: z.number().int().min(1).optional().describe('Bytes'),
        And: z
          .strictObject({
            Prefix: z.string().optional().describe('Key prefix'),
            Tags: list(s3Tag, 'tags', 10).optional().describe('Tags, all required'),
            ObjectSizeGreaterThan: z.number().int().min(0).optional().describe('Bytes'),
            ObjectSizeLessThan: z.number().int().min(1).optional().describe('Bytes'),
          })
          .optional()
          .describe('Several filters, all required'),
      })
      .optional()
      .describe('Which objects the rule applies to'),
    Expiration: z
      .strictObject({
        Date: date.optional().describe('A date at midnight UTC'),
        Days: int(1, 2147483647, '`Days`').optional().describe('Days after creation (at least 1)'),
        ExpiredObjectDeleteMarker: z.boolean().optional().describe('Remove delete markers with no versions left'),
      })
      .optional()
      .describe('When current versions expire'),
    Transitions: list(
      z
        .strictObject({
          Date: date.optional().describe('A date at midnight UTC'),
          Days: int(0, 2147483647, '`Days`').optional().describe('Days after creation'),
          StorageClass: oneOf(STORAGE_CLASSES, '`StorageClass`').describe('The class to move to'),
        })
        .describe('A transition'),
      'transitions',
      10,
    )
      .optional()
      .describe('Storage class transitions'),
    NoncurrentVersionTransitions: list(
      z
        .strictObject({
          NoncurrentDays: int(0, 2147483647, '`NoncurrentDays`').optional().describe('Days after becoming noncurrent'),
          StorageClass: oneOf(STORAGE_CLASSES, '`StorageClass`').describe('The class to move to'),
          NewerNoncurrentVersions: int(1, 100, '`NewerNoncurrentVersions`').optional().describe('Versions to keep'),
        })
        .describe('A noncurrent version transition'),
      'transitions',
      10,
    )
      .optional()
      .describe('Transitions of noncurrent versions'),
    NoncurrentVersionExpiration: z
      .strictObject({
        NoncurrentDays: int(1, 2147483647, '`NoncurrentDays`').optional().describe('Days after becoming noncurrent'),
        NewerNoncurrentVersions: int(1, 100, '`NewerNoncurrentVersions`').optional().describe('Versions to keep'),
      })
      .optional()
      .describe('When noncurrent versions expire'),
    AbortIncompleteMultipartUpload: z
      .strictObject({ DaysAfterInitiation: int(1, 2147483647, '`DaysAfterInitiation`').describe('Days before unfinished uploads are removed') })
      .optional()
      .describe('Clean up unfinished multipart uploads'),
  })
  .describe('A lifecycle rule');

/** An S3 lifecycle configuration: `{ Rules: [...] }` (at most 1000 rules). */
export const s3LifecycleSchema = z.strictObject({ Rules: list(s3LifecycleRuleSchema, 'rules', 1000).min(1, { error: 'a lifecycle configuration needs at least one rule' }).describe('The rules (1-1000)') }).describe('An S3 lifecycle configuration');

/** One S3 lifecycle rule, as the schema reads it. */
export type S3LifecycleRule = z.output<typeof s3LifecycleRuleSchema>;

/** An ECR lifecycle policy: `{ rules: [...] }`. */
export const ecrLifecycleSchema = z
  .strictObject({
    rules: list(
      z
        .strictObject({
          rulePriority: int(1, 2147483647, '`rulePriority`').describe('Evaluation order, lowest first, unique; a `tagStatus: any` rule must have the highest'),
          description: z.string().optional().describe('A description'),
          selection: z
            .strictObject({
              tagStatus: oneOf(['tagged', 'untagged', 'any'], '`tagStatus`').describe('Which images the rule considers'),
              tagPrefixList: list(z.string().min(1), 'tag prefixes', 100).optional().describe('Tag prefixes (with `tagged`)'),
              tagPatternList: list(z.string().min(1), 'tag patterns', 100).optional().describe('Tag patterns with `*` (with `tagged`)'),
              countType: oneOf(['imageCountMoreThan', 'sinceImagePushed'], '`countType`').describe('Keep a count of images, or expire by age'),
              countUnit: z.literal('days', { error: '`countUnit` must be `days`' }).optional().describe('`days`, with `sinceImagePushed` only'),
              countNumber: int(1, 2147483647, '`countNumber`').describe('The count or the number of days'),
            })
            .describe('Which images the rule expires'),
          action: z.strictObject({ type: z.literal('expire', { error: 'the only action type is `expire`' }).describe('Always `expire`') }).describe('What happens to selected images'),
        })
        .describe('A lifecycle rule'),
      'rules',
      50,
    )
      .min(1, { error: 'a lifecycle policy needs at least one rule' })
      .describe('The rules'),
  })
  .describe('An ECR lifecycle policy');

/** An ECR repository as `CreateRepository` takes it. */
export const ecrRepositorySchema = z
  .strictObject({
    repositoryName: z
      .string()
      .regex(/^(?=.{2,256}$)(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/, { error: (issue) => `\`${String(issue.input)}\` is not a repository name: 2-256 lowercase letters, digits, and \`. _ - /\` between them` })
      .describe('The repository name (2-256 characters, lowercase, may contain `/`)'),
    registryId: z.string().optional().describe('The registry (account) id'),
    imageTagMutability: oneOf(['MUTABLE', 'IMMUTABLE', 'MUTABLE_WITH_EXCLUSION', 'IMMUTABLE_WITH_EXCLUSION'], '`imageTagMutability`').optional().describe('Whether tags may be overwritten (default `MUTABLE`)'),
    imageScanningConfiguration: z.strictObject({ scanOnPush: z.boolean().describe('Scan every pushed image') }).optional().describe('Basic scanning'),
    encryptionConfiguration: z
      .strictObject({ encryptionType: oneOf(['AES256', 'KMS', 'KMS_DSSE'], '`encryptionType`').describe('The encryption'), kmsKey: z.string().optional().describe('The KMS key') })
      .optional()
      .describe('Encryption at rest'),
    tags: list(z.strictObject({ Key: str('a tag key', 128).describe('The key'), Value: str('a tag value', 256, 0).describe('The value') }).describe('A tag'), 'tags', 50).optional().describe('Tags'),
  })
  .describe('An ECR repository');
