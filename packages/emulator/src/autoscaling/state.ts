import type { LaunchTemplate } from '../ec2/state.ts';
import type { CloudWatchState } from '../cloudwatch/state.ts';
import type { Elbv2State } from '../elbv2/state.ts';
import { records } from '../records.ts';

// EC2 Auto Scaling state in the shapes of the Auto Scaling API
// (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_Types.html).

/** The launch template a group launches from; `Version` is a number, `$Latest` or `$Default`. */
export interface LaunchTemplateSpecification {
  LaunchTemplateId?: string;
  LaunchTemplateName?: string;
  Version?: string;
}

/** An instance of a group as `DescribeAutoScalingGroups` shows it, plus when it launched and became InService. */
export interface GroupInstance {
  InstanceId: string;
  InstanceType: string;
  AvailabilityZone: string;
  SubnetId?: string;
  LifecycleState: 'Pending' | 'InService' | 'Terminating' | 'Terminated';
  HealthStatus: 'Healthy' | 'Unhealthy';
  LaunchTemplate: LaunchTemplateSpecification & { Version: string };
  ProtectedFromScaleIn: boolean;
  /** Epoch ms. */
  LaunchTime: number;
  /** Epoch ms at which it entered InService. */
  InServiceTime?: number;
}

/** The termination policies the emulator models. */
export type TerminationPolicy = 'Default' | 'OldestInstance' | 'NewestInstance' | 'OldestLaunchTemplate' | 'ClosestToNextInstanceHour';

/** An Auto Scaling group. */
export interface AutoScalingGroup {
  AutoScalingGroupName: string;
  AutoScalingGroupARN: string;
  LaunchTemplate: LaunchTemplateSpecification;
  MinSize: number;
  MaxSize: number;
  DesiredCapacity: number;
  DefaultCooldown: number;
  DefaultInstanceWarmup?: number;
  AvailabilityZones: string[];
  VPCZoneIdentifier?: string;
  TargetGroupARNs: string[];
  HealthCheckType: 'EC2' | 'ELB';
  HealthCheckGracePeriod: number;
  TerminationPolicies: TerminationPolicy[];
  NewInstancesProtectedFromScaleIn: boolean;
  Instances: GroupInstance[];
  CreatedTime: string;
}

/** A step adjustment: bounds are relative to the alarm threshold. */
export interface StepAdjustment {
  MetricIntervalLowerBound?: number;
  MetricIntervalUpperBound?: number;
  ScalingAdjustment: number;
}

/** The predefined metrics of target tracking for EC2 Auto Scaling. */
export type PredefinedMetricType = 'ASGAverageCPUUtilization' | 'ASGAverageNetworkIn' | 'ASGAverageNetworkOut' | 'ALBRequestCountPerTarget';

/** A target tracking configuration. */
export interface TargetTrackingConfiguration {
  PredefinedMetricSpecification?: { PredefinedMetricType: PredefinedMetricType; ResourceLabel?: string };
  CustomizedMetricSpecification?: { MetricName: string; Namespace: string; Dimensions?: { Name: string; Value: string }[]; Statistic: string };
  TargetValue: number;
  DisableScaleIn?: boolean;
}

/** A scaling policy as `DescribePolicies` returns it. */
export interface ScalingPolicy {
  AutoScalingGroupName: string;
  PolicyName: string;
  PolicyARN: string;
  PolicyType: 'SimpleScaling' | 'StepScaling' | 'TargetTrackingScaling';
  AdjustmentType?: 'ChangeInCapacity' | 'ExactCapacity' | 'PercentChangeInCapacity';
  MinAdjustmentMagnitude?: number;
  ScalingAdjustment?: number;
  Cooldown?: number;
  StepAdjustments?: StepAdjustment[];
  MetricAggregationType?: 'Average' | 'Minimum' | 'Maximum';
  EstimatedInstanceWarmup?: number;
  TargetTrackingConfiguration?: TargetTrackingConfiguration;
  Alarms: { AlarmName: string; AlarmARN: string }[];
  Enabled: boolean;
}

/** A scheduled action (one-off with `StartTime`, or recurring with a cron `Recurrence` in `TimeZone`). */
export interface ScheduledUpdateGroupAction {
  AutoScalingGroupName: string;
  ScheduledActionName: string;
  ScheduledActionARN: string;
  StartTime?: string;
  EndTime?: string;
  Recurrence?: string;
  TimeZone?: string;
  MinSize?: number;
  MaxSize?: number;
  DesiredCapacity?: number;
}

/** A scaling activity as `DescribeScalingActivities` returns it. */
export interface Activity {
  ActivityId: string;
  AutoScalingGroupName: string;
  Description: string;
  Cause: string;
  StartTime: string;
  EndTime?: string;
  StatusCode: 'Successful' | 'InProgress' | 'Failed' | 'Cancelled';
  StatusMessage?: string;
  Progress: number;
}

/** The Auto Scaling part of an account. */
export interface AutoScalingState {
  /** Groups by name. */
  groups: Record<string, AutoScalingGroup>;
  /** Policies by ARN. */
  policies: Record<string, ScalingPolicy>;
  /** Scheduled actions by `<group>/<name>`. */
  scheduledActions: Record<string, ScheduledUpdateGroupAction>;
  /** Activities, newest last. */
  activities: Activity[];
}

/** Auto Scaling with nothing in it. */
export function emptyAutoScalingState(): AutoScalingState {
  return { groups: records(), policies: records(), scheduledActions: records(), activities: [] };
}

/**
 * What Auto Scaling needs of an account: its own part and CloudWatch (target tracking creates alarms);
 * EC2's launch templates and ELBv2's target groups when the group uses them (AccountState satisfies it).
 */
export interface AutoScalingAccount {
  autoscaling: AutoScalingState;
  cloudwatch: CloudWatchState;
  ec2?: { launchTemplates: Record<string, LaunchTemplate> };
  elbv2?: Elbv2State;
}
