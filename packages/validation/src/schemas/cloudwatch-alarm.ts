import { z } from 'zod';
import { int, list, oneOf, str } from './common.ts';

// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html

const actions = (what: string) => list(z.string().min(1).max(1024).describe('An action ARN (SNS topic, Auto Scaling policy, EC2 action)'), `${what} actions`, 5);

/** A CloudWatch metric alarm as `PutMetricAlarm` takes it. */
export const cloudwatchAlarmSchema = z
  .strictObject({
    AlarmName: str('`AlarmName`', 255).describe('The alarm name (unique in the account and Region)'),
    AlarmDescription: str('`AlarmDescription`', 1024, 0).optional().describe('A description (up to 1024 characters)'),
    ActionsEnabled: z.boolean().optional().describe('Whether state changes run the actions'),
    OKActions: actions('OK').optional().describe('Actions on entering `OK` (at most 5)'),
    AlarmActions: actions('alarm').optional().describe('Actions on entering `ALARM` (at most 5)'),
    InsufficientDataActions: actions('insufficient-data').optional().describe('Actions on entering `INSUFFICIENT_DATA` (at most 5)'),
    MetricName: str('`MetricName`', 255).optional().describe('The metric, such as `CPUUtilization`'),
    Namespace: str('`Namespace`', 255).optional().describe('The namespace, such as `AWS/EC2`'),
    Statistic: oneOf(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'], '`Statistic`').optional().describe('The statistic to compare'),
    ExtendedStatistic: z.string().optional().describe('A percentile such as `p99`'),
    Dimensions: list(z.strictObject({ Name: str('a dimension name', 255).describe('Dimension name'), Value: str('a dimension value', 1024).describe('Dimension value') }).describe('A dimension'), 'dimensions', 30)
      .optional()
      .describe('The metric dimensions (at most 30)'),
    Period: int(1, 604800, '`Period`').optional().describe('Seconds per data point: 10, 20, 30 or a multiple of 60'),
    Unit: z.string().optional().describe('The metric unit'),
    EvaluationPeriods: int(1, 100000, '`EvaluationPeriods`').describe('How many recent periods are evaluated'),
    DatapointsToAlarm: int(1, 100000, '`DatapointsToAlarm`').optional().describe('How many of them must breach (M of N)'),
    Threshold: z.number().optional().describe('The value to compare with'),
    ComparisonOperator: oneOf(
      ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold', 'LessThanLowerOrGreaterThanUpperThreshold', 'LessThanLowerThreshold', 'GreaterThanUpperThreshold'],
      '`ComparisonOperator`',
    ).describe('How the statistic is compared with the threshold'),
    TreatMissingData: oneOf(['breaching', 'notBreaching', 'ignore', 'missing'], '`TreatMissingData`').optional().describe('How missing data points count'),
    EvaluateLowSampleCountPercentile: oneOf(['evaluate', 'ignore'], '`EvaluateLowSampleCountPercentile`').optional().describe('Percentiles with few samples'),
    Metrics: list(z.looseObject({}), 'metric queries', 20).optional().describe('Metric math queries instead of one metric'),
    ThresholdMetricId: z.string().optional().describe('An anomaly detection band'),
    Tags: list(z.strictObject({ Key: str('a tag key', 128).describe('The tag key'), Value: str('a tag value', 256, 0).describe('The tag value') }).describe('A tag'), 'tags', 50)
      .optional()
      .describe('Tags'),
  })
  .describe('A CloudWatch metric alarm');
