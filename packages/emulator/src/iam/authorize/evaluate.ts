import { splitArn } from './arn.ts';
import { compiledPolicy } from './compile.ts';
import { contextLookup } from './context-keys.ts';
import { describePrincipal } from './principal.ts';
import type { CompiledStatement } from './compile.ts';
import { evaluateStatement, missReason, type PreparedRequest, type StatementOutcome } from './statement.ts';
import type { AuthorizationRequest, AuthorizationResult, PolicyType, PolicyTypeResult, PrincipalInfo, SourcePolicy, StatementRef, UnmatchedStatement } from './types.ts';

// AWS's policy evaluation logic
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html and
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html):
// 1. an explicit deny in any applicable policy wins;
// 2. SCPs (every organization level) and RCPs must allow;
// 3. in the same account, a resource-based policy that names the caller itself (user ARN, role session
//    ARN, `*`) allows on its own; one that names the caller's role is still limited by the permissions
//    boundary and session policy; one that names the account delegates to identity-based policies;
// 4. otherwise identity-based policies must allow, within the permissions boundary and the session policy;
// 5. across accounts, the caller's side (identity, boundary, session) and the resource-based policy must
//    both allow.
// The account root user has full access in its own account unless a policy denies it.

interface Bucket {
  allows: StatementRef[];
  denies: number;
  maybeAllow: boolean;
  maybeDeny: boolean;
}

function newBucket(): Bucket {
  return { allows: [], denies: 0, maybeAllow: false, maybeDeny: false };
}

/** One bucket per policy type that took part (SCPs per organization level); an absent bucket means the type is absent. */
interface Buckets {
  scp?: Map<number, Bucket>;
  rcp?: Bucket;
  resource?: Bucket;
  identity?: Bucket;
  boundary?: Bucket;
  session?: Bucket;
}

type Grant = { allowed: boolean; reason: string; failedAt?: PolicyType };

function accountOf(parts: readonly string[]): string | undefined {
  const account = parts.length >= 6 ? parts[4] : undefined;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

function allows(bucket: Bucket | undefined, optimistic: boolean, principalMatch?: StatementRef['principalMatch']): boolean {
  if (!bucket) return false;
  if (optimistic && bucket.maybeAllow) return true;
  if (principalMatch === undefined) return bucket.allows.length > 0;
  for (const ref of bucket.allows) if (ref.principalMatch === principalMatch) return true;
  return false;
}

const BOUNDARY_LIMITS: Grant = { allowed: false, failedAt: 'boundary', reason: 'the permissions boundary does not allow it, and a boundary only limits: it never grants' };
const SESSION_LIMITS: Grant = { allowed: false, failedAt: 'session', reason: 'the session policy does not allow it: a session has at most the permissions its policies pass' };

// A federated user session has only what its session policies pass: "if you do not pass a policy, the
// resulting federated user session has no permissions" (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html).
const FEDERATED_WITHOUT_POLICIES: Grant = {
  allowed: false,
  failedAt: 'session',
  reason: 'a federated user session has no permissions unless GetFederationToken passed session policies, and none were passed',
};

/** What the permissions boundary and the session policy say after something granted; undefined when both pass. */
function limit(b: Buckets, optimistic: boolean, principal: PrincipalInfo): Grant | undefined {
  if (b.boundary && !allows(b.boundary, optimistic)) return BOUNDARY_LIMITS;
  if (b.session && !allows(b.session, optimistic)) return SESSION_LIMITS;
  if (!b.session && principal.type === 'FederatedUser') return FEDERATED_WITHOUT_POLICIES;
  return undefined;
}

/**
 * Requests whose resource-based policy must take part even within the account (IAM User Guide,
 * reference_policies_evaluation-logic.html: "role trust policies and KMS key policies are exceptions"):
 * - `trust`: an STS action on a role; the role's trust policy must allow the caller, identity-based policies
 *   alone never suffice;
 * - `key`: a KMS action on a key; IAM policies count only when the key policy allows the account
 *   (`arn:aws:iam::ACCOUNT:root`), and the account root user has no access the key policy does not give
 *   (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html).
 */
type RequiredResourcePolicy = 'trust' | 'key';

function requiredResourcePolicy(actionLower: string, resourceParts: readonly string[]): RequiredResourcePolicy | undefined {
  const resource = resourceParts[5] ?? '';
  if (actionLower.startsWith('sts:') && resourceParts[2] === 'iam' && resource.startsWith('role/')) return 'trust';
  if (actionLower.startsWith('kms:') && resourceParts[2] === 'kms' && resource.startsWith('key/')) return 'key';
  return undefined;
}

const TRUST_REQUIRED: Grant = {
  allowed: false,
  failedAt: 'resource',
  reason: "the role's trust policy does not allow the caller, and a trust policy must allow it even within the account",
};

const KEY_REQUIRED: Grant = {
  allowed: false,
  failedAt: 'resource',
  reason: 'the key policy neither allows the caller nor delegates to its account (`arn:aws:iam::ACCOUNT:root`), so IAM policies have no effect on this KMS key',
};

/** Options of an evaluation that say what the request leaves open. */
export interface EvaluationOptions {
  /**
   * A request on a KMS key given without a key policy is decided as if the key had the default key policy,
   * which allows the key's account and so lets its IAM policies count
   * (https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html). For comparisons of
   * identity-based policies over a universe of requests. Without it, such a request is never allowed and
   * the result says the key policy is missing: Skylab does not model KMS keys.
   */
  assumeDefaultKeyPolicy?: boolean;
}

/** The key policy AWS KMS gives a key created without one: it allows the account, enabling IAM policies. */
function defaultKeyPolicy(account: string): SourcePolicy {
  return {
    policyName: 'default key policy',
    policyType: 'resource',
    document: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${account}:root"},"Action":"kms:*","Resource":"*"}]}`,
  };
}

const MISSING_KEY_POLICY = 'the key policy of a KMS key (none was given, and Skylab does not model KMS keys)';

/** The allow logic (steps 2–5) over definite allows, or also over the ones the evaluator could not judge. */
// "You cannot call any IAM operations using the AWS CLI or the AWS API", nor "any AWS STS operations except
// GetCallerIdentity", with a federated user session (API_GetFederationToken.html, Permissions).
const FEDERATED_API_LIMIT: Grant = {
  allowed: false,
  failedAt: 'session',
  reason: 'a federated user session cannot call IAM operations through the API, nor STS operations other than GetCallerIdentity',
};

function federatedCannot(principal: PrincipalInfo, actionLower: string): boolean {
  return principal.type === 'FederatedUser' && (actionLower.startsWith('iam:') || (actionLower.startsWith('sts:') && actionLower !== 'sts:getcalleridentity'));
}

function grant(b: Buckets, principal: PrincipalInfo, crossAccount: boolean, optimistic: boolean, required?: RequiredResourcePolicy, actionLower = ''): Grant {
  if (federatedCannot(principal, actionLower)) return FEDERATED_API_LIMIT;
  if (!principal.exemptFromScps && b.scp) {
    for (const [level, bucket] of b.scp) {
      if (!allows(bucket, optimistic)) return { allowed: false, failedAt: 'scp', reason: `no service control policy at organization level ${level} allows it` };
    }
  }
  if (b.rcp && !allows(b.rcp, optimistic)) return { allowed: false, failedAt: 'rcp', reason: 'no resource control policy allows it' };
  const resourceAny = allows(b.resource, optimistic);
  // The account root user, or a federated user session the root user requested, holds full access in its
  // own account before any session policy, except on KMS keys whose key policy does not say so.
  const root = principal.type === 'Account' || (principal.sessionIssuerArn !== undefined && principal.sessionIssuerArn === `arn:aws:iam::${principal.accountId ?? ''}:root`);
  const identityAllows = allows(b.identity, optimistic) || (root && !crossAccount && required !== 'key');
  if (principal.type === 'Service' || principal.type === 'Anonymous') {
    return resourceAny ? { allowed: true, reason: 'a resource-based policy allows it' } : { allowed: false, failedAt: 'resource', reason: 'no resource-based policy allows it' };
  }
  if (required === 'trust' && !resourceAny) return TRUST_REQUIRED;
  if (required === 'key' && !resourceAny) return KEY_REQUIRED;
  if (crossAccount) {
    if (!resourceAny) return { allowed: false, failedAt: 'resource', reason: 'the request crosses accounts and no resource-based policy in the resource account allows it' };
    if (!identityAllows) return { allowed: false, failedAt: 'identity', reason: "the request crosses accounts: the resource-based policy allows it, but the caller's identity-based policies must allow it too" };
    return limit(b, optimistic, principal) ?? { allowed: true, reason: "the resource-based policy and the caller's identity-based policies both allow it" };
  }
  if (allows(b.resource, optimistic, 'direct')) {
    return { allowed: true, reason: 'a resource-based policy in the same account names the caller, which allows it on its own' };
  }
  if (allows(b.resource, optimistic, 'role')) {
    return limit(b, optimistic, principal) ?? { allowed: true, reason: "a resource-based policy names the caller's role, and the boundary and session policy pass it" };
  }
  if (!identityAllows) {
    const viaAccount = allows(b.resource, optimistic, 'account');
    return {
      allowed: false,
      failedAt: 'identity',
      reason: viaAccount
        ? 'the resource-based policy names only the account, which delegates to identity-based policies, and none allows it'
        : 'no identity-based policy allows it',
    };
  }
  const granted =
    principal.type === 'Account'
      ? 'the account root user has full access in its own account'
      : allows(b.identity, optimistic)
        ? 'an identity-based policy allows it'
        : 'the account root user requested this federated user session, and the session policies pass it';
  return limit(b, optimistic, principal) ?? { allowed: true, reason: granted };
}

function typeResult(out: PolicyTypeResult[], policyType: PolicyType, bucket: Bucket | undefined, level?: number): void {
  if (!bucket) return;
  const decision = bucket.denies > 0 ? 'ExplicitDeny' : bucket.allows.length > 0 ? 'Allow' : 'ImplicitDeny';
  const reason = decision === 'ExplicitDeny' ? 'a statement denies it' : decision === 'Allow' ? `${bucket.allows.length} statement${bucket.allows.length === 1 ? '' : 's'} allow it` : bucket.maybeAllow ? 'no statement surely allows it' : 'no statement allows it';
  const result = { policyType } as PolicyTypeResult;
  if (level !== undefined) result.level = level;
  result.decision = decision;
  result.reason = reason;
  out.push(result);
}

function typeResults(b: Buckets): PolicyTypeResult[] {
  const out: PolicyTypeResult[] = [];
  if (b.scp) for (const [level, bucket] of [...b.scp].sort((x, y) => x[0] - y[0])) typeResult(out, 'scp', bucket, level);
  typeResult(out, 'rcp', b.rcp);
  typeResult(out, 'resource', b.resource);
  typeResult(out, 'identity', b.identity);
  typeResult(out, 'boundary', b.boundary);
  typeResult(out, 'session', b.session);
  return out;
}

function anyMaybeDeny(b: Buckets): boolean {
  if (b.rcp?.maybeDeny || b.resource?.maybeDeny || b.identity?.maybeDeny || b.boundary?.maybeDeny || b.session?.maybeDeny) return true;
  if (b.scp) for (const bucket of b.scp.values()) if (bucket.maybeDeny) return true;
  return false;
}

function bucketFor(b: Buckets, source: SourcePolicy): Bucket {
  if (source.policyType === 'scp') {
    const level = source.level ?? 0;
    const levels = (b.scp ??= new Map());
    let bucket = levels.get(level);
    if (!bucket) {
      bucket = newBucket();
      levels.set(level, bucket);
    }
    return bucket;
  }
  return (b[source.policyType] ??= newBucket());
}

// Object spread followed by more properties (`{ ...ref, failed }`) is slow in V8, and these copies are
// made per statement per request: the fields are copied one by one, in the order `compileStatement` writes them.
function copyRef(ref: StatementRef): StatementRef {
  const out = { policyName: ref.policyName } as StatementRef;
  if (ref.policyArn !== undefined) out.policyArn = ref.policyArn;
  out.policyType = ref.policyType;
  if (ref.attachment !== undefined) out.attachment = ref.attachment;
  if (ref.group !== undefined) out.group = ref.group;
  if (ref.role !== undefined) out.role = ref.role;
  if (ref.level !== undefined) out.level = ref.level;
  out.statementIndex = ref.statementIndex;
  if (ref.sid !== undefined) out.sid = ref.sid;
  out.effect = ref.effect;
  if (ref.range !== undefined) out.range = ref.range;
  if (ref.actions !== undefined) out.actions = ref.actions;
  return out;
}

/** The statements that did not apply, each with the element that failed and why. */
function unmatchedOf(statements: readonly CompiledStatement[], outcomes: readonly StatementOutcome[], request: PreparedRequest): UnmatchedStatement[] {
  const out: UnmatchedStatement[] = [];
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i] as CompiledStatement;
    const outcome = outcomes[i] as StatementOutcome & { kind: 'no-match' | 'unsupported' };
    const entry = copyRef(statement.ref) as UnmatchedStatement;
    entry.failed = outcome.failed;
    entry.reason = missReason(statement, request, outcome);
    if (outcome.condition) entry.condition = outcome.condition;
    out.push(entry);
  }
  return out;
}

const principals = new Map<string, PrincipalInfo>();

// Callers repeat across requests; what their ARN tells is parsed once (the info is never mutated).
function principalFor(request: AuthorizationRequest): PrincipalInfo {
  if (request.principal) return describePrincipal(request.principalArn, request.principal);
  let info = principals.get(request.principalArn);
  if (!info) {
    if (principals.size >= 4096) principals.clear();
    info = describePrincipal(request.principalArn);
    principals.set(request.principalArn, info);
  }
  return info;
}

/**
 * Evaluates the given policies (any mix of policy types) for one request and returns the decision with
 * its reasons. A statement the evaluator cannot fully judge never allows, and one that might deny keeps
 * the decision from being `Allowed` (fail closed).
 */
export function evaluatePolicies(policies: readonly SourcePolicy[], request: AuthorizationRequest, options: EvaluationOptions = {}): AuthorizationResult {
  return evaluateFor(policies, request, principalFor(request), options);
}

/** `evaluatePolicies` with the caller already described (`describePrincipal(request.principalArn, request.principal)`). */
export function evaluateFor(policies: readonly SourcePolicy[], request: AuthorizationRequest, principal: PrincipalInfo, options: EvaluationOptions = {}): AuthorizationResult {
  const resourceParts = splitArn(request.resource);
  const resourceAccount = request.resourceAccount ?? accountOf(resourceParts) ?? principal.accountId;
  const crossAccount = principal.accountId !== undefined && resourceAccount !== undefined && principal.accountId !== resourceAccount;
  const required = requiredResourcePolicy(request.action.toLowerCase(), resourceParts);
  let hasBoundary = false;
  let hasResource = false;
  for (const p of policies) {
    if (p.policyType === 'boundary') hasBoundary = true;
    else if (p.policyType === 'resource') hasResource = true;
  }
  const missingKeyPolicy = required === 'key' && !hasResource;
  if (missingKeyPolicy && options.assumeDefaultKeyPolicy && resourceAccount !== undefined) {
    return evaluateFor([defaultKeyPolicy(resourceAccount), ...policies], request, principal, options);
  }
  const prepared: PreparedRequest = {
    action: request.action,
    actionLower: request.action.toLowerCase(),
    resource: request.resource,
    resourceParts,
    principal,
    hasBoundary,
    lookup: contextLookup(request, principal, resourceAccount),
  };
  const buckets: Buckets = {};
  const matched: StatementRef[] = [];
  // Statements that did not apply and how: misses are shared constants, worded once the decision is made.
  const missStatements: CompiledStatement[] = [];
  const missOutcomes: StatementOutcome[] = [];
  let unsupported: Set<string> | undefined;
  const invalidPolicies: AuthorizationResult['invalidPolicies'] = [];
  let denied = false;

  for (const source of policies) {
    const bucket = bucketFor(buckets, source);
    const compiled = compiledPolicy(source);
    if (compiled.invalid !== undefined) {
      // An invalid policy never allows, and fail closed: what it was meant to deny cannot be read either
      // (an unknown condition operator in a `Deny` must not let an allow elsewhere through).
      invalidPolicies.push({ policyName: source.policyName, reason: compiled.invalid });
      bucket.maybeDeny = true;
      continue;
    }
    for (const statement of compiled.statements) {
      const outcome = evaluateStatement(statement, prepared);
      if (outcome.kind === 'match') {
        let ref = statement.ref;
        if (outcome.principalMatch) {
          ref = copyRef(ref);
          ref.principalMatch = outcome.principalMatch;
        }
        matched.push(ref);
        if (statement.effect === 'Deny') {
          bucket.denies++;
          denied = true;
        } else {
          bucket.allows.push(ref);
        }
        continue;
      }
      missStatements.push(statement);
      missOutcomes.push(outcome);
      if (outcome.kind === 'unsupported') {
        unsupported ??= new Set();
        for (const item of outcome.unsupported ?? []) unsupported.add(item);
        if (statement.effect === 'Deny') bucket.maybeDeny = true;
        else bucket.maybeAllow = true;
      }
    }
  }

  let decision: AuthorizationResult['decision'];
  let determinate = true;
  let reason: string;
  if (denied) {
    decision = 'ExplicitDeny';
    reason = 'an explicit deny overrides any allow';
  } else {
    // Only when the trust policy takes part: evaluating identity policies alone (as IAM's policy simulator does
    // without a resource policy) still answers what those policies say. A KMS key's policy always takes part:
    // without it nothing can say whether IAM policies count, so the request is not allowed (below).
    const need = required === 'trust' && buckets.resource === undefined ? undefined : required;
    const definite = grant(buckets, principal, crossAccount, false, need, prepared.actionLower);
    const maybeDeny = anyMaybeDeny(buckets);
    if (definite.allowed && !maybeDeny) {
      decision = 'Allowed';
      reason = definite.reason;
    } else {
      decision = 'ImplicitDeny';
      const invalid = invalidPolicies[0];
      reason = !definite.allowed
        ? definite.reason
        : unsupported === undefined && invalid
          ? `the policy \`${invalid.policyName}\` is invalid (${invalid.reason}), and a policy that cannot be read might deny it`
          : 'a statement that might deny it uses something the simulator does not evaluate';
      determinate = !definite.allowed && (unsupported === undefined || !grant(buckets, principal, crossAccount, true, need, prepared.actionLower).allowed);
    }
    if (missingKeyPolicy) {
      // The key policy alone could allow (naming the caller) or, not delegating, take away what IAM policies allow.
      (unsupported ??= new Set()).add(MISSING_KEY_POLICY);
      determinate = false;
      reason = 'no key policy was given and Skylab does not model KMS keys: IAM policies count for a key only when its key policy allows the account, so the request is not allowed';
    }
  }
  return {
    decision,
    determinate,
    request,
    crossAccount,
    reason,
    policyTypes: typeResults(buckets),
    matchedStatements: matched,
    unmatched: unmatchedOf(missStatements, missOutcomes, prepared),
    unsupported: unsupported ? [...unsupported] : [],
    missingContextKeys: prepared.missing ? [...prepared.missing] : [],
    invalidPolicies,
  };
}
