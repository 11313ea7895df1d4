import type { Ctx } from '../ctx.ts';
import { parseCidr } from './cidr.ts';
import { findSecurityGroup, findVpc, tagsFor } from './common.ts';
import {
  CannotDelete,
  DependencyViolation,
  InvalidGroupDuplicate,
  InvalidGroupReserved,
  InvalidParameterValue,
  InvalidPermissionDuplicate,
  InvalidPermissionMalformed,
  InvalidPermissionNotFound,
  RulesPerSecurityGroupLimitExceeded,
  SecurityGroupLimitExceeded,
  UnsupportedOperation,
} from './errors.ts';
import { hasPorts, protocolName, protocolNumber } from './protocols.ts';
import type { Ec2State, IpPermission, SecurityGroup, Tag, WithEc2 } from './state.ts';
import { deleteRecord, setRecord } from '../records.ts';
import { checkEc2Quota, EC2_QUOTAS } from './quotas.ts';

// Security groups (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html).

/** Inbound and outbound rules per security group, the default quota; each CIDR or group source counts as one rule. */
export const RULES_PER_SECURITY_GROUP = 60;

/** A security group permission as the API takes it: every list optional. */
export interface IpPermissionInput {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp: string; Description?: string }[];
  Ipv6Ranges?: { CidrIpv6: string; Description?: string }[];
  UserIdGroupPairs?: { GroupId: string; UserId?: string; Description?: string }[];
  PrefixListIds?: { PrefixListId: string }[];
}

/** One rule: a permission cut down to a single source or destination, the unit quotas and duplicates count. */
export interface FlatRule {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  CidrIp?: string;
  CidrIpv6?: string;
  GroupId?: string;
  Description?: string;
}

function normalizeProtocol(permission: IpPermissionInput): { IpProtocol: string; FromPort?: number; ToPort?: number } {
  const number = protocolNumber(permission.IpProtocol);
  if (number === undefined) throw new InvalidPermissionMalformed(`invalid value \`${permission.IpProtocol}\` for \`IpProtocol\``);
  const IpProtocol = protocolName(number);
  // All traffic and protocols without ports take no port range (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).
  if (number === '-1') return { IpProtocol: '-1' };
  if (hasPorts(number)) {
    const { FromPort, ToPort } = permission;
    if (FromPort === undefined || ToPort === undefined) throw new InvalidPermissionMalformed(`a \`${IpProtocol}\` rule needs \`FromPort\` and \`ToPort\``);
    if (!Number.isInteger(FromPort) || !Number.isInteger(ToPort) || FromPort < 0 || ToPort > 65535 || FromPort > ToPort) {
      throw new InvalidPermissionMalformed(`invalid port range \`${FromPort}\`–\`${ToPort}\`: ports are 0 to 65535 and \`FromPort\` may not exceed \`ToPort\``);
    }
    return { IpProtocol, FromPort, ToPort };
  }
  if (IpProtocol === 'icmp' || IpProtocol === 'icmpv6') {
    // For ICMP, `FromPort` is the type and `ToPort` the code; -1 means all.
    return { IpProtocol, FromPort: permission.FromPort ?? -1, ToPort: permission.ToPort ?? -1 };
  }
  return { IpProtocol };
}

/** Cuts permissions into single-source rules, checking every CIDR and group. */
export function flattenPermissions(ec2: Ec2State, group: SecurityGroup, permissions: IpPermissionInput[]): FlatRule[] {
  const rules: FlatRule[] = [];
  for (const permission of permissions) {
    const base = normalizeProtocol(permission);
    if ((permission.PrefixListIds ?? []).length > 0) throw new UnsupportedOperation('prefix list sources are not modelled');
    for (const range of permission.IpRanges ?? []) {
      const parsed = parseCidr(range.CidrIp);
      if (!parsed || parsed.family !== 4) throw new InvalidParameterValue(`cidr block \`${range.CidrIp}\` is malformed`);
      rules.push({ ...base, CidrIp: range.CidrIp, Description: range.Description });
    }
    for (const range of permission.Ipv6Ranges ?? []) {
      const parsed = parseCidr(range.CidrIpv6);
      if (!parsed || parsed.family !== 6) throw new InvalidParameterValue(`cidr block \`${range.CidrIpv6}\` is malformed`);
      rules.push({ ...base, CidrIpv6: range.CidrIpv6, Description: range.Description });
    }
    for (const pair of permission.UserIdGroupPairs ?? []) {
      const other = findSecurityGroup(ec2, pair.GroupId);
      if (other.VpcId !== group.VpcId) throw new UnsupportedOperation(`group \`${pair.GroupId}\` is in another vpc: references across peered vpcs are not modelled`);
      rules.push({ ...base, GroupId: pair.GroupId, Description: pair.Description });
    }
  }
  if (rules.length === 0) throw new InvalidPermissionMalformed('a rule needs at least one source or destination: `IpRanges`, `Ipv6Ranges` or `UserIdGroupPairs`');
  return rules;
}

function ruleKey(rule: FlatRule): string {
  return `${rule.IpProtocol}|${rule.FromPort ?? ''}|${rule.ToPort ?? ''}|${rule.CidrIp ?? ''}|${rule.CidrIpv6 ?? ''}|${rule.GroupId ?? ''}`;
}

/** The group's rules in one direction, one per source. */
export function rulesOf(permissions: IpPermission[]): FlatRule[] {
  const rules: FlatRule[] = [];
  for (const p of permissions) {
    const base = { IpProtocol: p.IpProtocol, FromPort: p.FromPort, ToPort: p.ToPort };
    for (const r of p.IpRanges) rules.push({ ...base, CidrIp: r.CidrIp, Description: r.Description });
    for (const r of p.Ipv6Ranges) rules.push({ ...base, CidrIpv6: r.CidrIpv6, Description: r.Description });
    for (const r of p.UserIdGroupPairs) rules.push({ ...base, GroupId: r.GroupId, Description: r.Description });
  }
  return rules;
}

// Rules are stored in one canonical order, so a group reads the same (and the analyzer names the same
// matching rule) whatever order its rules were authorized in.
function permissionsOf(rules: FlatRule[], accountId: string): IpPermission[] {
  const byPorts = new Map<string, IpPermission>();
  const sorted = [...rules].sort((a, b) => (ruleKey(a) < ruleKey(b) ? -1 : ruleKey(a) > ruleKey(b) ? 1 : 0));
  for (const rule of sorted) {
    const key = `${rule.IpProtocol}|${rule.FromPort ?? ''}|${rule.ToPort ?? ''}`;
    let permission = byPorts.get(key);
    if (!permission) {
      permission = { IpProtocol: rule.IpProtocol, IpRanges: [], Ipv6Ranges: [], UserIdGroupPairs: [], PrefixListIds: [] };
      if (rule.FromPort !== undefined) permission.FromPort = rule.FromPort;
      if (rule.ToPort !== undefined) permission.ToPort = rule.ToPort;
      byPorts.set(key, permission);
    }
    const description = rule.Description === undefined ? {} : { Description: rule.Description };
    if (rule.CidrIp !== undefined) permission.IpRanges.push({ CidrIp: rule.CidrIp, ...description });
    if (rule.CidrIpv6 !== undefined) permission.Ipv6Ranges.push({ CidrIpv6: rule.CidrIpv6, ...description });
    if (rule.GroupId !== undefined) permission.UserIdGroupPairs.push({ GroupId: rule.GroupId, UserId: accountId, ...description });
  }
  return [...byPorts.values()];
}

function authorize(state: WithEc2, input: { GroupId: string; IpPermissions: IpPermissionInput[] }, direction: 'IpPermissions' | 'IpPermissionsEgress'): { Return: true } {
  const group = findSecurityGroup(state.ec2, input.GroupId);
  const existing = rulesOf(group[direction]);
  const keys = new Set(existing.map(ruleKey));
  const added = flattenPermissions(state.ec2, group, input.IpPermissions);
  for (const rule of added) {
    const key = ruleKey(rule);
    if (keys.has(key)) {
      const source = rule.CidrIp ?? rule.CidrIpv6 ?? rule.GroupId;
      throw new InvalidPermissionDuplicate(`the specified rule \`${rule.IpProtocol} ${rule.FromPort ?? ''}-${rule.ToPort ?? ''} ${source}\` already exists in \`${group.GroupId}\``);
    }
    keys.add(key);
  }
  if (existing.length + added.length > RULES_PER_SECURITY_GROUP) {
    throw new RulesPerSecurityGroupLimitExceeded(`the maximum number of rules per security group (${RULES_PER_SECURITY_GROUP} per direction) has been reached for \`${group.GroupId}\``);
  }
  group[direction] = permissionsOf([...existing, ...added], group.OwnerId);
  return { Return: true };
}

function revoke(state: WithEc2, input: { GroupId: string; IpPermissions: IpPermissionInput[] }, direction: 'IpPermissions' | 'IpPermissionsEgress'): { Return: true } {
  const group = findSecurityGroup(state.ec2, input.GroupId);
  const removed = new Set(flattenPermissions(state.ec2, group, input.IpPermissions).map(ruleKey));
  const existing = rulesOf(group[direction]);
  for (const key of removed) {
    if (!existing.some((r) => ruleKey(r) === key)) throw new InvalidPermissionNotFound(`the specified rule does not exist in this security group: \`${key.replaceAll('|', ' ').trim()}\``);
  }
  group[direction] = permissionsOf(existing.filter((r) => !removed.has(ruleKey(r))), group.OwnerId);
  return { Return: true };
}

/** AuthorizeSecurityGroupIngress: add inbound rules (`InvalidPermission.Duplicate`, `RulesPerSecurityGroupLimitExceeded`). */
export function authorizeSecurityGroupIngress(state: WithEc2, input: { GroupId: string; IpPermissions: IpPermissionInput[] }): { Return: true } {
  return authorize(state, input, 'IpPermissions');
}

/** AuthorizeSecurityGroupEgress: add outbound rules. */
export function authorizeSecurityGroupEgress(state: WithEc2, input: { GroupId: string; IpPermissions: IpPermissionInput[] }): { Return: true } {
  return authorize(state, input, 'IpPermissionsEgress');
}

/** RevokeSecurityGroupIngress: remove inbound rules (`InvalidPermission.NotFound` if one is absent). */
export function revokeSecurityGroupIngress(state: WithEc2, input: { GroupId: string; IpPermissions: IpPermissionInput[] }): { Return: true } {
  return revoke(state, input, 'IpPermissions');
}

/** RevokeSecurityGroupEgress: remove outbound rules (the default allow-all egress included). */
export function revokeSecurityGroupEgress(state: WithEc2, input: { GroupId: string; IpPermissions: IpPermissionInput[] }): { Return: true } {
  return revoke(state, input, 'IpPermissionsEgress');
}

/**
 * CreateSecurityGroup: no inbound rules, and all outbound traffic allowed (IPv6 too when the VPC has it)
 * (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#default-security-group-rules).
 */
export function createSecurityGroup(
  state: WithEc2,
  input: { GroupName: string; Description: string; VpcId: string; TagSpecifications?: { ResourceType: string; Tags: Tag[] }[] },
  ctx: Ctx,
): { GroupId: string } {
  const ec2 = state.ec2;
  const vpc = findVpc(ec2, input.VpcId);
  if (input.GroupName.toLowerCase() === 'default') throw new InvalidGroupReserved('the security group name `default` is reserved');
  if (input.GroupName.toLowerCase().startsWith('sg-')) throw new InvalidParameterValue(`group names may not start with \`sg-\`: \`${input.GroupName}\``);
  if (input.GroupName.length === 0 || input.GroupName.length > 255) throw new InvalidParameterValue('a group name is 1 to 255 characters');
  if (Object.values(ec2.securityGroups).some((g) => g.VpcId === vpc.VpcId && g.GroupName === input.GroupName)) {
    throw new InvalidGroupDuplicate(`the security group \`${input.GroupName}\` already exists for vpc \`${vpc.VpcId}\``);
  }
  checkEc2Quota(Object.values(ec2.securityGroups).filter((g) => g.VpcId === vpc.VpcId).length, EC2_QUOTAS.securityGroupsPerVpc, 'security groups per vpc', SecurityGroupLimitExceeded);
  const ipv6 = vpc.Ipv6CidrBlockAssociationSet.length > 0;
  const group: SecurityGroup = {
    GroupId: ctx.ids.next('sg-'),
    GroupName: input.GroupName,
    Description: input.Description,
    VpcId: vpc.VpcId,
    OwnerId: ctx.accountId,
    IpPermissions: [],
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: ipv6 ? [{ CidrIpv6: '::/0' }] : [], UserIdGroupPairs: [], PrefixListIds: [] }],
    Tags: tagsFor('security-group', input.TagSpecifications),
  };
  setRecord(ec2.securityGroups, group.GroupId, group);
  return { GroupId: group.GroupId };
}

/** DescribeSecurityGroups: the groups with the given ids, or all. */
export function describeSecurityGroups(state: WithEc2, input: { GroupIds?: string[] } = {}): { SecurityGroups: SecurityGroup[] } {
  const ec2 = state.ec2;
  return { SecurityGroups: input.GroupIds ? input.GroupIds.map((id) => findSecurityGroup(ec2, id)) : Object.values(ec2.securityGroups) };
}

/** DeleteSecurityGroup: not the default group, not while an interface carries it or another group's rule names it. */
export function deleteSecurityGroup(state: WithEc2, input: { GroupId: string }): Record<string, never> {
  const ec2 = state.ec2;
  const group = findSecurityGroup(ec2, input.GroupId);
  if (group.GroupName === 'default') throw new CannotDelete(`the default security group \`${group.GroupId}\` cannot be deleted`);
  const users = Object.values(ec2.networkInterfaces).filter((n) => n.Groups.some((g) => g.GroupId === group.GroupId));
  if (users.length > 0) throw new DependencyViolation(`resource \`${group.GroupId}\` has a dependent object: ${users.map((n) => `\`${n.NetworkInterfaceId}\``).join(', ')}`);
  const referrers = Object.values(ec2.securityGroups).filter(
    (g) => g !== group && [...g.IpPermissions, ...g.IpPermissionsEgress].some((p) => p.UserIdGroupPairs.some((pair) => pair.GroupId === group.GroupId)),
  );
  if (referrers.length > 0) throw new DependencyViolation(`resource \`${group.GroupId}\` is referenced by ${referrers.map((g) => `\`${g.GroupId}\``).join(', ')}`);
  deleteRecord(ec2.securityGroups, group.GroupId);
  return {};
}
