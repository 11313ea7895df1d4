import type { Ctx } from '../ctx.ts';
import type { AccountState } from '../state.ts';
import { DeleteConflict, EntityAlreadyExists, NoSuchEntity } from './errors.ts';
import { attachManagedPolicy, checkName, checkQuota, checkPath, deleteInlinePolicy, detachManagedPolicy, findUser, inlinePolicy, now, putInlinePolicy } from './operations.ts';
import type { IamGroup } from './state.ts';
import { deleteRecord, getRecord, hasRecord, records, setRecord } from '../records.ts';

// Groups and membership (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups.html). A user's
// permissions are its own policies plus those of every group it belongs to.

/** IAM quotas for groups (reference_iam-quotas.html). */
export const GROUP_QUOTAS = { groupsPerAccount: 300, groupsPerUser: 10, groupInlinePolicySize: 5120, attachedPoliciesPerGroup: 10 } as const;

/** The group's public shape. */
export type GroupView = Pick<IamGroup, 'GroupName' | 'GroupId' | 'Arn' | 'Path' | 'CreateDate'>;
/** The group's public shape, as GetGroup and ListGroups return it. */
export const groupView = (g: IamGroup): GroupView => ({ GroupName: g.GroupName, GroupId: g.GroupId, Arn: g.Arn, Path: g.Path, CreateDate: g.CreateDate });

/** The named group, or `NoSuchEntity`. */
export function findGroup(state: AccountState, groupName: string): IamGroup {
  const group = getRecord(state.iam.groups, groupName.toLowerCase());
  if (!group) throw new NoSuchEntity(`the group with name \`${groupName}\` cannot be found`);
  return group;
}

/** CreateGroup. */
export function createGroup(state: AccountState, input: { GroupName: string; Path?: string }, ctx: Ctx): { Group: GroupView } {
  const path = input.Path ?? '/';
  checkName('group name', input.GroupName, 128);
  checkPath(path);
  const key = input.GroupName.toLowerCase();
  if (hasRecord(state.iam.groups, key)) throw new EntityAlreadyExists(`group with name \`${input.GroupName}\` already exists`);
  checkQuota(Object.keys(state.iam.groups).length, 'GroupsPerAccount', GROUP_QUOTAS.groupsPerAccount);
  const group: IamGroup = {
    GroupName: input.GroupName,
    GroupId: ctx.ids.next('AGPA'),
    Arn: `arn:aws:iam::${ctx.accountId}:group${path}${input.GroupName}`,
    Path: path,
    CreateDate: now(ctx),
    Users: [],
    GroupPolicies: records(),
    AttachedPolicyArns: [],
  };
  setRecord(state.iam.groups, key, group);
  return { Group: groupView(group) };
}

/** GetGroup: the group and its members. */
export function getGroup(state: AccountState, input: { GroupName: string }, _ctx: Ctx): { Group: GroupView; Users: { UserName: string; Arn: string }[] } {
  const group = findGroup(state, input.GroupName);
  return { Group: groupView(group), Users: group.Users.map((name) => findUser(state, name)).map((u) => ({ UserName: u.UserName, Arn: u.Arn })) };
}

/** DeleteGroup: refused while it has members or policies. */
export function deleteGroup(state: AccountState, input: { GroupName: string }, _ctx: Ctx): Record<string, never> {
  const group = findGroup(state, input.GroupName);
  if (group.Users.length > 0 || Object.keys(group.GroupPolicies).length > 0 || group.AttachedPolicyArns.length > 0) {
    throw new DeleteConflict(`cannot delete group \`${group.GroupName}\`: remove its users, delete its inline policies and detach its managed policies first`);
  }
  deleteRecord(state.iam.groups, group.GroupName.toLowerCase());
  return {};
}

/** AddUserToGroup: adding a member twice changes nothing. */
export function addUserToGroup(state: AccountState, input: { GroupName: string; UserName: string }, _ctx: Ctx): Record<string, never> {
  const group = findGroup(state, input.GroupName);
  const user = findUser(state, input.UserName);
  if (group.Users.includes(user.UserName)) return {};
  const memberships = Object.values(state.iam.groups).filter((g) => g.Users.includes(user.UserName)).length;
  checkQuota(memberships, 'GroupsPerUser', GROUP_QUOTAS.groupsPerUser);
  group.Users.push(user.UserName);
  return {};
}

/** RemoveUserFromGroup. */
export function removeUserFromGroup(state: AccountState, input: { GroupName: string; UserName: string }, _ctx: Ctx): Record<string, never> {
  const group = findGroup(state, input.GroupName);
  const index = group.Users.findIndex((u) => u.toLowerCase() === input.UserName.toLowerCase());
  if (index < 0) throw new NoSuchEntity(`the user \`${input.UserName}\` is not in group \`${group.GroupName}\``);
  group.Users.splice(index, 1);
  return {};
}

/** ListGroupsForUser. */
export function listGroupsForUser(state: AccountState, input: { UserName: string }, _ctx: Ctx): { Groups: GroupView[] } {
  const user = findUser(state, input.UserName);
  return { Groups: Object.values(state.iam.groups).filter((g) => g.Users.includes(user.UserName)).map(groupView) };
}

/** PutGroupPolicy: the group's inline policies share one size quota. */
export function putGroupPolicy(state: AccountState, input: { GroupName: string; PolicyName: string; PolicyDocument: string }, _ctx: Ctx): Record<string, never> {
  const group = findGroup(state, input.GroupName);
  putInlinePolicy(group.GroupPolicies, input, GROUP_QUOTAS.groupInlinePolicySize, `group \`${group.GroupName}\``);
  return {};
}

/** GetGroupPolicy. */
export function getGroupPolicy(state: AccountState, input: { GroupName: string; PolicyName: string }, _ctx: Ctx): { GroupName: string; PolicyName: string; PolicyDocument: string } {
  const group = findGroup(state, input.GroupName);
  return { GroupName: group.GroupName, PolicyName: input.PolicyName, PolicyDocument: inlinePolicy(group.GroupPolicies, input.PolicyName, 'group') };
}

/** ListGroupPolicies. */
export function listGroupPolicies(state: AccountState, input: { GroupName: string }, _ctx: Ctx): { PolicyNames: string[] } {
  return { PolicyNames: Object.keys(findGroup(state, input.GroupName).GroupPolicies) };
}

/** DeleteGroupPolicy. */
export function deleteGroupPolicy(state: AccountState, input: { GroupName: string; PolicyName: string }, _ctx: Ctx): Record<string, never> {
  deleteInlinePolicy(findGroup(state, input.GroupName).GroupPolicies, input.PolicyName, 'group');
  return {};
}

/** AttachGroupPolicy. */
export function attachGroupPolicy(state: AccountState, input: { GroupName: string; PolicyArn: string }, _ctx: Ctx): Record<string, never> {
  attachManagedPolicy(state, findGroup(state, input.GroupName).AttachedPolicyArns, input.PolicyArn, { name: 'PoliciesPerGroup', max: GROUP_QUOTAS.attachedPoliciesPerGroup });
  return {};
}

/** DetachGroupPolicy. */
export function detachGroupPolicy(state: AccountState, input: { GroupName: string; PolicyArn: string }, _ctx: Ctx): Record<string, never> {
  detachManagedPolicy(state, findGroup(state, input.GroupName).AttachedPolicyArns, input.PolicyArn);
  return {};
}
