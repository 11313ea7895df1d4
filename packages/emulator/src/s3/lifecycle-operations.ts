import type { Ctx } from '../ctx.ts';
import type { AccountState } from '../state.ts';
import { NoSuchLifecycleConfiguration } from './errors.ts';
import { validLifecycleConfiguration } from './lifecycle-validation.ts';
import { bucketOf } from './operations.ts';
import type { BucketLifecycleConfiguration } from './state.ts';

// https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html: the new
// configuration replaces the whole previous one.

/** PutBucketLifecycleConfiguration, validated as S3 validates it. */
export function putBucketLifecycleConfiguration(state: AccountState, input: { Bucket: string; LifecycleConfiguration: unknown }, _ctx: Ctx): Record<string, never> {
  const bucket = bucketOf(state, input.Bucket);
  bucket.LifecycleConfiguration = validLifecycleConfiguration(input.LifecycleConfiguration);
  return {};
}

/** GetBucketLifecycleConfiguration. */
export function getBucketLifecycleConfiguration(state: AccountState, input: { Bucket: string }, _ctx: Ctx): BucketLifecycleConfiguration {
  const found = bucketOf(state, input.Bucket).LifecycleConfiguration;
  if (!found) throw new NoSuchLifecycleConfiguration(`the bucket \`${input.Bucket}\` has no lifecycle configuration`);
  return structuredClone(found);
}

/** DeleteBucketLifecycle. */
export function deleteBucketLifecycle(state: AccountState, input: { Bucket: string }, _ctx: Ctx): Record<string, never> {
  delete bucketOf(state, input.Bucket).LifecycleConfiguration;
  return {};
}
