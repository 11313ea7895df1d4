import type { Ctx } from '../../ctx.ts';
import { allocateAddress, attachInternetGateway, createInternetGateway, createNatGateway } from '../gateway-operations.ts';
import { runInstances } from '../instance-operations.ts';
import { createNetworkAcl } from '../network-acl-operations.ts';
import { associateRouteTable, createRoute, createRouteTable } from '../route-table-operations.ts';
import { authorizeSecurityGroupIngress, createSecurityGroup } from '../security-group-operations.ts';
import { emptyEc2State, type WithEc2 } from '../state.ts';
import { ec2StateFromDescribe } from '../topology.ts';
import { createDefaultVpc, createSubnet, createVpc } from '../vpc-operations.ts';

// The topologies the golden cases start from, built through the operations themselves so the cases
// also exercise them. Each returns the state and the ids under names the cases use (`$app` …).

/** A built topology: the account and its resources by the names the golden cases use. */
export interface Scenario {
  state: WithEc2;
  names: Record<string, string>;
  /** The context the scenario was built with, to keep ids unique in later steps. */
  ctx: Ctx;
}

/** A context with a fixed clock and counting ids, so scenarios are the same on every run. */
export function scenarioCtx(): Ctx {
  let n = 0;
  return { clock: { now: () => Date.UTC(2026, 0, 1) }, ids: { next: (prefix) => `${prefix}${(++n).toString(16).padStart(17, '0')}` }, accountId: '111122223333', region: 'us-east-1' };
}

const AMI = 'ami-0abcdef1234567890';

function tcp(port: number, source: { cidr?: string; group?: string }) {
  return {
    IpProtocol: 'tcp',
    FromPort: port,
    ToPort: port,
    IpRanges: source.cidr ? [{ CidrIp: source.cidr }] : [],
    UserIdGroupPairs: source.group ? [{ GroupId: source.group }] : [],
  };
}

function launch(state: WithEc2, ctx: Ctx, subnet: string, group: string, publicIp = false): string {
  const result = runInstances(state, { ImageId: AMI, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnet, Groups: [group], AssociatePublicIpAddress: publicIp }] }, ctx);
  return result.Instances[0]?.InstanceId ?? '';
}

/**
 * The classic three-tier VPC (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-example-web-database-servers.html):
 * a public subnet with the load balancer stand-in (`lb`, public IP) and a bastion, an app subnet and a
 * database subnet, both private, leaving through a NAT gateway. Security groups chain by reference:
 * `lb-sg` takes 80/443 from anywhere, `app-sg` takes 8080 from `lb-sg`, `db-sg` takes 3306 from `app-sg`,
 * `bastion-sg` takes SSH from 203.0.113.0/24 and `app-sg` takes SSH from `bastion-sg`.
 */
export function threeTier(): Scenario {
  const ctx = scenarioCtx();
  const state = { ec2: emptyEc2State() };
  const vpc = createVpc(state, { CidrBlock: '10.0.0.0/16' }, ctx).Vpc.VpcId;
  const igw = createInternetGateway(state, {}, ctx).InternetGateway.InternetGatewayId;
  attachInternetGateway(state, { InternetGatewayId: igw, VpcId: vpc });
  const publicSubnet = createSubnet(state, { VpcId: vpc, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }, ctx).Subnet.SubnetId;
  const appSubnet = createSubnet(state, { VpcId: vpc, CidrBlock: '10.0.11.0/24', AvailabilityZone: 'us-east-1a' }, ctx).Subnet.SubnetId;
  const dbSubnet = createSubnet(state, { VpcId: vpc, CidrBlock: '10.0.21.0/24', AvailabilityZone: 'us-east-1a' }, ctx).Subnet.SubnetId;
  const publicRt = createRouteTable(state, { VpcId: vpc }, ctx).RouteTable.RouteTableId;
  createRoute(state, { RouteTableId: publicRt, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw });
  const publicAssoc = associateRouteTable(state, { RouteTableId: publicRt, SubnetId: publicSubnet }, ctx).AssociationId;
  const eip = allocateAddress(state, {}, ctx).AllocationId;
  const nat = createNatGateway(state, { SubnetId: publicSubnet, AllocationId: eip }, ctx).NatGateway.NatGatewayId;
  const privateRt = createRouteTable(state, { VpcId: vpc }, ctx).RouteTable.RouteTableId;
  createRoute(state, { RouteTableId: privateRt, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat });
  const appAssoc = associateRouteTable(state, { RouteTableId: privateRt, SubnetId: appSubnet }, ctx).AssociationId;
  const dbAssoc = associateRouteTable(state, { RouteTableId: privateRt, SubnetId: dbSubnet }, ctx).AssociationId;
  const lbSg = createSecurityGroup(state, { GroupName: 'lb-sg', Description: 'load balancer', VpcId: vpc }, ctx).GroupId;
  const appSg = createSecurityGroup(state, { GroupName: 'app-sg', Description: 'app tier', VpcId: vpc }, ctx).GroupId;
  const dbSg = createSecurityGroup(state, { GroupName: 'db-sg', Description: 'database tier', VpcId: vpc }, ctx).GroupId;
  const bastionSg = createSecurityGroup(state, { GroupName: 'bastion-sg', Description: 'bastion', VpcId: vpc }, ctx).GroupId;
  authorizeSecurityGroupIngress(state, { GroupId: lbSg, IpPermissions: [tcp(80, { cidr: '0.0.0.0/0' }), tcp(443, { cidr: '0.0.0.0/0' })] });
  authorizeSecurityGroupIngress(state, { GroupId: appSg, IpPermissions: [tcp(8080, { group: lbSg }), tcp(22, { group: bastionSg })] });
  authorizeSecurityGroupIngress(state, { GroupId: dbSg, IpPermissions: [tcp(3306, { group: appSg })] });
  authorizeSecurityGroupIngress(state, { GroupId: bastionSg, IpPermissions: [tcp(22, { cidr: '203.0.113.0/24' })] });
  const lb = launch(state, ctx, publicSubnet, lbSg, true);
  const bastion = launch(state, ctx, publicSubnet, bastionSg, true);
  const app = launch(state, ctx, appSubnet, appSg);
  const db = launch(state, ctx, dbSubnet, dbSg);
  const publicAcl = createNetworkAcl(state, { VpcId: vpc }, ctx).NetworkAcl.NetworkAclId;
  const appAcl = createNetworkAcl(state, { VpcId: vpc }, ctx).NetworkAcl.NetworkAclId;
  const dbAcl = createNetworkAcl(state, { VpcId: vpc }, ctx).NetworkAcl.NetworkAclId;
  const aclAssociations = Object.fromEntries(
    Object.values(state.ec2.networkAcls).flatMap((acl) => acl.Associations.map((a) => [a.SubnetId, a.NetworkAclAssociationId])),
  );
  return {
    state,
    ctx,
    names: {
      vpc, igw, nat, eip, publicSubnet, appSubnet, dbSubnet, publicRt, privateRt, publicAssoc, appAssoc, dbAssoc,
      lbSg, appSg, dbSg, bastionSg, lb, bastion, app, db, publicAcl, appAcl, dbAcl,
      defaultAcl: Object.values(state.ec2.networkAcls).find((a) => a.IsDefault)?.NetworkAclId ?? '',
      publicAclAssoc: aclAssociations[publicSubnet] ?? '',
      appAclAssoc: aclAssociations[appSubnet] ?? '',
      dbAclAssoc: aclAssociations[dbSubnet] ?? '',
    },
  };
}

/** The default VPC (https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html) with one instance in the default security group and a web group. */
export function defaultVpc(): Scenario {
  const ctx = scenarioCtx();
  const state = { ec2: emptyEc2State() };
  const vpc = createDefaultVpc(state, {}, ctx).Vpc.VpcId;
  const subnets = Object.values(state.ec2.subnets);
  const defaultSg = Object.values(state.ec2.securityGroups)[0]?.GroupId ?? '';
  const webSg = createSecurityGroup(state, { GroupName: 'web-sg', Description: 'web', VpcId: vpc }, ctx).GroupId;
  const web = runInstances(state, { ImageId: AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SecurityGroupIds: [webSg] }, ctx).Instances[0]?.InstanceId ?? '';
  const plain = runInstances(state, { ImageId: AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1 }, ctx).Instances[0]?.InstanceId ?? '';
  const other = runInstances(state, { ImageId: AMI, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: subnets[1]?.SubnetId }, ctx).Instances[0]?.InstanceId ?? '';
  const igw = Object.keys(state.ec2.internetGateways)[0] ?? '';
  const acl = Object.keys(state.ec2.networkAcls)[0] ?? '';
  const mainRt = Object.keys(state.ec2.routeTables)[0] ?? '';
  return { state, ctx, names: { vpc, defaultSg, webSg, web, plain, other, igw, acl, mainRt, subnetA: subnets[0]?.SubnetId ?? '', subnetB: subnets[1]?.SubnetId ?? '' } };
}

function allowAllAcl(id: string, vpc: string, subnets: string[]) {
  const entries = [false, true].map((Egress) => ({ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress, CidrBlock: '0.0.0.0/0' }));
  return { NetworkAclId: id, VpcId: vpc, IsDefault: true, Entries: entries, Associations: subnets.map((SubnetId) => ({ SubnetId })) };
}

function instance(id: string, subnet: string, vpc: string, ip: string, group: string, publicIp?: string) {
  return { InstanceId: id, State: { Name: 'running' }, SubnetId: subnet, VpcId: vpc, NetworkInterfaces: [{ NetworkInterfaceId: `eni-${id.slice(2)}`, PrivateIpAddress: ip, Groups: [{ GroupId: group }], ...(publicIp ? { Association: { PublicIp: publicIp } } : {}), Attachment: { DeviceIndex: 0 } }] };
}

/**
 * Three VPCs as `aws ec2 describe-*` prints them, for what the emulator reads from a described network:
 * A (10.0.0.0/16: a public subnet with `web` and the NAT gateway `nat-a`, a private one with `app`) is
 * peered with B (10.1.0.0/16, `b`), and B with C (10.2.0.0/16, `c`); A has no route to C, since peering is
 * not transitive (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html). A's public route
 * table also routes 198.51.100.0/24 to a detached internet gateway, 192.0.2.0/24 to one that does not exist
 * and 172.16.0.0/12 to a virtual private gateway. Every network ACL allows everything.
 */
export function peeredVpcs(): Scenario {
  const local = (cidr: string) => ({ DestinationCidrBlock: cidr, GatewayId: 'local', State: 'active' });
  const ec2 = ec2StateFromDescribe([
    {
      Vpcs: [{ VpcId: 'vpc-a', CidrBlock: '10.0.0.0/16' }, { VpcId: 'vpc-b', CidrBlock: '10.1.0.0/16' }, { VpcId: 'vpc-c', CidrBlock: '10.2.0.0/16' }],
      Subnets: [
        { SubnetId: 'subnet-a-pub', VpcId: 'vpc-a', CidrBlock: '10.0.1.0/24' },
        { SubnetId: 'subnet-a-priv', VpcId: 'vpc-a', CidrBlock: '10.0.2.0/24' },
        { SubnetId: 'subnet-b', VpcId: 'vpc-b', CidrBlock: '10.1.1.0/24' },
        { SubnetId: 'subnet-c', VpcId: 'vpc-c', CidrBlock: '10.2.1.0/24' },
      ],
      InternetGateways: [
        { InternetGatewayId: 'igw-a', Attachments: [{ VpcId: 'vpc-a', State: 'available' }] },
        { InternetGatewayId: 'igw-old', Attachments: [] },
      ],
      VpcPeeringConnections: [{ VpcPeeringConnectionId: 'pcx-ab' }, { VpcPeeringConnectionId: 'pcx-bc' }],
      NatGateways: [{ NatGatewayId: 'nat-a', SubnetId: 'subnet-a-pub', VpcId: 'vpc-a', State: 'available', NatGatewayAddresses: [{ AllocationId: 'eipalloc-nat', NetworkInterfaceId: 'eni-nat', PrivateIp: '10.0.1.5', PublicIp: '3.80.0.50' }] }],
      RouteTables: [
        {
          RouteTableId: 'rtb-a-pub',
          VpcId: 'vpc-a',
          Routes: [
            local('10.0.0.0/16'),
            { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-a', State: 'active' },
            { DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: 'pcx-ab', State: 'active' },
            { DestinationCidrBlock: '198.51.100.0/24', GatewayId: 'igw-old', State: 'active' },
            { DestinationCidrBlock: '192.0.2.0/24', GatewayId: 'igw-gone', State: 'active' },
            { DestinationCidrBlock: '172.16.0.0/12', GatewayId: 'vgw-a', State: 'active' },
          ],
          Associations: [{ SubnetId: 'subnet-a-pub', Main: false }],
        },
        {
          RouteTableId: 'rtb-a-priv',
          VpcId: 'vpc-a',
          Routes: [local('10.0.0.0/16'), { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-a', State: 'active' }, { DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: 'pcx-ab', State: 'active' }],
          Associations: [{ Main: true }],
        },
        { RouteTableId: 'rtb-b', VpcId: 'vpc-b', Routes: [local('10.1.0.0/16'), { DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: 'pcx-ab', State: 'active' }, { DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: 'pcx-bc', State: 'active' }], Associations: [{ Main: true }] },
        { RouteTableId: 'rtb-c', VpcId: 'vpc-c', Routes: [local('10.2.0.0/16'), { DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: 'pcx-bc', State: 'active' }], Associations: [{ Main: true }] },
      ],
      NetworkAcls: [allowAllAcl('acl-a', 'vpc-a', ['subnet-a-pub', 'subnet-a-priv']), allowAllAcl('acl-b', 'vpc-b', ['subnet-b']), allowAllAcl('acl-c', 'vpc-c', ['subnet-c'])],
      SecurityGroups: [
        { GroupId: 'sg-web', VpcId: 'vpc-a', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
        { GroupId: 'sg-app', VpcId: 'vpc-a', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
        { GroupId: 'sg-b', VpcId: 'vpc-b', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
        { GroupId: 'sg-c', VpcId: 'vpc-c', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
      ],
      Reservations: [
        {
          Instances: [
            instance('i-web', 'subnet-a-pub', 'vpc-a', '10.0.1.10', 'sg-web', '3.80.0.10'),
            instance('i-app', 'subnet-a-priv', 'vpc-a', '10.0.2.10', 'sg-app'),
            instance('i-b', 'subnet-b', 'vpc-b', '10.1.1.10', 'sg-b'),
            instance('i-c', 'subnet-c', 'vpc-c', '10.2.1.10', 'sg-c'),
          ],
        },
      ],
    },
  ]);
  return { state: { ec2 }, ctx: scenarioCtx(), names: { web: 'i-web', app: 'i-app', b: 'i-b', c: 'i-c', nat: 'nat-a', natIp: '3.80.0.50', natEni: 'eni-nat' } };
}

/** Every scenario by the name golden files use. */
export const SCENARIOS: Record<string, () => Scenario> = { 'three-tier': threeTier, 'default-vpc': defaultVpc, 'peered-vpcs': peeredVpcs };
