import type { Ctx } from '../ctx.ts';
import type { AccountState } from '../state.ts';
import { AccessControlListNotSupported, InvalidArgument, MalformedXML, NotImplemented } from './errors.ts';
import { bucketOf, newBucketDefaults } from './operations.ts';
import type { ServerSideEncryptionRule } from './state.ts';

// Default encryption (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketEncryption.html) and
// versioning (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketVersioning.html).

const ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];
// A key id, key ARN, alias name or alias ARN (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id).
const KMS_KEY = /^(?:arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:(?:key\/[0-9a-f-]{36}|alias\/[\w/.-]+)|[0-9a-f-]{36}|alias\/[\w/.-]+)$/;

function ruleProblem(rule: ServerSideEncryptionRule): string | undefined {
  const sse = rule.ApplyServerSideEncryptionByDefault as Partial<ServerSideEncryptionRule['ApplyServerSideEncryptionByDefault']> | undefined;
  if (!sse || !ALGORITHMS.includes(sse.SSEAlgorithm ?? '')) return `\`SSEAlgorithm\` must be one of ${ALGORITHMS.map((a) => `\`${a}\``).join(', ')}`;
  if (sse.KMSMasterKeyID !== undefined && sse.SSEAlgorithm === 'AES256') return '`KMSMasterKeyID` can be set only with `SSEAlgorithm` `aws:kms` or `aws:kms:dsse`';
  if (sse.KMSMasterKeyID !== undefined && !KMS_KEY.test(sse.KMSMasterKeyID)) return `\`${sse.KMSMasterKeyID}\` is not a KMS key id, key ARN or alias`;
  return undefined;
}

/** PutBucketEncryption: one rule, SSE-S3 (`AES256`) or SSE-KMS with an optional key and S3 Bucket Key. */
export function putBucketEncryption(state: AccountState, input: { Bucket: string; ServerSideEncryptionConfiguration: { Rules: ServerSideEncryptionRule[] } }, _ctx: Ctx): Record<string, never> {
  const bucket = bucketOf(state, input.Bucket);
  const rules = input.ServerSideEncryptionConfiguration.Rules;
  if (!Array.isArray(rules) || rules.length !== 1) throw new MalformedXML('a server-side encryption configuration has exactly one rule');
  const rule = rules[0] as ServerSideEncryptionRule;
  const problem = ruleProblem(rule);
  if (problem) throw new InvalidArgument(problem);
  const { SSEAlgorithm, KMSMasterKeyID } = rule.ApplyServerSideEncryptionByDefault;
  bucket.ServerSideEncryptionConfiguration = {
    Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm, ...(KMSMasterKeyID !== undefined ? { KMSMasterKeyID } : {}) }, BucketKeyEnabled: rule.BucketKeyEnabled === true }],
  };
  return {};
}

/** GetBucketEncryption: every bucket has default encryption, SSE-S3 unless configured otherwise. */
export function getBucketEncryption(state: AccountState, input: { Bucket: string }, _ctx: Ctx): { ServerSideEncryptionConfiguration: { Rules: ServerSideEncryptionRule[] } } {
  const bucket = bucketOf(state, input.Bucket);
  return { ServerSideEncryptionConfiguration: structuredClone(bucket.ServerSideEncryptionConfiguration ?? newBucketDefaults().ServerSideEncryptionConfiguration ?? { Rules: [] }) };
}

/** DeleteBucketEncryption: the bucket goes back to SSE-S3, the default since January 2023 (default-encryption-faq.html). */
export function deleteBucketEncryption(state: AccountState, input: { Bucket: string }, _ctx: Ctx): Record<string, never> {
  const bucket = bucketOf(state, input.Bucket);
  bucket.ServerSideEncryptionConfiguration = newBucketDefaults().ServerSideEncryptionConfiguration;
  return {};
}

/**
 * PutBucketVersioning: `Enabled` or `Suspended`. There is no way back to unversioned
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html). MFA delete is not modelled.
 */
export function putBucketVersioning(state: AccountState, input: { Bucket: string; VersioningConfiguration: { Status?: string; MFADelete?: string } }, _ctx: Ctx): Record<string, never> {
  const bucket = bucketOf(state, input.Bucket);
  const { Status, MFADelete } = input.VersioningConfiguration;
  if (MFADelete !== undefined) throw new NotImplemented('`MFADelete` is not modelled by Skylab');
  if (Status !== 'Enabled' && Status !== 'Suspended') {
    throw new MalformedXML(`the versioning \`Status\` must be \`Enabled\` or \`Suspended\`, not \`${String(Status)}\`: a bucket can be suspended, never made unversioned again`);
  }
  bucket.Versioning = Status;
  return {};
}

/** GetBucketVersioning: no `Status` for a bucket that was never versioned. */
export function getBucketVersioning(state: AccountState, input: { Bucket: string }, _ctx: Ctx): { Status?: 'Enabled' | 'Suspended' } {
  const status = bucketOf(state, input.Bucket).Versioning;
  return status ? { Status: status } : {};
}

/**
 * PutBucketAcl with a canned ACL. New buckets have Object Ownership `BucketOwnerEnforced`, which disables
 * ACLs: only `private` and `bucket-owner-full-control` are taken, any other ACL is refused with
 * AccessControlListNotSupported (https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html).
 * Skylab models no ACL grants nor other ownership settings.
 */
export function putBucketAcl(state: AccountState, input: { Bucket: string; ACL?: string; AccessControlPolicy?: unknown }, _ctx: Ctx): Record<string, never> {
  bucketOf(state, input.Bucket);
  if (input.AccessControlPolicy !== undefined) throw new NotImplemented('ACL grants (`AccessControlPolicy`) are not modelled by Skylab');
  if (input.ACL === 'private' || input.ACL === 'bucket-owner-full-control') return {};
  throw new AccessControlListNotSupported(`the bucket does not allow ACLs: Object Ownership \`BucketOwnerEnforced\` disables them, so \`${String(input.ACL)}\` is refused`);
}
