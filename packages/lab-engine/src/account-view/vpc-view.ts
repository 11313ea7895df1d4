import type { AccountState, Ec2State, IpPermission, NetworkAcl, NetworkAclEntry, Route, RouteTable, SecurityGroup } from '@skylab/emulator';
import { nameTag } from '../resource-names.ts';
import type { NetworkAclEntryView, SecurityGroupRuleView, SubnetView, VpcView } from './types.ts';

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const named = (name: string | undefined) => (name === undefined ? {} : { Name: name });

// IANA protocol numbers as EC2 writes them in ACL entries (`6`), shown by name as the console does.
const PROTOCOL_NAMES: Record<string, string> = { '-1': 'all', '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

function portRange(from: number | undefined, to: number | undefined): string {
  if (from === undefined || to === undefined || (from === 0 && to === 65535) || from === -1) return 'all';
  return from === to ? String(from) : `${from}-${to}`;
}

function ruleLines(permissions: IpPermission[], groups: Record<string, SecurityGroup>): SecurityGroupRuleView[] {
  return permissions.flatMap((p) => {
    const Protocol = PROTOCOL_NAMES[p.IpProtocol] ?? p.IpProtocol;
    const PortRange = p.IpProtocol === '-1' ? 'all' : portRange(p.FromPort, p.ToPort);
    const line = (Peer: string, Description: string | undefined, PeerName?: string): SecurityGroupRuleView => ({
      Protocol,
      PortRange,
      Peer,
      ...(PeerName === undefined ? {} : { PeerName }),
      ...(Description === undefined ? {} : { Description }),
    });
    return [
      ...p.IpRanges.map((r) => line(r.CidrIp, r.Description)),
      ...p.Ipv6Ranges.map((r) => line(r.CidrIpv6, r.Description)),
      ...p.UserIdGroupPairs.map((pair) => line(pair.GroupId, pair.Description, groups[pair.GroupId]?.GroupName)),
      ...p.PrefixListIds.map((prefixList) => line(prefixList.PrefixListId, undefined)),
    ];
  });
}

function aclEntry(entry: NetworkAclEntry): NetworkAclEntryView {
  return {
    RuleNumber: entry.RuleNumber === 32767 ? '*' : String(entry.RuleNumber),
    Protocol: PROTOCOL_NAMES[entry.Protocol] ?? entry.Protocol,
    PortRange: entry.Protocol === '-1' || entry.PortRange === undefined ? 'all' : portRange(entry.PortRange.From, entry.PortRange.To),
    Cidr: entry.CidrBlock ?? entry.Ipv6CidrBlock ?? '',
    RuleAction: entry.RuleAction,
  };
}

function aclView(acl: NetworkAcl) {
  const entries = [...acl.Entries].sort((a, b) => a.RuleNumber - b.RuleNumber);
  return {
    NetworkAclId: acl.NetworkAclId,
    ...named(nameTag(acl.Tags)),
    IsDefault: acl.IsDefault,
    SubnetIds: acl.Associations.map((a) => a.SubnetId).sort(order),
    Inbound: entries.filter((e) => !e.Egress).map(aclEntry),
    Outbound: entries.filter((e) => e.Egress).map(aclEntry),
  };
}

function routeView(route: Route) {
  return {
    Destination: route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? '',
    Target: route.GatewayId ?? route.NatGatewayId ?? route.NetworkInterfaceId ?? route.InstanceId ?? '',
    State: route.State,
  };
}

const sendsInternetTo = (table: RouteTable | undefined) =>
  table?.Routes.some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.GatewayId?.startsWith('igw-') === true && r.State === 'active') ?? false;

function subnetView(ec2: Ec2State, subnetId: string, tables: RouteTable[], acls: NetworkAcl[]): SubnetView {
  const subnet = ec2.subnets[subnetId]!;
  const table = tables.find((t) => t.Associations.some((a) => a.SubnetId === subnetId)) ?? tables.find((t) => t.Associations.some((a) => a.Main));
  const acl = acls.find((a) => a.Associations.some((association) => association.SubnetId === subnetId));
  const instances = Object.values(ec2.instances).filter((i) => i.SubnetId === subnetId && i.State.Name !== 'terminated');
  return {
    SubnetId: subnetId,
    ...named(nameTag(subnet.Tags)),
    CidrBlock: subnet.CidrBlock,
    MapPublicIpOnLaunch: subnet.MapPublicIpOnLaunch,
    ...(table === undefined ? {} : { RouteTableId: table.RouteTableId }),
    ...(acl === undefined ? {} : { NetworkAclId: acl.NetworkAclId }),
    Public: sendsInternetTo(table),
    Instances: instances
      .sort((a, b) => order(a.InstanceId, b.InstanceId))
      .map((instance) => {
        const primary = ec2.networkInterfaces[instance.NetworkInterfaceIds[0] ?? ''];
        return {
          InstanceId: instance.InstanceId,
          ...named(nameTag(instance.Tags)),
          InstanceType: instance.InstanceType,
          State: instance.State.Name,
          ...(primary === undefined ? {} : { PrivateIpAddress: primary.PrivateIpAddress }),
          ...(primary?.Association === undefined ? {} : { PublicIpAddress: primary.Association.PublicIp }),
          SecurityGroupIds: instance.SecurityGroups.map((g) => g.GroupId),
        };
      }),
    NatGatewayIds: Object.values(ec2.natGateways)
      .filter((nat) => nat.SubnetId === subnetId && nat.State !== 'deleted')
      .map((nat) => nat.NatGatewayId),
  };
}

function zones(ec2: Ec2State, vpcId: string, tables: RouteTable[], acls: NetworkAcl[]): VpcView['Zones'] {
  const subnets = Object.values(ec2.subnets)
    .filter((s) => s.VpcId === vpcId)
    .sort((a, b) => order(a.AvailabilityZone, b.AvailabilityZone) || order(a.CidrBlock, b.CidrBlock));
  const names = [...new Set(subnets.map((s) => s.AvailabilityZone))];
  return names.map((AvailabilityZone) => ({
    AvailabilityZone,
    Subnets: subnets.filter((s) => s.AvailabilityZone === AvailabilityZone).map((s) => subnetView(ec2, s.SubnetId, tables, acls)),
  }));
}

/** Each VPC of the account: its subnets by Availability Zone, route tables, gateways, security groups and network ACLs. */
export function vpcViews(state: AccountState): VpcView[] {
  const ec2 = state.ec2;
  return Object.values(ec2.vpcs)
    .sort((a, b) => order(a.VpcId, b.VpcId))
    .map((vpc) => {
      const tables = Object.values(ec2.routeTables).filter((t) => t.VpcId === vpc.VpcId);
      const acls = Object.values(ec2.networkAcls).filter((a) => a.VpcId === vpc.VpcId);
      const groups = Object.values(ec2.securityGroups).filter((g) => g.VpcId === vpc.VpcId);
      return {
        VpcId: vpc.VpcId,
        ...named(nameTag(vpc.Tags)),
        CidrBlock: vpc.CidrBlock,
        IsDefault: vpc.IsDefault,
        Zones: zones(ec2, vpc.VpcId, tables, acls),
        RouteTables: tables.map((t) => ({
          RouteTableId: t.RouteTableId,
          ...named(nameTag(t.Tags)),
          Main: t.Associations.some((a) => a.Main),
          SubnetIds: t.Associations.flatMap((a) => (a.SubnetId === undefined ? [] : [a.SubnetId])).sort(order),
          Routes: t.Routes.map(routeView),
        })),
        InternetGateways: Object.values(ec2.internetGateways)
          .filter((igw) => igw.Attachments.some((a) => a.VpcId === vpc.VpcId))
          .map((igw) => ({ InternetGatewayId: igw.InternetGatewayId, ...named(nameTag(igw.Tags)) })),
        NatGateways: Object.values(ec2.natGateways)
          .filter((nat) => nat.VpcId === vpc.VpcId && nat.State !== 'deleted')
          .map((nat) => {
            const PublicIp = nat.NatGatewayAddresses[0]?.PublicIp;
            return { NatGatewayId: nat.NatGatewayId, ...named(nameTag(nat.Tags)), SubnetId: nat.SubnetId, State: nat.State, ...(PublicIp === undefined ? {} : { PublicIp }) };
          }),
        SecurityGroups: groups
          .sort((a, b) => order(a.GroupName, b.GroupName))
          .map((g) => ({ GroupId: g.GroupId, GroupName: g.GroupName, Description: g.Description, Inbound: ruleLines(g.IpPermissions, ec2.securityGroups), Outbound: ruleLines(g.IpPermissionsEgress, ec2.securityGroups) })),
        NetworkAcls: acls.map(aclView),
      };
    });
}
