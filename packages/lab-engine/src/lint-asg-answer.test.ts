import { describe, expect, it } from 'vitest';
import { lintAsgAnswer } from './lint-asg-answer.ts';

describe('lintAsgAnswer', () => {
  it.each([
    { name: 'a clean answer', text: 'AutoScalingGroup: { MinSize: 1, MaxSize: 2, LaunchTemplate: { LaunchTemplateName: web } }\n', paths: [] },
    {
      name: 'an alarm asking for more datapoints than it evaluates',
      text: 'MetricAlarms:\n  - { AlarmName: a, MetricName: CPUUtilization, Namespace: AWS/EC2, Statistic: Average, Period: 60, EvaluationPeriods: 2, DatapointsToAlarm: 3, Threshold: 1, ComparisonOperator: GreaterThanThreshold }\n',
      paths: [['MetricAlarms', 0]],
    },
  ])('$name', ({ text, paths }) => {
    expect(lintAsgAnswer(text, 'web-asg').map((f) => f.path.slice(0, 2))).toEqual(paths);
  });
});
