import { describe, expect, it } from 'vitest';
import { emptyCloudWatchState } from '../cloudwatch/state.ts';
import type { Ctx } from '../ctx.ts';
import { describeInstances, runInstances } from '../ec2/instance-operations.ts';
import { createLaunchTemplate } from '../ec2/launch-template-operations.ts';
import { analyzeReachability } from '../ec2/reachability.ts';
import { authorizeSecurityGroupIngress, createSecurityGroup } from '../ec2/security-group-operations.ts';
import { emptyEc2State } from '../ec2/state.ts';
import { createSubnet, createVpc } from '../ec2/vpc-operations.ts';
import { ec2Network } from '../elbv2/ec2-network.ts';
import { createAutoScalingGroup, deleteAutoScalingGroup, describeScalingActivities, setDesiredCapacity } from './operations.ts';
import { emptyAutoScalingState } from './state.ts';

// The group's instances are EC2 instances (ec2-auto-scaling-lifecycle.html), tagged with the group's name.

function setup(imageId: string | undefined) {
  let n = 0;
  const c: Ctx = { clock: { now: () => Date.UTC(2024, 0, 8) }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
  const state = { autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState(), ec2: emptyEc2State() };
  const vpc = createVpc(state, { CidrBlock: '10.0.0.0/16' }, c).Vpc;
  const a = createSubnet(state, { VpcId: vpc.VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }, c).Subnet;
  const b = createSubnet(state, { VpcId: vpc.VpcId, CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' }, c).Subnet;
  const web = createSecurityGroup(state, { GroupName: 'web', Description: 'web', VpcId: vpc.VpcId }, c).GroupId;
  const admin = createSecurityGroup(state, { GroupName: 'admin', Description: 'admin', VpcId: vpc.VpcId }, c).GroupId;
  authorizeSecurityGroupIngress(state, { GroupId: web, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: admin }] }] });
  createLaunchTemplate(state, { LaunchTemplateName: 'web', LaunchTemplateData: { ...(imageId ? { ImageId: imageId } : {}), InstanceType: 't3.micro', SecurityGroupIds: [web] } }, c);
  const ctx = { ...c, network: ec2Network(state.ec2) };
  createAutoScalingGroup(state, { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 0, MaxSize: 4, DesiredCapacity: 2, VPCZoneIdentifier: `${a.SubnetId},${b.SubnetId}` }, ctx);
  return { state, ctx, a, admin };
}

describe('auto scaling instances in EC2', () => {
  it('launches each instance with RunInstances into its zone, under the same id, tagged with the group', () => {
    const { state, ctx, a } = setup('ami-12345678');
    const group = state.autoscaling.groups.web!;
    const described = describeInstances(state).Reservations.flatMap((r) => r.Instances);
    expect(described.map((i) => [i.InstanceId, i.Placement.AvailabilityZone, i.State.Name, i.Tags])).toEqual(
      group.Instances.map((i) => [i.InstanceId, i.AvailabilityZone, 'running', [{ Key: 'aws:autoscaling:groupName', Value: 'web' }]]),
    );
    expect(described[0]?.SubnetId).toBe(a.SubnetId);
    expect(described[0]?.LaunchTemplate?.Version).toBe('1');
    expect(ctx.network.subnet(a.SubnetId)?.AvailabilityZone).toBe('us-east-1a');
  });

  it('lets the reachability analyzer see them, and terminates them on scale-in and forced deletion', () => {
    const { state, ctx, a, admin } = setup('ami-12345678');
    const bastion = runInstances(state, { ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: a.SubnetId, SecurityGroupIds: [admin] }, ctx).Instances[0]!;
    const [first, second] = state.autoscaling.groups.web!.Instances.map((i) => i.InstanceId);
    expect(analyzeReachability(state, { Source: bastion.InstanceId, Destination: second!, Protocol: 'tcp', DestinationPort: 80 }).NetworkPathFound).toBe(true);
    expect(analyzeReachability(state, { Source: bastion.InstanceId, Destination: second!, Protocol: 'tcp', DestinationPort: 22 }).Explanations[0]?.ExplanationCode).toBe('ENI_SG_RULES_MISMATCH');
    setDesiredCapacity(state, { AutoScalingGroupName: 'web', DesiredCapacity: 1 }, ctx);
    const gone = [first, second].find((id) => !state.autoscaling.groups.web!.Instances.some((i) => i.InstanceId === id))!;
    expect(state.ec2.instances[gone]?.State.Name).toBe('terminated');
    deleteAutoScalingGroup(state, { AutoScalingGroupName: 'web', ForceDelete: true }, ctx);
    expect(Object.values(state.ec2.instances).filter((i) => i.State.Name === 'running').map((i) => i.InstanceId)).toEqual([bastion.InstanceId]);
  });

  it('records a failed launch when EC2 refuses it, and leaves the group below its desired capacity', () => {
    const { state, ctx } = setup(undefined);
    expect(state.autoscaling.groups.web!.Instances).toEqual([]);
    const [activity] = describeScalingActivities(state, {}, ctx).Activities;
    expect(activity).toMatchObject({ StatusCode: 'Failed', StatusMessage: 'MissingParameter: the request must contain the parameter `ImageId`' });
    expect(activity?.Description).toMatch(/^Launching a new EC2 instance\. {2}Status Reason: MissingParameter: .*\. Launching EC2 instance failed\.$/);
  });
});
