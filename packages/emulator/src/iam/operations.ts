import { validatePolicy } from '@skylab/validation';
import type { Ctx } from '../ctx.ts';
import type { AccountState } from '../state.ts';
import { ValidationError } from '../errors.ts';
import { DeleteConflict, EntityAlreadyExists, LimitExceeded, MalformedPolicyDocument, NoSuchEntity } from './errors.ts';
import { managedPolicy } from './aws-managed-policies.ts';
import type { IamManagedPolicy, IamUser } from './state.ts';
import { deleteRecord, getRecord, hasRecord, records, setRecord } from '../records.ts';

// One function per IAM action, named after it (https://docs.aws.amazon.com/IAM/latest/APIReference/).
// Operations change the given state in place; callers that need the old state clone it first.

/**
 * IAM quotas (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html), the defaults of a
 * new account; group and role quotas sit with their operations (GROUP_QUOTAS, ROLE_QUOTAS).
 */
export const IAM_QUOTAS = {
  /** IAM users in an account. */
  usersPerAccount: 5000,
  /** Customer managed policies in an account. */
  policiesPerAccount: 1500,
  /** Instance profiles in an account. */
  instanceProfilesPerAccount: 1000,
  /** Virtual MFA devices, assigned or not: the user quota. */
  virtualMfaDevicesPerAccount: 5000,
  /** MFA devices in use by one user. */
  mfaDevicesPerUser: 8,
  /** Aggregate size of all inline policies of one user, not counting whitespace. */
  userInlinePolicySize: 2048,
  /** Size of one managed policy version, not counting whitespace. */
  managedPolicySize: 6144,
  /** Managed policies attached to one user (the default quota). */
  attachedPoliciesPerUser: 10,
} as const;

const NAME = /^[\w+=,.@-]+$/;
const PATH = /^(\/|\/[\u0021-\u007e]+\/)$/;

/** The user's public shape, as `CreateUser` and `GetUser` return it. */
export type UserView = Pick<IamUser, 'UserName' | 'UserId' | 'Arn' | 'Path' | 'CreateDate'>;
/** The managed policy's public shape, as `CreatePolicy` returns it. */
export type PolicyView = Omit<IamManagedPolicy, 'Versions'>;

/** `LimitExceeded` in IAM's words when `count` entities already reach the quota IAM calls `name`. */
export function checkQuota(count: number, name: string, max: number): void {
  if (count >= max) throw new LimitExceeded(`cannot exceed quota for ${name}: ${max}`);
}

/** Refuses a name that breaks IAM's naming rule. */
export function checkName(field: string, value: string, max: number): void {
  if (value.length < 1 || value.length > max || !NAME.test(value)) {
    throw new ValidationError(`\`${value}\` is not a valid ${field}: use 1 to ${max} letters, digits and \`+=,.@_-\``);
  }
}

/** Refuses a path that does not begin and end with `/`. */
export function checkPath(path: string): void {
  if (path.length > 512 || !PATH.test(path)) throw new ValidationError(`\`${path}\` is not a valid path: it must begin and end with \`/\``);
}

// IAM does not count whitespace against policy size quotas (reference_iam-quotas.html#reference_iam-quotas-entity-length).
/** A policy's size as IAM's quotas count it. */
export function policySize(document: string): number {
  return document.replace(/\s/g, '').length;
}

/** Refuses a document that does not follow the policy grammar (`MalformedPolicyDocument`). */
export function parsePolicy(document: string, policyType: 'identity' | 'trust' = 'identity'): void {
  const { policy, findings } = validatePolicy(document, { policyType });
  if (!policy) {
    const first = findings.find((f) => f.severity === 'error');
    throw new MalformedPolicyDocument(first?.message ?? 'the policy document is not valid', findings);
  }
}

/** The injected clock's time as IAM writes dates. */
export function now(ctx: Ctx): string {
  return new Date(ctx.clock.now()).toISOString();
}

/** The named user, or `NoSuchEntity`. */
export function findUser(state: AccountState, userName: string): IamUser {
  const user = getRecord(state.iam.users, userName.toLowerCase());
  if (!user) throw new NoSuchEntity(`the user with name \`${userName}\` cannot be found`);
  return user;
}

/** A customer or AWS managed policy by ARN, or `NoSuchEntity`. */
export function findPolicy(state: AccountState, policyArn: string): IamManagedPolicy {
  const policy = managedPolicy(state.iam.policies, policyArn);
  if (!policy) throw new NoSuchEntity(`policy \`${policyArn}\` does not exist or is not attachable`);
  return policy;
}

/** Keeps `AttachmentCount` right; AWS managed policies are shared, so their counts live in account state. */
export function countAttachment(state: AccountState, policyArn: string, delta: 1 | -1): void {
  const policy = getRecord(state.iam.policies, policyArn);
  if (policy) policy.AttachmentCount += delta;
  else setRecord(state.iam.awsManagedAttachments, policyArn, (getRecord(state.iam.awsManagedAttachments, policyArn) ?? 0) + delta);
}

// Users, groups and roles hold inline and attached policies alike; only their quotas and the words of the errors differ.

/** Adds or replaces an inline policy: the document must be valid, and all of the owner's inline policies together stay within `quota` bytes. `owner` names it in the error, kind and name. */
export function putInlinePolicy(policies: Record<string, string>, input: { PolicyName: string; PolicyDocument: string }, quota: number, owner: string): void {
  checkName('policy name', input.PolicyName, 128);
  parsePolicy(input.PolicyDocument);
  const others = Object.entries(policies).filter(([name]) => name !== input.PolicyName);
  const total = others.reduce((sum, [, doc]) => sum + policySize(doc), policySize(input.PolicyDocument));
  if (total > quota) throw new LimitExceeded(`maximum policy size of ${quota} bytes exceeded for ${owner}`);
  setRecord(policies, input.PolicyName, input.PolicyDocument);
}

/** The document of an inline policy of a user, group or role (`kind`), or `NoSuchEntity`. */
export function inlinePolicy(policies: Record<string, string>, policyName: string, kind: 'user' | 'group' | 'role'): string {
  const document = getRecord(policies, policyName);
  if (document === undefined) throw new NoSuchEntity(`the ${kind} policy with name \`${policyName}\` cannot be found`);
  return document;
}

/** Deletes an inline policy of a user, group or role (`kind`), or `NoSuchEntity`. */
export function deleteInlinePolicy(policies: Record<string, string>, policyName: string, kind: 'user' | 'group' | 'role'): void {
  inlinePolicy(policies, policyName, kind);
  deleteRecord(policies, policyName);
}

/** Attaches a managed policy within the quota IAM names `quota.name`; attaching an already attached policy changes nothing, as in IAM. */
export function attachManagedPolicy(state: AccountState, attached: string[], policyArn: string, quota: { name: string; max: number }): void {
  const policy = findPolicy(state, policyArn);
  if (attached.includes(policy.Arn)) return;
  if (attached.length >= quota.max) throw new LimitExceeded(`cannot exceed quota for ${quota.name}: ${quota.max}`);
  attached.push(policy.Arn);
  countAttachment(state, policy.Arn, 1);
}

/** Detaches a managed policy, or `NoSuchEntity` when it is not attached. */
export function detachManagedPolicy(state: AccountState, attached: string[], policyArn: string): void {
  const index = attached.indexOf(policyArn);
  if (index < 0) throw new NoSuchEntity(`policy \`${policyArn}\` was not found`);
  attached.splice(index, 1);
  countAttachment(state, policyArn, -1);
}

/** The user's public shape, as GetUser and ListUsers return it. */
export function userView(user: IamUser): UserView {
  return { UserName: user.UserName, UserId: user.UserId, Arn: user.Arn, Path: user.Path, CreateDate: user.CreateDate };
}

/** CreateUser: a new IAM user with a fresh `AIDA…` id. */
export function createUser(state: AccountState, input: { UserName: string; Path?: string }, ctx: Ctx): { User: UserView } {
  const path = input.Path ?? '/';
  checkName('user name', input.UserName, 64);
  checkPath(path);
  const key = input.UserName.toLowerCase();
  if (hasRecord(state.iam.users, key)) throw new EntityAlreadyExists(`user with name \`${input.UserName}\` already exists`);
  checkQuota(Object.keys(state.iam.users).length, 'UsersPerAccount', IAM_QUOTAS.usersPerAccount);
  const user: IamUser = {
    UserName: input.UserName,
    UserId: ctx.ids.next('AIDA'),
    Arn: `arn:aws:iam::${ctx.accountId}:user${path}${input.UserName}`,
    Path: path,
    CreateDate: now(ctx),
    UserPolicies: records(),
    AttachedPolicyArns: [],
  };
  setRecord(state.iam.users, key, user);
  return { User: userView(user) };
}

/** GetUser: the named user. */
export function getUser(state: AccountState, input: { UserName: string }, _ctx: Ctx): { User: UserView } {
  return { User: userView(findUser(state, input.UserName)) };
}

/** DeleteUser: refused while the user still has inline or attached policies, as in IAM. */
export function deleteUser(state: AccountState, input: { UserName: string }, _ctx: Ctx): Record<string, never> {
  const user = findUser(state, input.UserName);
  if (Object.keys(user.UserPolicies).length > 0 || user.AttachedPolicyArns.length > 0) {
    throw new DeleteConflict(`cannot delete user \`${user.UserName}\`: delete its inline policies and detach its managed policies first`);
  }
  const groups = Object.values(state.iam.groups).filter((g) => g.Users.includes(user.UserName));
  if (groups.length > 0 || (user.AccessKeys ?? []).length > 0 || (user.MFADevices ?? []).length > 0 || user.LoginProfile) {
    throw new DeleteConflict(`cannot delete user \`${user.UserName}\`: remove it from its groups and delete its access keys, MFA devices and login profile first`);
  }
  deleteRecord(state.iam.users, user.UserName.toLowerCase());
  return {};
}

/** CreatePolicy: a customer managed policy whose first version, `v1`, is the default. */
export function createPolicy(
  state: AccountState,
  input: { PolicyName: string; PolicyDocument: string; Path?: string; Description?: string },
  ctx: Ctx,
): { Policy: PolicyView } {
  const path = input.Path ?? '/';
  checkName('policy name', input.PolicyName, 128);
  checkPath(path);
  const arn = `arn:aws:iam::${ctx.accountId}:policy${path}${input.PolicyName}`;
  if (Object.values(state.iam.policies).some((p) => p.PolicyName.toLowerCase() === input.PolicyName.toLowerCase())) {
    throw new EntityAlreadyExists(`a policy called \`${input.PolicyName}\` already exists: duplicate names are not allowed`);
  }
  checkQuota(Object.keys(state.iam.policies).length, 'PoliciesPerAccount', IAM_QUOTAS.policiesPerAccount);
  if (policySize(input.PolicyDocument) > IAM_QUOTAS.managedPolicySize) {
    throw new LimitExceeded(`cannot exceed quota for PolicySize: ${IAM_QUOTAS.managedPolicySize}`);
  }
  parsePolicy(input.PolicyDocument);
  const date = now(ctx);
  const policy: IamManagedPolicy = {
    PolicyName: input.PolicyName,
    PolicyId: ctx.ids.next('ANPA'),
    Arn: arn,
    Path: path,
    ...(input.Description !== undefined ? { Description: input.Description } : {}),
    DefaultVersionId: 'v1',
    AttachmentCount: 0,
    CreateDate: date,
    UpdateDate: date,
    Versions: [{ VersionId: 'v1', Document: input.PolicyDocument, IsDefaultVersion: true, CreateDate: date }],
  };
  setRecord(state.iam.policies, arn, policy);
  const { Versions: _versions, ...view } = policy;
  return { Policy: view };
}

/** AttachUserPolicy: attaching an already attached policy changes nothing, as in IAM. */
export function attachUserPolicy(state: AccountState, input: { UserName: string; PolicyArn: string }, _ctx: Ctx): Record<string, never> {
  attachManagedPolicy(state, findUser(state, input.UserName).AttachedPolicyArns, input.PolicyArn, { name: 'PoliciesPerUser', max: IAM_QUOTAS.attachedPoliciesPerUser });
  return {};
}

/** DetachUserPolicy. */
export function detachUserPolicy(state: AccountState, input: { UserName: string; PolicyArn: string }, _ctx: Ctx): Record<string, never> {
  detachManagedPolicy(state, findUser(state, input.UserName).AttachedPolicyArns, input.PolicyArn);
  return {};
}

/** ListAttachedUserPolicies. */
export function listAttachedUserPolicies(
  state: AccountState,
  input: { UserName: string },
  _ctx: Ctx,
): { AttachedPolicies: { PolicyName: string; PolicyArn: string }[] } {
  const user = findUser(state, input.UserName);
  return {
    AttachedPolicies: user.AttachedPolicyArns.map((arn) => ({ PolicyName: getRecord(state.iam.policies, arn)?.PolicyName ?? arn, PolicyArn: arn })),
  };
}

/**
 * PutUserPolicy: adds or replaces an inline policy. The document must parse and follow the policy
 * grammar (MalformedPolicyDocument), and all of the user's inline policies together must stay within
 * the user quota (LimitExceeded).
 */
export function putUserPolicy(
  state: AccountState,
  input: { UserName: string; PolicyName: string; PolicyDocument: string },
  _ctx: Ctx,
): Record<string, never> {
  const user = findUser(state, input.UserName);
  putInlinePolicy(user.UserPolicies, input, IAM_QUOTAS.userInlinePolicySize, `user \`${user.UserName}\``);
  return {};
}

/** GetUserPolicy. */
export function getUserPolicy(
  state: AccountState,
  input: { UserName: string; PolicyName: string },
  _ctx: Ctx,
): { UserName: string; PolicyName: string; PolicyDocument: string } {
  const user = findUser(state, input.UserName);
  return { UserName: user.UserName, PolicyName: input.PolicyName, PolicyDocument: inlinePolicy(user.UserPolicies, input.PolicyName, 'user') };
}

/** ListUserPolicies. */
export function listUserPolicies(state: AccountState, input: { UserName: string }, _ctx: Ctx): { PolicyNames: string[] } {
  return { PolicyNames: Object.keys(findUser(state, input.UserName).UserPolicies) };
}

/** DeleteUserPolicy. */
export function deleteUserPolicy(state: AccountState, input: { UserName: string; PolicyName: string }, _ctx: Ctx): Record<string, never> {
  deleteInlinePolicy(findUser(state, input.UserName).UserPolicies, input.PolicyName, 'user');
  return {};
}
