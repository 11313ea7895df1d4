import { InvalidParameterValue, UnknownParameter } from './errors.ts';
import {
  emptyEc2State,
  type Ec2State,
  type Instance,
  type IpPermission,
  type NetworkInterface,
} from './state.ts';
import { getRecord, setRecord } from '../records.ts';

// A topology read from the EC2 `Describe*` responses (as `aws ec2 describe-… --output json` prints
// them), so a real or hand-written network can be analyzed without replaying the API calls. Fields the
// analyzer needs must be present: a missing one is an error naming it (fail closed), never a guess.

/** The `Describe*` response members the analyzer reads; each optional, all merged into one state. */
export interface Ec2Topology {
  Vpcs?: unknown[];
  Subnets?: unknown[];
  RouteTables?: unknown[];
  InternetGateways?: unknown[];
  NatGateways?: unknown[];
  SecurityGroups?: unknown[];
  NetworkAcls?: unknown[];
  NetworkInterfaces?: unknown[];
  Reservations?: { Instances?: unknown[] }[];
  Instances?: unknown[];
  Addresses?: unknown[];
  /** Taken and passed over: the analyzer meets these only through routes, and reports such a route as unsupported. */
  VpcPeeringConnections?: unknown[];
  TransitGateways?: unknown[];
  VpnGateways?: unknown[];
  NextToken?: string;
}

type Obj = Record<string, unknown>;

function object(value: unknown, where: string): Obj {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidParameterValue(`${where} must be an object`);
  return value as Obj;
}

function text(o: Obj, key: string, where: string): string {
  const value = o[key];
  if (typeof value !== 'string' || value === '') throw new InvalidParameterValue(`${where} needs \`${key}\``);
  return value;
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

function permissions(value: unknown): IpPermission[] {
  return list<Obj>(value).map((p) => ({
    ...(p as unknown as IpPermission),
    IpRanges: list(p.IpRanges),
    Ipv6Ranges: list(p.Ipv6Ranges),
    UserIdGroupPairs: list(p.UserIdGroupPairs),
    PrefixListIds: list(p.PrefixListIds),
  }));
}

function addInterface(state: Ec2State, raw: Obj, where: string, fallback: { SubnetId?: string; VpcId?: string; InstanceId?: string }): NetworkInterface {
  const id = text(raw, 'NetworkInterfaceId', where);
  const attachment = raw.Attachment as Obj | undefined;
  const instanceId = (attachment?.InstanceId as string | undefined) ?? fallback.InstanceId;
  const privateIp = text(raw, 'PrivateIpAddress', `${where} \`${id}\``);
  const eni: NetworkInterface = {
    NetworkInterfaceId: id,
    SubnetId: (raw.SubnetId as string | undefined) ?? fallback.SubnetId ?? text(raw, 'SubnetId', `${where} \`${id}\``),
    VpcId: (raw.VpcId as string | undefined) ?? fallback.VpcId ?? text(raw, 'VpcId', `${where} \`${id}\``),
    AvailabilityZone: (raw.AvailabilityZone as string | undefined) ?? '',
    Description: (raw.Description as string | undefined) ?? '',
    OwnerId: (raw.OwnerId as string | undefined) ?? '',
    InterfaceType: raw.InterfaceType === 'nat_gateway' ? 'nat_gateway' : 'interface',
    Status: instanceId ? 'in-use' : 'available',
    PrivateIpAddress: privateIp,
    PrivateIpAddresses: list<{ PrivateIpAddress: string; Primary: boolean }>(raw.PrivateIpAddresses).length > 0 ? list(raw.PrivateIpAddresses) : [{ PrivateIpAddress: privateIp, Primary: true }],
    Ipv6Addresses: list(raw.Ipv6Addresses),
    Groups: list(raw.Groups),
    SourceDestCheck: raw.SourceDestCheck !== false,
    RequesterManaged: raw.RequesterManaged === true,
    Tags: list(raw.TagSet ?? raw.Tags),
  };
  const association = raw.Association as Obj | undefined;
  if (association?.PublicIp) eni.Association = { PublicIp: String(association.PublicIp), IpOwnerId: String(association.IpOwnerId ?? 'amazon'), ...(association.AllocationId ? { AllocationId: String(association.AllocationId) } : {}) };
  if (instanceId) eni.Attachment = { AttachmentId: String(attachment?.AttachmentId ?? ''), InstanceId: instanceId, DeviceIndex: Number(attachment?.DeviceIndex ?? 0), Status: 'attached', DeleteOnTermination: attachment?.DeleteOnTermination !== false };
  setRecord(state.networkInterfaces, id, eni);
  return eni;
}

function addInstance(state: Ec2State, raw: Obj): void {
  const id = text(raw, 'InstanceId', 'an instance');
  const nested = list<Obj>(raw.NetworkInterfaces).sort((a, b) => Number((a.Attachment as Obj | undefined)?.DeviceIndex ?? 0) - Number((b.Attachment as Obj | undefined)?.DeviceIndex ?? 0));
  const enis = nested.map((n) => addInterface(state, n, `interface of instance \`${id}\``, { InstanceId: id, SubnetId: raw.SubnetId as string | undefined, VpcId: raw.VpcId as string | undefined }));
  if (enis.length === 0) {
    const existing = Object.values(state.networkInterfaces).filter((n) => n.Attachment?.InstanceId === id);
    enis.push(...existing.sort((a, b) => (a.Attachment?.DeviceIndex ?? 0) - (b.Attachment?.DeviceIndex ?? 0)));
  }
  const stateName = ((raw.State as Obj | undefined)?.Name as Instance['State']['Name'] | undefined) ?? 'running';
  setRecord<Instance>(state.instances, id, {
    InstanceId: id,
    ImageId: String(raw.ImageId ?? ''),
    InstanceType: String(raw.InstanceType ?? ''),
    State: { Code: Number((raw.State as Obj | undefined)?.Code ?? 16), Name: stateName },
    StateTransitionReason: '',
    SubnetId: String(raw.SubnetId ?? enis[0]?.SubnetId ?? ''),
    VpcId: String(raw.VpcId ?? enis[0]?.VpcId ?? ''),
    Placement: { AvailabilityZone: String((raw.Placement as Obj | undefined)?.AvailabilityZone ?? ''), Tenancy: 'default' },
    LaunchTime: String(raw.LaunchTime ?? ''),
    NetworkInterfaceIds: enis.map((e) => e.NetworkInterfaceId),
    SecurityGroups: list(raw.SecurityGroups),
    BlockDeviceMappings: [],
    RootDeviceName: String(raw.RootDeviceName ?? '/dev/xvda'),
    RootDeviceType: 'ebs',
    MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled', State: 'applied' },
    AssociatePublicIpAddress: raw.PublicIpAddress !== undefined,
    Tags: list(raw.Tags),
  });
}

/** The `Describe*` members the analyzer reads. */
const READ_KEYS = ['Vpcs', 'Subnets', 'RouteTables', 'InternetGateways', 'NatGateways', 'SecurityGroups', 'NetworkAcls', 'NetworkInterfaces', 'Reservations', 'Instances', 'Addresses'];
/**
 * Members of `describe-…` output the analyzer does not need: paging, and resources it reaches only through
 * routes, where a route to one (`pcx-…`, `tgw-…` …) is reported as unsupported in the analysis itself.
 */
const PASSED_KEYS = ['NextToken', 'ResponseMetadata', 'VpcPeeringConnections', 'TransitGateways', 'TransitGatewayAttachments', 'VpnGateways', 'EgressOnlyInternetGateways', 'VpcEndpoints', 'ManagedPrefixLists', 'PrefixLists', 'CarrierGateways', 'LocalGateways'];

/**
 * Builds an EC2 state from `Describe*` response documents (one or several, merged in order). A top-level
 * key it does not know is an `UnknownParameter` error (a misspelt `SecurityGroup` would otherwise leave the
 * groups out without a word); `otherKeys` are the caller's own keys in the same documents (a query).
 */
export function ec2StateFromDescribe(documents: Ec2Topology[], options: { otherKeys?: readonly string[] } = {}): Ec2State {
  const known = new Set([...READ_KEYS, ...PASSED_KEYS, ...(options.otherKeys ?? [])]);
  for (const [n, doc] of documents.entries()) {
    object(doc, `document ${n + 1}`);
    const unknown = Object.keys(doc).filter((k) => !known.has(k));
    if (unknown.length > 0) throw new UnknownParameter(`unknown ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.map((k) => `\`${k}\``).join(', ')}${documents.length > 1 ? ` in document ${n + 1}` : ''}: a network is given as ${[...READ_KEYS, ...(options.otherKeys ?? [])].map((k) => `\`${k}\``).join(', ')}`);
  }
  const state = emptyEc2State();
  for (const doc of documents) {
    for (const raw of list<Obj>(doc.Vpcs)) {
      const v = object(raw, 'a vpc');
      const id = text(v, 'VpcId', 'a vpc');
      setRecord(state.vpcs, id, { State: 'available', IsDefault: false, InstanceTenancy: 'default', OwnerId: '', Tags: [], ...(v as object), VpcId: id, Ipv6CidrBlockAssociationSet: list(v.Ipv6CidrBlockAssociationSet), CidrBlock: text(v, 'CidrBlock', `vpc \`${id}\``) } as Ec2State['vpcs'][string]);
    }
    for (const raw of list<Obj>(doc.Subnets)) {
      const s = object(raw, 'a subnet');
      const id = text(s, 'SubnetId', 'a subnet');
      setRecord(state.subnets, id, { SubnetArn: '', AvailabilityZone: '', AvailableIpAddressCount: 0, MapPublicIpOnLaunch: false, DefaultForAz: false, State: 'available', OwnerId: '', Tags: [], ...(s as object), Ipv6CidrBlockAssociationSet: list(s.Ipv6CidrBlockAssociationSet), VpcId: text(s, 'VpcId', `subnet \`${id}\``), CidrBlock: text(s, 'CidrBlock', `subnet \`${id}\``), SubnetId: id } as Ec2State['subnets'][string]);
    }
    for (const raw of list<Obj>(doc.RouteTables)) {
      const t = object(raw, 'a route table');
      const id = text(t, 'RouteTableId', 'a route table');
      setRecord(state.routeTables, id, { OwnerId: '', Tags: [], ...(t as object), RouteTableId: id, VpcId: text(t, 'VpcId', `route table \`${id}\``), Routes: list<Obj>(t.Routes).map((r) => ({ State: 'active', Origin: 'CreateRoute', ...(r as object) })), Associations: list(t.Associations) } as Ec2State['routeTables'][string]);
    }
    for (const raw of list<Obj>(doc.InternetGateways)) {
      const g = object(raw, 'an internet gateway');
      const id = text(g, 'InternetGatewayId', 'an internet gateway');
      setRecord(state.internetGateways, id, { OwnerId: '', Tags: [], InternetGatewayId: id, Attachments: list<Obj>(g.Attachments).filter((a) => a.State === undefined || a.State === 'available' || a.State === 'attached').map((a) => ({ VpcId: String(a.VpcId), State: 'available' as const })) });
    }
    for (const raw of list<Obj>(doc.NetworkInterfaces)) addInterface(state, object(raw, 'a network interface'), 'a network interface', {});
    for (const raw of list<Obj>(doc.NatGateways)) {
      const n = object(raw, 'a nat gateway');
      const id = text(n, 'NatGatewayId', 'a nat gateway');
      const addresses = list<Obj>(n.NatGatewayAddresses);
      setRecord(state.natGateways, id, { CreateTime: '', Tags: [], ConnectivityType: 'public', State: 'available', ...(n as object), NatGatewayId: id, SubnetId: text(n, 'SubnetId', `nat gateway \`${id}\``), VpcId: text(n, 'VpcId', `nat gateway \`${id}\``), NatGatewayAddresses: addresses as unknown as Ec2State['natGateways'][string]['NatGatewayAddresses'] } as Ec2State['natGateways'][string]);
      for (const a of addresses) {
        const eniId = a.NetworkInterfaceId as string | undefined;
        if (eniId && !getRecord(state.networkInterfaces, eniId) && a.PrivateIp) {
          addInterface(state, { NetworkInterfaceId: eniId, PrivateIpAddress: a.PrivateIp, SubnetId: n.SubnetId, VpcId: n.VpcId, InterfaceType: 'nat_gateway', RequesterManaged: true, ...(a.PublicIp ? { Association: { PublicIp: a.PublicIp, IpOwnerId: 'account', AllocationId: a.AllocationId } } : {}) }, `interface of nat gateway \`${id}\``, {});
        }
      }
    }
    for (const raw of list<Obj>(doc.SecurityGroups)) {
      const g = object(raw, 'a security group');
      const id = text(g, 'GroupId', 'a security group');
      setRecord(state.securityGroups, id, { GroupName: String(g.GroupName ?? id), Description: String(g.Description ?? ''), OwnerId: String(g.OwnerId ?? ''), Tags: [], GroupId: id, VpcId: text(g, 'VpcId', `security group \`${id}\``), IpPermissions: permissions(g.IpPermissions), IpPermissionsEgress: permissions(g.IpPermissionsEgress) });
    }
    for (const raw of list<Obj>(doc.NetworkAcls)) {
      const a = object(raw, 'a network acl');
      const id = text(a, 'NetworkAclId', 'a network acl');
      setRecord(state.networkAcls, id, { IsDefault: false, OwnerId: '', Tags: [], ...(a as object), NetworkAclId: id, VpcId: text(a, 'VpcId', `network acl \`${id}\``), Entries: list(a.Entries), Associations: list(a.Associations) } as Ec2State['networkAcls'][string]);
    }
    const instances = [...list<Obj>(doc.Instances), ...list<{ Instances?: unknown[] }>(doc.Reservations).flatMap((r) => list<Obj>(r.Instances))];
    for (const raw of instances) addInstance(state, object(raw, 'an instance'));
    for (const raw of list<Obj>(doc.Addresses)) {
      const a = object(raw, 'an address');
      const id = text(a, 'AllocationId', 'an address');
      setRecord(state.addresses, id, { Domain: 'vpc', Tags: [], ...(a as object), AllocationId: id, PublicIp: text(a, 'PublicIp', `address \`${id}\``) } as Ec2State['addresses'][string]);
      const eniId = a.NetworkInterfaceId as string | undefined;
      const eni = eniId ? getRecord(state.networkInterfaces, eniId) : undefined;
      if (eni && !eni.Association) eni.Association = { PublicIp: String(a.PublicIp), IpOwnerId: 'account', AllocationId: id };
    }
  }
  return state;
}
