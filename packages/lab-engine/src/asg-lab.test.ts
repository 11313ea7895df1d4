import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';
import { renderDeep } from './template.ts';

// The Auto Scaling task and checks on the target tracking lab: answers refused with findings in place,
// and the scenario and equivalence checks on answers that differ from the solution in one setting.

const file = resolve(import.meta.dirname, '../../../labs/asg-target-tracking-cpu/lab.yaml');
const lab = loadLab(readFileSync(file, 'utf8')).lab as Lab;

const GROUP = `AutoScalingGroup:
  LaunchTemplate: { LaunchTemplateName: web, Version: $Default }
  MinSize: 2
  MaxSize: 10
  DesiredCapacity: 2
  VPCZoneIdentifier: app-a,app-b
  TargetGroupARNs: [web-tg]
  HealthCheckType: ELB
  HealthCheckGracePeriod: 300
`;
const POLICY = `ScalingPolicies:
  - PolicyName: cpu
    PolicyType: TargetTrackingScaling
    EstimatedInstanceWarmup: 120
    TargetTrackingConfiguration:
      PredefinedMetricSpecification: { PredefinedMetricType: ASGAverageCPUUtilization }
      TargetValue: TARGET
`;

function graded(answer: string) {
  const ctx = testCtx();
  const provisioned = provision(lab, 'learner-1', ctx);
  const target = provisioned.params.cpuTarget ?? '50';
  return grade(lab, provisioned, { 'web-group': renderDeep(answer.replaceAll('TARGET', target), provisioned.params) }, ctx);
}

describe('auto-scaling-group answers', () => {
  it.each([
    { name: 'an unknown subnet name', answer: GROUP.replace('app-a,app-b', 'app-a,app-c') + POLICY, ruleId: 'aws/ValidationError', path: ['web-group', 'AutoScalingGroup', 'VPCZoneIdentifier'], message: 'there is no subnet called `app-c` in the account' },
    { name: 'an unknown target group', answer: GROUP.replace('[web-tg]', '[api-tg]') + POLICY, ruleId: 'aws/ValidationError', path: ['web-group', 'AutoScalingGroup', 'TargetGroupARNs', 0], message: 'there is no target group called `api-tg` in the account' },
    { name: 'a desired capacity above the maximum', answer: GROUP.replace('DesiredCapacity: 2', 'DesiredCapacity: 12') + POLICY, ruleId: 'aws/ValidationError', path: ['web-group', 'AutoScalingGroup'], message: 'Desired capacity:12 must be between the specified min size:2 and max size:10' },
    { name: 'another group name', answer: `${GROUP}  AutoScalingGroupName: api-asg\n${POLICY}`, ruleId: 'lab/wrong-group-name', path: ['web-group', 'AutoScalingGroup', 'AutoScalingGroupName'], message: 'this task creates the group `web-asg`, not `api-asg`' },
    { name: 'a feature the emulator does not model', answer: `${GROUP}  CapacityRebalance: true\n${POLICY}`, ruleId: 'lab/unsupported', path: ['web-group', 'AutoScalingGroup', 'CapacityRebalance'], message: '`CapacityRebalance` is not modelled by the emulator: leave it out' },
    {
      name: 'an alarm running a policy the answer does not have',
      answer: `${GROUP}MetricAlarms:\n  - { AlarmName: high, Namespace: AWS/EC2, MetricName: CPUUtilization, Statistic: Average, Period: 60, EvaluationPeriods: 2, Threshold: 70, ComparisonOperator: GreaterThanThreshold, AlarmActions: [add-two] }\n`,
      ruleId: 'lab/unknown-policy',
      path: ['web-group', 'MetricAlarms', 0, 'AlarmActions', 0],
      message: 'there is no scaling policy called `add-two` in this answer',
    },
  ])('refuses $name with a finding in place', ({ answer, ruleId, path, message }) => {
    const outcome = graded(answer);
    expect(outcome.ok).toBe(false);
    const found = outcome.findings.find((f) => f.ruleId === ruleId);
    expect(found).toMatchObject({ severity: 'error', path, message });
    expect(found?.range?.start.line).toBeGreaterThan(0);
  });
});

describe('asg-scenario and equivalent-scaling', () => {
  const statuses = (answer: string) => {
    const outcome = graded(answer);
    if (!outcome.ok) throw new Error(outcome.findings.map((f) => f.message).join('\n'));
    return Object.fromEntries(outcome.grade.checks.map((c) => [c.id, c.status]));
  };

  it.each([
    { name: 'the solution', answer: GROUP + POLICY, expected: { 'day-of-traffic': 'pass', 'healthy-start': 'pass', 'same-scaling': 'pass' } },
    { name: 'a longer grace period (same behaviour)', answer: GROUP.replace('HealthCheckGracePeriod: 300', 'HealthCheckGracePeriod: 450') + POLICY, expected: { 'day-of-traffic': 'pass', 'healthy-start': 'pass', 'same-scaling': 'pass' } },
    { name: 'MaxSize 12, which no scenario reaches', answer: GROUP.replace('MaxSize: 10', 'MaxSize: 12') + POLICY, expected: { 'day-of-traffic': 'pass', 'healthy-start': 'pass', 'same-scaling': 'fail' } },
    { name: 'a 60-second grace period', answer: GROUP.replace('HealthCheckGracePeriod: 300', 'HealthCheckGracePeriod: 60') + POLICY, expected: { 'day-of-traffic': 'fail', 'healthy-start': 'fail', 'same-scaling': 'fail' } },
    { name: 'EC2 health checks, blind to a crashed application', answer: GROUP.replace('HealthCheckType: ELB', 'HealthCheckType: EC2') + POLICY, expected: { 'day-of-traffic': 'pass', 'healthy-start': 'pass', 'same-scaling': 'fail' } },
    { name: 'no policy', answer: GROUP, expected: { 'day-of-traffic': 'fail', 'healthy-start': 'pass', 'same-scaling': 'fail' } },
  ])('$name', ({ answer, expected }) => {
    expect(statuses(answer)).toEqual(expected);
  });

  it('explains the timeline and the differing profiles', () => {
    const outcome = graded(GROUP.replace('MaxSize: 10', 'MaxSize: 12') + POLICY);
    const checks = outcome.ok ? outcome.grade.checks : [];
    expect(checks.find((c) => c.id === 'day-of-traffic')?.explanation).toMatch(/^InService by the hour: 00:00 2, 01:00 2/);
    expect(checks.find((c) => c.id === 'day-of-traffic')?.explanation).toContain('went from OK to ALARM');
    expect(checks.find((c) => c.id === 'same-scaling')?.explanation).toContain('(`overload`): at most 12 instances InService, the solution 10');
  });
});
