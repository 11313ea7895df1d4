import { describe, expect, it } from 'vitest';
import { emptyCloudWatchState } from '../cloudwatch/state.ts';
import type { Ctx } from '../ctx.ts';
import { createLaunchTemplate } from '../ec2/launch-template-operations.ts';
import { createNetworkAcl, createNetworkAclEntry, replaceNetworkAclAssociation } from '../ec2/network-acl-operations.ts';
import { authorizeSecurityGroupIngress, createSecurityGroup } from '../ec2/security-group-operations.ts';
import { emptyEc2State } from '../ec2/state.ts';
import { createSubnet, createVpc } from '../ec2/vpc-operations.ts';
import { ec2Network } from '../elbv2/ec2-network.ts';
import { createListener, createLoadBalancer, createTargetGroup } from '../elbv2/operations.ts';
import { emptyElbv2State } from '../elbv2/state.ts';
import { createAutoScalingGroup } from './operations.ts';
import { simulate } from './simulate.ts';
import { emptyAutoScalingState } from './state.ts';

// A group behind an ALB in a whole emulated account: the simulation's health checks cross the account's
// network ACLs, which are stateless (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html).

function account(ephemeralOut: boolean) {
  let n = 0;
  const T0 = Date.UTC(2024, 0, 8);
  const c: Ctx = { clock: { now: () => T0 }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
  const state = { autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState(), ec2: emptyEc2State(), elbv2: emptyElbv2State() };
  const vpc = createVpc(state, { CidrBlock: '10.0.0.0/16' }, c).Vpc;
  const subnet = (cidr: string, zone: string) => createSubnet(state, { VpcId: vpc.VpcId, CidrBlock: cidr, AvailabilityZone: zone }, c).Subnet.SubnetId;
  const [lbA, lbB, appA, appB] = [subnet('10.0.1.0/24', 'us-east-1a'), subnet('10.0.2.0/24', 'us-east-1b'), subnet('10.0.11.0/24', 'us-east-1a'), subnet('10.0.12.0/24', 'us-east-1b')];
  const { NetworkAclId } = createNetworkAcl(state, { VpcId: vpc.VpcId }, c).NetworkAcl;
  createNetworkAclEntry(state, { NetworkAclId, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/16', PortRange: { From: 80, To: 80 } });
  if (ephemeralOut) createNetworkAclEntry(state, { NetworkAclId, RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: true, CidrBlock: '10.0.0.0/16', PortRange: { From: 1024, To: 65535 } });
  for (const id of [appA, appB]) {
    const association = Object.values(state.ec2.networkAcls).flatMap((a) => a.Associations).find((a) => a.SubnetId === id)!;
    replaceNetworkAclAssociation(state, { AssociationId: association.NetworkAclAssociationId, NetworkAclId }, c);
  }
  const albSg = createSecurityGroup(state, { GroupName: 'alb', Description: 'alb', VpcId: vpc.VpcId }, c).GroupId;
  const webSg = createSecurityGroup(state, { GroupName: 'web', Description: 'web', VpcId: vpc.VpcId }, c).GroupId;
  authorizeSecurityGroupIngress(state, { GroupId: webSg, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: albSg }] }] });
  createLaunchTemplate(state, { LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-12345678', InstanceType: 't3.micro', SecurityGroupIds: [webSg] } }, c);
  const ctx = { ...c, network: ec2Network(state.ec2) };
  const lb = createLoadBalancer(state, { Name: 'web', Subnets: [lbA, lbB], SecurityGroups: [albSg] }, ctx).LoadBalancers[0]!;
  const tg = createTargetGroup(state, { Name: 'web', Port: 80, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 2 }, ctx).TargetGroups[0]!;
  createListener(state, { LoadBalancerArn: lb.LoadBalancerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, ctx);
  createAutoScalingGroup(state, { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 2, MaxSize: 4, VPCZoneIdentifier: `${appA},${appB}`, TargetGroupARNs: [tg.TargetGroupArn], HealthCheckType: 'ELB', HealthCheckGracePeriod: 300 }, ctx);
  return { state, T0 };
}

describe('simulation through the account network', () => {
  it('replaces instances whose subnet acl drops the health check replies, naming the acl', () => {
    const { state, T0 } = account(false);
    const result = simulate(state, { start: T0, duration: 3600, load: { RequestsPerSecond: [20] } });
    expect(result.Summary.HealthCheckReplacements).toBeGreaterThan(0);
    expect(result.Timeline.every((p) => p.HealthyTargets === 0)).toBe(true);
    const unhealthy = result.Events.find((e) => e.Type === 'TargetHealthChange' && e.To === 'unhealthy');
    expect(unhealthy?.Cause).toBe('Target.Timeout');
    expect(unhealthy?.Description).toMatch(/denies outbound return traffic to `10\.0\.1\.0\/24` on ports `1024-65535`/);
  });

  it('keeps them in service once the acl lets the replies out on ephemeral ports', () => {
    const { state, T0 } = account(true);
    const result = simulate(state, { start: T0, duration: 3600, load: { RequestsPerSecond: [20] } });
    expect(result.Summary.HealthCheckReplacements).toBe(0);
    expect(result.Timeline.at(-1)).toMatchObject({ InService: 2, HealthyTargets: 2 });
  });
});
