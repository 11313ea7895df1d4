import type { Ctx } from '../ctx.ts';
import { finalDenyEntries, sortAclEntries } from './acl-entries.ts';
import { parseCidr } from './cidr.ts';
import { findNetworkAcl, findVpc, tagsFor } from './common.ts';
import {
  CannotDelete,
  DependencyViolation,
  InvalidAssociationIDNotFound,
  InvalidNetworkAclEntryNotFound,
  InvalidParameterCombination,
  InvalidParameterValue,
  MissingParameter,
  NetworkAclEntryAlreadyExists,
  NetworkAclEntryLimitExceeded,
} from './errors.ts';
import { hasPorts, protocolNumber } from './protocols.ts';
import type { NetworkAcl, NetworkAclEntry, Tag, WithEc2 } from './state.ts';
import { deleteRecord, setRecord } from '../records.ts';
import { checkEc2Quota, EC2_QUOTAS } from './quotas.ts';

// Network ACLs (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html).

/** The highest rule number a user may give; 32767 is the final `*` entry. */
export const MAX_RULE_NUMBER = 32766;

/** A network ACL entry as `CreateNetworkAclEntry` takes it: the stored fields, with `Protocol` a name (`tcp`) or a number. */
export type NetworkAclEntryInput = NetworkAclEntry & { NetworkAclId: string };

function checkedEntry(input: NetworkAclEntryInput): NetworkAclEntry {
  if (!Number.isInteger(input.RuleNumber) || input.RuleNumber < 1 || input.RuleNumber > MAX_RULE_NUMBER) {
    throw new InvalidParameterValue(`rule number \`${input.RuleNumber}\` is out of range: use 1 to ${MAX_RULE_NUMBER}`);
  }
  if (input.RuleAction !== 'allow' && input.RuleAction !== 'deny') throw new InvalidParameterValue(`rule action \`${input.RuleAction}\` is neither \`allow\` nor \`deny\``);
  const Protocol = protocolNumber(String(input.Protocol));
  if (Protocol === undefined) throw new InvalidParameterValue(`invalid value \`${input.Protocol}\` for \`Protocol\``);
  if ((input.CidrBlock === undefined) === (input.Ipv6CidrBlock === undefined)) throw new InvalidParameterCombination('give exactly one of `CidrBlock` and `Ipv6CidrBlock`');
  const cidr = parseCidr(input.CidrBlock ?? input.Ipv6CidrBlock ?? '', true);
  if (!cidr || cidr.family !== (input.CidrBlock !== undefined ? 4 : 6)) {
    throw new InvalidParameterValue(`cidr block \`${input.CidrBlock ?? input.Ipv6CidrBlock}\` is malformed`);
  }
  const entry: NetworkAclEntry = { RuleNumber: input.RuleNumber, Protocol, RuleAction: input.RuleAction, Egress: input.Egress === true };
  if (input.CidrBlock !== undefined) entry.CidrBlock = input.CidrBlock;
  else entry.Ipv6CidrBlock = input.Ipv6CidrBlock;
  if (hasPorts(Protocol)) {
    // TCP and UDP entries need a port range (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAclEntry.html).
    const range = input.PortRange;
    if (!range) throw new MissingParameter('`PortRange` is required for tcp and udp entries');
    if (!Number.isInteger(range.From) || !Number.isInteger(range.To) || range.From < 0 || range.To > 65535 || range.From > range.To) {
      throw new InvalidParameterValue(`invalid port range \`${range.From}\`–\`${range.To}\``);
    }
    entry.PortRange = { From: range.From, To: range.To };
  }
  if ((Protocol === '1' || Protocol === '58') && input.IcmpTypeCode) entry.IcmpTypeCode = { Code: input.IcmpTypeCode.Code, Type: input.IcmpTypeCode.Type };
  return entry;
}

/** CreateNetworkAcl: a custom ACL denies everything until entries are added. */
export function createNetworkAcl(state: WithEc2, input: { VpcId: string; TagSpecifications?: { ResourceType: string; Tags: Tag[] }[] }, ctx: Ctx): { NetworkAcl: NetworkAcl } {
  const vpc = findVpc(state.ec2, input.VpcId);
  const acl: NetworkAcl = {
    NetworkAclId: ctx.ids.next('acl-'),
    VpcId: vpc.VpcId,
    IsDefault: false,
    OwnerId: ctx.accountId,
    Entries: finalDenyEntries(vpc.Ipv6CidrBlockAssociationSet.length > 0),
    Associations: [],
    Tags: tagsFor('network-acl', input.TagSpecifications),
  };
  sortAclEntries(acl.Entries);
  setRecord(state.ec2.networkAcls, acl.NetworkAclId, acl);
  return { NetworkAcl: acl };
}

/** CreateNetworkAclEntry: one numbered rule; the same number and direction twice is `NetworkAclEntryAlreadyExists`. */
export function createNetworkAclEntry(state: WithEc2, input: NetworkAclEntryInput): Record<string, never> {
  const acl = findNetworkAcl(state.ec2, input.NetworkAclId);
  const entry = checkedEntry(input);
  if (acl.Entries.some((e) => e.Egress === entry.Egress && e.RuleNumber === entry.RuleNumber)) {
    throw new NetworkAclEntryAlreadyExists(`the network acl entry identified by rule \`${entry.RuleNumber}\` (${entry.Egress ? 'egress' : 'ingress'}) already exists`);
  }
  const numbered = acl.Entries.filter((e) => e.Egress === entry.Egress && e.RuleNumber <= MAX_RULE_NUMBER).length;
  checkEc2Quota(numbered, EC2_QUOTAS.networkAclRulesPerDirection, `${entry.Egress ? 'outbound' : 'inbound'} rules per network acl`, NetworkAclEntryLimitExceeded);
  acl.Entries.push(entry);
  sortAclEntries(acl.Entries);
  return {};
}

/** ReplaceNetworkAclEntry: overwrite an existing numbered rule. */
export function replaceNetworkAclEntry(state: WithEc2, input: NetworkAclEntryInput): Record<string, never> {
  const acl = findNetworkAcl(state.ec2, input.NetworkAclId);
  const entry = checkedEntry(input);
  const index = acl.Entries.findIndex((e) => e.Egress === entry.Egress && e.RuleNumber === entry.RuleNumber);
  if (index < 0) throw new InvalidNetworkAclEntryNotFound(`no ${entry.Egress ? 'egress' : 'ingress'} entry with rule number \`${entry.RuleNumber}\` in \`${acl.NetworkAclId}\``);
  acl.Entries[index] = entry;
  sortAclEntries(acl.Entries);
  return {};
}

/** DeleteNetworkAclEntry: remove a numbered rule (the final `*` entries stay). */
export function deleteNetworkAclEntry(state: WithEc2, input: { NetworkAclId: string; RuleNumber: number; Egress: boolean }): Record<string, never> {
  const acl = findNetworkAcl(state.ec2, input.NetworkAclId);
  const egress = input.Egress === true;
  if (input.RuleNumber > MAX_RULE_NUMBER) throw new InvalidParameterValue('the final `*` entry cannot be deleted');
  const before = acl.Entries.length;
  acl.Entries = acl.Entries.filter((e) => !(e.Egress === egress && e.RuleNumber === input.RuleNumber));
  if (acl.Entries.length === before) throw new InvalidNetworkAclEntryNotFound(`no ${egress ? 'egress' : 'ingress'} entry with rule number \`${input.RuleNumber}\` in \`${acl.NetworkAclId}\``);
  return {};
}

/** ReplaceNetworkAclAssociation: move a subnet (named by its current association) to another ACL of the VPC. */
export function replaceNetworkAclAssociation(state: WithEc2, input: { AssociationId: string; NetworkAclId: string }, ctx: Ctx): { NewAssociationId: string } {
  const ec2 = state.ec2;
  const target = findNetworkAcl(ec2, input.NetworkAclId);
  for (const acl of Object.values(ec2.networkAcls)) {
    const index = acl.Associations.findIndex((a) => a.NetworkAclAssociationId === input.AssociationId);
    if (index < 0) continue;
    if (acl.VpcId !== target.VpcId) throw new InvalidParameterValue(`network acl \`${target.NetworkAclId}\` belongs to a different vpc`);
    const [old] = acl.Associations.splice(index, 1);
    const NewAssociationId = ctx.ids.next('aclassoc-');
    target.Associations.push({ NetworkAclAssociationId: NewAssociationId, NetworkAclId: target.NetworkAclId, SubnetId: old?.SubnetId ?? '' });
    return { NewAssociationId };
  }
  throw new InvalidAssociationIDNotFound(`the association id \`${input.AssociationId}\` does not exist`);
}

/** DescribeNetworkAcls: the ACLs with the given ids, or all. */
export function describeNetworkAcls(state: WithEc2, input: { NetworkAclIds?: string[] } = {}): { NetworkAcls: NetworkAcl[] } {
  const ec2 = state.ec2;
  return { NetworkAcls: input.NetworkAclIds ? input.NetworkAclIds.map((id) => findNetworkAcl(ec2, id)) : Object.values(ec2.networkAcls) };
}

/** DeleteNetworkAcl: not the default ACL, and not while subnets use it. */
export function deleteNetworkAcl(state: WithEc2, input: { NetworkAclId: string }): Record<string, never> {
  const acl = findNetworkAcl(state.ec2, input.NetworkAclId);
  if (acl.IsDefault) throw new CannotDelete(`the default network acl \`${acl.NetworkAclId}\` cannot be deleted`);
  if (acl.Associations.length > 0) throw new DependencyViolation(`the network acl \`${acl.NetworkAclId}\` has dependencies and cannot be deleted`);
  deleteRecord(state.ec2.networkAcls, acl.NetworkAclId);
  return {};
}
