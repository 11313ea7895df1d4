// `npm run bench` (packages/emulator): speed of the network analyzer. Goals (issue 4): one query on a
// three-tier VPC under 20 µs; the exposure report and all-pairs reachability of a VPC with 500 instances,
// 50 security groups and 12 subnets under 1 s on one core.
import type { Ctx } from '../src/ctx.ts';
import { exposureReport } from '../src/ec2/exposure.ts';
import { allocateAddress, attachInternetGateway, createInternetGateway, createNatGateway } from '../src/ec2/gateway-operations.ts';
import { threeTier } from '../src/ec2/golden/scenarios.ts';
import { runInstances } from '../src/ec2/instance-operations.ts';
import { createNetworkAcl, createNetworkAclEntry, replaceNetworkAclAssociation } from '../src/ec2/network-acl-operations.ts';
import { analyzeReachability } from '../src/ec2/reachability.ts';
import { reachabilityMatrix } from '../src/ec2/reachability-matrix.ts';
import type { ReachabilityQuery } from '../src/ec2/reachability-types.ts';
import { associateRouteTable, createRoute, createRouteTable } from '../src/ec2/route-table-operations.ts';
import { authorizeSecurityGroupIngress, createSecurityGroup } from '../src/ec2/security-group-operations.ts';
import { emptyEc2State } from '../src/ec2/state.ts';
import { createSubnet, createVpc } from '../src/ec2/vpc-operations.ts';

function ctx(): Ctx {
  let n = 0;
  return { clock: { now: () => 0 }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '111122223333', region: 'us-east-1' };
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

function perQuery(label: string, state: Parameters<typeof analyzeReachability>[0], query: ReachabilityQuery): void {
  for (let i = 0; i < 2000; i++) analyzeReachability(state, query);
  const runs = 20000;
  const { ms, value } = time(() => {
    let found = 0;
    for (let i = 0; i < runs; i++) if (analyzeReachability(state, query).NetworkPathFound) found++;
    return found;
  });
  console.log(`single query  ${label.padEnd(50)} ${((ms * 1000) / runs).toFixed(2).padStart(7)} µs/query  (found: ${value === runs})`);
}

const three = threeTier();
const n = three.names;
perQuery('internet → lb tcp/443', three.state, { Source: 'internet', Destination: n.lb ?? '', Protocol: 'tcp', DestinationPort: 443 });
perQuery('app → db tcp/3306 (group reference)', three.state, { Source: n.app ?? '', Destination: n.db ?? '', Protocol: 'tcp', DestinationPort: 3306 });
perQuery('app → internet tcp/443 (through the nat gateway)', three.state, { Source: n.app ?? '', Destination: 'internet', Protocol: 'tcp', DestinationPort: 443 });
perQuery('lb → db tcp/3306 (blocked)', three.state, { Source: n.lb ?? '', Destination: n.db ?? '', Protocol: 'tcp', DestinationPort: 3306 });

function bigVpc() {
  const c = ctx();
  const state = { ec2: emptyEc2State() };
  const vpc = createVpc(state, { CidrBlock: '10.0.0.0/16' }, c).Vpc.VpcId;
  const igw = createInternetGateway(state, {}, c).InternetGateway.InternetGatewayId;
  attachInternetGateway(state, { InternetGatewayId: igw, VpcId: vpc });
  const subnets = Array.from({ length: 12 }, (_, i) => createSubnet(state, { VpcId: vpc, CidrBlock: `10.0.${i * 4}.0/22`, AvailabilityZone: `us-east-1${'abc'[i % 3]}` }, c).Subnet.SubnetId);
  const publicRt = createRouteTable(state, { VpcId: vpc }, c).RouteTable.RouteTableId;
  createRoute(state, { RouteTableId: publicRt, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw });
  const nat = createNatGateway(state, { SubnetId: subnets[0] ?? '', AllocationId: allocateAddress(state, {}, c).AllocationId }, c).NatGateway.NatGatewayId;
  const privateRt = createRouteTable(state, { VpcId: vpc }, c).RouteTable.RouteTableId;
  createRoute(state, { RouteTableId: privateRt, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat });
  subnets.forEach((s, i) => associateRouteTable(state, { RouteTableId: i < 4 ? publicRt : privateRt, SubnetId: s }, c));
  const dbAcl = createNetworkAcl(state, { VpcId: vpc }, c).NetworkAcl.NetworkAclId;
  const entries: [number, boolean, 'allow' | 'deny', string, number, number][] = [
    [90, false, 'deny', '10.0.0.0/22', 0, 65535],
    [100, false, 'allow', '10.0.0.0/16', 3306, 3306],
    [110, false, 'allow', '10.0.0.0/16', 1024, 65535],
    [100, true, 'allow', '10.0.0.0/16', 1024, 65535],
    [110, true, 'allow', '0.0.0.0/0', 443, 443],
  ];
  for (const [RuleNumber, Egress, RuleAction, CidrBlock, From, To] of entries) {
    createNetworkAclEntry(state, { NetworkAclId: dbAcl, RuleNumber, Protocol: '6', RuleAction, Egress, CidrBlock, PortRange: { From, To } });
  }
  for (const acl of Object.values(state.ec2.networkAcls)) {
    for (const a of [...acl.Associations]) if (subnets.indexOf(a.SubnetId) >= 8) replaceNetworkAclAssociation(state, { AssociationId: a.NetworkAclAssociationId, NetworkAclId: dbAcl }, c);
  }
  const ports = [80, 443, 8080, 3306, 22];
  const groups = Array.from({ length: 50 }, (_, i) => createSecurityGroup(state, { GroupName: `sg-group-${i}`.replace('sg-', 'tier-'), Description: 'bench', VpcId: vpc }, c).GroupId);
  groups.forEach((g, i) => {
    const port = ports[i % ports.length] ?? 80;
    const permissions = [
      { IpProtocol: 'tcp', FromPort: port, ToPort: port, UserIdGroupPairs: [{ GroupId: groups[(i + 49) % 50] ?? g }] },
      { IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: `10.0.${(i % 12) * 4}.0/22` }] },
    ];
    if (i % 10 === 0) permissions.push({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] });
    if (i % 17 === 0) permissions.push({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] });
    authorizeSecurityGroupIngress(state, { GroupId: g, IpPermissions: permissions });
  });
  for (let k = 0; k < 500; k++) {
    const subnet = k % 12;
    runInstances(state, {
      ImageId: 'ami-0abcdef1234567890',
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnets[subnet], Groups: [groups[k % 50] ?? '', groups[(k * 7) % 50] ?? ''], AssociatePublicIpAddress: subnet < 4 }],
    }, c);
  }
  return state;
}

const built = time(bigVpc);
console.log(`\nbuild         500 instances, 50 groups, 12 subnets through the operations  ${built.ms.toFixed(0)} ms`);
const big = built.value;
const exposure = time(() => exposureReport(big));
console.log(`exposure      report over 500 instances                                  ${exposure.ms.toFixed(1).padStart(7)} ms  (${exposure.value.Exposures.length} exposures)`);
for (const port of [3306, 443]) {
  reachabilityMatrix(big, { Protocol: 'tcp', DestinationPort: port });
  const matrix = time(() => reachabilityMatrix(big, { Protocol: 'tcp', DestinationPort: port }));
  console.log(`all pairs     500 × 499 pairs, tcp/${String(port).padEnd(4)}                                ${matrix.ms.toFixed(1).padStart(7)} ms  (${matrix.value.ReachablePairs} of ${matrix.value.Pairs} reachable)`);
}
const ids = Object.keys(big.ec2.instances);
const sample = time(() => {
  let found = 0;
  for (let i = 0; i < 5000; i++) if (analyzeReachability(big, { Source: ids[i % 500] ?? '', Destination: ids[(i * 13 + 7) % 500] ?? '', Protocol: 'tcp', DestinationPort: 3306 }).NetworkPathFound) found++;
  return found;
});
console.log(`single query  on the 500-instance vpc (5000 random pairs)                 ${((sample.ms * 1000) / 5000).toFixed(2).padStart(7)} µs/query`);
