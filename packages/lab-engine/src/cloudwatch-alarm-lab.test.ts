import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

// The `cloudwatch-alarm` task and its checks on the missing-data lab: answers refused with findings in
// place, and the probes and the exhaustive comparison on answers that differ from the solution in one setting.

const text = readFileSync(resolve(import.meta.dirname, '../../../labs/cloudwatch-alarm-missing-data/lab.yaml'), 'utf8');
const lab = loadLab(text).lab as Lab;

const HEARTBEAT = `  - AlarmName: orders-heartbeat
    Namespace: Shop/Orders
    MetricName: Heartbeat
    Dimensions: [{ Name: Service, Value: orders-worker }]
    Statistic: Sum
    Period: 60
    EvaluationPeriods: 3
    Threshold: 1
    ComparisonOperator: LessThanThreshold
    TreatMissingData: breaching
    AlarmActions: [ops-pager]
`;
const CPU = `  - AlarmName: web-cpu-high
    Namespace: AWS/EC2
    MetricName: CPUUtilization
    Dimensions: [{ Name: AutoScalingGroupName, Value: web-asg }]
    Statistic: Average
    Period: 300
    EvaluationPeriods: 3
    DatapointsToAlarm: 2
    Threshold: THRESHOLD
    ComparisonOperator: GreaterThanThreshold
    TreatMissingData: notBreaching
    AlarmActions: [ops-pager]
`;
const SOLUTION = `MetricAlarms:\n${HEARTBEAT}${CPU}`;

function graded(answer: string) {
  const ctx = testCtx();
  const provisioned = provision(lab, 'learner-1', ctx);
  return grade(lab, provisioned, { alarms: answer.replaceAll('THRESHOLD', provisioned.params.cpuThreshold ?? '80') }, ctx);
}

function statuses(answer: string): Record<string, string> {
  const outcome = graded(answer);
  if (!outcome.ok) throw new Error(outcome.findings.map((f) => f.message).join('\n'));
  return Object.fromEntries(outcome.grade.checks.map((c) => [c.id, c.status]));
}

describe('cloudwatch-alarm answers', () => {
  it.each([
    { name: 'an alarm the task does not name', answer: SOLUTION.replace('AlarmName: web-cpu-high', 'AlarmName: web-cpu'), ruleId: 'lab/unknown-alarm', path: ['alarms', 'MetricAlarms', 1, 'AlarmName'], message: 'this task defines the alarms `orders-heartbeat`, `web-cpu-high`, not `web-cpu`' },
    { name: 'an alarm left out', answer: `MetricAlarms:\n${HEARTBEAT}`, ruleId: 'lab/missing-alarm', path: ['alarms', 'MetricAlarms'], message: 'the alarm `web-cpu-high` is missing' },
    { name: 'an alarm defined twice', answer: `${SOLUTION}${HEARTBEAT}`, ruleId: 'lab/duplicate-alarm', path: ['alarms', 'MetricAlarms', 2, 'AlarmName'], message: 'the alarm `orders-heartbeat` is defined twice' },
    { name: 'an action that is no topic of the lab', answer: SOLUTION.replace('AlarmActions: [ops-pager]', 'AlarmActions: [ops-email]'), ruleId: 'lab/unknown-action', path: ['alarms', 'MetricAlarms', 0, 'AlarmActions', 0], message: '`ops-email` is not an SNS topic of this lab: actions may name the SNS topics `ops-pager`' },
    { name: 'a percentile, which the emulator does not model', answer: SOLUTION.replace('Statistic: Sum', 'ExtendedStatistic: p99'), ruleId: 'aws/InvalidParameterValue', path: ['alarms', 'MetricAlarms', 0], message: 'the extended statistic `p99` is not modelled: use Statistic' },
    { name: 'a 45-second period, which CloudWatch refuses', answer: SOLUTION.replace('Period: 60', 'Period: 45'), ruleId: 'aws/InvalidParameterValue', path: ['alarms', 'MetricAlarms', 0], message: 'the period 45 must be 10, 30 or a multiple of 60 seconds' },
  ])('refuses $name with a finding in place', ({ answer, ruleId, path, message }) => {
    const outcome = graded(answer);
    expect(outcome.ok).toBe(false);
    const found = outcome.findings.find((f) => f.ruleId === ruleId);
    expect(found).toMatchObject({ severity: 'error', path, message });
    expect(found?.range?.start.line).toBeGreaterThan(0);
  });

  it('takes a topic by its ARN as well as by its name', () => {
    expect(statuses(SOLUTION.replace('AlarmActions: [ops-pager]', 'AlarmActions: [arn:aws:sns:us-east-1:111122223333:ops-pager]'))['same-alarms']).toBe('pass');
  });
});

describe('alarm-scenario and equivalent-alarms', () => {
  const all = (status: string) => ({ 'heartbeat-stops': status, 'heartbeat-healthy': status, 'cpu-spike': status, 'cpu-gap': status, 'cpu-gap-after-alarm': status, 'same-alarms': status });
  it.each([
    { name: 'the solution', answer: SOLUTION, expected: all('pass') },
    { name: 'DatapointsToAlarm written out as the default (same behaviour)', answer: SOLUTION.replace('EvaluationPeriods: 3\n    Threshold: 1', 'EvaluationPeriods: 3\n    DatapointsToAlarm: 3\n    Threshold: 1'), expected: all('pass') },
    { name: 'the heartbeat on its default treatment', answer: SOLUTION.replace('    TreatMissingData: breaching\n', ''), expected: { ...all('pass'), 'heartbeat-stops': 'fail', 'same-alarms': 'fail' } },
    { name: 'the heartbeat at or below 1, paging a healthy worker', answer: SOLUTION.replace('LessThanThreshold', 'LessThanOrEqualToThreshold'), expected: { ...all('pass'), 'heartbeat-healthy': 'fail', 'same-alarms': 'fail' } },
    { name: 'the CPU dimension dropped: the alarm watches a metric nobody publishes', answer: SOLUTION.replace('    Dimensions: [{ Name: AutoScalingGroupName, Value: web-asg }]\n', ''), expected: { ...all('pass'), 'same-alarms': 'fail' } },
    { name: 'the CPU alarm on Maximum', answer: SOLUTION.replace('Statistic: Average', 'Statistic: Maximum'), expected: { ...all('pass'), 'same-alarms': 'fail' } },
  ])('$name', ({ answer, expected }) => {
    expect(statuses(answer)).toEqual(expected);
  });

  it('explains the scenario by its transitions and the comparison by a series and the minute the alarms part', () => {
    const outcome = graded(SOLUTION.replace('    TreatMissingData: breaching\n', ''));
    const checks = outcome.ok ? outcome.grade.checks : [];
    const stops = checks.find((c) => c.id === 'heartbeat-stops')?.explanation ?? '';
    expect(stops).toContain('one datapoint a minute on `Shop/Orders` `Heartbeat`: 1 1 1 1 1 1 1 1 1 1 - - - - -');
    expect(stops).toContain('INSUFFICIENT_DATA → OK');
    expect(stops).toMatch(/after minute 15 the alarm is INSUFFICIENT_DATA, not ALARM$/m);
    const same = checks.find((c) => c.id === 'same-alarms')?.explanation ?? '';
    expect(same).toMatch(/^\d+ of \d+ series tell your alarms from the reference's/);
    expect(same).toMatch(/`orders-heartbeat` over `[LBEAH-]+` \(one letter per 60-second period.*\): after minute \d+ yours is \w+, the reference's \w+/);
  });
});

describe('cloudwatch-alarm lab references', () => {
  it.each([
    ['an alarm-scenario on an alarm the task does not define', text.replace('      alarm: web-cpu-high\n      minutes: [40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 95', '      alarm: web-cpu\n      minutes: [40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 95'), 'lab/unknown-alarm', 'task `alarms` defines no alarm `web-cpu`: it defines `orders-heartbeat`, `web-cpu-high`'],
    ['a task without its exhaustive comparison', text.replace('    equivalent-alarms:\n      task: alarms\n', '    alarm-scenario:\n      task: alarms\n      alarm: web-cpu-high\n      minutes: [1]\n      expect: OK\n'), 'lab/task-without-exhaustive-check', 'task `alarms` has no `equivalent-alarms` check over the whole universe: probes alone let wrong answers score 100%. Add one (without `requests` or `services`)'],
  ])('refuses %s', (_name, changed, ruleId, message) => {
    expect(changed).not.toBe(text);
    const { lab: loaded, findings } = loadLab(changed);
    expect(loaded).toBeUndefined();
    expect(findings).toContainEqual(expect.objectContaining({ ruleId, message }));
  });
});
