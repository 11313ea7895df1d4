import type { AccountState } from '../../state.ts';
import type { StsSession } from '../../sts/state.ts';
import { managedPolicy } from '../aws-managed-policies.ts';
import { NoSuchEntity } from '../errors.ts';
import type { IamRole, IamTag, IamUser } from '../state.ts';
import { evaluateFor, evaluatePolicies } from './evaluate.ts';
import { describePrincipal } from './principal.ts';
import type { AuthorizationRequest, AuthorizationResult, PrincipalInfo, SourcePolicy } from './types.ts';
import { getRecord, recordsFrom } from '../../records.ts';

/** Policies that come from outside the caller's account model: the resource's policy and the organization's SCPs. */
export interface AuthorizeOptions {
  /** The resource-based policy of the resource (a bucket policy, a role's trust policy …). */
  resourcePolicy?: string;
  /** SCP documents per organization level, root first, the account's own level last. */
  serviceControlPolicies?: string[][];
  /** The STS session the request is made with, when it used temporary credentials. */
  session?: StsSession;
}

/** The IAM user an ARN names (`arn:aws:iam::111122223333:user/path/name`), or undefined. */
export function userForArn(state: AccountState, principalArn: string): IamUser | undefined {
  const match = /^arn:aws:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(principalArn);
  if (!match) return undefined;
  const user = getRecord(state.iam.users, (match[2] ?? '').toLowerCase());
  return user && user.Arn === principalArn ? user : undefined;
}

function managed(state: AccountState, arn: string, extra: Partial<SourcePolicy>): SourcePolicy[] {
  const policy = managedPolicy(state.iam.policies, arn);
  const version = policy?.Versions.find((v) => v.VersionId === policy.DefaultVersionId);
  return policy && version ? [{ policyName: policy.PolicyName, policyArn: arn, policyType: 'identity', attachment: 'managed', document: version.Document, ...extra }] : [];
}

function inline(policies: Record<string, string>, extra: Partial<SourcePolicy> = {}): SourcePolicy[] {
  return Object.entries(policies).map(([policyName, document]): SourcePolicy => ({ policyName, policyType: 'identity', attachment: 'inline', document, ...extra }));
}

function boundary(state: AccountState, arn: string | undefined): SourcePolicy[] {
  return arn ? managed(state, arn, { policyType: 'boundary' }) : [];
}

const tagMap = (tags: IamTag[] | undefined) => recordsFrom((tags ?? []).map((t) => [t.Key, t.Value]));

/**
 * The identity-based policies of a user: its inline policies, its attached managed policies (default
 * versions), then those of each of its groups (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html).
 */
export function identityPolicies(state: AccountState, user: IamUser): SourcePolicy[] {
  const own = [...inline(user.UserPolicies), ...user.AttachedPolicyArns.flatMap((arn) => managed(state, arn, {}))];
  const groups = Object.values(state.iam.groups ?? {}).filter((g) => g.Users.includes(user.UserName));
  return [...own, ...groups.flatMap((g) => [...inline(g.GroupPolicies, { group: g.GroupName }), ...g.AttachedPolicyArns.flatMap((arn) => managed(state, arn, { group: g.GroupName }))])];
}

/** The role an ARN names: a role ARN, or an assumed-role session ARN (`arn:aws:sts::…:assumed-role/name/session`). */
export function roleForArn(state: AccountState, principalArn: string): IamRole | undefined {
  const match = /^arn:aws:(?:iam::\d{12}:role\/(?:.*\/)?([^/]+)|sts::\d{12}:assumed-role\/([^/]+)\/[^/]+)$/.exec(principalArn);
  const name = match?.[1] ?? match?.[2];
  return name && state.iam.roles ? getRecord(state.iam.roles, name.toLowerCase()) : undefined;
}

function latestSession(state: AccountState, arn: string): StsSession | undefined {
  let found: StsSession | undefined;
  for (const session of Object.values(state.sts?.sessions ?? {})) if (session.Arn === arn) found = session;
  return found;
}

/**
 * A federated user session (GetFederationToken): the issuing IAM user's identity-based policies and boundary,
 * then the session policies, which the evaluator requires for a `FederatedUser` (none passed: no permissions).
 * Session tags override the user's tags of the same key (API_GetFederationToken.html, `Tags`).
 */
function federatedPolicies(state: AccountState, live: StsSession, mfa: Partial<PrincipalInfo>): { policies: SourcePolicy[]; principal: Omit<PrincipalInfo, 'arn'> } {
  const issuer = live.SessionIssuerArn ?? '';
  const user = userForArn(state, issuer);
  if (!user && !/^arn:aws:iam::\d{12}:root$/.test(issuer)) throw new NoSuchEntity(`the user \`${issuer}\` behind the federated user session \`${live.Arn}\` no longer exists`);
  const sessionPolicies = live.SessionPolicies.map((document, i): SourcePolicy => ({ policyName: `session-policy-${i + 1}`, policyType: 'session', document }));
  return {
    policies: [...(user ? [...identityPolicies(state, user), ...boundary(state, user.PermissionsBoundary)] : []), ...sessionPolicies],
    principal: { type: 'FederatedUser', sessionIssuerArn: issuer, userId: live.UserId, tags: { ...tagMap(user?.Tags), ...live.Tags }, ...mfa },
  };
}

/** Every policy of the caller's own account that applies to it, and what policies can see of it. */
export function principalPolicies(state: AccountState, principalArn: string, session?: StsSession): { policies: SourcePolicy[]; principal: Omit<PrincipalInfo, 'arn'> } {
  if (/^arn:aws:iam::\d{12}:root$/.test(principalArn)) return { policies: [], principal: {} };
  const user = userForArn(state, principalArn);
  const live = session ?? latestSession(state, principalArn);
  const mfa = live?.MultiFactorAuthTime !== undefined ? { multiFactorAuthPresent: true, multiFactorAuthTime: live.MultiFactorAuthTime } : live ? { multiFactorAuthPresent: false } : {};
  const sessionPolicies = (live?.SessionPolicies ?? []).map((document, i): SourcePolicy => ({ policyName: `session-policy-${i + 1}`, policyType: 'session', document }));
  if (user) {
    return {
      policies: [...identityPolicies(state, user), ...boundary(state, user.PermissionsBoundary), ...sessionPolicies],
      principal: { userId: user.UserId, tags: tagMap(user.Tags), ...mfa },
    };
  }
  if (live?.SessionIssuerArn !== undefined) return federatedPolicies(state, live, mfa);
  const role = roleForArn(state, principalArn);
  if (role) {
    const sessionName = principalArn.startsWith('arn:aws:sts:') ? principalArn.slice(principalArn.lastIndexOf('/') + 1) : undefined;
    return {
      policies: [...inline(role.RolePolicies, { role: role.RoleName }), ...role.AttachedPolicyArns.flatMap((arn) => managed(state, arn, { role: role.RoleName })), ...boundary(state, role.PermissionsBoundary), ...sessionPolicies],
      principal: { ...(sessionName ? { userId: `${role.RoleId}:${sessionName}` } : {}), tags: recordsFrom([...Object.entries(tagMap(role.Tags)), ...Object.entries(live?.Tags ?? {})]), ...mfa },
    };
  }
  throw new NoSuchEntity(`the principal \`${principalArn}\` is not a user or role in this account`);
}

/**
 * Decides a request by a user, role, role session or the account root of this account with every policy
 * that applies: its identity-based policies (with its groups'), its permissions boundary, its session
 * policies, the resource's policy and the organization's SCPs. Throws `NoSuchEntity` for an unknown caller.
 */
export function authorize(state: AccountState, request: AuthorizationRequest, options: AuthorizeOptions = {}): AuthorizationResult {
  const caller = cachedCaller(state, request.principalArn, options.session);
  const extra: SourcePolicy[] = [];
  if (options.resourcePolicy !== undefined) extra.push({ policyName: 'resource-policy', policyType: 'resource', document: options.resourcePolicy });
  (options.serviceControlPolicies ?? []).forEach((level, index) => {
    level.forEach((document, i) => extra.push({ policyName: `scp-${index}-${i + 1}`, policyType: 'scp', level: index, document }));
  });
  const policies = extra.length === 0 ? caller.policies : [...extra, ...caller.policies];
  if (request.principal) return evaluatePolicies(policies, { ...request, principal: { ...caller.principal, ...request.principal } });
  return evaluateFor(policies, { ...request, principal: caller.principal }, caller.described);
}

interface CachedCaller {
  inputs: unknown[];
  policies: SourcePolicy[];
  principal: Omit<PrincipalInfo, 'arn'>;
  described: PrincipalInfo;
}

const callers = new WeakMap<AccountState, Map<string, CachedCaller>>();

// Operations change account state in place, so a cached caller is kept only while every piece of state it
// was derived from is still the same (`callerInputs`): re-reading those is cheaper than rebuilding the
// policy list, and the rebuilt source objects would also miss the evaluator's compiled-policy cache.
function cachedCaller(state: AccountState, principalArn: string, session: StsSession | undefined): CachedCaller {
  const inputs = callerInputs(state, principalArn, session);
  let forState = callers.get(state);
  const hit = forState?.get(principalArn);
  if (hit && sameInputs(hit.inputs, inputs)) return hit;
  const { policies, principal } = principalPolicies(state, principalArn, session);
  if (principal.tags) Object.freeze(principal.tags);
  const caller = { inputs, policies: Object.freeze(policies) as SourcePolicy[], principal: Object.freeze(principal), described: describePrincipal(principalArn, principal) };
  if (!forState) callers.set(state, (forState = new Map()));
  if (forState.size >= 1024) forState.clear();
  forState.set(principalArn, caller);
  return caller;
}

// Everything `principalPolicies` reads, in order: equal inputs (by identity and value) give an equal result.
// END closes each variable-length list, so that entries cannot shift from one list into the next.
const END = {};

function pushRecord(out: unknown[], record: Record<string, unknown> | undefined): void {
  if (record) for (const [key, value] of Object.entries(record)) out.push(key, value);
  out.push(END);
}

function pushManaged(out: unknown[], state: AccountState, arn: string | undefined): void {
  if (arn === undefined) return;
  const policy = managedPolicy(state.iam.policies, arn);
  out.push(arn, policy, policy?.DefaultVersionId, policy?.Versions.find((v) => v.VersionId === policy.DefaultVersionId)?.Document);
}

function pushArns(out: unknown[], state: AccountState, arns: readonly string[]): void {
  for (const arn of arns) pushManaged(out, state, arn);
  out.push(END);
}

function pushTags(out: unknown[], tags: readonly IamTag[] | undefined): void {
  for (const tag of tags ?? []) out.push(tag.Key, tag.Value);
  out.push(END);
}

function callerInputs(state: AccountState, principalArn: string, session: StsSession | undefined): unknown[] {
  const live = session ?? latestSession(state, principalArn);
  const out: unknown[] = [live, live?.MultiFactorAuthTime];
  if (live) {
    for (const document of live.SessionPolicies ?? []) out.push(document);
    out.push(END);
    pushRecord(out, live.Tags);
  }
  const user = userForArn(state, live?.SessionIssuerArn ?? principalArn);
  out.push(user);
  if (user) {
    out.push(user.UserName, user.UserId, user.PermissionsBoundary);
    pushRecord(out, user.UserPolicies);
    pushArns(out, state, user.AttachedPolicyArns);
    pushTags(out, user.Tags);
    pushManaged(out, state, user.PermissionsBoundary);
    for (const group of Object.values(state.iam.groups ?? {})) {
      if (!group.Users.includes(user.UserName)) continue;
      out.push(group, group.GroupName);
      pushRecord(out, group.GroupPolicies);
      pushArns(out, state, group.AttachedPolicyArns);
    }
    out.push(END);
    return out;
  }
  const role = roleForArn(state, principalArn);
  out.push(role);
  if (role) {
    out.push(role.RoleName, role.RoleId, role.PermissionsBoundary);
    pushRecord(out, role.RolePolicies);
    pushArns(out, state, role.AttachedPolicyArns);
    pushTags(out, role.Tags);
    pushManaged(out, state, role.PermissionsBoundary);
  }
  return out;
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
