import type { Ctx } from '../ctx.ts';
import { ValidationError } from '../errors.ts';
import type { AccountState } from '../state.ts';
import { DeleteConflict, EntityAlreadyExists, LimitExceeded, NoSuchEntity } from './errors.ts';
import { attachManagedPolicy, checkName, checkQuota, checkPath, deleteInlinePolicy, detachManagedPolicy, findPolicy, findUser, inlinePolicy, now, parsePolicy, policySize, putInlinePolicy } from './operations.ts';
import type { IamRole, IamTag } from './state.ts';
import { deleteRecord, getRecord, hasRecord, records, setRecord } from '../records.ts';

// Roles, their trust policies and session limits, permissions boundaries and tags
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html).

/** IAM quotas for roles (reference_iam-quotas.html). */
export const ROLE_QUOTAS = { rolesPerAccount: 1000, roleInlinePolicySize: 10240, attachedPoliciesPerRole: 10, trustPolicySize: 2048, tagsPerEntity: 50 } as const;

/** The role's public shape. */
export type RoleView = Omit<IamRole, 'RolePolicies' | 'AttachedPolicyArns' | 'PermissionsBoundary'> & {
  PermissionsBoundary?: { PermissionsBoundaryType: 'Policy'; PermissionsBoundaryArn: string };
};

/** The role's public shape, as GetRole and ListRoles return it. */
export function roleView(role: IamRole): RoleView {
  const { RolePolicies: _p, AttachedPolicyArns: _a, PermissionsBoundary, ...rest } = role;
  return { ...rest, ...(PermissionsBoundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: PermissionsBoundary } } : {}) };
}

/** The named role, or `NoSuchEntity`. */
export function findRole(state: AccountState, roleName: string): IamRole {
  const role = getRecord(state.iam.roles, roleName.toLowerCase());
  if (!role) throw new NoSuchEntity(`the role with name \`${roleName}\` cannot be found`);
  return role;
}

// MaxSessionDuration is 3600 to 43200 seconds (API_CreateRole.html).
function checkDuration(seconds: number): void {
  if (!Number.isInteger(seconds) || seconds < 3600 || seconds > 43200) throw new ValidationError(`\`${seconds}\` is not a valid MaxSessionDuration: use 3600 to 43200 seconds`);
}

function checkTrust(document: string): void {
  parsePolicy(document, 'trust');
  if (policySize(document) > ROLE_QUOTAS.trustPolicySize) throw new LimitExceeded(`cannot exceed quota for ACLSizePerRole: ${ROLE_QUOTAS.trustPolicySize}`);
}

function mergeTags(current: IamTag[], tags: IamTag[]): IamTag[] {
  const merged = [...current.filter((t) => !tags.some((n) => n.Key.toLowerCase() === t.Key.toLowerCase())), ...tags];
  if (merged.length > ROLE_QUOTAS.tagsPerEntity) throw new LimitExceeded(`cannot exceed quota for TagsPerEntity: ${ROLE_QUOTAS.tagsPerEntity}`);
  return merged;
}

/** CreateRole: the trust policy must be a valid policy with a `Principal`. */
export function createRole(
  state: AccountState,
  input: { RoleName: string; AssumeRolePolicyDocument: string; Path?: string; Description?: string; MaxSessionDuration?: number; PermissionsBoundary?: string; Tags?: IamTag[] },
  ctx: Ctx,
): { Role: RoleView } {
  const path = input.Path ?? '/';
  checkName('role name', input.RoleName, 64);
  checkPath(path);
  const key = input.RoleName.toLowerCase();
  if (hasRecord(state.iam.roles, key)) throw new EntityAlreadyExists(`role with name \`${input.RoleName}\` already exists`);
  checkQuota(Object.keys(state.iam.roles).length, 'RolesPerAccount', ROLE_QUOTAS.rolesPerAccount);
  checkTrust(input.AssumeRolePolicyDocument);
  checkDuration(input.MaxSessionDuration ?? 3600);
  if (input.PermissionsBoundary) findPolicy(state, input.PermissionsBoundary);
  const role: IamRole = {
    RoleName: input.RoleName,
    RoleId: ctx.ids.next('AROA'),
    Arn: `arn:aws:iam::${ctx.accountId}:role${path}${input.RoleName}`,
    Path: path,
    CreateDate: now(ctx),
    AssumeRolePolicyDocument: input.AssumeRolePolicyDocument,
    ...(input.Description !== undefined ? { Description: input.Description } : {}),
    MaxSessionDuration: input.MaxSessionDuration ?? 3600,
    RolePolicies: records(),
    AttachedPolicyArns: [],
    ...(input.PermissionsBoundary ? { PermissionsBoundary: input.PermissionsBoundary } : {}),
    Tags: mergeTags([], input.Tags ?? []),
  };
  setRecord(state.iam.roles, key, role);
  return { Role: roleView(role) };
}

/** GetRole. */
export function getRole(state: AccountState, input: { RoleName: string }, _ctx: Ctx): { Role: RoleView } {
  return { Role: roleView(findRole(state, input.RoleName)) };
}

/** DeleteRole: refused while it has policies or sits in an instance profile. */
export function deleteRole(state: AccountState, input: { RoleName: string }, _ctx: Ctx): Record<string, never> {
  const role = findRole(state, input.RoleName);
  const inProfile = Object.values(state.iam.instanceProfiles).some((p) => p.Roles.includes(role.RoleName));
  if (Object.keys(role.RolePolicies).length > 0 || role.AttachedPolicyArns.length > 0 || inProfile) {
    throw new DeleteConflict(`cannot delete role \`${role.RoleName}\`: delete its inline policies, detach its managed policies and remove it from instance profiles first`);
  }
  deleteRecord(state.iam.roles, role.RoleName.toLowerCase());
  return {};
}

/** UpdateAssumeRolePolicy: replaces the trust policy. */
export function updateAssumeRolePolicy(state: AccountState, input: { RoleName: string; PolicyDocument: string }, _ctx: Ctx): Record<string, never> {
  const role = findRole(state, input.RoleName);
  checkTrust(input.PolicyDocument);
  role.AssumeRolePolicyDocument = input.PolicyDocument;
  return {};
}

/** UpdateRole: description and maximum session duration. */
export function updateRole(state: AccountState, input: { RoleName: string; Description?: string; MaxSessionDuration?: number }, _ctx: Ctx): Record<string, never> {
  const role = findRole(state, input.RoleName);
  if (input.MaxSessionDuration !== undefined) {
    checkDuration(input.MaxSessionDuration);
    role.MaxSessionDuration = input.MaxSessionDuration;
  }
  if (input.Description !== undefined) role.Description = input.Description;
  return {};
}

/** PutRolePolicy. */
export function putRolePolicy(state: AccountState, input: { RoleName: string; PolicyName: string; PolicyDocument: string }, _ctx: Ctx): Record<string, never> {
  const role = findRole(state, input.RoleName);
  putInlinePolicy(role.RolePolicies, input, ROLE_QUOTAS.roleInlinePolicySize, `role \`${role.RoleName}\``);
  return {};
}

/** GetRolePolicy. */
export function getRolePolicy(state: AccountState, input: { RoleName: string; PolicyName: string }, _ctx: Ctx): { RoleName: string; PolicyName: string; PolicyDocument: string } {
  const role = findRole(state, input.RoleName);
  return { RoleName: role.RoleName, PolicyName: input.PolicyName, PolicyDocument: inlinePolicy(role.RolePolicies, input.PolicyName, 'role') };
}

/** ListRolePolicies. */
export function listRolePolicies(state: AccountState, input: { RoleName: string }, _ctx: Ctx): { PolicyNames: string[] } {
  return { PolicyNames: Object.keys(findRole(state, input.RoleName).RolePolicies) };
}

/** DeleteRolePolicy. */
export function deleteRolePolicy(state: AccountState, input: { RoleName: string; PolicyName: string }, _ctx: Ctx): Record<string, never> {
  deleteInlinePolicy(findRole(state, input.RoleName).RolePolicies, input.PolicyName, 'role');
  return {};
}

/** AttachRolePolicy. */
export function attachRolePolicy(state: AccountState, input: { RoleName: string; PolicyArn: string }, _ctx: Ctx): Record<string, never> {
  attachManagedPolicy(state, findRole(state, input.RoleName).AttachedPolicyArns, input.PolicyArn, { name: 'PoliciesPerRole', max: ROLE_QUOTAS.attachedPoliciesPerRole });
  return {};
}

/** DetachRolePolicy. */
export function detachRolePolicy(state: AccountState, input: { RoleName: string; PolicyArn: string }, _ctx: Ctx): Record<string, never> {
  detachManagedPolicy(state, findRole(state, input.RoleName).AttachedPolicyArns, input.PolicyArn);
  return {};
}

/** PutRolePermissionsBoundary / DeleteRolePermissionsBoundary. */
export function putRolePermissionsBoundary(state: AccountState, input: { RoleName: string; PermissionsBoundary: string }, _ctx: Ctx): Record<string, never> {
  const role = findRole(state, input.RoleName);
  role.PermissionsBoundary = findPolicy(state, input.PermissionsBoundary).Arn;
  return {};
}

/** DeleteRolePermissionsBoundary. */
export function deleteRolePermissionsBoundary(state: AccountState, input: { RoleName: string }, _ctx: Ctx): Record<string, never> {
  delete findRole(state, input.RoleName).PermissionsBoundary;
  return {};
}

/** PutUserPermissionsBoundary. */
export function putUserPermissionsBoundary(state: AccountState, input: { UserName: string; PermissionsBoundary: string }, _ctx: Ctx): Record<string, never> {
  const user = findUser(state, input.UserName);
  user.PermissionsBoundary = findPolicy(state, input.PermissionsBoundary).Arn;
  return {};
}

/** DeleteUserPermissionsBoundary. */
export function deleteUserPermissionsBoundary(state: AccountState, input: { UserName: string }, _ctx: Ctx): Record<string, never> {
  delete findUser(state, input.UserName).PermissionsBoundary;
  return {};
}

/** TagRole: tag keys are case-insensitive, a new value replaces the old one. */
export function tagRole(state: AccountState, input: { RoleName: string; Tags: IamTag[] }, _ctx: Ctx): Record<string, never> {
  const role = findRole(state, input.RoleName);
  role.Tags = mergeTags(role.Tags, input.Tags);
  return {};
}

/** TagUser. */
export function tagUser(state: AccountState, input: { UserName: string; Tags: IamTag[] }, _ctx: Ctx): Record<string, never> {
  const user = findUser(state, input.UserName);
  user.Tags = mergeTags(user.Tags ?? [], input.Tags);
  return {};
}

/** UntagUser. */
export function untagUser(state: AccountState, input: { UserName: string; TagKeys: string[] }, _ctx: Ctx): Record<string, never> {
  const user = findUser(state, input.UserName);
  const drop = new Set(input.TagKeys.map((k) => k.toLowerCase()));
  user.Tags = (user.Tags ?? []).filter((t) => !drop.has(t.Key.toLowerCase()));
  return {};
}
