import type { AccountState, Tag } from '@skylab/emulator';

// Labs name resources instead of using ids, because AWS assigns ids per attempt. The names live in the
// account itself (the `Name` tag, and a security group's `GroupName`), so a stored snapshot can be graded
// again without any side table (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Tags.html).

/** The kinds of resources a lab can name. */
export type ResourceKind = 'vpc' | 'internet gateway' | 'nat gateway' | 'subnet' | 'route table' | 'network acl' | 'security group' | 'instance';

/** A named resource: its kind and id, or every id when the name is ambiguous. */
export interface NamedResource {
  kind: ResourceKind;
  ids: string[];
}

/** The account's resources by name, and names by id (a network interface goes by its instance's name). */
export interface ResourceNames {
  byName: Map<string, NamedResource>;
  byId: Map<string, string>;
}

/** A resource's `Name` tag, if it has one. */
export function nameTag(tags: Tag[]): string | undefined {
  return tags.find((t) => t.Key === 'Name')?.Value;
}

/** Reads every named EC2 resource of the account. */
export function resourceNames(state: AccountState): ResourceNames {
  const ec2 = state.ec2;
  const names: ResourceNames = { byName: new Map(), byId: new Map() };
  const add = (kind: ResourceKind, id: string, name: string | undefined) => {
    if (name === undefined) return;
    names.byId.set(id, name);
    const known = names.byName.get(name);
    if (known) known.ids.push(id);
    else names.byName.set(name, { kind, ids: [id] });
  };
  for (const vpc of Object.values(ec2.vpcs)) add('vpc', vpc.VpcId, nameTag(vpc.Tags));
  for (const igw of Object.values(ec2.internetGateways)) add('internet gateway', igw.InternetGatewayId, nameTag(igw.Tags));
  for (const subnet of Object.values(ec2.subnets)) add('subnet', subnet.SubnetId, nameTag(subnet.Tags));
  for (const nat of Object.values(ec2.natGateways)) if (nat.State !== 'deleted') add('nat gateway', nat.NatGatewayId, nameTag(nat.Tags));
  for (const table of Object.values(ec2.routeTables)) add('route table', table.RouteTableId, nameTag(table.Tags));
  for (const acl of Object.values(ec2.networkAcls)) add('network acl', acl.NetworkAclId, nameTag(acl.Tags));
  // Every VPC has a group called `default`; a lab cannot create another, so it names none of the lab's.
  for (const group of Object.values(ec2.securityGroups)) if (group.GroupName !== 'default') add('security group', group.GroupId, group.GroupName);
  // The VPC's own main route table and default ACL carry no tag, so they go by their VPC's name.
  for (const table of Object.values(ec2.routeTables)) {
    const vpc = names.byId.get(table.VpcId);
    if (vpc !== undefined && !names.byId.has(table.RouteTableId) && table.Associations.some((a) => a.Main)) names.byId.set(table.RouteTableId, `${vpc} main route table`);
  }
  for (const acl of Object.values(ec2.networkAcls)) {
    const vpc = names.byId.get(acl.VpcId);
    if (vpc !== undefined && !names.byId.has(acl.NetworkAclId) && acl.IsDefault) names.byId.set(acl.NetworkAclId, `${vpc} default network acl`);
  }
  for (const instance of Object.values(ec2.instances)) {
    if (instance.State.Name === 'terminated') continue;
    const name = nameTag(instance.Tags);
    add('instance', instance.InstanceId, name);
    if (name !== undefined) for (const eni of instance.NetworkInterfaceIds) names.byId.set(eni, name);
  }
  return names;
}

/** The id of the one resource of `kind` called `name`, or why there is none. */
export function resolveName(names: ResourceNames, name: string, kind: ResourceKind): { id: string } | { problem: string } {
  const found = names.byName.get(name);
  if (!found || found.kind !== kind) return { problem: `there is no ${kind} called \`${name}\` in the account` };
  if (found.ids.length > 1) return { problem: `more than one resource is called \`${name}\`: ${found.ids.map((id) => `\`${id}\``).join(', ')}` };
  return { id: found.ids[0] as string };
}

/** Replaces every resource id quoted in `text` by its lab name, so explanations read in the lab's words. */
export function withNames(text: string, names: ResourceNames): string {
  return text.replace(/`([a-z]+(?:-[a-z]+)*-[0-9a-f]{8,17})`/g, (whole, id: string) => {
    const name = names.byId.get(id);
    return name === undefined ? whole : `\`${name}\``;
  });
}
