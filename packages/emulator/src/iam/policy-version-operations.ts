import type { Ctx } from '../ctx.ts';
import type { AccountState } from '../state.ts';
import { AWS_MANAGED_POLICIES } from './aws-managed-policies.ts';
import { DeleteConflict, EntityAlreadyExists, LimitExceeded, NoSuchEntity } from './errors.ts';
import { checkName, checkPath, checkQuota, findPolicy, IAM_QUOTAS, now, parsePolicy, policySize } from './operations.ts';
import type { IamInstanceProfile, IamManagedPolicy, IamPolicyVersion } from './state.ts';
import { findRole } from './role-operations.ts';
import { deleteRecord, getRecord, hasRecord, setRecord } from '../records.ts';

// Managed policy versions (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html)
// and instance profiles (id_roles_use_switch-role-ec2_instance-profiles.html).

/** At most five versions per managed policy. */
export const VERSIONS_PER_POLICY = 5;

function customerPolicy(state: AccountState, arn: string): IamManagedPolicy {
  const policy = findPolicy(state, arn);
  if (hasRecord(AWS_MANAGED_POLICIES, arn)) throw new NoSuchEntity(`policy \`${arn}\` is an AWS managed policy and cannot be changed`);
  return policy;
}

/** GetPolicy: customer or AWS managed. */
export function getPolicy(state: AccountState, input: { PolicyArn: string }, _ctx: Ctx): { Policy: Omit<IamManagedPolicy, 'Versions'> } {
  const { Versions: _v, ...policy } = findPolicy(state, input.PolicyArn);
  const count = getRecord(state.iam.awsManagedAttachments, input.PolicyArn);
  return { Policy: count === undefined ? policy : { ...policy, AttachmentCount: count } };
}

/** CreatePolicyVersion: at most five versions; `SetAsDefault` makes it the one that applies. */
export function createPolicyVersion(state: AccountState, input: { PolicyArn: string; PolicyDocument: string; SetAsDefault?: boolean }, ctx: Ctx): { PolicyVersion: Omit<IamPolicyVersion, 'Document'> } {
  const policy = customerPolicy(state, input.PolicyArn);
  if (policy.Versions.length >= VERSIONS_PER_POLICY) throw new LimitExceeded(`a managed policy can have up to ${VERSIONS_PER_POLICY} versions: delete a version before creating a new one`);
  if (policySize(input.PolicyDocument) > IAM_QUOTAS.managedPolicySize) throw new LimitExceeded(`cannot exceed quota for PolicySize: ${IAM_QUOTAS.managedPolicySize}`);
  parsePolicy(input.PolicyDocument);
  const highest = Math.max(...policy.Versions.map((v) => Number(v.VersionId.slice(1))));
  const version: IamPolicyVersion = { VersionId: `v${highest + 1}`, Document: input.PolicyDocument, IsDefaultVersion: false, CreateDate: now(ctx) };
  policy.Versions.push(version);
  if (input.SetAsDefault) setDefaultPolicyVersion(state, { PolicyArn: policy.Arn, VersionId: version.VersionId }, ctx);
  policy.UpdateDate = now(ctx);
  const { Document: _d, ...rest } = version;
  return { PolicyVersion: rest };
}

/** SetDefaultPolicyVersion. */
export function setDefaultPolicyVersion(state: AccountState, input: { PolicyArn: string; VersionId: string }, _ctx: Ctx): Record<string, never> {
  const policy = customerPolicy(state, input.PolicyArn);
  if (!policy.Versions.some((v) => v.VersionId === input.VersionId)) throw new NoSuchEntity(`policy version \`${input.VersionId}\` does not exist`);
  for (const v of policy.Versions) v.IsDefaultVersion = v.VersionId === input.VersionId;
  policy.DefaultVersionId = input.VersionId;
  return {};
}

/** DeletePolicyVersion: the default version cannot be deleted. */
export function deletePolicyVersion(state: AccountState, input: { PolicyArn: string; VersionId: string }, _ctx: Ctx): Record<string, never> {
  const policy = customerPolicy(state, input.PolicyArn);
  if (!policy.Versions.some((v) => v.VersionId === input.VersionId)) throw new NoSuchEntity(`policy version \`${input.VersionId}\` does not exist`);
  if (policy.DefaultVersionId === input.VersionId) throw new DeleteConflict('cannot delete the default version of a policy: make another version the default first');
  policy.Versions = policy.Versions.filter((v) => v.VersionId !== input.VersionId);
  return {};
}

/** GetPolicyVersion. */
export function getPolicyVersion(state: AccountState, input: { PolicyArn: string; VersionId: string }, _ctx: Ctx): { PolicyVersion: IamPolicyVersion } {
  const version = findPolicy(state, input.PolicyArn).Versions.find((v) => v.VersionId === input.VersionId);
  if (!version) throw new NoSuchEntity(`policy version \`${input.VersionId}\` does not exist`);
  return { PolicyVersion: version };
}

/** ListPolicyVersions. */
export function listPolicyVersions(state: AccountState, input: { PolicyArn: string }, _ctx: Ctx): { Versions: Omit<IamPolicyVersion, 'Document'>[] } {
  return { Versions: findPolicy(state, input.PolicyArn).Versions.map(({ Document: _d, ...v }) => v) };
}

/** DeletePolicy: only when detached from everything and left with its default version alone. */
export function deletePolicy(state: AccountState, input: { PolicyArn: string }, _ctx: Ctx): Record<string, never> {
  const policy = customerPolicy(state, input.PolicyArn);
  if (policy.AttachmentCount > 0) throw new DeleteConflict(`cannot delete policy \`${policy.PolicyName}\`: it is attached to ${policy.AttachmentCount} entities`);
  if (policy.Versions.length > 1) throw new DeleteConflict(`cannot delete policy \`${policy.PolicyName}\`: delete its non-default versions first`);
  deleteRecord(state.iam.policies, policy.Arn);
  return {};
}

/** CreateInstanceProfile. */
export function createInstanceProfile(state: AccountState, input: { InstanceProfileName: string; Path?: string }, ctx: Ctx): { InstanceProfile: IamInstanceProfile } {
  const path = input.Path ?? '/';
  checkName('instance profile name', input.InstanceProfileName, 128);
  checkPath(path);
  const key = input.InstanceProfileName.toLowerCase();
  if (hasRecord(state.iam.instanceProfiles, key)) throw new EntityAlreadyExists(`instance profile \`${input.InstanceProfileName}\` already exists`);
  checkQuota(Object.keys(state.iam.instanceProfiles).length, 'InstanceProfilesPerAccount', IAM_QUOTAS.instanceProfilesPerAccount);
  const profile: IamInstanceProfile = {
    InstanceProfileName: input.InstanceProfileName,
    InstanceProfileId: ctx.ids.next('AIPA'),
    Arn: `arn:aws:iam::${ctx.accountId}:instance-profile${path}${input.InstanceProfileName}`,
    Path: path,
    CreateDate: now(ctx),
    Roles: [],
  };
  setRecord(state.iam.instanceProfiles, key, profile);
  return { InstanceProfile: profile };
}

function findProfile(state: AccountState, name: string): IamInstanceProfile {
  const profile = getRecord(state.iam.instanceProfiles, name.toLowerCase());
  if (!profile) throw new NoSuchEntity(`instance profile \`${name}\` cannot be found`);
  return profile;
}

/** GetInstanceProfile. */
export function getInstanceProfile(state: AccountState, input: { InstanceProfileName: string }, _ctx: Ctx): { InstanceProfile: IamInstanceProfile } {
  return { InstanceProfile: findProfile(state, input.InstanceProfileName) };
}

/** AddRoleToInstanceProfile: an instance profile holds one role. */
export function addRoleToInstanceProfile(state: AccountState, input: { InstanceProfileName: string; RoleName: string }, _ctx: Ctx): Record<string, never> {
  const profile = findProfile(state, input.InstanceProfileName);
  const role = findRole(state, input.RoleName);
  if (profile.Roles.length >= 1) throw new LimitExceeded('cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
  profile.Roles.push(role.RoleName);
  return {};
}

/** RemoveRoleFromInstanceProfile. */
export function removeRoleFromInstanceProfile(state: AccountState, input: { InstanceProfileName: string; RoleName: string }, _ctx: Ctx): Record<string, never> {
  const profile = findProfile(state, input.InstanceProfileName);
  if (!profile.Roles.some((r) => r.toLowerCase() === input.RoleName.toLowerCase())) throw new NoSuchEntity(`role \`${input.RoleName}\` is not in instance profile \`${profile.InstanceProfileName}\``);
  profile.Roles = profile.Roles.filter((r) => r.toLowerCase() !== input.RoleName.toLowerCase());
  return {};
}

/** DeleteInstanceProfile: refused while it holds a role. */
export function deleteInstanceProfile(state: AccountState, input: { InstanceProfileName: string }, _ctx: Ctx): Record<string, never> {
  const profile = findProfile(state, input.InstanceProfileName);
  if (profile.Roles.length > 0) throw new DeleteConflict(`cannot delete instance profile \`${profile.InstanceProfileName}\`: remove its role first`);
  deleteRecord(state.iam.instanceProfiles, profile.InstanceProfileName.toLowerCase());
  return {};
}
