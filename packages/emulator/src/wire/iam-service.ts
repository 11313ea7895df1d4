import { ValidationError } from '../errors.ts';
import { iamActions } from '../iam/actions.ts';
import { queryProtocol } from './protocols/query-protocol.ts';
import type { AccountState } from '../state.ts';
import { IAM_API_OPERATIONS } from './api-operations.ts';
import type { FieldSpec, InputSpec } from './input.ts';
import type { ActionBinding, WireCtx, WireService } from './types.ts';
import { getRecord } from '../records.ts';

// How each IAM action meets the wire: the parameters it reads (API reference, e.g.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateUser.html) and the resource it is
// authorized on, with the condition keys IAM sets for it (Service Authorization Reference:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html).

type Kind = 'user' | 'group' | 'role' | 'instance-profile';
type Input = Record<string, unknown>;

function entityArn(state: AccountState, ctx: WireCtx, kind: Kind, name: unknown, path: unknown = '/'): string {
  const entities = { user: state.iam.users, group: state.iam.groups, role: state.iam.roles, 'instance-profile': state.iam.instanceProfiles }[kind] ?? {};
  return getRecord<{ Arn: string }>(entities, String(name).toLowerCase())?.Arn ?? `arn:aws:iam::${ctx.accountId}:${kind}${String(path)}${String(name)}`;
}

const on =
  (kind: Kind, field: string): NonNullable<ActionBinding['resource']> =>
  (input, ctx, state) =>
    entityArn(state, ctx, kind, input[field]);
const onUser = on('user', 'UserName');
const onGroup = on('group', 'GroupName');
const onRole = on('role', 'RoleName');
const onProfile = on('instance-profile', 'InstanceProfileName');
const onPolicy: ActionBinding['resource'] = (input) => String(input.PolicyArn);
const anywhere: ActionBinding['resource'] = () => '*';

// Actions that default to the caller's own user when `UserName` is left out (API_CreateAccessKey.html and others).
const callerUser = (input: Input, ctx: WireCtx): Input => {
  if (input.UserName !== undefined) return input;
  if (ctx.caller.type !== 'User') throw new ValidationError('the caller is not an IAM user: name the user with `UserName`');
  return { ...input, UserName: ctx.caller.arn.slice(ctx.caller.arn.lastIndexOf('/') + 1) };
};

const policyArnKey = (input: Input) => ({ 'iam:PolicyARN': String(input.PolicyArn) });
const boundaryKey = (input: Input): Record<string, string> => (input.PermissionsBoundary === undefined ? {} : { 'iam:PermissionsBoundary': String(input.PermissionsBoundary) });
function tagKeys(input: Input): Record<string, string | string[]> {
  const tags = (input.Tags as { Key: string; Value: string }[] | undefined) ?? [];
  const keys: Record<string, string | string[]> = tags.length > 0 ? { 'aws:TagKeys': tags.map((t) => t.Key) } : {};
  for (const tag of tags) keys[`aws:RequestTag/${tag.Key}`] = tag.Value;
  return keys;
}

// IAM returns policy documents URL-encoded (RFC 3986), as API_GetUserPolicy.html and its siblings say.
function encodeDocuments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(encodeDocuments);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, field]) => [
      name,
      (name === 'PolicyDocument' || name === 'AssumeRolePolicyDocument' || name === 'Document') && typeof field === 'string' ? encodeURIComponent(field) : encodeDocuments(field),
    ]),
  );
}
const encoded = (result: Input) => encodeDocuments(result) as Input;

const S: FieldSpec = 'string';
const R: FieldSpec = 'string!';
const TAGS: FieldSpec = { list: { struct: { Key: R, Value: R } } };
const PAGING: InputSpec = { Marker: S, MaxItems: 'integer' };
const USER: InputSpec = { UserName: R };
const GROUP: InputSpec = { GroupName: R };
const ROLE: InputSpec = { RoleName: R };
const PROFILE: InputSpec = { InstanceProfileName: R };
const POLICY: InputSpec = { PolicyArn: R };
const DOCUMENT: InputSpec = { PolicyName: R, PolicyDocument: R };

// Partial so a new action in the IAM table never breaks the build; the wire tests insist on a binding for each.
const bindings: Partial<Record<keyof typeof iamActions, ActionBinding>> = {
  CreateUser: {
    input: { UserName: R, Path: S, PermissionsBoundary: S, Tags: TAGS },
    resource: (input, ctx, state) => entityArn(state, ctx, 'user', input.UserName, input.Path ?? '/'),
    context: (input) => ({ ...boundaryKey(input), ...tagKeys(input) }),
  },
  GetUser: { input: { UserName: S }, prepare: callerUser, resource: onUser },
  // The List actions act on no resource type (the Service Authorization Reference lists none), so `*`.
  ListUsers: { input: { PathPrefix: S, ...PAGING }, resource: anywhere },
  ListGroups: { input: { PathPrefix: S, ...PAGING }, resource: anywhere },
  ListRoles: { input: { PathPrefix: S, ...PAGING }, resource: anywhere, output: encoded },
  ListPolicies: { input: { Scope: S, OnlyAttached: 'boolean', PathPrefix: S, ...PAGING }, resource: anywhere },
  DeleteUser: { input: USER, resource: onUser },
  CreatePolicy: {
    input: { PolicyName: R, PolicyDocument: R, Path: S, Description: S, Tags: TAGS },
    resource: (input, ctx) => `arn:aws:iam::${ctx.accountId}:policy${String(input.Path ?? '/')}${String(input.PolicyName)}`,
    context: tagKeys,
    output: encoded,
  },
  AttachUserPolicy: { input: { ...USER, ...POLICY }, resource: onUser, context: policyArnKey },
  DetachUserPolicy: { input: { ...USER, ...POLICY }, resource: onUser, context: policyArnKey },
  ListAttachedUserPolicies: { input: { ...USER, PathPrefix: S, ...PAGING }, resource: onUser },
  PutUserPolicy: { input: { ...USER, ...DOCUMENT }, resource: onUser },
  GetUserPolicy: { input: { ...USER, PolicyName: R }, resource: onUser, output: encoded },
  ListUserPolicies: { input: { ...USER, ...PAGING }, resource: onUser },
  DeleteUserPolicy: { input: { ...USER, PolicyName: R }, resource: onUser },
  CreateGroup: { input: { GroupName: R, Path: S }, resource: (input, ctx, state) => entityArn(state, ctx, 'group', input.GroupName, input.Path ?? '/') },
  GetGroup: { input: { ...GROUP, ...PAGING }, resource: onGroup },
  DeleteGroup: { input: GROUP, resource: onGroup },
  AddUserToGroup: { input: { ...GROUP, ...USER }, resource: onGroup },
  RemoveUserFromGroup: { input: { ...GROUP, ...USER }, resource: onGroup },
  ListGroupsForUser: { input: { ...USER, ...PAGING }, resource: onUser },
  PutGroupPolicy: { input: { ...GROUP, ...DOCUMENT }, resource: onGroup },
  GetGroupPolicy: { input: { ...GROUP, PolicyName: R }, resource: onGroup, output: encoded },
  ListGroupPolicies: { input: { ...GROUP, ...PAGING }, resource: onGroup },
  DeleteGroupPolicy: { input: { ...GROUP, PolicyName: R }, resource: onGroup },
  AttachGroupPolicy: { input: { ...GROUP, ...POLICY }, resource: onGroup, context: policyArnKey },
  DetachGroupPolicy: { input: { ...GROUP, ...POLICY }, resource: onGroup, context: policyArnKey },
  CreateRole: {
    input: { RoleName: R, AssumeRolePolicyDocument: R, Path: S, Description: S, MaxSessionDuration: 'integer', PermissionsBoundary: S, Tags: TAGS },
    resource: (input, ctx, state) => entityArn(state, ctx, 'role', input.RoleName, input.Path ?? '/'),
    context: (input) => ({ ...boundaryKey(input), ...tagKeys(input) }),
    output: encoded,
  },
  GetRole: { input: ROLE, resource: onRole, output: encoded },
  DeleteRole: { input: ROLE, resource: onRole },
  UpdateRole: { input: { ...ROLE, Description: S, MaxSessionDuration: 'integer' }, resource: onRole },
  UpdateAssumeRolePolicy: { input: { ...ROLE, PolicyDocument: R }, resource: onRole },
  PutRolePolicy: { input: { ...ROLE, ...DOCUMENT }, resource: onRole },
  GetRolePolicy: { input: { ...ROLE, PolicyName: R }, resource: onRole, output: encoded },
  ListRolePolicies: { input: { ...ROLE, ...PAGING }, resource: onRole },
  DeleteRolePolicy: { input: { ...ROLE, PolicyName: R }, resource: onRole },
  AttachRolePolicy: { input: { ...ROLE, ...POLICY }, resource: onRole, context: policyArnKey },
  DetachRolePolicy: { input: { ...ROLE, ...POLICY }, resource: onRole, context: policyArnKey },
  PutRolePermissionsBoundary: { input: { ...ROLE, PermissionsBoundary: R }, resource: onRole, context: boundaryKey },
  DeleteRolePermissionsBoundary: { input: ROLE, resource: onRole },
  PutUserPermissionsBoundary: { input: { ...USER, PermissionsBoundary: R }, resource: onUser, context: boundaryKey },
  DeleteUserPermissionsBoundary: { input: USER, resource: onUser },
  TagRole: { input: { ...ROLE, Tags: { ...TAGS, required: true } }, resource: onRole, context: tagKeys },
  TagUser: { input: { ...USER, Tags: { ...TAGS, required: true } }, resource: onUser, context: tagKeys },
  UntagUser: { input: { ...USER, TagKeys: { list: R, required: true } }, resource: onUser, context: (input) => ({ 'aws:TagKeys': input.TagKeys as string[] }) },
  GetPolicy: { input: POLICY, resource: onPolicy },
  DeletePolicy: { input: POLICY, resource: onPolicy },
  CreatePolicyVersion: { input: { ...POLICY, PolicyDocument: R, SetAsDefault: 'boolean' }, resource: onPolicy, output: encoded },
  GetPolicyVersion: { input: { ...POLICY, VersionId: R }, resource: onPolicy, output: encoded },
  ListPolicyVersions: { input: { ...POLICY, ...PAGING }, resource: onPolicy, output: encoded },
  SetDefaultPolicyVersion: { input: { ...POLICY, VersionId: R }, resource: onPolicy },
  DeletePolicyVersion: { input: { ...POLICY, VersionId: R }, resource: onPolicy },
  CreateInstanceProfile: {
    input: { InstanceProfileName: R, Path: S, Tags: TAGS },
    resource: (input, ctx, state) => entityArn(state, ctx, 'instance-profile', input.InstanceProfileName, input.Path ?? '/'),
    context: tagKeys,
  },
  GetInstanceProfile: { input: PROFILE, resource: onProfile, output: encoded },
  AddRoleToInstanceProfile: { input: { ...PROFILE, ...ROLE }, resource: onProfile },
  RemoveRoleFromInstanceProfile: { input: { ...PROFILE, ...ROLE }, resource: onProfile },
  DeleteInstanceProfile: { input: PROFILE, resource: onProfile },
  CreateAccessKey: { input: { UserName: S }, prepare: callerUser, resource: onUser },
  UpdateAccessKey: { input: { UserName: S, AccessKeyId: R, Status: R }, prepare: callerUser, resource: onUser },
  DeleteAccessKey: { input: { UserName: S, AccessKeyId: R }, prepare: callerUser, resource: onUser },
  ListAccessKeys: { input: { UserName: S, ...PAGING }, prepare: callerUser, resource: onUser },
  CreateVirtualMFADevice: {
    input: { VirtualMFADeviceName: R, Path: S, Tags: TAGS },
    resource: (input, ctx) => `arn:aws:iam::${ctx.accountId}:mfa${String(input.Path ?? '/')}${String(input.VirtualMFADeviceName)}`,
    context: tagKeys,
  },
  DeleteVirtualMFADevice: { input: { SerialNumber: R }, resource: (input) => String(input.SerialNumber) },
  EnableMFADevice: { input: { ...USER, SerialNumber: R, AuthenticationCode1: R, AuthenticationCode2: R }, resource: onUser },
  DeactivateMFADevice: { input: { UserName: S, SerialNumber: R }, prepare: callerUser, resource: onUser },
  ListMFADevices: { input: { UserName: S, ...PAGING }, prepare: callerUser, resource: onUser },
  CreateLoginProfile: { input: { UserName: S, Password: R, PasswordResetRequired: 'boolean' }, prepare: callerUser, resource: onUser },
  UpdateLoginProfile: { input: { UserName: S, Password: S, PasswordResetRequired: 'boolean' }, prepare: callerUser, resource: onUser },
  DeleteLoginProfile: { input: { UserName: S }, prepare: callerUser, resource: onUser },
  UpdateAccountPasswordPolicy: {
    input: {
      MinimumPasswordLength: 'integer',
      RequireSymbols: 'boolean',
      RequireNumbers: 'boolean',
      RequireUppercaseCharacters: 'boolean',
      RequireLowercaseCharacters: 'boolean',
      AllowUsersToChangePassword: 'boolean',
      MaxPasswordAge: 'integer',
      PasswordReusePrevention: 'integer',
      HardExpiry: 'boolean',
    },
    resource: anywhere,
  },
  GetAccountPasswordPolicy: { input: {}, resource: anywhere },
};

/** IAM over the Query protocol (https://docs.aws.amazon.com/IAM/latest/APIReference/). */
export const iamService: WireService = {
  signingName: 'iam',
  actionPrefix: 'iam',
  protocols: [queryProtocol],
  version: '2010-05-08',
  xmlns: 'https://iam.amazonaws.com/doc/2010-05-08/',
  actions: iamActions,
  apiOperations: IAM_API_OPERATIONS,
  bindings,
};
