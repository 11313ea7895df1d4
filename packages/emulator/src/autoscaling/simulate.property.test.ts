import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCloudWatchState } from '../cloudwatch/state.ts';
import type { Ctx } from '../ctx.ts';
import { openNetwork, type NetworkCtx } from '../elbv2/network.ts';
import { createListener, createLoadBalancer, createTargetGroup } from '../elbv2/operations.ts';
import { emptyElbv2State } from '../elbv2/state.ts';
import { putMetricAlarm } from '../cloudwatch/alarms.ts';
import { createAutoScalingGroup, putScalingPolicy, putScheduledUpdateGroupAction } from './operations.ts';
import { simulate } from './simulate.ts';
import { emptyAutoScalingState, type AutoScalingAccount } from './state.ts';

const T0 = Date.UTC(2024, 0, 8);
const subnets = [
  { SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-1' },
  { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'vpc-1' },
];

interface Scenario {
  min: number;
  span: number;
  target: number;
  step: { lower: number; adjustment: number; type: 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity' };
  simple: number;
  scheduled: { hour: number; min: number; span: number } | undefined;
  alb: boolean;
  grace: number;
  load: number[];
}

function build(s: Scenario): AutoScalingAccount {
  let n = 0;
  const base: Ctx = { clock: { now: () => T0 }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
  const ctx: NetworkCtx = { ...base, network: openNetwork(subnets) };
  const account = { autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState(), elbv2: emptyElbv2State() };
  const tgArns: string[] = [];
  if (s.alb) {
    const lb = createLoadBalancer(account, { Name: 'web', Subnets: ['subnet-a', 'subnet-b'] }, ctx).LoadBalancers[0]!;
    const tg = createTargetGroup(account, { Name: 'web', Port: 80 }, ctx).TargetGroups[0]!;
    createListener(account, { LoadBalancerArn: lb.LoadBalancerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, ctx);
    tgArns.push(tg.TargetGroupArn);
  }
  createAutoScalingGroup(account, { AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: s.min, MaxSize: s.min + s.span, VPCZoneIdentifier: 'subnet-a,subnet-b', TargetGroupARNs: tgArns, HealthCheckType: s.alb ? 'ELB' : 'EC2', HealthCheckGracePeriod: s.grace }, ctx);
  putScalingPolicy(account, { AutoScalingGroupName: 'g', PolicyName: 'tt', PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: s.target } }, ctx);
  const step = putScalingPolicy(account, { AutoScalingGroupName: 'g', PolicyName: 'step', PolicyType: 'StepScaling', AdjustmentType: s.step.type, StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: s.step.lower, ScalingAdjustment: 0 }, { MetricIntervalLowerBound: s.step.lower, ScalingAdjustment: s.step.adjustment }] }, ctx);
  putMetricAlarm(account, { AlarmName: 'hot', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'g' }], Statistic: 'Average', Period: 60, EvaluationPeriods: 2, Threshold: 70, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [step.PolicyARN] }, ctx);
  const simple = putScalingPolicy(account, { AutoScalingGroupName: 'g', PolicyName: 'simple-in', PolicyType: 'SimpleScaling', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: -s.simple }, ctx);
  putMetricAlarm(account, { AlarmName: 'cold', Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'g' }], Statistic: 'Average', Period: 60, EvaluationPeriods: 3, Threshold: 10, ComparisonOperator: 'LessThanThreshold', AlarmActions: [simple.PolicyARN] }, ctx);
  if (s.scheduled) putScheduledUpdateGroupAction(account, { AutoScalingGroupName: 'g', ScheduledActionName: 'daily', Recurrence: `0 ${s.scheduled.hour} * * *`, MinSize: s.scheduled.min, MaxSize: s.scheduled.min + s.scheduled.span }, ctx);
  return account;
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  min: fc.integer({ min: 0, max: 4 }),
  span: fc.integer({ min: 0, max: 8 }),
  target: fc.integer({ min: 20, max: 90 }),
  step: fc.record({ lower: fc.integer({ min: 1, max: 30 }), adjustment: fc.integer({ min: 0, max: 200 }), type: fc.constantFrom('ChangeInCapacity' as const, 'PercentChangeInCapacity' as const, 'ExactCapacity' as const) }),
  simple: fc.integer({ min: 1, max: 3 }),
  scheduled: fc.option(fc.record({ hour: fc.integer({ min: 0, max: 5 }), min: fc.integer({ min: 0, max: 5 }), span: fc.integer({ min: 0, max: 6 }) }), { nil: undefined }),
  alb: fc.boolean(),
  grace: fc.constantFrom(0, 60, 300),
  load: fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 24 }),
});

const options = (s: Scenario) => ({ start: T0, duration: 6 * 3600, load: { RequestsPerSecond: s.load, StepSeconds: 900 }, network: openNetwork(subnets) });

describe('simulation properties', () => {
  it('keeps desired capacity within [MinSize, MaxSize] at every step', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const result = simulate(build(s), options(s));
        for (const p of result.Timeline) {
          expect(p.DesiredCapacity).toBeGreaterThanOrEqual(p.MinSize);
          expect(p.DesiredCapacity).toBeLessThanOrEqual(p.MaxSize);
          expect(p.InService + p.Pending).toBeLessThanOrEqual(p.MaxSize);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same timeline for the same inputs', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(JSON.stringify(simulate(build(s), options(s)))).toBe(JSON.stringify(simulate(build(s), options(s))));
      }),
      { numRuns: 15 },
    );
  });
});
