import {
  AwsError,
  putAccountPublicAccessBlock,
  putBucketEncryption,
  putBucketLifecycleConfiguration,
  putBucketPolicy,
  putBucketVersioning,
  putPublicAccessBlock,
  type AccountState,
  type Ctx,
} from '@skylab/emulator';
import type { S3BucketConfiguration } from '@skylab/validation';

// A bucket configuration (an `s3-bucket` answer, or a setup bucket's sections) applied through the S3
// operations, in the order that lets a configuration take effect as a whole: Block Public Access first
// (so a public policy meets the settings the same configuration asks for), then versioning, encryption,
// lifecycle, and the policy last.

/** The section of the configuration S3 refused, and the error it answered. */
export interface RefusedSection {
  section: keyof S3BucketConfiguration;
  error: AwsError;
}

const ORDER = ['PublicAccessBlockConfiguration', 'VersioningConfiguration', 'ServerSideEncryptionConfiguration', 'LifecycleConfiguration', 'Policy'] as const;

function applySection(state: AccountState, Bucket: string, config: S3BucketConfiguration, section: (typeof ORDER)[number], ctx: Ctx): void {
  if (section === 'PublicAccessBlockConfiguration' && config.PublicAccessBlockConfiguration) putPublicAccessBlock(state, { Bucket, PublicAccessBlockConfiguration: config.PublicAccessBlockConfiguration }, ctx);
  if (section === 'VersioningConfiguration' && config.VersioningConfiguration) putBucketVersioning(state, { Bucket, VersioningConfiguration: config.VersioningConfiguration }, ctx);
  if (section === 'ServerSideEncryptionConfiguration' && config.ServerSideEncryptionConfiguration) putBucketEncryption(state, { Bucket, ServerSideEncryptionConfiguration: config.ServerSideEncryptionConfiguration }, ctx);
  if (section === 'LifecycleConfiguration' && config.LifecycleConfiguration) putBucketLifecycleConfiguration(state, { Bucket, LifecycleConfiguration: config.LifecycleConfiguration }, ctx);
  if (section === 'Policy' && config.Policy !== undefined) putBucketPolicy(state, { Bucket, Policy: config.Policy }, ctx);
}

/** Applies each section the configuration has; the first one S3 refuses stops it and is returned. */
export function configureBucket(state: AccountState, bucket: string, config: S3BucketConfiguration, ctx: Ctx): RefusedSection | undefined {
  for (const section of ORDER) {
    try {
      applySection(state, bucket, config, section, ctx);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      return { section, error };
    }
  }
  return undefined;
}

/** The account-level Block Public Access of a setup. */
export function configureAccount(state: AccountState, settings: S3BucketConfiguration['PublicAccessBlockConfiguration'], ctx: Ctx): void {
  if (settings) putAccountPublicAccessBlock(state, { AccountId: ctx.accountId, PublicAccessBlockConfiguration: settings }, ctx);
}
