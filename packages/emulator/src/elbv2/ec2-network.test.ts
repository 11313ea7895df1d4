import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awsDocPage, parseGolden, uniqueNames } from '../../test/golden-schema.ts';
import type { Ctx } from '../ctx.ts';
import { runInstances } from '../ec2/instance-operations.ts';
import { createNetworkAcl, createNetworkAclEntry, replaceNetworkAclAssociation } from '../ec2/network-acl-operations.ts';
import { authorizeSecurityGroupEgress, authorizeSecurityGroupIngress, createSecurityGroup, revokeSecurityGroupEgress } from '../ec2/security-group-operations.ts';
import { emptyEc2State, type Ec2State } from '../ec2/state.ts';
import { createSubnet, createVpc } from '../ec2/vpc-operations.ts';
import { ec2Network } from './ec2-network.ts';
import { createListener, createLoadBalancer, createTargetGroup, registerTargets } from './operations.ts';
import { emptyElbv2State } from './state.ts';
import { advanceTargetHealth } from './target-health.ts';

function ctx(): Ctx {
  let n = 0;
  return { clock: { now: () => Date.UTC(2024, 0, 1) }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
}

describe('health checks through the EC2 engine', () => {
  it.each([
    { name: 'admits the load balancer by its security group', source: 'sg-alb' as const, outcome: 'healthy' },
    { name: 'admits only SSH', source: 'ssh' as const, outcome: 'unhealthy' },
    { name: 'admits the VPC range on port 80', source: 'vpc' as const, outcome: 'healthy' },
  ])('a target whose security group $name is $outcome', ({ source, outcome }) => {
    const c = ctx();
    const account = { ec2: emptyEc2State(), elbv2: emptyElbv2State() };
    const vpc = createVpc(account, { CidrBlock: '10.0.0.0/16' }, c).Vpc;
    const a = createSubnet(account, { VpcId: vpc.VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }, c).Subnet;
    const b = createSubnet(account, { VpcId: vpc.VpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' }, c).Subnet;
    const albSg = createSecurityGroup(account, { GroupName: 'alb', Description: 'alb', VpcId: vpc.VpcId }, c).GroupId;
    const webSg = createSecurityGroup(account, { GroupName: 'web', Description: 'web', VpcId: vpc.VpcId }, c).GroupId;
    const permission =
      source === 'sg-alb'
        ? { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: albSg }] }
        : source === 'vpc'
          ? { IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }
          : { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] };
    authorizeSecurityGroupIngress(account, { GroupId: webSg, IpPermissions: [permission] });
    const instance = runInstances(account, { ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: a.SubnetId, SecurityGroupIds: [webSg] }, c).Instances[0]!;
    account.ec2.instances[instance.InstanceId]!.State = { Code: 16, Name: 'running' };
    const network = ec2Network(account.ec2);
    const netCtx = { ...c, network };
    const lb = createLoadBalancer(account, { Name: 'web', Subnets: [a.SubnetId, b.SubnetId], SecurityGroups: [albSg] }, netCtx).LoadBalancers[0]!;
    const tg = createTargetGroup(account, { Name: 'web', Port: 80 }, netCtx).TargetGroups[0]!;
    createListener(account, { LoadBalancerArn: lb.LoadBalancerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, netCtx);
    registerTargets(account, { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: instance.InstanceId }] }, netCtx);
    advanceTargetHealth(account.elbv2, c.clock.now() + 120_000, { network, behaviour: () => ({}) });
    expect(tg.Targets[0]?.TargetHealth.State).toBe(outcome);
    if (outcome === 'unhealthy') expect(tg.Targets[0]?.TargetHealth).toMatchObject({ Reason: 'Target.Timeout', Description: expect.stringContaining(webSg) });
  });

  // The load balancer's groups need outbound rules to the instance listener and health check ports
  // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html).
  it.each([
    { name: 'to the targets\' group on the traffic port', port: 80, reachable: true },
    { name: 'to the targets\' group on another port only', port: 443, reachable: false },
  ])('a load balancer whose group lets traffic out $name', ({ port, reachable }) => {
    const c = ctx();
    const account = { ec2: emptyEc2State(), elbv2: emptyElbv2State() };
    const vpc = createVpc(account, { CidrBlock: '10.0.0.0/16' }, c).Vpc;
    const a = createSubnet(account, { VpcId: vpc.VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }, c).Subnet;
    const albSg = createSecurityGroup(account, { GroupName: 'alb', Description: 'alb', VpcId: vpc.VpcId }, c).GroupId;
    const webSg = createSecurityGroup(account, { GroupName: 'web', Description: 'web', VpcId: vpc.VpcId }, c).GroupId;
    authorizeSecurityGroupIngress(account, { GroupId: webSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: albSg }] }] });
    revokeSecurityGroupEgress(account, { GroupId: albSg, IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    authorizeSecurityGroupEgress(account, { GroupId: albSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: port, ToPort: port, UserIdGroupPairs: [{ GroupId: webSg }] }] });
    const instance = runInstances(account, { ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: a.SubnetId, SecurityGroupIds: [webSg] }, c).Instances[0]!;
    account.ec2.instances[instance.InstanceId]!.State = { Code: 16, Name: 'running' };
    const reach = ec2Network(account.ec2).reach({ SecurityGroupIds: [albSg], SubnetIds: [a.SubnetId] }, { Id: instance.InstanceId }, 80);
    expect(reach.Outcome).toBe(reachable ? 'reachable' : 'blocked');
    if (!reachable) expect(reach.Explanation).toContain(`no outbound rule of the load balancer's security groups \`${albSg}\``);
  });
});

const aclEntry = z.strictObject({
  RuleNumber: z.number().int(),
  Protocol: z.string(),
  RuleAction: z.enum(['allow', 'deny']),
  CidrBlock: z.string().optional(),
  Ipv6CidrBlock: z.string().optional(),
  PortRange: z.strictObject({ From: z.number().int(), To: z.number().int() }).optional(),
  IcmpTypeCode: z.strictObject({ Code: z.number().int(), Type: z.number().int() }).optional(),
});
const aclRules = z.strictObject({ Inbound: z.array(aclEntry), Outbound: z.array(aclEntry) });
type AclRules = z.output<typeof aclRules>;

// Read through a strict schema first: a misspelt key fails naming the file and key.
const naclCaseSchema = z.strictObject({
  name: z.string().min(1),
  source: awsDocPage,
  /** A custom network ACL for the load balancer's subnets (10.0.1.0/24, 10.0.2.0/24); the VPC's default when absent. */
  NodeSubnetAcl: aclRules.optional(),
  /** A custom network ACL for the target's subnet (10.0.3.0/24); the VPC's default when absent. */
  TargetSubnetAcl: aclRules.optional(),
  Expect: z.strictObject({ State: z.enum(['healthy', 'unhealthy', 'initial']), Reason: z.string().optional(), Code: z.string().optional(), Description: z.array(z.string()).optional() }),
});

/** A custom ACL (which starts with only the final deny entry) with the rules, associated with the subnets. */
function customAcl(account: { ec2: Ec2State }, vpcId: string, subnetIds: string[], rules: AclRules, c: Ctx): void {
  const { NetworkAclId } = createNetworkAcl(account, { VpcId: vpcId }, c).NetworkAcl;
  for (const entry of rules.Inbound) createNetworkAclEntry(account, { ...entry, NetworkAclId, Egress: false });
  for (const entry of rules.Outbound) createNetworkAclEntry(account, { ...entry, NetworkAclId, Egress: true });
  for (const subnetId of subnetIds) {
    const association = Object.values(account.ec2.networkAcls).flatMap((a) => a.Associations).find((a) => a.SubnetId === subnetId)!;
    replaceNetworkAclAssociation(account, { AssociationId: association.NetworkAclAssociationId, NetworkAclId }, c);
  }
}

const naclCases = parseGolden(z.array(naclCaseSchema), JSON.parse(readFileSync(new URL('./golden/health-check-nacls.json', import.meta.url), 'utf8')), 'elbv2/golden/health-check-nacls.json');
uniqueNames(naclCases, 'health-check-nacls.json');

describe('health checks through network ACLs (golden cases)', () => {
  it.each(naclCases)('$name', (g) => {
    const c = ctx();
    const account = { ec2: emptyEc2State(), elbv2: emptyElbv2State() };
    const vpc = createVpc(account, { CidrBlock: '10.0.0.0/16' }, c).Vpc;
    const a = createSubnet(account, { VpcId: vpc.VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }, c).Subnet;
    const b = createSubnet(account, { VpcId: vpc.VpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' }, c).Subnet;
    const app = createSubnet(account, { VpcId: vpc.VpcId, CidrBlock: '10.0.3.0/24', AvailabilityZone: 'us-east-1a' }, c).Subnet;
    if (g.NodeSubnetAcl) customAcl(account, vpc.VpcId, [a.SubnetId, b.SubnetId], g.NodeSubnetAcl, c);
    if (g.TargetSubnetAcl) customAcl(account, vpc.VpcId, [app.SubnetId], g.TargetSubnetAcl, c);
    const albSg = createSecurityGroup(account, { GroupName: 'alb', Description: 'alb', VpcId: vpc.VpcId }, c).GroupId;
    const webSg = createSecurityGroup(account, { GroupName: 'web', Description: 'web', VpcId: vpc.VpcId }, c).GroupId;
    authorizeSecurityGroupIngress(account, { GroupId: webSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: albSg }] }] });
    const instance = runInstances(account, { ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: app.SubnetId, SecurityGroupIds: [webSg] }, c).Instances[0]!;
    account.ec2.instances[instance.InstanceId]!.State = { Code: 16, Name: 'running' };
    const network = ec2Network(account.ec2);
    const netCtx = { ...c, network };
    const lb = createLoadBalancer(account, { Name: 'web', Subnets: [a.SubnetId, b.SubnetId], SecurityGroups: [albSg] }, netCtx).LoadBalancers[0]!;
    const tg = createTargetGroup(account, { Name: 'web', Port: 80 }, netCtx).TargetGroups[0]!;
    createListener(account, { LoadBalancerArn: lb.LoadBalancerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, netCtx);
    registerTargets(account, { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: instance.InstanceId }] }, netCtx);
    advanceTargetHealth(account.elbv2, c.clock.now() + 120_000, { network, behaviour: () => ({}) });
    const health = tg.Targets[0]!.TargetHealth;
    expect(health.State).toBe(g.Expect.State);
    if (g.Expect.Reason !== undefined) expect(health.Reason).toBe(g.Expect.Reason);
    const reach = network.reach({ SecurityGroupIds: [albSg], SubnetIds: [a.SubnetId, b.SubnetId] }, { Id: instance.InstanceId }, 80);
    if (g.Expect.Code !== undefined) expect(reach.Code).toBe(g.Expect.Code);
    for (const words of g.Expect.Description ?? []) {
      expect(reach.Explanation).toContain(words);
      expect(health.Description).toContain(words);
    }
  });
});
