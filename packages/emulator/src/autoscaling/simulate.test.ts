import { describe, expect, it } from 'vitest';
import { putMetricAlarm } from '../cloudwatch/alarms.ts';
import { emptyCloudWatchState } from '../cloudwatch/state.ts';
import type { Ctx } from '../ctx.ts';
import { openNetwork, type NetworkCtx } from '../elbv2/network.ts';
import { createListener, createLoadBalancer, createTargetGroup } from '../elbv2/operations.ts';
import { emptyElbv2State } from '../elbv2/state.ts';
import { createAutoScalingGroup, putScalingPolicy, putScheduledUpdateGroupAction, describePolicies } from './operations.ts';
import { simulate } from './simulate.ts';
import { emptyAutoScalingState, type AutoScalingAccount } from './state.ts';

const T0 = Date.UTC(2024, 0, 8);
const subnets = [
  { SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-1' },
  { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'vpc-1' },
];

function ctx(): NetworkCtx {
  let n = 0;
  const base: Ctx = { clock: { now: () => T0 }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
  return { ...base, network: openNetwork(subnets) };
}

function account(): AutoScalingAccount & { elbv2: ReturnType<typeof emptyElbv2State> } {
  return {
    autoscaling: emptyAutoScalingState(),
    cloudwatch: emptyCloudWatchState(),
    elbv2: emptyElbv2State(),
    ec2: {
      launchTemplates: {
        'lt-0123456789abcdef0': {
          LaunchTemplateId: 'lt-0123456789abcdef0',
          LaunchTemplateName: 'web',
          DefaultVersionNumber: 1,
          LatestVersionNumber: 2,
          CreateTime: '2024-01-01T00:00:00.000Z',
          Versions: [
            { VersionNumber: 1, CreateTime: '2024-01-01T00:00:00.000Z', LaunchTemplateData: { InstanceType: 't3.micro', SecurityGroupIds: ['sg-web'] } },
            { VersionNumber: 2, CreateTime: '2024-01-02T00:00:00.000Z', LaunchTemplateData: { InstanceType: 'm5.large', SecurityGroupIds: ['sg-web'] } },
          ],
        },
      },
    },
  };
}

/** A group of t3.micro behind an ALB: min 2, max 10. */
function albGroup(overrides: { HealthCheckGracePeriod?: number; HealthCheckType?: 'EC2' | 'ELB' } = {}) {
  const c = ctx();
  const a = account();
  const lb = createLoadBalancer(a, { Name: 'web', Subnets: ['subnet-a', 'subnet-b'], SecurityGroups: ['sg-alb'] }, c).LoadBalancers[0]!;
  const tg = createTargetGroup(a, { Name: 'web', Port: 80, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 2 }, c).TargetGroups[0]!;
  createListener(a, { LoadBalancerArn: lb.LoadBalancerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, c);
  createAutoScalingGroup(a, { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Default' }, MinSize: 2, MaxSize: 10, VPCZoneIdentifier: 'subnet-a,subnet-b', TargetGroupARNs: [tg.TargetGroupArn], HealthCheckType: overrides.HealthCheckType ?? 'ELB', HealthCheckGracePeriod: overrides.HealthCheckGracePeriod ?? 300 }, c);
  return { a, c, lb, tg };
}

describe('simulate', () => {
  it('churns instances when the ELB health check grace period is shorter than the boot time', () => {
    const { a } = albGroup({ HealthCheckGracePeriod: 60 });
    const result = simulate(a, { start: T0, duration: 3600, load: { RequestsPerSecond: [20] }, bootSeconds: 300, network: openNetwork(subnets) });
    expect(result.Summary.HealthCheckReplacements).toBeGreaterThan(4);
    expect(result.Activities.some((x) => x.Cause.includes('an instance was taken out of service in response to an ELB system health check failure'))).toBe(true);
    expect(result.Summary.ServedRequestRatio).toBeLessThan(0.5);
  });

  it.each([
    { name: 'a grace period longer than the boot time', grace: 400, type: 'ELB' as const },
    { name: 'EC2 health checks', grace: 60, type: 'EC2' as const },
  ])('keeps instances with $name', ({ grace, type }) => {
    const { a } = albGroup({ HealthCheckGracePeriod: grace, HealthCheckType: type });
    const result = simulate(a, { start: T0, duration: 3600, load: { RequestsPerSecond: [20] }, bootSeconds: 300, network: openNetwork(subnets) });
    expect(result.Summary.HealthCheckReplacements).toBe(0);
    expect(result.Timeline.at(-1)?.InService).toBe(2);
  });

  it('scales out fast and in slowly with target tracking on CPU', () => {
    const { a, c } = albGroup();
    putScalingPolicy(a, { AutoScalingGroupName: 'web', PolicyName: 'cpu50', PolicyType: 'TargetTrackingScaling', EstimatedInstanceWarmup: 120, TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 } }, c);
    expect(Object.keys(a.cloudwatch.alarms).map((n) => n.replace(/-[0-9a-f]+$/, ''))).toEqual(['TargetTracking-web-AlarmHigh', 'TargetTracking-web-AlarmLow']);
    // 60 minutes of 150 requests per second, then 60 minutes of 10.
    const load = [...Array<number>(60).fill(150), ...Array<number>(60).fill(10)];
    const result = simulate(a, { start: T0, duration: 7200, load: { RequestsPerSecond: load }, network: openNetwork(subnets) });
    const peak = result.Timeline[59]!;
    expect(peak.DesiredCapacity).toBeGreaterThanOrEqual(6);
    expect(peak.CPUUtilization).toBeLessThan(60);
    const outAt = result.Activities.findIndex((x) => x.Cause.includes('AlarmHigh'));
    expect(outAt).toBeGreaterThanOrEqual(0);
    expect(result.Activities[outAt]?.Cause).toMatch(/^At 2024-01-08T00:\d\d:00Z a monitor alarm TargetTracking-web-AlarmHigh-\w+ in state ALARM triggered policy cpu50 changing the desired capacity from 2 to \d+\./);
    // The low alarm needs 15 one-minute datapoints below 90% of the target: every scale-in follows 15 of them.
    const scaleIns = result.Activities.filter((x) => x.Cause.includes('AlarmLow'));
    expect(scaleIns.length).toBeGreaterThan(0);
    for (const activity of scaleIns) {
      const minute = (Date.parse(activity.StartTime) - T0) / 60_000;
      expect(result.Timeline.slice(minute - 15, minute).every((p) => (p.CPUUtilization ?? 0) < 45)).toBe(true);
    }
    expect(result.Timeline.at(-1)?.DesiredCapacity).toBe(2);
    for (const p of result.Timeline) expect(p.DesiredCapacity).toBeLessThanOrEqual(10);
  });

  it('runs a step scaling policy from its alarm, without repeating a step while instances warm up', () => {
    const { a, c } = albGroup();
    const { PolicyARN } = putScalingPolicy(a, { AutoScalingGroupName: 'web', PolicyName: 'step-out', PolicyType: 'StepScaling', AdjustmentType: 'ChangeInCapacity', EstimatedInstanceWarmup: 300, StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 }] }, c);
    putMetricAlarm(a, { AlarmName: 'cpu-high', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }], Statistic: 'Average', Period: 60, EvaluationPeriods: 2, Threshold: 60, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [PolicyARN] }, c);
    expect(describePolicies(a, { AutoScalingGroupName: 'web' }, c).ScalingPolicies[0]?.Alarms.map((x) => x.AlarmName)).toEqual(['cpu-high']);
    const result = simulate(a, { start: T0, duration: 1800, load: { CPUUtilization: [70] }, network: openNetwork(subnets) });
    const changes = result.Activities.filter((x) => x.Cause.includes('cpu-high')).map((x) => /from (\d+) to (\d+)/.exec(x.Cause)?.slice(1).join('→'));
    // Metric 70 is 10 above the threshold: +1, then nothing more until the new instance has warmed up.
    expect(changes[0]).toBe('2→3');
    expect(result.Events.some((e) => e.Type === 'ScalingDecision' && e.Description.includes('warming up'))).toBe(true);
  });

  it('waits out the cooldown between simple scaling activities', () => {
    const { a, c } = albGroup();
    const { PolicyARN } = putScalingPolicy(a, { AutoScalingGroupName: 'web', PolicyName: 'add-one', PolicyType: 'SimpleScaling', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, Cooldown: 300 }, c);
    putMetricAlarm(a, { AlarmName: 'always', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }], Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 10, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [PolicyARN] }, c);
    const result = simulate(a, { start: T0, duration: 1800, load: { CPUUtilization: [90] }, network: openNetwork(subnets) });
    const times = result.Activities.filter((x) => x.Cause.includes('triggered policy add-one')).map((x) => (Date.parse(x.StartTime) - T0) / 60_000);
    // The first CPU datapoint exists once the first instances are InService (minute 1), the alarm fires at minute 2;
    // then 60 s to launch plus 300 s of cooldown before the next.
    expect(times.slice(0, 3)).toEqual([2, 8, 14]);
    expect(result.Events.some((e) => e.Description.includes('cooldown'))).toBe(true);
  });

  it('runs a recurring scheduled action in its time zone and clamps desired into the new bounds', () => {
    const { a, c } = albGroup();
    putScheduledUpdateGroupAction(a, { AutoScalingGroupName: 'web', ScheduledActionName: 'morning', Recurrence: '0 9 * * MON-FRI', TimeZone: 'America/New_York', MinSize: 4, MaxSize: 8 }, c);
    const result = simulate(a, { start: T0, duration: 16 * 3600, load: { RequestsPerSecond: [10] }, network: openNetwork(subnets) });
    const scheduled = result.Events.filter((e) => e.Type === 'ScheduledAction');
    expect(scheduled.map((e) => e.Time)).toEqual(['2024-01-08T14:00:00.000Z']);
    expect(scheduled[0]?.Cause).toBe('At 2024-01-08T14:00:00Z a scheduled action update of AutoScalingGroup constraints to min: 4, max: 8, desired: 4 changing the desired capacity from 2 to 4.');
    expect(result.Timeline.at(-1)).toMatchObject({ MinSize: 4, MaxSize: 8, DesiredCapacity: 4 });
  });

  it('fails closed on alarm periods that are not a multiple of the step, and without a network behind a load balancer', () => {
    const { a } = albGroup();
    expect(() => simulate(a, { start: T0, duration: 600, load: { RequestsPerSecond: [1] } })).toThrow(/network/);
    expect(() => simulate(a, { start: T0 + 1, duration: 600, load: { RequestsPerSecond: [1] }, network: openNetwork(subnets) })).toThrow(/whole minute/);
  });

  it('does not change the account it is given', () => {
    const { a } = albGroup();
    const before = JSON.stringify(a);
    simulate(a, { start: T0, duration: 600, load: { RequestsPerSecond: [100] }, network: openNetwork(subnets) });
    expect(JSON.stringify(a)).toBe(before);
  });
});
