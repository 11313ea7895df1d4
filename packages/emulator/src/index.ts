/** The injected clock, id source and account context every operation receives. */
export type { Clock, Ctx, Ids } from './ctx.ts';
/** The emulated account as plain JSON, a fresh one, and a deep copy. */
export { cloneState, emptyAccountState, type AccountState } from './state.ts';
/** The base of every emulated AWS error, and the Query protocol's parameter error. */
export { AwsError, ValidationError } from './errors.ts';
/** IAM state types and an empty IAM. */
export { emptyIamState, type IamManagedPolicy, type IamPolicyVersion, type IamState, type IamUser } from './iam/state.ts';
/** IAM errors, named by their AWS codes. */
export { DeleteConflict, EntityAlreadyExists, LimitExceeded, MalformedPolicyDocument, NoSuchEntity } from './iam/errors.ts';
/** IAM operations, one per AWS action, and the quotas they enforce. */
export {
  IAM_QUOTAS,
  attachUserPolicy,
  createPolicy,
  createUser,
  deleteUser,
  deleteUserPolicy,
  detachUserPolicy,
  getUser,
  getUserPolicy,
  listAttachedUserPolicies,
  listUserPolicies,
  putUserPolicy,
  type PolicyView,
  type UserView,
} from './iam/operations.ts';
/** The IAM action table: wire action names to operations. */
export { iamActions, type IamActionName } from './iam/actions.ts';
/** IAM policy evaluation for a user's identity-based policies, with reasons. */
export { authorize, identityPolicies, userForArn } from './iam/authorize/authorize.ts';
/** Evaluates given policy documents for one request (no account needed). */
export { evaluatePolicies } from './iam/authorize/evaluate.ts';
/** The reasons behind an authorization decision in plain words. */
export { describeStatement, explainAuthorization } from './iam/authorize/explain.ts';
/** IAM's wildcard and ARN matching. */
export { globMatch, globMatchIgnoreCase } from './iam/authorize/glob.ts';
/** ARN matching segment by segment, as IAM matches `Resource` elements. */
export { arnMatches, splitArn } from './iam/authorize/arn.ts';
/** SimulatePrincipalPolicy in the IAM API's shape, with our explanation per result. */
export {
  simulatePrincipalPolicy,
  type ContextEntry,
  type EvaluationResult,
  type SimulatePrincipalPolicyRequest,
  type SimulationStatement,
} from './iam/authorize/simulate.ts';
/** Authorization request and result types. */
export type {
  AuthorizationRequest,
  AuthorizationResult,
  ContextValue,
  Decision,
  SourcePolicy,
  StatementRef,
  UnmatchedStatement,
} from './iam/authorize/types.ts';
/** S3 state types and an empty S3. */
export { emptyS3State, type S3Bucket, type S3Object, type S3State } from './s3/state.ts';
/** S3 errors, named by their AWS codes. */
export { BucketAlreadyExists, BucketAlreadyOwnedByYou, InvalidBucketName, NoSuchBucket, NoSuchKey } from './s3/errors.ts';
/** S3 operations, one per AWS action, and the bucket naming rules. */
export { bucketNameProblem, createBucket, headObject, listBuckets, putObject } from './s3/operations.ts';
