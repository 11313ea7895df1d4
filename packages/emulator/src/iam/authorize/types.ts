import type { Range } from '@skylab/validation';

/** A value in the request context: one string, or a list for multivalued keys such as `aws:TagKeys`. */
export type ContextValue = string | string[];

/**
 * The policy types of the evaluation logic, in the order AWS evaluates them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * SCPs, RCPs, resource-based policies (a role's trust policy is one), identity-based policies,
 * permissions boundaries and session policies.
 */
export type PolicyType = 'scp' | 'rcp' | 'resource' | 'identity' | 'boundary' | 'session';

/** Who makes a request, as far as policies can see it. Everything but `arn` is derived when omitted. */
export interface PrincipalInfo {
  /** The caller: a user, an assumed-role session, an account root, or a service principal name. */
  arn: string;
  type?: 'User' | 'AssumedRole' | 'Account' | 'FederatedUser' | 'Service' | 'Anonymous';
  accountId?: string;
  /** For an assumed-role session: the role's ARN. */
  roleArn?: string;
  /**
   * For a federated user session (GetFederationToken): the IAM user, or the account root, whose long-term
   * credentials requested it; CloudTrail's `sessionIssuer`. Its policies are the session's ceiling.
   */
  sessionIssuerArn?: string;
  /** `AIDA…` for users, `AROA…:session` for sessions. */
  userId?: string;
  userName?: string;
  /** Principal tags (session tags override the role's tags). */
  tags?: Record<string, string>;
  /** Whether an MFA-authenticated session made the request, and when it authenticated (epoch ms). */
  multiFactorAuthPresent?: boolean;
  multiFactorAuthTime?: number;
  /** Whether AWS Organizations' SCPs skip this principal (the management account, service-linked roles). */
  exemptFromScps?: boolean;
}

/** A request to authorize: who asks, to do what, on which resource, with which context keys. */
export interface AuthorizationRequest {
  principalArn: string;
  action: string;
  resource: string;
  context?: Record<string, ContextValue>;
  /** The account that owns the resource, when its ARN does not say (S3 buckets); defaults to the caller's. */
  resourceAccount?: string;
  /** The request time (epoch ms), for `aws:CurrentTime`, `aws:EpochTime` and `aws:MultiFactorAuthAge`. */
  time?: number;
  /** More about the caller; derived from `principalArn` when absent. */
  principal?: Omit<PrincipalInfo, 'arn'>;
}

/** The final answer, in the words of the IAM policy evaluation logic. */
export type Decision = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';

/** A policy given to the evaluator: its document text and where it came from. */
export interface SourcePolicy {
  policyName: string;
  /** Set for managed policies. */
  policyArn?: string;
  policyType: PolicyType;
  /** For identity-based policies: inline (embedded in the principal or group) or managed (attached). */
  attachment?: 'inline' | 'managed';
  /** The group the policy comes from, for a user's group policies. */
  group?: string;
  /** The role the policy belongs to, for a role's (or role session's) identity-based policies. */
  role?: string;
  /** For SCPs: the organization level, 0 for the root, then each OU, the account last. */
  level?: number;
  document: string;
}

/**
 * How a resource-based statement named the caller; it decides which other policy types can still limit it:
 * `direct` (the caller itself), `role` (the identity its session comes from: the role of a role session, the
 * IAM user of a federated user session), `account` (its account, which delegates to identity-based policies).
 */
export type PrincipalMatch = 'direct' | 'role' | 'account';

/** A statement that took part in a decision, and where it is in its policy's text. */
export interface StatementRef {
  policyName: string;
  policyArn?: string;
  policyType: PolicyType;
  attachment?: 'inline' | 'managed';
  group?: string;
  role?: string;
  level?: number;
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  range?: Range;
  /** For resource-based statements that matched: whether they named the caller itself, its role, or its account. */
  principalMatch?: PrincipalMatch;
  /** The statement's `Action` patterns, kept when one has a wildcard, so explanations can expand it. */
  actions?: readonly string[];
}

/** A statement that did not apply, which part of it failed, and why in plain words. */
export interface UnmatchedStatement extends StatementRef {
  failed: 'action' | 'resource' | 'principal' | 'condition' | 'unsupported';
  reason: string;
  /** When `failed` is `condition`: the operator and context key that did not hold. */
  condition?: { operator: string; key: string };
}

/** The verdict of one policy type, with the reason in plain words. */
export interface PolicyTypeResult {
  policyType: PolicyType;
  /** Set for SCPs: the organization level. */
  level?: number;
  decision: 'Allow' | 'ExplicitDeny' | 'ImplicitDeny' | 'NotApplicable';
  reason: string;
}

/**
 * A decision with its reasons (DESIGN §2). `determinate` is false when statements the evaluator could
 * not fully evaluate might change the answer; the decision is then never `Allowed` (fail closed).
 */
export interface AuthorizationResult {
  decision: Decision;
  determinate: boolean;
  request: AuthorizationRequest;
  /** Whether the caller's account differs from the resource's. */
  crossAccount: boolean;
  /** The overall reason in one line. */
  reason: string;
  /** The verdict of each policy type that took part, in evaluation order. */
  policyTypes: PolicyTypeResult[];
  /** Statements whose principal, action, resource and condition all matched. */
  matchedStatements: StatementRef[];
  unmatched: UnmatchedStatement[];
  /** Features the evaluator met but does not model, in plain words. */
  unsupported: string[];
  /** Condition keys the policies test that the request context did not carry. */
  missingContextKeys: string[];
  /** Policies that could not be read at all (they never allow anything). */
  invalidPolicies: { policyName: string; reason: string }[];
}
