import { z } from 'zod';
import { int, list, oneOf, str } from './common.ts';

// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html
// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScalingPolicy.html
// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScheduledUpdateGroupAction.html

const groupName = str('`AutoScalingGroupName`', 255).describe('The Auto Scaling group name (up to 255 characters)');
const capacity = (what: string) => int(0, 1_000_000, what);

/** An Auto Scaling group as `CreateAutoScalingGroup` takes it. */
export const autoScalingGroupSchema = z
  .strictObject({
    AutoScalingGroupName: groupName,
    LaunchTemplate: z
      .strictObject({
        LaunchTemplateId: z.string().optional().describe('The template id'),
        LaunchTemplateName: z.string().optional().describe('The template name'),
        Version: z.string().optional().describe('A version number, `$Latest` or `$Default`'),
      })
      .optional()
      .describe('The launch template instances start from'),
    MixedInstancesPolicy: z.looseObject({}).optional().describe('Several instance types and purchase options'),
    LaunchConfigurationName: z.string().optional().describe('A (legacy) launch configuration'),
    MinSize: capacity('`MinSize`').describe('The fewest instances the group keeps'),
    MaxSize: capacity('`MaxSize`').describe('The most instances the group may run'),
    DesiredCapacity: capacity('`DesiredCapacity`').optional().describe('The instances the group aims for, between `MinSize` and `MaxSize`'),
    DefaultCooldown: int(0, 86400, '`DefaultCooldown`').optional().describe('Seconds after a simple scaling activity before another may start (default 300)'),
    AvailabilityZones: list(z.string(), 'Availability Zones', 100).optional().describe('Availability Zones (EC2-Classic style; prefer `VPCZoneIdentifier`)'),
    VPCZoneIdentifier: z.string().max(5000).optional().describe('Comma-separated subnet ids, ideally one per Availability Zone'),
    TargetGroupARNs: list(z.string(), 'target groups', 50).optional().describe('Target groups to register instances with'),
    LoadBalancerNames: list(z.string(), 'Classic Load Balancers', 50).optional().describe('Classic Load Balancers'),
    HealthCheckType: oneOf(['EC2', 'ELB', 'VPC_LATTICE', 'EBS'], '`HealthCheckType`').optional().describe('Which health checks replace instances (`EC2` always applies)'),
    HealthCheckGracePeriod: int(0, 7200, '`HealthCheckGracePeriod`').optional().describe('Seconds a new instance has before health checks count (default 0)'),
    DefaultInstanceWarmup: int(-1, 3600, '`DefaultInstanceWarmup`').optional().describe('Seconds until a new instance contributes to metrics'),
    TerminationPolicies: list(z.string(), 'termination policies', 10).optional().describe('Which instances scale-in removes first'),
    NewInstancesProtectedFromScaleIn: z.boolean().optional().describe('Protect new instances from scale-in'),
    CapacityRebalance: z.boolean().optional().describe('Replace Spot instances at elevated risk'),
    MaxInstanceLifetime: z
      .number()
      .int()
      .refine((v) => v === 0 || (v >= 86400 && v <= 31536000), { error: '`MaxInstanceLifetime` must be 0 or between 86400 (1 day) and 31536000 (365 days)' })
      .optional()
      .describe('Seconds an instance may live (0, or 1-365 days)'),
    Tags: list(
      z
        .strictObject({
          Key: str('a tag key', 128).describe('The tag key'),
          Value: str('a tag value', 256, 0).optional().describe('The tag value'),
          PropagateAtLaunch: z.boolean().optional().describe('Copy the tag to launched instances'),
          ResourceId: z.string().optional().describe('The group name'),
          ResourceType: z.literal('auto-scaling-group').optional().describe('Always `auto-scaling-group`'),
        })
        .describe('A tag'),
      'tags',
      50,
    )
      .optional()
      .describe('Tags'),
  })
  .describe('An Auto Scaling group');

const stepAdjustment = z
  .strictObject({
    MetricIntervalLowerBound: z.number().optional().describe('Lower bound of the breach (difference from the alarm threshold), inclusive; absent means minus infinity'),
    MetricIntervalUpperBound: z.number().optional().describe('Upper bound of the breach, exclusive; absent means infinity'),
    ScalingAdjustment: z.number().int().describe('How much to scale when the breach falls in this interval'),
  })
  .describe('One step of a step scaling policy');

/** A scaling policy as `PutScalingPolicy` takes it. */
export const scalingPolicySchema = z
  .strictObject({
    AutoScalingGroupName: groupName.optional(),
    PolicyName: str('`PolicyName`', 255).describe('The policy name'),
    PolicyType: oneOf(['SimpleScaling', 'StepScaling', 'TargetTrackingScaling', 'PredictiveScaling'], '`PolicyType`').optional().describe('The kind of policy (default `SimpleScaling`)'),
    AdjustmentType: oneOf(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'], '`AdjustmentType`').optional().describe('How `ScalingAdjustment` is read'),
    MinAdjustmentMagnitude: int(1, 1_000_000, '`MinAdjustmentMagnitude`').optional().describe('The least change for `PercentChangeInCapacity`'),
    ScalingAdjustment: z.number().int().optional().describe('The change for a simple scaling policy (negative scales in)'),
    Cooldown: int(0, 86400, '`Cooldown`').optional().describe('Seconds before another simple scaling activity (defaults to the group’s `DefaultCooldown`)'),
    MetricAggregationType: oneOf(['Minimum', 'Maximum', 'Average'], '`MetricAggregationType`').optional().describe('How the metric is aggregated (step scaling)'),
    StepAdjustments: list(stepAdjustment, 'step adjustments', 20).optional().describe('The steps, with non-overlapping intervals and no gaps'),
    EstimatedInstanceWarmup: int(0, 86400, '`EstimatedInstanceWarmup`').optional().describe('Seconds until a new instance contributes to the metric'),
    TargetTrackingConfiguration: z
      .strictObject({
        PredefinedMetricSpecification: z
          .strictObject({
            PredefinedMetricType: oneOf(['ASGAverageCPUUtilization', 'ASGAverageNetworkIn', 'ASGAverageNetworkOut', 'ALBRequestCountPerTarget'], '`PredefinedMetricType`').describe('The metric to track'),
            ResourceLabel: str('`ResourceLabel`', 1023).optional().describe('For `ALBRequestCountPerTarget`: `app/<lb>/<id>/targetgroup/<tg>/<id>`'),
          })
          .optional()
          .describe('A predefined metric'),
        CustomizedMetricSpecification: z.looseObject({}).optional().describe('A CloudWatch metric of your own'),
        TargetValue: z.number({ error: '`TargetValue` must be a number' }).describe('The value to keep the metric at'),
        DisableScaleIn: z.boolean().optional().describe('Only ever scale out'),
      })
      .optional()
      .describe('Target tracking: keep a metric at a value'),
    PredictiveScalingConfiguration: z.looseObject({}).optional().describe('Predictive scaling'),
    Enabled: z.boolean().optional().describe('Whether the policy runs'),
  })
  .describe('A scaling policy');

/** A scheduled action as `PutScheduledUpdateGroupAction` takes it. */
export const scheduledActionSchema = z
  .strictObject({
    AutoScalingGroupName: groupName.optional(),
    ScheduledActionName: str('`ScheduledActionName`', 255).describe('The action name'),
    Time: z.string().optional().describe('Deprecated: use `StartTime`'),
    StartTime: z.iso.datetime({ error: '`StartTime` must be an ISO 8601 UTC time such as `2026-06-01T08:00:00Z`', offset: true }).optional().describe('When the action first runs (ISO 8601, UTC)'),
    EndTime: z.iso.datetime({ error: '`EndTime` must be an ISO 8601 UTC time such as `2026-06-30T08:00:00Z`', offset: true }).optional().describe('When a recurring action stops'),
    Recurrence: str('`Recurrence`', 255).optional().describe('A cron expression of five fields (minute hour day-of-month month day-of-week)'),
    MinSize: capacity('`MinSize`').optional().describe('The new minimum'),
    MaxSize: capacity('`MaxSize`').optional().describe('The new maximum'),
    DesiredCapacity: capacity('`DesiredCapacity`').optional().describe('The new desired capacity'),
    TimeZone: str('`TimeZone`', 255).optional().describe('An IANA time zone for `Recurrence` (default UTC)'),
  })
  .describe('A scheduled scaling action');
