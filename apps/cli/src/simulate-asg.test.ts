import { describe, expect, it } from 'vitest';
import { simulateAsg } from './simulate-asg.ts';

// A group, its launch template, a target tracking policy and a scheduled action, as the AWS CLI's
// describe-* commands print them, plus the load to run.
const INPUT = {
  AutoScalingGroups: [
    {
      AutoScalingGroupName: 'web',
      LaunchTemplate: { LaunchTemplateId: 'lt-0abc', Version: '$Latest' },
      MinSize: 2,
      MaxSize: 8,
      DesiredCapacity: 2,
      DefaultCooldown: 300,
      AvailabilityZones: ['us-east-1a', 'us-east-1b'],
      VPCZoneIdentifier: 'subnet-a,subnet-b',
      HealthCheckType: 'EC2',
      HealthCheckGracePeriod: 300,
      Instances: [{ InstanceId: 'i-1', LifecycleState: 'InService' }, { InstanceId: 'i-2', LifecycleState: 'InService' }],
    },
  ],
  Subnets: [
    { SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-1' },
    { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'vpc-1' },
  ],
  LaunchTemplateVersions: [
    { LaunchTemplateId: 'lt-0abc', LaunchTemplateName: 'web', VersionNumber: 1, DefaultVersion: true, LaunchTemplateData: { InstanceType: 't3.micro' } },
    { LaunchTemplateId: 'lt-0abc', LaunchTemplateName: 'web', VersionNumber: 2, DefaultVersion: false, LaunchTemplateData: { InstanceType: 'm5.large' } },
  ],
  ScalingPolicies: [
    {
      AutoScalingGroupName: 'web',
      PolicyName: 'cpu50',
      PolicyARN: 'arn:aws:autoscaling:us-east-1:111122223333:scalingPolicy:x:autoScalingGroupName/web:policyName/cpu50',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
      Alarms: [],
      Enabled: true,
    },
  ],
  Simulation: { start: '2024-01-08T00:00:00Z', duration: 7200, load: { RequestsPerSecond: [100, 400, 400, 400, 100, 100, 100, 100], StepSeconds: 900 } },
};

function run(args: string[], stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = simulateAsg(args, { cwd: '/', out: (l) => out.push(l), err: (l) => err.push(l) }, () => stdin);
  return { code, out, err };
}

describe('skylab simulate asg', () => {
  it('keeps the described instances\' ids and launch times, so timed calls can name them', () => {
    const input = {
      ...INPUT,
      ScalingPolicies: [],
      Reservations: [{ Instances: [{ InstanceId: 'i-2', LaunchTime: '2024-01-07T23:59:30Z' }] }],
      Simulation: { ...INPUT.Simulation, duration: 600, ApiCalls: [{ Time: '2024-01-08T00:02:00Z', Action: 'TerminateInstanceInAutoScalingGroup', Parameters: { InstanceId: 'i-1', ShouldDecrementDesiredCapacity: false } }] },
    };
    const { code, out, err } = run(['-'], JSON.stringify(input));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.Timeline[0].InService).toBe(1);
    expect(result.Events.some((e: { Type: string; InstanceId?: string; To?: string }) => e.Type === 'InstanceLifecycle' && e.InstanceId === 'i-2' && e.To === 'InService')).toBe(true);
    expect(result.Activities.some((a: { Cause: string }) => /instance i-1 was taken out of service in response to a user request/.test(a.Cause))).toBe(true);
  });

  it('runs the group from its Describe* shapes and prints the timeline with AWS causes', () => {
    const { code, out, err } = run(['-'], JSON.stringify(INPUT));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const result = JSON.parse(out.join('\n'));
    expect(result.Timeline).toHaveLength(120);
    expect(Math.max(...result.Timeline.map((p: { DesiredCapacity: number }) => p.DesiredCapacity))).toBeGreaterThan(2);
    expect(result.Activities.some((a: { Cause: string }) => /a monitor alarm TargetTracking-web-AlarmHigh-\w+ in state ALARM triggered policy cpu50/.test(a.Cause))).toBe(true);
    expect(result.Assumptions.join(' ')).toMatch(/assumed reachable/);
  });

  it('prints JSON Lines with --jsonl: one line per step and event, the summary last', () => {
    const { code, out } = run(['-', '--jsonl'], JSON.stringify(INPUT));
    expect(code).toBe(0);
    expect(JSON.parse(out[0] as string)).toHaveProperty('Timeline');
    expect(JSON.parse(out.at(-1) as string)).toHaveProperty('Summary');
  });

  it.each([
    { name: 'desired capacity above the max size', patch: { AutoScalingGroups: [{ ...INPUT.AutoScalingGroups[0], DesiredCapacity: 9 }] }, message: /ValidationError: Desired capacity:9 must be between/ },
    { name: 'no simulation', patch: { Simulation: undefined }, message: /no `Simulation`/ },
    { name: 'two groups without --group', patch: { AutoScalingGroups: [INPUT.AutoScalingGroups[0], { ...INPUT.AutoScalingGroups[0], AutoScalingGroupName: 'api' }] }, message: /choose one with --group/ },
  ])('refuses $name', ({ patch, message }) => {
    const { code, err } = run(['-'], JSON.stringify({ ...INPUT, ...patch }));
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });
});

describe('skylab simulate asg --batch', () => {
  const scenario = (patch: object) => JSON.stringify({ ...INPUT, ...patch });
  const lines = [
    scenario({}),
    scenario({ AutoScalingGroups: [{ ...INPUT.AutoScalingGroups[0], DesiredCapacity: 9 }] }),
    scenario({ Simulation: undefined }),
    scenario({ Simulaton: INPUT.Simulation }),
    scenario({ Simulation: { ...INPUT.Simulation, duration: 1800 } }),
  ];

  it.each([
    { line: 1, expected: { Results: [{ AutoScalingGroupName: 'web', Timeline: expect.any(Array) }] } },
    { line: 2, expected: { Error: { Code: 'ValidationError', Message: expect.stringMatching(/^Desired capacity:9 must be between/) } } },
    { line: 3, expected: { Error: { Code: 'InvalidInput', Message: expect.stringMatching(/no `Simulation`/) } } },
    { line: 4, expected: { Error: { Code: 'InvalidInput', Message: expect.stringMatching(/^unknown key `Simulaton`/) } } },
    { line: 5, expected: { Results: [{ Timeline: expect.any(Array) }] } },
  ])('answers line $line on its own', ({ line, expected }) => {
    const { code, out } = run(['-', '--batch'], lines.join('\n'));
    expect(code).toBe(1);
    expect(out).toHaveLength(lines.length);
    expect(JSON.parse(out[line - 1] as string)).toMatchObject({ Line: line, ...expected });
  });

  it('runs each line with the same --group', () => {
    const two = scenario({ AutoScalingGroups: [INPUT.AutoScalingGroups[0], { ...INPUT.AutoScalingGroups[0], AutoScalingGroupName: 'api' }] });
    const { code, out } = run(['-', '--batch', '--group', 'api'], `${two}\n${two}`);
    expect(code).toBe(0);
    expect(out.map((l) => JSON.parse(l).Results[0].AutoScalingGroupName)).toEqual(['api', 'api']);
  });
});
