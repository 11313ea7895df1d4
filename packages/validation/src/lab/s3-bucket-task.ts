import { z } from 'zod';
import { list, oneOf } from '../schemas/common.ts';
import { s3LifecycleSchema } from '../schemas/storage.ts';
import { policyDocument, text } from './fields.ts';

// The `s3-bucket` task: the learner writes a bucket's configuration in the shapes of the S3 API's Put*
// requests (PutBucketPolicy, PutPublicAccessBlock, PutBucketEncryption, PutBucketVersioning,
// PutBucketLifecycleConfiguration, https://docs.aws.amazon.com/AmazonS3/latest/API/), and the same
// sections configure a bucket of the setup.

const publicAccessBlockSchema = z
  .strictObject({
    BlockPublicAcls: z.boolean().optional().describe('Refuse public ACLs (off when left out)'),
    IgnorePublicAcls: z.boolean().optional().describe('Ignore public ACLs (off when left out)'),
    BlockPublicPolicy: z.boolean().optional().describe('Refuse a public bucket policy: PutBucketPolicy answers AccessDenied (off when left out)'),
    RestrictPublicBuckets: z.boolean().optional().describe('Limit a public policy to AWS service principals and the owner account (off when left out)'),
  })
  .describe('Block Public Access settings, as PutPublicAccessBlock takes them');

const encryptionSchema = z
  .strictObject({
    Rules: list(
      z
        .strictObject({
          ApplyServerSideEncryptionByDefault: z
            .strictObject({
              SSEAlgorithm: oneOf(['AES256', 'aws:kms', 'aws:kms:dsse'], '`SSEAlgorithm`').describe('`AES256` (SSE-S3) or `aws:kms` (SSE-KMS)'),
              KMSMasterKeyID: z.string().optional().describe('The KMS key (id, ARN or alias) with `aws:kms`'),
            })
            .describe('The default encryption'),
          BucketKeyEnabled: z.boolean().optional().describe('Use an S3 Bucket Key with SSE-KMS'),
        })
        .describe('A default encryption rule'),
      'rules',
      1,
    )
      .min(1, { error: 'a server-side encryption configuration needs its rule' })
      .describe('Exactly one rule'),
  })
  .describe('Default encryption, as PutBucketEncryption takes it');

const versioningSchema = z
  .strictObject({ Status: oneOf(['Enabled', 'Suspended'], '`Status`').describe('`Enabled` or `Suspended`: a bucket never goes back to unversioned') })
  .describe('Versioning, as PutBucketVersioning takes it');

/** The bucket configuration sections, shared by the answer and the setup. */
export const bucketConfigurationFields = {
  Policy: policyDocument.optional().describe('The bucket policy (PutBucketPolicy), as JSON text or a YAML map'),
  PublicAccessBlockConfiguration: publicAccessBlockSchema.optional(),
  ServerSideEncryptionConfiguration: encryptionSchema.optional(),
  VersioningConfiguration: versioningSchema.optional(),
  LifecycleConfiguration: s3LifecycleSchema.optional(),
};

/** The task fields of an `s3-bucket` task (the common ones are added by the lab schema). */
export const s3BucketTaskFields = {
  kind: z.literal('s3-bucket').describe('The learner writes the configuration of a bucket the setup created'),
  language: oneOf(['json', 'yaml'], '`language`').prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
  Bucket: text('`Bucket`').describe('The bucket of `setup.s3.buckets` the answer configures; a section the answer leaves out stays as the setup made it'),
};

/** A learner's `s3-bucket` answer: any of the sections, each applied through its S3 operation. */
export const s3BucketAnswerSchema = z
  .strictObject(bucketConfigurationFields)
  .refine((a) => Object.values(a).some((v) => v !== undefined), { error: 'the answer configures nothing: write at least one of `Policy`, `PublicAccessBlockConfiguration`, `ServerSideEncryptionConfiguration`, `VersioningConfiguration`, `LifecycleConfiguration`' })
  .describe('A bucket configuration in the shapes of the S3 Put* requests');

/** A learner's bucket configuration, as the schema reads it. */
export type S3BucketConfiguration = z.output<typeof s3BucketAnswerSchema>;
