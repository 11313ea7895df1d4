import { expandActionPattern, iamCatalogue, resourceOfType, validatePolicy, type PolicyStatement } from '@skylab/validation';
import type { Ctx } from '../ctx.ts';
import { globMatch } from '../iam/authorize/glob.ts';
import type { AccountState } from '../state.ts';
import { AccessDenied, MalformedPolicy, NoSuchBucketPolicy, NoSuchPublicAccessBlockConfiguration } from './errors.ts';
import { bucketOf } from './operations.ts';
import { policyPublicity } from './public-policy.ts';
import type { PublicAccessBlockConfiguration } from './state.ts';

// Bucket policies (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html) and Block
// Public Access at bucket and account level
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html).

/** Bucket policies are limited to 20 KB (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html). */
const POLICY_LIMIT = 20 * 1024;
type Setting = keyof PublicAccessBlockConfiguration;

/**
 * The settings S3 applies to a bucket: each is on when the bucket's or the account's configuration turns
 * it on ("the most restrictive combination", access-control-block-public-access.html).
 */
export function effectivePublicAccessBlock(state: AccountState, bucketName: string): PublicAccessBlockConfiguration {
  const bucket = bucketOf(state, bucketName).PublicAccessBlockConfiguration;
  const account = state.s3.accountPublicAccessBlock;
  const on = (key: Setting) => bucket?.[key] === true || account?.[key] === true;
  return { BlockPublicAcls: on('BlockPublicAcls'), IgnorePublicAcls: on('IgnorePublicAcls'), BlockPublicPolicy: on('BlockPublicPolicy'), RestrictPublicBuckets: on('RestrictPublicBuckets') };
}

function configuration(input: Partial<Record<Setting, boolean>>): PublicAccessBlockConfiguration {
  return { BlockPublicAcls: input.BlockPublicAcls === true, IgnorePublicAcls: input.IgnorePublicAcls === true, BlockPublicPolicy: input.BlockPublicPolicy === true, RestrictPublicBuckets: input.RestrictPublicBuckets === true };
}

/** PutPublicAccessBlock on a bucket: a setting left out is off. */
export function putPublicAccessBlock(state: AccountState, input: { Bucket: string; PublicAccessBlockConfiguration: Partial<PublicAccessBlockConfiguration> }, _ctx: Ctx): Record<string, never> {
  bucketOf(state, input.Bucket).PublicAccessBlockConfiguration = configuration(input.PublicAccessBlockConfiguration);
  return {};
}

/** GetPublicAccessBlock of a bucket. */
export function getPublicAccessBlock(state: AccountState, input: { Bucket: string }, _ctx: Ctx): { PublicAccessBlockConfiguration: PublicAccessBlockConfiguration } {
  const found = bucketOf(state, input.Bucket).PublicAccessBlockConfiguration;
  if (!found) throw new NoSuchPublicAccessBlockConfiguration(`the bucket \`${input.Bucket}\` has no public access block configuration`);
  return { PublicAccessBlockConfiguration: { ...found } };
}

/** DeletePublicAccessBlock of a bucket: the account's settings still apply. */
export function deletePublicAccessBlock(state: AccountState, input: { Bucket: string }, _ctx: Ctx): Record<string, never> {
  delete bucketOf(state, input.Bucket).PublicAccessBlockConfiguration;
  return {};
}

/**
 * S3 Control's PutPublicAccessBlock for the whole account (IAM action `s3:PutAccountPublicAccessBlock`,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_PutPublicAccessBlock.html): it applies to
 * every bucket of the account, on top of each bucket's own settings.
 */
export function putAccountPublicAccessBlock(state: AccountState, input: { AccountId: string; PublicAccessBlockConfiguration: Partial<PublicAccessBlockConfiguration> }, ctx: Ctx): Record<string, never> {
  if (input.AccountId !== ctx.accountId) throw new AccessDenied(`the account \`${input.AccountId}\` is not the caller's account \`${ctx.accountId}\``);
  state.s3.accountPublicAccessBlock = configuration(input.PublicAccessBlockConfiguration);
  return {};
}

/** Which statement of the policy S3 would refuse, and why: an action that is not S3's, a resource outside the bucket, or actions none of the resources fit. */
function statementProblem(statement: PolicyStatement, bucket: string): string | undefined {
  const actions = statement.Action ?? statement.NotAction ?? [];
  const bad = actions.find((a) => a !== '*' && !a.toLowerCase().startsWith('s3:'));
  if (bad) return `Policy has invalid action: \`${bad}\` is not an S3 action`;
  const resources = statement.Resource ?? statement.NotResource ?? [];
  const bucketArn = `arn:aws:s3:::${bucket}`;
  const outside = resources.find((r) => !globMatch(r, bucketArn) && !globMatch(r, `${bucketArn}/skylab-key`) && !r.startsWith(`${bucketArn}/`));
  if (outside) return `Policy has invalid resource: \`${outside}\` is not the bucket \`${bucket}\` or an object in it`;
  if (statement.Action === undefined || statement.Resource === undefined) return undefined;
  const names = actions.flatMap((a) => (a === '*' ? expandActionPattern('s3:*') : /[*?]/.test(a) ? expandActionPattern(a) : [a]));
  const fits = names.some((name) => {
    const types = iamCatalogue.action(name)?.resourceTypes;
    return types === undefined || types.some((type) => resources.some((r) => resourceOfType(r.replace(/\*/g, 'skylab-key'), type)));
  });
  return fits ? undefined : 'Action does not apply to any resource(s) in statement: object actions need `arn:aws:s3:::BUCKET/KEY` resources, bucket actions the bucket ARN';
}

/**
 * PutBucketPolicy: the policy must follow the policy grammar for a resource-based policy (MalformedPolicy,
 * with findings placed in the text), name only S3 actions and this bucket's resources, and, while Block
 * Public Access's `BlockPublicPolicy` applies, not be public (AccessDenied).
 */
export function putBucketPolicy(state: AccountState, input: { Bucket: string; Policy: string }, _ctx: Ctx): Record<string, never> {
  const bucket = bucketOf(state, input.Bucket);
  if (input.Policy.length > POLICY_LIMIT) throw new MalformedPolicy(`the bucket policy is ${input.Policy.length} characters: policies must be at most 20 KB`);
  const validation = validatePolicy(input.Policy, { policyType: 'resource' });
  const errors = validation.findings.filter((f) => f.severity === 'error');
  if (!validation.policy || errors.length > 0) throw new MalformedPolicy(errors[0]?.message ?? 'the bucket policy does not parse', errors);
  validation.policy.Statement.forEach((statement, i) => {
    const problem = statementProblem(statement, input.Bucket);
    if (problem) throw new MalformedPolicy(problem, [{ ruleId: 's3/MalformedPolicy', severity: 'error', path: ['Statement', i], message: problem }]);
  });
  const publicity = policyPublicity(input.Policy);
  if (publicity.IsPublic && effectivePublicAccessBlock(state, input.Bucket).BlockPublicPolicy) {
    throw new AccessDenied(`Block Public Access (\`BlockPublicPolicy\`) refuses this public policy: ${publicity.reasons[0] ?? ''}`);
  }
  bucket.Policy = input.Policy;
  return {};
}

/** GetBucketPolicy. */
export function getBucketPolicy(state: AccountState, input: { Bucket: string }, _ctx: Ctx): { Policy: string } {
  const policy = bucketOf(state, input.Bucket).Policy;
  if (policy === undefined) throw new NoSuchBucketPolicy(`the bucket \`${input.Bucket}\` has no bucket policy`);
  return { Policy: policy };
}

/** DeleteBucketPolicy (succeeds when there is none). */
export function deleteBucketPolicy(state: AccountState, input: { Bucket: string }, _ctx: Ctx): Record<string, never> {
  delete bucketOf(state, input.Bucket).Policy;
  return {};
}

/** GetBucketPolicyStatus: whether the policy is public (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketPolicyStatus.html). */
export function getBucketPolicyStatus(state: AccountState, input: { Bucket: string }, _ctx: Ctx): { PolicyStatus: { IsPublic: boolean } } {
  return { PolicyStatus: { IsPublic: policyPublicity(getBucketPolicy(state, input, _ctx).Policy).IsPublic } };
}
