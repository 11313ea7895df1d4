import type { Ctx } from '../ctx.ts';
import { ValidationError } from '../errors.ts';
import { authorize, roleForArn, userForArn } from '../iam/authorize/authorize.ts';
import { evaluatePolicies } from '../iam/authorize/evaluate.ts';
import type { AuthorizationResult, ContextValue, SourcePolicy } from '../iam/authorize/types.ts';
import { managedPolicy } from '../iam/aws-managed-policies.ts';
import { parsePolicy, policySize } from '../iam/operations.ts';
import type { IamTag } from '../iam/state.ts';
import type { AccountState } from '../state.ts';
import { AccessDenied, ExpiredToken, InvalidClientTokenId } from './errors.ts';
import type { StsSession } from './state.ts';
import { getRecord, records, recordsFrom, setRecord } from '../records.ts';

// STS (https://docs.aws.amazon.com/STS/latest/APIReference/). Credentials expire on the injected clock.

/** Who calls STS: by access key (an IAM user's or an STS session's) or, for callers outside this account, by ARN with their own policies. */
export interface StsCaller {
  accessKeyId?: string;
  principalArn?: string;
  /** For a caller from another account: its identity-based policies, which this account cannot see. */
  policies?: SourcePolicy[];
}

interface ResolvedCaller {
  arn: string;
  userId: string;
  account: string;
  session?: StsSession;
}

const accountOf = (arn: string) => /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1] ?? '';

/** The caller behind an access key or ARN; `ExpiredToken` once a session's credentials have expired. */
export function resolveCaller(state: AccountState, caller: StsCaller, ctx: Ctx): ResolvedCaller {
  if (caller.accessKeyId) {
    const session = getRecord(state.sts.sessions, caller.accessKeyId);
    if (session) {
      if (ctx.clock.now() >= session.Expiration) throw new ExpiredToken('the security token included in the request is expired');
      return { arn: session.Arn, userId: session.UserId, account: accountOf(session.Arn), session };
    }
    const user = Object.values(state.iam.users).find((u) => u.AccessKeys?.some((k) => k.AccessKeyId === caller.accessKeyId && k.Status === 'Active'));
    if (!user) throw new InvalidClientTokenId();
    return { arn: user.Arn, userId: user.UserId, account: accountOf(user.Arn) };
  }
  const arn = caller.principalArn ?? '';
  const user = userForArn(state, arn);
  // The root user's UserId is the account id (API_GetCallerIdentity.html, "UserId").
  const userId = user?.UserId ?? (arn.endsWith(':root') ? accountOf(arn) : arn);
  return { arn, userId, account: accountOf(arn) };
}

/** GetCallerIdentity: needs no permission, as in AWS. */
export function getCallerIdentity(state: AccountState, _input: Record<string, never>, ctx: Ctx, caller: StsCaller): { UserId: string; Account: string; Arn: string } {
  const who = resolveCaller(state, caller, ctx);
  return { UserId: who.userId, Account: who.account, Arn: who.arn };
}

/** AssumeRole's input, as the STS API names it. */
export interface AssumeRoleInput {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
  ExternalId?: string;
  Policy?: string;
  PolicyArns?: { arn: string }[];
  Tags?: IamTag[];
  SerialNumber?: string;
  TokenCode?: string;
  SourceIdentity?: string;
}

/** What AssumeRole returns. */
export interface AssumeRoleOutput {
  Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };
  AssumedRoleUser: { AssumedRoleId: string; Arn: string };
  PackedPolicySize: number;
  SourceIdentity?: string;
}

function decide(state: AccountState, caller: StsCaller, who: ResolvedCaller, action: string, resource: string, trust: string, context: Record<string, ContextValue>, time: number): AuthorizationResult {
  const request = { principalArn: who.arn, action, resource, context, time };
  if (caller.policies) {
    return evaluatePolicies([{ policyName: 'trust-policy', policyType: 'resource', document: trust }, ...caller.policies], request);
  }
  return authorize(state, request, { resourcePolicy: trust, ...(who.session ? { session: who.session } : {}) });
}

function issue(ctx: Ctx): Pick<StsSession, 'AccessKeyId' | 'SecretAccessKey' | 'SessionToken'> {
  return { AccessKeyId: ctx.ids.next('ASIA'), SecretAccessKey: ctx.ids.next('secret'), SessionToken: ctx.ids.next('token') };
}

/**
 * AssumeRole: the role's trust policy AND the caller's own permissions must allow `sts:AssumeRole` (and
 * `sts:TagSession` for session tags) — across accounts both sides, in the same account the trust policy
 * alone when it names the caller (id_roles_use_permissions-to-switch.html). Duration is 900 s up to the
 * role's MaxSessionDuration, at most one hour when a role session assumes a role (role chaining).
 */
export function assumeRole(state: AccountState, input: AssumeRoleInput, ctx: Ctx, caller: StsCaller): AssumeRoleOutput {
  const who = resolveCaller(state, caller, ctx);
  if (who.session?.SessionIssuerArn !== undefined) throw new AccessDenied('a federated user session cannot call STS operations other than GetCallerIdentity');
  if (!/^[\w+=,.@-]{2,64}$/.test(input.RoleSessionName)) throw new ValidationError(`\`${input.RoleSessionName}\` is not a valid RoleSessionName: use 2 to 64 letters, digits and \`+=,.@_-\``);
  const role = roleForArn(state, input.RoleArn);
  if (!role || role.Arn !== input.RoleArn) throw new AccessDenied(`\`${who.arn}\` is not authorized to perform \`sts:AssumeRole\` on \`${input.RoleArn}\``);
  const chained = who.session?.RoleArn !== undefined;
  const duration = input.DurationSeconds ?? 3600;
  // Role chaining caps a session at one hour (id_roles_terms-and-concepts.html#iam-term-role-chaining).
  if (chained && duration > 3600) throw new ValidationError('the requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining');
  if (duration < 900 || duration > role.MaxSessionDuration) throw new ValidationError(`DurationSeconds must be between 900 and the role's MaxSessionDuration (${role.MaxSessionDuration}), not ${duration}`);
  if (input.Policy !== undefined) {
    // The plaintext limit counts every character as sent, whitespace included: it is the `Policy` parameter's own
    // length constraint (STS API reference, AssumeRole, Policy), unlike IAM's stored-policy quotas.
    if (input.Policy.length > 2048) {
      throw new ValidationError(`1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048`);
    }
    parsePolicy(input.Policy);
  }
  if ((input.PolicyArns ?? []).length > 10) throw new ValidationError('at most 10 managed session policies can be passed');
  const time = ctx.clock.now();
  const mfa = input.SerialNumber !== undefined && input.TokenCode !== undefined && /^\d{6}$/.test(input.TokenCode);
  const mfaTime = mfa ? time : who.session?.MultiFactorAuthTime;
  const tags = recordsFrom((input.Tags ?? []).map((t) => [t.Key, t.Value]));
  const context: Record<string, ContextValue> = {
    'sts:RoleSessionName': input.RoleSessionName,
    ...(input.ExternalId !== undefined ? { 'sts:ExternalId': input.ExternalId } : {}),
    ...(input.SourceIdentity !== undefined ? { 'sts:SourceIdentity': input.SourceIdentity } : {}),
    ...(mfaTime !== undefined ? { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': String(Math.floor((time - mfaTime) / 1000)) } : {}),
    ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
    ...(input.Tags?.length ? { 'aws:TagKeys': Object.keys(tags) } : {}),
  };
  for (const action of input.Tags?.length ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole']) {
    const result = decide(state, caller, who, action, role.Arn, role.AssumeRolePolicyDocument, context, time);
    if (result.decision !== 'Allowed') throw new AccessDenied(`\`${who.arn}\` is not authorized to perform \`${action}\` on \`${role.Arn}\`: ${result.reason}`);
  }
  const managed = (input.PolicyArns ?? []).map(({ arn }) => {
    const policy = managedPolicy(state.iam.policies, arn);
    const version = policy?.Versions.find((v) => v.VersionId === policy.DefaultVersionId);
    if (!version) throw new ValidationError(`the session policy \`${arn}\` does not exist`);
    return version.Document;
  });
  const credentials = issue(ctx);
  const arn = `arn:aws:sts::${accountOf(role.Arn)}:assumed-role/${role.RoleName}/${input.RoleSessionName}`;
  const session: StsSession = {
    ...credentials,
    Expiration: time + duration * 1000,
    Arn: arn,
    UserId: `${role.RoleId}:${input.RoleSessionName}`,
    RoleArn: role.Arn,
    SessionPolicies: [...(input.Policy !== undefined ? [input.Policy] : []), ...managed],
    Tags: tags,
    ...(mfaTime !== undefined ? { MultiFactorAuthTime: mfaTime } : {}),
    Chained: chained,
    ...(input.SourceIdentity !== undefined ? { SourceIdentity: input.SourceIdentity } : {}),
  };
  setRecord(state.sts.sessions, session.AccessKeyId, session);
  return {
    Credentials: { ...credentials, Expiration: new Date(session.Expiration).toISOString() },
    AssumedRoleUser: { AssumedRoleId: session.UserId, Arn: arn },
    PackedPolicySize: Math.min(100, Math.ceil((policySize(input.Policy ?? '') / 2048) * 100)),
    ...(input.SourceIdentity !== undefined ? { SourceIdentity: input.SourceIdentity } : {}),
  };
}

/**
 * GetSessionToken: temporary credentials for an IAM user (or the root user), with MFA when a device and
 * code are given. 900 s to 36 hours, one hour for the root user; role sessions cannot call it.
 */
export function getSessionToken(state: AccountState, input: { DurationSeconds?: number; SerialNumber?: string; TokenCode?: string }, ctx: Ctx, caller: StsCaller): { Credentials: AssumeRoleOutput['Credentials'] } {
  const who = resolveCaller(state, caller, ctx);
  if (who.session) throw new AccessDenied('GetSessionToken cannot be called with temporary credentials');
  const root = /:root$/.test(who.arn);
  const duration = input.DurationSeconds ?? (root ? 3600 : 43200);
  const max = root ? 3600 : 129600;
  if (duration < 900 || duration > max) throw new ValidationError(`DurationSeconds must be between 900 and ${max}, not ${duration}`);
  let mfaTime: number | undefined;
  if (input.SerialNumber !== undefined) {
    const user = userForArn(state, who.arn);
    if (!user?.MFADevices?.includes(input.SerialNumber)) throw new AccessDenied(`MFA device \`${input.SerialNumber}\` is not enabled for \`${who.arn}\``);
    if (!input.TokenCode || !/^\d{6}$/.test(input.TokenCode)) throw new AccessDenied('the MFA token code is missing or invalid');
    mfaTime = ctx.clock.now();
  }
  const credentials = issue(ctx);
  const session: StsSession = {
    ...credentials,
    Expiration: ctx.clock.now() + duration * 1000,
    Arn: who.arn,
    UserId: who.userId,
    SessionPolicies: [],
    Tags: records(),
    ...(mfaTime !== undefined ? { MultiFactorAuthTime: mfaTime } : {}),
    Chained: false,
  };
  setRecord(state.sts.sessions, session.AccessKeyId, session);
  return { Credentials: { ...credentials, Expiration: new Date(session.Expiration).toISOString() } };
}

/** GetFederationToken's input, as the STS API names it. */
export interface GetFederationTokenInput {
  Name: string;
  DurationSeconds?: number;
  Policy?: string;
  PolicyArns?: { arn: string }[];
  Tags?: IamTag[];
}

/** What GetFederationToken returns. */
export interface GetFederationTokenOutput {
  Credentials: AssumeRoleOutput['Credentials'];
  FederatedUser: { FederatedUserId: string; Arn: string };
  PackedPolicySize: number;
}

/** The documents of managed session policies (`PolicyArns`), refused when one does not exist. */
function managedSessionPolicies(state: AccountState, arns: readonly { arn: string }[] | undefined): string[] {
  if ((arns ?? []).length > 10) throw new ValidationError('at most 10 managed session policies can be passed');
  return (arns ?? []).map(({ arn }) => {
    const policy = managedPolicy(state.iam.policies, arn);
    const version = policy?.Versions.find((v) => v.VersionId === policy.DefaultVersionId);
    if (!version) throw new ValidationError(`the session policy \`${arn}\` does not exist`);
    return version.Document;
  });
}

/**
 * GetFederationToken (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetFederationToken.html):
 * temporary credentials for a federated user, requested with an IAM user's long-term credentials (or the
 * root user's, one hour at most). The user needs `sts:GetFederationToken` (and `sts:TagSession` to pass
 * tags). The session's permissions are the intersection of the user's policies and the session policies
 * passed here, and none at all without session policies (the evaluator enforces it for `FederatedUser`).
 */
export function getFederationToken(state: AccountState, input: GetFederationTokenInput, ctx: Ctx, caller: StsCaller): GetFederationTokenOutput {
  const who = resolveCaller(state, caller, ctx);
  if (who.session) throw new AccessDenied('GetFederationToken must be called with the long-term credentials of an IAM user, not with temporary credentials');
  if (!/^[\w+=,.@-]{2,32}$/.test(input.Name)) throw new ValidationError(`\`${input.Name}\` is not a valid Name: use 2 to 32 letters, digits and \`+=,.@_-\``);
  const root = /:root$/.test(who.arn);
  const requested = input.DurationSeconds ?? 43200;
  if (requested < 900 || requested > 129600) throw new ValidationError(`DurationSeconds must be between 900 and 129600, not ${requested}`);
  // "If the specified duration is longer than one hour, the session obtained by using root user credentials defaults to one hour."
  const duration = root ? Math.min(requested, 3600) : requested;
  if (input.Policy !== undefined) {
    if (input.Policy.length > 2048) throw new ValidationError(`1 validation error detected: Value at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048`);
    parsePolicy(input.Policy);
  }
  const managed = managedSessionPolicies(state, input.PolicyArns);
  const arn = `arn:aws:sts::${who.account}:federated-user/${input.Name}`;
  const time = ctx.clock.now();
  const tags = Object.fromEntries((input.Tags ?? []).map((t) => [t.Key, t.Value]));
  if (!root) {
    const context: Record<string, ContextValue> = {
      ...Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:RequestTag/${k}`, v])),
      ...(input.Tags?.length ? { 'aws:TagKeys': Object.keys(tags) } : {}),
    };
    for (const action of input.Tags?.length ? ['sts:GetFederationToken', 'sts:TagSession'] : ['sts:GetFederationToken']) {
      const result = authorize(state, { principalArn: who.arn, action, resource: arn, context, time });
      if (result.decision !== 'Allowed') throw new AccessDenied(`\`${who.arn}\` is not authorized to perform \`${action}\` on \`${arn}\`: ${result.reason}`);
    }
  }
  const credentials = issue(ctx);
  const session: StsSession = {
    ...credentials,
    Expiration: time + duration * 1000,
    Arn: arn,
    UserId: `${who.account}:${input.Name}`,
    SessionIssuerArn: who.arn,
    SessionPolicies: [...(input.Policy !== undefined ? [input.Policy] : []), ...managed],
    Tags: tags,
    Chained: false,
  };
  setRecord(state.sts.sessions, session.AccessKeyId, session);
  return {
    Credentials: { ...credentials, Expiration: new Date(session.Expiration).toISOString() },
    FederatedUser: { FederatedUserId: session.UserId, Arn: arn },
    PackedPolicySize: Math.min(100, Math.ceil((policySize(input.Policy ?? '') / 2048) * 100)),
  };
}

/** Decides a request made with temporary credentials: refused once they expire, then the session's policies apply. */
export function authorizeSession(state: AccountState, accessKeyId: string, request: { action: string; resource: string; context?: Record<string, ContextValue> }, ctx: Ctx): AuthorizationResult {
  const who = resolveCaller(state, { accessKeyId }, ctx);
  const extra = who.session ? { session: who.session } : {};
  return authorize(state, { principalArn: who.arn, ...request, time: ctx.clock.now() }, extra);
}

