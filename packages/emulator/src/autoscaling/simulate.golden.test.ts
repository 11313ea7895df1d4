import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { putMetricAlarm, type PutMetricAlarmInput } from '../cloudwatch/alarms.ts';
import { emptyCloudWatchState } from '../cloudwatch/state.ts';
import type { Ctx } from '../ctx.ts';
import { openNetwork, type NetworkCtx } from '../elbv2/network.ts';
import { createListener, createLoadBalancer, createTargetGroup } from '../elbv2/operations.ts';
import { emptyElbv2State } from '../elbv2/state.ts';
import { createAutoScalingGroup, putScalingPolicy, type PutScalingPolicyInput } from './operations.ts';
import { simulate, type SimulationOptions, type SimulationResult } from './simulate.ts';
import { emptyAutoScalingState, type AutoScalingAccount } from './state.ts';

// Golden runs of the simulation written from the EC2 Auto Scaling user guide (the page in `source`): a
// small group, its policies with their alarms, the run's input (load, API calls at their times, metric
// datapoints, launch times, health-check answers), and what the guide says must happen. The harness is
// strict: an expectation key it does not know fails the case, and every case must expect something.

const T0 = Date.UTC(2024, 0, 8);
const SUBNETS = [
  { SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-1' },
  { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'vpc-1' },
];

interface EventPattern {
  Type: string;
  Description?: string;
  Cause?: string;
}

interface Expectations {
  /** Minute of the run → desired capacity after that step. */
  DesiredCapacityAt?: Record<string, number>;
  /** Minute of the run → instances InService after that step. */
  InServiceAt?: Record<string, number>;
  /** Events that must occur (Description and Cause are regular expressions). */
  EventMatches?: EventPattern[];
  /** Events that must not occur. */
  NoEventMatches?: EventPattern[];
  Summary?: Partial<SimulationResult['Summary']>;
}

interface GoldenRun {
  name: string;
  source: string;
  Group: { MinSize: number; MaxSize: number; DesiredCapacity: number; DefaultInstanceWarmup?: number; DefaultCooldown?: number; HealthCheckType?: 'EC2' | 'ELB'; HealthCheckGracePeriod?: number; LoadBalanced?: boolean };
  Policies?: (Omit<PutScalingPolicyInput, 'AutoScalingGroupName'> & { Alarm?: Omit<PutMetricAlarmInput, 'AlarmActions'> })[];
  Simulation: Omit<SimulationOptions, 'start' | 'network'>;
  Expect: Expectations;
}

const EXPECT_KEYS = new Set(['DesiredCapacityAt', 'InServiceAt', 'EventMatches', 'NoEventMatches', 'Summary']);
const CASE_KEYS = new Set(['name', 'source', 'Group', 'Policies', 'Simulation', 'Expect']);
const runs = JSON.parse(readFileSync(new URL('./golden/simulation.json', import.meta.url), 'utf8')) as GoldenRun[];

function ctx(): NetworkCtx {
  let n = 0;
  // The group is made an hour before the run, so its first instances are long InService when it starts.
  const base: Ctx = { clock: { now: () => T0 - 3_600_000 }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
  return { ...base, network: openNetwork(SUBNETS) };
}

function build(c: GoldenRun): AutoScalingAccount {
  const context = ctx();
  const account: AutoScalingAccount & { elbv2: ReturnType<typeof emptyElbv2State> } = { autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState(), elbv2: emptyElbv2State() };
  const targetGroups: string[] = [];
  if (c.Group.LoadBalanced) {
    const lb = createLoadBalancer(account, { Name: 'web', Subnets: ['subnet-a', 'subnet-b'], SecurityGroups: ['sg-alb'] }, context).LoadBalancers[0];
    const tg = createTargetGroup(account, { Name: 'web', Port: 80, HealthCheckIntervalSeconds: 30, UnhealthyThresholdCount: 2 }, context).TargetGroups[0];
    if (!lb || !tg) throw new Error('no load balancer');
    createListener(account, { LoadBalancerArn: lb.LoadBalancerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, context);
    targetGroups.push(tg.TargetGroupArn);
  }
  const { LoadBalanced: _lb, ...group } = c.Group;
  createAutoScalingGroup(account, { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Default' }, VPCZoneIdentifier: 'subnet-a,subnet-b', TargetGroupARNs: targetGroups, HealthCheckType: 'EC2', HealthCheckGracePeriod: 0, ...group }, context);
  // Readable ids for the cases: the group's first instances are i-1, i-2 …
  for (const [n, instance] of (account.autoscaling.groups.web?.Instances ?? []).entries()) instance.InstanceId = `i-${n + 1}`;
  for (const { Alarm, ...policy } of c.Policies ?? []) {
    const { PolicyARN } = putScalingPolicy(account, { ...policy, AutoScalingGroupName: 'web' }, context);
    if (Alarm) putMetricAlarm(account, { ...Alarm, AlarmActions: [PolicyARN] }, context);
  }
  return account;
}

function matches(pattern: EventPattern, event: SimulationResult['Events'][number]): boolean {
  return event.Type === pattern.Type && (pattern.Description === undefined || new RegExp(pattern.Description).test(event.Description)) && (pattern.Cause === undefined || new RegExp(pattern.Cause).test(event.Cause ?? ''));
}

describe('auto scaling simulation golden runs', () => {
  it.each(runs.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(Object.keys(c).filter((k) => !CASE_KEYS.has(k)), 'unknown case keys').toEqual([]);
    expect(c.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const keys = Object.keys(c.Expect);
    expect(keys.filter((k) => !EXPECT_KEYS.has(k)), 'unknown expectation keys').toEqual([]);
    expect(keys.length, 'a case must expect something').toBeGreaterThan(0);
    const result = simulate(build(c), { start: T0, network: openNetwork(SUBNETS), ...c.Simulation });
    const story = result.Events.map((e) => `${e.Time} ${e.Type} ${e.Description}${e.Cause ? ` (${e.Cause})` : ''}`).join('\n');
    for (const [minute, desired] of Object.entries(c.Expect.DesiredCapacityAt ?? {})) {
      const point = result.Timeline[Number(minute)];
      expect(point, `no step at minute ${minute}`).toBeDefined();
      expect(point?.DesiredCapacity, `desired capacity at minute ${minute}\n${story}`).toBe(desired);
    }
    for (const [minute, inService] of Object.entries(c.Expect.InServiceAt ?? {})) {
      const point = result.Timeline[Number(minute)];
      expect(point, `no step at minute ${minute}`).toBeDefined();
      expect(point?.InService, `in service at minute ${minute}\n${story}`).toBe(inService);
    }
    for (const pattern of c.Expect.EventMatches ?? []) expect(result.Events.some((e) => matches(pattern, e)), `expected ${JSON.stringify(pattern)} in\n${story}`).toBe(true);
    for (const pattern of c.Expect.NoEventMatches ?? []) expect(result.Events.some((e) => matches(pattern, e)), `did not expect ${JSON.stringify(pattern)} in\n${story}`).toBe(false);
    if (c.Expect.Summary) expect(result.Summary).toMatchObject(c.Expect.Summary);
  });
});
