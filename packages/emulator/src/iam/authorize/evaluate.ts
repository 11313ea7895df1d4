import { splitArn } from './arn.ts';
import { compiledPolicy } from './compile.ts';
import { contextLookup } from './context-keys.ts';
import { describePrincipal } from './principal.ts';
import { evaluateStatement, type PreparedRequest } from './statement.ts';
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
  present: boolean;
  allows: StatementRef[];
  denies: number;
  maybeAllow: boolean;
  maybeDeny: boolean;
}

const newBucket = (): Bucket => ({ present: false, allows: [], denies: 0, maybeAllow: false, maybeDeny: false });

interface Buckets {
  scp: Map<number, Bucket>;
  rcp: Bucket;
  resource: Bucket;
  identity: Bucket;
  boundary: Bucket;
  session: Bucket;
}

type Grant = { allowed: boolean; reason: string; failedAt?: PolicyType };

function accountOf(parts: readonly string[]): string | undefined {
  const account = parts.length >= 6 ? parts[4] : undefined;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

function allows(bucket: Bucket, optimistic: boolean, predicate?: (ref: StatementRef) => boolean): boolean {
  if (optimistic && bucket.maybeAllow) return true;
  return predicate ? bucket.allows.some(predicate) : bucket.allows.length > 0;
}

/** The allow logic (steps 2–5) over definite allows, or also over the ones the evaluator could not judge. */
function grant(b: Buckets, principal: PrincipalInfo, crossAccount: boolean, optimistic: boolean): Grant {
  if (!principal.exemptFromScps) {
    for (const [level, bucket] of b.scp) {
      if (!allows(bucket, optimistic)) return { allowed: false, failedAt: 'scp', reason: `no service control policy at organization level ${level} allows it` };
    }
  }
  if (b.rcp.present && !allows(b.rcp, optimistic)) return { allowed: false, failedAt: 'rcp', reason: 'no resource control policy allows it' };
  const boundaryOk = !b.boundary.present || allows(b.boundary, optimistic);
  const sessionOk = !b.session.present || allows(b.session, optimistic);
  const limit = (): Grant | undefined =>
    !boundaryOk
      ? { allowed: false, failedAt: 'boundary', reason: 'the permissions boundary does not allow it, and a boundary only limits: it never grants' }
      : !sessionOk
        ? { allowed: false, failedAt: 'session', reason: 'the session policy does not allow it: a session has at most the permissions its policies pass' }
        : undefined;
  const resourceAny = allows(b.resource, optimistic);
  const identityAllows = allows(b.identity, optimistic) || (principal.type === 'Account' && !crossAccount);
  if (principal.type === 'Service' || principal.type === 'Anonymous') {
    return resourceAny ? { allowed: true, reason: 'a resource-based policy allows it' } : { allowed: false, failedAt: 'resource', reason: 'no resource-based policy allows it' };
  }
  if (crossAccount) {
    if (!resourceAny) return { allowed: false, failedAt: 'resource', reason: 'the request crosses accounts and no resource-based policy in the resource account allows it' };
    if (!identityAllows) return { allowed: false, failedAt: 'identity', reason: "the request crosses accounts: the resource-based policy allows it, but the caller's identity-based policies must allow it too" };
    return limit() ?? { allowed: true, reason: "the resource-based policy and the caller's identity-based policies both allow it" };
  }
  if (allows(b.resource, optimistic, (ref) => ref.principalMatch === 'direct')) {
    return { allowed: true, reason: 'a resource-based policy in the same account names the caller, which allows it on its own' };
  }
  if (allows(b.resource, optimistic, (ref) => ref.principalMatch === 'role')) {
    return limit() ?? { allowed: true, reason: "a resource-based policy names the caller's role, and the boundary and session policy pass it" };
  }
  if (!identityAllows) {
    const viaAccount = allows(b.resource, optimistic, (ref) => ref.principalMatch === 'account');
    return {
      allowed: false,
      failedAt: 'identity',
      reason: viaAccount
        ? 'the resource-based policy names only the account, which delegates to identity-based policies, and none allows it'
        : 'no identity-based policy allows it',
    };
  }
  return limit() ?? { allowed: true, reason: principal.type === 'Account' ? 'the account root user has full access in its own account' : 'an identity-based policy allows it' };
}

function typeResults(b: Buckets): PolicyTypeResult[] {
  const out: PolicyTypeResult[] = [];
  const push = (policyType: PolicyType, bucket: Bucket, level?: number) => {
    if (!bucket.present) return;
    const decision = bucket.denies > 0 ? 'ExplicitDeny' : bucket.allows.length > 0 ? 'Allow' : 'ImplicitDeny';
    const reason = decision === 'ExplicitDeny' ? 'a statement denies it' : decision === 'Allow' ? `${bucket.allows.length} statement${bucket.allows.length === 1 ? '' : 's'} allow it` : bucket.maybeAllow ? 'no statement surely allows it' : 'no statement allows it';
    out.push({ policyType, ...(level !== undefined ? { level } : {}), decision, reason });
  };
  for (const [level, bucket] of [...b.scp].sort((x, y) => x[0] - y[0])) push('scp', bucket, level);
  push('rcp', b.rcp);
  push('resource', b.resource);
  push('identity', b.identity);
  push('boundary', b.boundary);
  push('session', b.session);
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
export function evaluatePolicies(policies: readonly SourcePolicy[], request: AuthorizationRequest): AuthorizationResult {
  const principal = principalFor(request);
  const resourceParts = splitArn(request.resource);
  const resourceAccount = request.resourceAccount ?? accountOf(resourceParts) ?? principal.accountId;
  const crossAccount = principal.accountId !== undefined && resourceAccount !== undefined && principal.accountId !== resourceAccount;
  let hasBoundary = false;
  for (const p of policies) if (p.policyType === 'boundary') hasBoundary = true;
  const prepared: PreparedRequest = {
    action: request.action,
    actionLower: request.action.toLowerCase(),
    resource: request.resource,
    resourceParts,
    principal,
    hasBoundary,
    lookup: contextLookup(request, principal, resourceAccount),
  };
  const buckets: Buckets = { scp: new Map(), rcp: newBucket(), resource: newBucket(), identity: newBucket(), boundary: newBucket(), session: newBucket() };
  const missing = new Set<string>();
  const matched: StatementRef[] = [];
  const unmatched: UnmatchedStatement[] = [];
  let unsupported: Set<string> | undefined;
  const invalidPolicies: AuthorizationResult['invalidPolicies'] = [];
  let denied = false;

  for (const source of policies) {
    let bucket: Bucket;
    if (source.policyType === 'scp') {
      const level = source.level ?? 0;
      bucket = buckets.scp.get(level) ?? newBucket();
      buckets.scp.set(level, bucket);
    } else {
      bucket = buckets[source.policyType];
    }
    bucket.present = true;
    const compiled = compiledPolicy(source);
    if (compiled.invalid !== undefined) {
      invalidPolicies.push({ policyName: source.policyName, reason: compiled.invalid });
      continue;
    }
    for (const statement of compiled.statements) {
      const outcome = evaluateStatement(statement, prepared, missing);
      if (outcome.kind === 'match') {
        const ref = outcome.principalMatch ? { ...statement.ref, principalMatch: outcome.principalMatch } : statement.ref;
        matched.push(ref);
        if (statement.effect === 'Deny') {
          bucket.denies++;
          denied = true;
        } else {
          bucket.allows.push(ref);
        }
        continue;
      }
      unmatched.push({ ...statement.ref, failed: outcome.failed, reason: outcome.reason, ...(outcome.condition ? { condition: outcome.condition } : {}) });
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
    const definite = grant(buckets, principal, crossAccount, false);
    const maybeDeny = buckets.rcp.maybeDeny || buckets.resource.maybeDeny || buckets.identity.maybeDeny || buckets.boundary.maybeDeny || buckets.session.maybeDeny || [...buckets.scp.values()].some((b) => b.maybeDeny);
    if (definite.allowed && !maybeDeny) {
      decision = 'Allowed';
      reason = definite.reason;
    } else {
      decision = 'ImplicitDeny';
      reason = definite.allowed ? 'a statement that might deny it uses something the simulator does not evaluate' : definite.reason;
      determinate = unsupported === undefined || !grant(buckets, principal, crossAccount, true).allowed;
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
    unmatched,
    unsupported: unsupported ? [...unsupported] : [],
    missingContextKeys: [...missing],
    invalidPolicies,
  };
}
