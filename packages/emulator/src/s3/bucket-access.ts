import { expandActionPattern, parsedPolicy } from '@skylab/validation';
import { authorize, roleForArn, userForArn } from '../iam/authorize/authorize.ts';
import { evaluatePolicies } from '../iam/authorize/evaluate.ts';
import { describePrincipal } from '../iam/authorize/principal.ts';
import type { AuthorizationRequest, AuthorizationResult, SourcePolicy } from '../iam/authorize/types.ts';
import type { AccountState } from '../state.ts';
import { effectivePublicAccessBlock } from './bucket-policy-operations.ts';
import { bucketOf } from './operations.ts';
import { policyPublicity } from './public-policy.ts';

// An S3 request decided by the IAM evaluation logic with the bucket policy as the resource-based policy
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-s3-evaluates-access-control.html): within the
// bucket owner's account either the caller's identity policies or the bucket policy may allow; across
// accounts both must. Block Public Access's `RestrictPublicBuckets` then limits a public bucket policy to
// AWS service principals and the owner account's principals: every cross-account grant of a public policy,
// even to a named account, is blocked (API_PublicAccessBlockConfiguration.html).

/** An S3 request on a bucket of the account; a caller outside the account brings its own identity policies (JSON texts). */
export interface BucketAccessRequest extends AuthorizationRequest {
  callerPolicies?: readonly string[];
}

/** The bucket policy as the evaluator takes it, or none when `RestrictPublicBuckets` blocks it for this caller. */
export function bucketPolicyFor(state: AccountState, bucketName: string, ownerAccount: string, request: AuthorizationRequest): { policy?: SourcePolicy; restricted: boolean } {
  const bucket = bucketOf(state, bucketName);
  if (bucket.Policy === undefined) return { restricted: false };
  const caller = describePrincipal(request.principalArn, request.principal);
  const inAccount = caller.accountId === ownerAccount;
  const restricted = !inAccount && caller.type !== 'Service' && effectivePublicAccessBlock(state, bucketName).RestrictPublicBuckets && policyPublicity(bucket.Policy).IsPublic;
  return restricted ? { restricted } : { policy: { policyName: `bucket policy of ${bucketName}`, policyType: 'resource', document: bucket.Policy }, restricted };
}

const RESTRICTED = 'Block Public Access (`RestrictPublicBuckets`) limits this public bucket policy to AWS service principals and the bucket owner\'s account, so it grants this caller nothing';

/**
 * Decides an S3 request on one of the account's buckets: identity policies of the caller (the account's own
 * users and roles from the account, an outside caller's from `callerPolicies`), the bucket policy and Block
 * Public Access. The bucket owner is `ownerAccount`, as bucket ARNs name no account.
 */
export function authorizeBucketAccess(state: AccountState, bucketName: string, ownerAccount: string, request: BucketAccessRequest): AuthorizationResult {
  const { callerPolicies = [], ...rest } = request;
  const req: AuthorizationRequest = { ...rest, resourceAccount: ownerAccount };
  const { policy, restricted } = bucketPolicyFor(state, bucketName, ownerAccount, req);
  const ownCaller = describePrincipal(req.principalArn, req.principal).accountId === ownerAccount && (userForArn(state, req.principalArn) !== undefined || roleForArn(state, req.principalArn) !== undefined || /:root$/.test(req.principalArn));
  const result = ownCaller
    ? authorize(state, req, policy ? { resourcePolicy: policy.document } : {})
    : evaluatePolicies([...(policy ? [policy] : []), ...callerPolicies.map((document, i): SourcePolicy => ({ policyName: `policy ${i + 1} of ${req.principalArn}`, policyType: 'identity', attachment: 'inline', document }))], req);
  return restricted && result.decision !== 'Allowed' ? { ...result, reason: `${result.reason}; ${RESTRICTED}` } : result;
}

/** One caller outside the bucket owner's account and the S3 actions it may take on a resource of the bucket. */
export interface OutsideGrant {
  principal: string;
  actions: string[];
}

/** The callers a public-access analysis asks about: anonymous, another account, and every outside principal the policy names. */
function outsideCallers(policy: string | undefined, ownerAccount: string): AuthorizationRequest[] {
  const stranger = ownerAccount === '999988887777' ? '999988887776' : '999988887777';
  const out: AuthorizationRequest[] = [
    { principalArn: '*', action: '', resource: '', principal: { type: 'Anonymous' } },
    { principalArn: `arn:aws:iam::${stranger}:role/skylab-any-role`, action: '', resource: '' },
  ];
  for (const statement of (policy && parsedPolicy(policy)?.Statement) || []) {
    const element = statement.Principal;
    if (element === undefined || element === '*') continue;
    for (const value of element.AWS ?? []) {
      const arn = /^\d{12}$/.test(value) ? `arn:aws:iam::${value}:root` : value;
      if (arn !== '*' && describePrincipal(arn).accountId !== ownerAccount) out.push({ principalArn: arn, action: '', resource: '' });
    }
    for (const service of element.Service ?? []) out.push({ principalArn: service, action: '', resource: '', principal: { type: 'Service' } });
  }
  return out;
}

/**
 * Public-access analysis of a bucket ("who can read this object"): whether its policy is public and still
 * in force under Block Public Access, and which callers outside the account may take which S3 actions on
 * `resource`, assuming their own identity policies allow everything (only the bucket's side is judged).
 */
export function bucketPublicAccess(state: AccountState, bucketName: string, ownerAccount: string, resource: string): { isPublic: boolean; reasons: string[]; grants: OutsideGrant[] } {
  const bucket = bucketOf(state, bucketName);
  const publicity = policyPublicity(bucket.Policy);
  const restricted = effectivePublicAccessBlock(state, bucketName).RestrictPublicBuckets;
  const actions = expandActionPattern('s3:*');
  const allowAll = ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}'];
  const grants = outsideCallers(bucket.Policy, ownerAccount).flatMap((caller) => {
    const allowed = actions.filter((action) => authorizeBucketAccess(state, bucketName, ownerAccount, { ...caller, action, resource, callerPolicies: allowAll }).decision === 'Allowed');
    return allowed.length > 0 ? [{ principal: caller.principalArn, actions: allowed }] : [];
  });
  return { isPublic: publicity.IsPublic && !restricted, reasons: publicity.reasons, grants };
}
