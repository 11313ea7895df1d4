import type { AccountState, IamState } from '@skylab/emulator';
import type { AttachedPolicyView, IamView, InlinePolicyView } from './types.ts';

/** A policy document as the console shows it: pretty-printed JSON, or the text as written when it is not JSON. */
export function documentText(document: string): string {
  try {
    return JSON.stringify(JSON.parse(document), null, 2);
  } catch {
    return document;
  }
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function inline(policies: Record<string, string>): InlinePolicyView[] {
  return Object.entries(policies)
    .sort(([a], [b]) => byName(a, b))
    .map(([PolicyName, document]) => ({ PolicyName, PolicyDocument: documentText(document) }));
}

// An AWS managed policy is not in the account, its name is the ARN's last segment
// (`arn:aws:iam::aws:policy/service-role/AmazonS3ReadOnlyAccess`).
function attached(iam: IamState, arns: string[]): AttachedPolicyView[] {
  return arns.map((PolicyArn) => ({ PolicyName: iam.policies[PolicyArn]?.PolicyName ?? PolicyArn.slice(PolicyArn.lastIndexOf('/') + 1), PolicyArn }));
}

function users(iam: IamState): IamView['Users'] {
  const groups = Object.values(iam.groups);
  return Object.values(iam.users)
    .sort((a, b) => byName(a.UserName, b.UserName))
    .map((user) => ({
      UserName: user.UserName,
      Arn: user.Arn,
      Path: user.Path,
      CreateDate: user.CreateDate,
      Groups: groups.filter((group) => group.Users.includes(user.UserName)).map((group) => group.GroupName),
      UserPolicies: inline(user.UserPolicies),
      AttachedPolicies: attached(iam, user.AttachedPolicyArns),
      ...(user.PermissionsBoundary === undefined ? {} : { PermissionsBoundary: user.PermissionsBoundary }),
      AccessKeys: (user.AccessKeys ?? []).map((key) => ({ AccessKeyId: key.AccessKeyId, Status: key.Status, CreateDate: key.CreateDate })),
      MFADevices: [...(user.MFADevices ?? [])],
      LoginProfile: user.LoginProfile !== undefined,
    }));
}

function roles(iam: IamState): IamView['Roles'] {
  const profiles = Object.values(iam.instanceProfiles);
  return Object.values(iam.roles)
    .sort((a, b) => byName(a.RoleName, b.RoleName))
    .map((role) => ({
      RoleName: role.RoleName,
      Arn: role.Arn,
      Path: role.Path,
      ...(role.Description === undefined ? {} : { Description: role.Description }),
      AssumeRolePolicyDocument: documentText(role.AssumeRolePolicyDocument),
      MaxSessionDuration: role.MaxSessionDuration,
      RolePolicies: inline(role.RolePolicies),
      AttachedPolicies: attached(iam, role.AttachedPolicyArns),
      ...(role.PermissionsBoundary === undefined ? {} : { PermissionsBoundary: role.PermissionsBoundary }),
      InstanceProfiles: profiles.filter((profile) => profile.Roles.includes(role.RoleName)).map((profile) => profile.InstanceProfileName),
    }));
}

/** The account's users, groups, roles and customer managed policies with their documents; never a secret. */
export function iamView(state: AccountState): IamView {
  const iam = state.iam;
  return {
    Users: users(iam),
    Groups: Object.values(iam.groups)
      .sort((a, b) => byName(a.GroupName, b.GroupName))
      .map((group) => ({ GroupName: group.GroupName, Arn: group.Arn, Path: group.Path, Users: [...group.Users], GroupPolicies: inline(group.GroupPolicies), AttachedPolicies: attached(iam, group.AttachedPolicyArns) })),
    Roles: roles(iam),
    Policies: Object.values(iam.policies)
      .sort((a, b) => byName(a.PolicyName, b.PolicyName))
      .map((policy) => ({
        PolicyName: policy.PolicyName,
        Arn: policy.Arn,
        Path: policy.Path,
        ...(policy.Description === undefined ? {} : { Description: policy.Description }),
        DefaultVersionId: policy.DefaultVersionId,
        AttachmentCount: policy.AttachmentCount,
        Document: documentText(policy.Versions.find((version) => version.VersionId === policy.DefaultVersionId)?.Document ?? ''),
      })),
  };
}
