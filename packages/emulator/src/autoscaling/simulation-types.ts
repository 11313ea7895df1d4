import type { NetworkView } from '../elbv2/network.ts';
import type { Activity } from './state.ts';

// The inputs and outputs of the Auto Scaling simulation (`simulate.ts`), in AWS's field names where AWS has them.

/** The load: requests per second reaching the group, or the group's CPU utilisation directly; one value per `StepSeconds` (the step when absent), the last value holding. */
export type SimulationLoad = ({ RequestsPerSecond: number[] } | { CPUUtilization: number[] }) & { StepSeconds?: number };

/** How much one instance of a type serves: requests per second at 100% CPU, and its CPU when idle. */
export interface InstanceProfile {
  RequestsPerSecondAtFullCpu: number;
  IdleCpuPercent: number;
}

/** Capacity assumptions per instance type, scaled by vCPUs (a lab may give its own). */
export const DEFAULT_INSTANCE_PROFILES: Record<string, InstanceProfile> = {
  't2.micro': { RequestsPerSecondAtFullCpu: 25, IdleCpuPercent: 3 },
  't3.micro': { RequestsPerSecondAtFullCpu: 50, IdleCpuPercent: 3 },
  't3.small': { RequestsPerSecondAtFullCpu: 50, IdleCpuPercent: 3 },
  't3.medium': { RequestsPerSecondAtFullCpu: 50, IdleCpuPercent: 3 },
  't3.large': { RequestsPerSecondAtFullCpu: 50, IdleCpuPercent: 3 },
  'm5.large': { RequestsPerSecondAtFullCpu: 100, IdleCpuPercent: 2 },
  'm5.xlarge': { RequestsPerSecondAtFullCpu: 200, IdleCpuPercent: 2 },
  'c5.large': { RequestsPerSecondAtFullCpu: 120, IdleCpuPercent: 2 },
};

/** An API call made during the run at `Time` (ISO or epoch ms), with the action's own parameters; the group is the run's. */
export type SimulationApiCall = { Time: string | number } & (
  | { Action: 'SetDesiredCapacity'; Parameters: { DesiredCapacity: number; HonorCooldown?: boolean } }
  | { Action: 'SetInstanceHealth'; Parameters: { InstanceId: string; HealthStatus: 'Healthy' | 'Unhealthy'; ShouldRespectGracePeriod?: boolean } }
  | { Action: 'TerminateInstanceInAutoScalingGroup'; Parameters: { InstanceId: string; ShouldDecrementDesiredCapacity: boolean } }
  | { Action: 'StopInstances' | 'TerminateInstances'; Parameters: { InstanceIds: string[] } }
);

/** Datapoints of one metric for the alarms, one value per `StepSeconds` (the run's step when absent) from the start, `null` for none, the last holding. */
export interface SimulationMetricData {
  Namespace: string;
  MetricName: string;
  Dimensions?: { Name: string; Value: string }[];
  Values: (number | null)[];
  StepSeconds?: number;
}

/** From `Time` on, the instance's application answers the load balancer's health checks with this HTTP status. */
export interface HealthCheckResponse {
  Time: string | number;
  InstanceId: string;
  ResponseCode: number;
}

/** The options of a run. */
export interface SimulationOptions {
  /** Start time (ISO or epoch ms), on a whole minute. */
  start: string | number;
  /** Length of the run in seconds. */
  duration: number;
  /** Resolution in seconds (60 when absent); every alarm period must be a multiple of it. */
  step?: number;
  load: SimulationLoad;
  /** The group to run; the account's only group when absent. */
  AutoScalingGroupName?: string;
  /** Seconds from launch until an instance is InService (60 when absent). */
  launchSeconds?: number;
  /** Seconds from launch until the application answers health checks and serves (120 when absent). */
  bootSeconds?: number;
  /** Per instance type capacity; `DEFAULT_INSTANCE_PROFILES` when absent. */
  instanceProfiles?: Record<string, InstanceProfile>;
  /** The network health checks cross; the account's EC2 when absent and the account has one. */
  network?: NetworkView;
  /** Bytes per request in and out, for the NetworkIn/NetworkOut metrics (2 KB / 20 KB when absent). */
  bytesPerRequest?: { In: number; Out: number };
  /** API calls made during the run, applied at the first step at or after their time. */
  ApiCalls?: SimulationApiCall[];
  /** Metrics given as input: alarms on them read these values; one the run publishes itself is replaced by the input. */
  MetricData?: SimulationMetricData[];
  /** When the group's instances launched (ISO or epoch ms, by instance id): one launched less than `launchSeconds` before the start is still Pending, less than `bootSeconds` still booting, and warm-up counts from it. */
  InstanceLaunchTimes?: Record<string, string | number>;
  /** What instances answer the load balancer's health checks from a time on (a crashed application, a recovery). */
  HealthCheckResponses?: HealthCheckResponse[];
}

/** The state of the group after one step. */
export interface TimelinePoint {
  Time: string;
  MinSize: number;
  MaxSize: number;
  DesiredCapacity: number;
  InService: number;
  Pending: number;
  HealthyTargets?: number;
  RequestsPerSecond?: number;
  ServedRequestsPerSecond?: number;
  /** The group's average CPU over InService instances; absent with none in service. */
  CPUUtilization?: number;
}

/** Something that happened, with its cause. */
export interface TimelineEvent {
  Time: string;
  Type: 'AlarmStateChange' | 'ScalingActivity' | 'ScalingDecision' | 'TargetHealthChange' | 'InstanceLifecycle' | 'ScheduledAction' | 'ApiCall';
  Description: string;
  Cause?: string;
  AlarmName?: string;
  PolicyName?: string;
  InstanceId?: string;
  From?: string;
  To?: string;
}

/** The outcome of a run. */
export interface SimulationResult {
  AutoScalingGroupName: string;
  Timeline: TimelinePoint[];
  Events: TimelineEvent[];
  Activities: Activity[];
  Summary: {
    Steps: number;
    MinInService: number;
    MaxInService: number;
    MaxDesiredCapacity: number;
    Launches: number;
    Terminations: number;
    HealthCheckReplacements: number;
    /** Share of the offered requests that reached a ready instance. */
    ServedRequestRatio?: number;
  };
  /** What the run assumed (capacity profiles, an open network …), so a grade never hides it. */
  Assumptions: string[];
  /** What the group uses that the run does not model. */
  Unsupported: string[];
}
