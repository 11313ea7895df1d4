import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { putMetricAlarm } from '../cloudwatch/alarms.ts';
import { emptyCloudWatchState } from '../cloudwatch/state.ts';
import type { Ctx } from '../ctx.ts';
import { openNetwork, type NetworkCtx } from '../elbv2/network.ts';
import { createListener, createLoadBalancer, createTargetGroup } from '../elbv2/operations.ts';
import { emptyElbv2State } from '../elbv2/state.ts';
import { createAutoScalingGroup, putScalingPolicy, putScheduledUpdateGroupAction } from './operations.ts';
import { simulate } from './simulate.ts';
import { emptyAutoScalingState } from './state.ts';

// Pins whole timelines bit for bit: a speed-up of the simulation loop must not change a single event,
// datapoint or wording. A deliberate behaviour change updates the digests and says why in its commit.

const T0 = Date.UTC(2024, 0, 8);
const subnets = [
  { SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-1' },
  { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'vpc-1' },
  { SubnetId: 'subnet-c', AvailabilityZone: 'us-east-1c', VpcId: 'vpc-1' },
];

function setup() {
  let n = 0;
  const base: Ctx = { clock: { now: () => T0 }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
  const ctx: NetworkCtx = { ...base, network: openNetwork(subnets) };
  const account = { autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState(), elbv2: emptyElbv2State() };
  return { ctx, account };
}

/** The bench's group (issue 5): target tracking + step + scheduled policies behind an ALB, up to 100 instances. */
function benchGroup() {
  const { ctx, account } = setup();
  const lb = createLoadBalancer(account, { Name: 'web', Subnets: subnets.map((s) => s.SubnetId) }, ctx).LoadBalancers[0]!;
  const tg = createTargetGroup(account, { Name: 'web', Port: 80, HealthCheckIntervalSeconds: 15, HealthyThresholdCount: 3 }, ctx).TargetGroups[0]!;
  createListener(account, { LoadBalancerArn: lb.LoadBalancerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, ctx);
  createAutoScalingGroup(account, { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 2, MaxSize: 100, VPCZoneIdentifier: 'subnet-a,subnet-b,subnet-c', TargetGroupARNs: [tg.TargetGroupArn], HealthCheckType: 'ELB', HealthCheckGracePeriod: 300 }, ctx);
  putScalingPolicy(account, { AutoScalingGroupName: 'web', PolicyName: 'cpu60', PolicyType: 'TargetTrackingScaling', EstimatedInstanceWarmup: 180, TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 60 } }, ctx);
  const step = putScalingPolicy(account, { AutoScalingGroupName: 'web', PolicyName: 'surge', PolicyType: 'StepScaling', AdjustmentType: 'PercentChangeInCapacity', MinAdjustmentMagnitude: 2, EstimatedInstanceWarmup: 180, StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 10 }, { MetricIntervalLowerBound: 10, ScalingAdjustment: 30 }] }, ctx);
  putMetricAlarm(account, { AlarmName: 'cpu-surge', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }], Statistic: 'Average', Period: 60, EvaluationPeriods: 2, Threshold: 85, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [step.PolicyARN] }, ctx);
  putScheduledUpdateGroupAction(account, { AutoScalingGroupName: 'web', ScheduledActionName: 'business-hours', Recurrence: '0 8 * * MON-FRI', TimeZone: 'Europe/Berlin', MinSize: 10 }, ctx);
  putScheduledUpdateGroupAction(account, { AutoScalingGroupName: 'web', ScheduledActionName: 'evening', Recurrence: '0 20 * * *', TimeZone: 'Europe/Berlin', MinSize: 2 }, ctx);
  return account;
}

/** ELB health checks with a grace period (shorter than the boot time: the group churns), simple scaling with a cooldown on a breaching-when-missing alarm, request-count tracking. */
function churnGroup(grace: number) {
  const { ctx, account } = setup();
  const lb = createLoadBalancer(account, { Name: 'web', Subnets: ['subnet-a', 'subnet-b'] }, ctx).LoadBalancers[0]!;
  const tg = createTargetGroup(account, { Name: 'web', Port: 80, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 2 }, ctx).TargetGroups[0]!;
  createListener(account, { LoadBalancerArn: lb.LoadBalancerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, ctx);
  createAutoScalingGroup(account, { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 1, MaxSize: 8, VPCZoneIdentifier: 'subnet-a,subnet-b', TargetGroupARNs: [tg.TargetGroupArn], HealthCheckType: 'ELB', HealthCheckGracePeriod: grace }, ctx);
  putScalingPolicy(account, { AutoScalingGroupName: 'web', PolicyName: 'per-target', PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: `${lb.LoadBalancerArn.slice(lb.LoadBalancerArn.indexOf('app/'))}/${tg.TargetGroupArn.slice(tg.TargetGroupArn.indexOf('targetgroup/'))}` }, TargetValue: 1500 } }, ctx);
  const simple = putScalingPolicy(account, { AutoScalingGroupName: 'web', PolicyName: 'add-two', PolicyType: 'SimpleScaling', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 2, Cooldown: 600 }, ctx);
  putMetricAlarm(account, { AlarmName: 'net-high', Namespace: 'AWS/EC2', MetricName: 'NetworkOut', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }], Statistic: 'Average', Period: 120, EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 30_000_000, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'breaching', AlarmActions: [simple.PolicyARN] }, ctx);
  return account;
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

describe('simulation digests', () => {
  it('pins a full day of the bench group', () => {
    const load = Array.from({ length: 1440 }, (_, m) => Math.round(2300 - 2200 * Math.cos((2 * Math.PI * m) / 1440)));
    const result = simulate(benchGroup(), { start: T0, duration: 86400, load: { RequestsPerSecond: load }, network: openNetwork(subnets) });
    expect(result.Timeline).toHaveLength(1440);
    expect(result.Summary).toMatchInlineSnapshot(`
      {
        "HealthCheckReplacements": 0,
        "Launches": 98,
        "MaxDesiredCapacity": 100,
        "MaxInService": 100,
        "MinInService": 0,
        "ServedRequestRatio": 0.9999,
        "Steps": 1440,
        "Terminations": 96,
      }
    `);
    expect(digest(result)).toMatchInlineSnapshot(`"34f74f86d486c516fea88ef5b428dad1ca3d0dc9537f33807cb75f2c427c07b3"`);
  });

  it.each([
    { name: 'churns', grace: 120 },
    { name: 'keeps its instances', grace: 300 },
  ])('pins a day of a group that $name', ({ grace }) => {
    const load = Array.from({ length: 96 }, (_, q) => (q % 32 < 12 ? 40 + 30 * q : 120));
    const result = simulate(churnGroup(grace), { start: T0, duration: 86400, load: { RequestsPerSecond: load, StepSeconds: 900 }, bootSeconds: 200, network: openNetwork(subnets) });
    expect({ Summary: result.Summary, Digest: digest(result) }).toMatchSnapshot();
  });
});
