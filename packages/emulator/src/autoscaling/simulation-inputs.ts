import { stepSeries, type StepSeries } from '../cloudwatch/step-series.ts';
import { InvalidInstanceIDNotFound } from '../ec2/errors.ts';
import { ScalingActivityInProgress, ValidationError } from './errors.ts';
import type { PolicyRun } from './simulation-policies.ts';
import type { SimTargets } from './simulation-targets.ts';
import type { SimulationApiCall, SimulationMetricData } from './simulation-types.ts';
import type { AutoScalingGroup, GroupInstance } from './state.ts';

// What a run takes besides the load: API calls at their times (SetDesiredCapacity, SetInstanceHealth,
// TerminateInstanceInAutoScalingGroup, and EC2's StopInstances/TerminateInstances on the group's
// instances), metric datapoints for alarms, and when the instances launched. Each call behaves as the
// action does in AWS, with AWS's errors and activity causes; a call that fails is recorded, not thrown.

/** A time of the input as epoch ms, within the run. */
export function inputTime(t: string | number, start: number, end: number, what: string): number {
  const ms = typeof t === 'number' ? t : Date.parse(t);
  if (Number.isNaN(ms)) throw new ValidationError(`the time \`${String(t)}\` of ${what} is not a date`);
  if (ms < start || ms >= end) throw new ValidationError(`${what} at \`${String(t)}\` is outside the run`);
  return ms;
}

/** Items with times, in time order (input order on a tie). */
export function timed<T extends { Time: string | number }>(items: T[] | undefined, start: number, end: number, what: (item: T) => string): { at: number; item: T }[] {
  return (items ?? []).map((item) => ({ at: inputTime(item.Time, start, end, what(item)), item })).sort((a, b) => a.at - b.at);
}

/** A metric of the input as one value per step of the run. */
export function inputSeries(m: SimulationMetricData, start: number, stepMs: number, steps: number): StepSeries {
  if (!Array.isArray(m.Values) || m.Values.length === 0) throw new ValidationError(`the metric \`${m.Namespace}/${m.MetricName}\` needs \`Values\``);
  const series = stepSeries(start, stepMs, steps);
  const every = (m.StepSeconds ?? stepMs / 1000) * 1000;
  for (let k = 0; k < steps; k++) {
    const v = m.Values[Math.min(Math.floor((k * stepMs) / every), m.Values.length - 1)];
    if (typeof v === 'number') series.values[k] = v;
  }
  return series;
}

/** What a call may change in the run. */
export interface CallRun {
  group: AutoScalingGroup;
  run: PolicyRun;
  targets: SimTargets;
  changeDesired(now: number, desired: number, cause: string): void;
  /** Takes an instance out of service now, with the activity's cause; the group then refills to its desired capacity. */
  terminate(instance: GroupInstance, now: number, cause: string): void;
  /** Instances EC2 stopped or terminated outside Auto Scaling, which its EC2 health check finds. */
  stopped: Map<string, 'stopped' | 'terminated'>;
  /** Why an instance was marked Unhealthy, for the replacement's cause. */
  sickBecause: Map<string, string>;
  causeTime(ms: number): string;
}

function liveInstance(group: AutoScalingGroup, id: string): GroupInstance {
  const instance = group.Instances.find((i) => i.InstanceId === id && (i.LifecycleState === 'InService' || i.LifecycleState === 'Pending'));
  if (!instance) throw new ValidationError(`Instance Id not found - No managed instance found for instance ID: ${id}`);
  return instance;
}

/** Runs one call at `now`; answers what it did, or throws the AwsError AWS would answer. */
export function applyApiCall(r: CallRun, call: SimulationApiCall, now: number): string {
  const group = r.group;
  switch (call.Action) {
    case 'SetDesiredCapacity': {
      const { DesiredCapacity: desired, HonorCooldown } = call.Parameters;
      if (desired < group.MinSize || desired > group.MaxSize) {
        throw new ValidationError(`New SetDesiredCapacity value ${desired} is ${desired < group.MinSize ? `below min value ${group.MinSize}` : `above max value ${group.MaxSize}`} for the AutoScalingGroup.`);
      }
      // HonorCooldown: refused while the group waits out a cooldown (API_SetDesiredCapacity).
      if (HonorCooldown && now < r.run.cooldownUntil) throw new ScalingActivityInProgress(`the group is in its cooldown until ${new Date(r.run.cooldownUntil).toISOString()}`);
      const from = group.DesiredCapacity;
      r.changeDesired(now, desired, `At ${r.causeTime(now)} a user request explicitly set group desired capacity changing the desired capacity from ${from} to ${desired}. `);
      return `desired capacity ${from} → ${desired}`;
    }
    case 'SetInstanceHealth': {
      const { InstanceId, HealthStatus, ShouldRespectGracePeriod } = call.Parameters;
      const instance = liveInstance(group, InstanceId);
      // By default the call respects the group's health check grace period (API_SetInstanceHealth).
      const graceEnds = (instance.InServiceTime ?? instance.LaunchTime) + group.HealthCheckGracePeriod * 1000;
      if (HealthStatus === 'Unhealthy' && ShouldRespectGracePeriod !== false && now < graceEnds) return `ignored: \`${InstanceId}\` is in its health check grace period until ${new Date(graceEnds).toISOString()}`;
      instance.HealthStatus = HealthStatus;
      if (HealthStatus === 'Unhealthy') r.sickBecause.set(InstanceId, 'a user health-check');
      else r.sickBecause.delete(InstanceId);
      return `\`${InstanceId}\` is ${HealthStatus}`;
    }
    case 'TerminateInstanceInAutoScalingGroup': {
      const { InstanceId, ShouldDecrementDesiredCapacity } = call.Parameters;
      const instance = liveInstance(group, InstanceId);
      const from = group.DesiredCapacity;
      if (ShouldDecrementDesiredCapacity && from - 1 < group.MinSize) {
        throw new ValidationError(`Currently, desiredCapacity is ${from} and minSize is ${group.MinSize}. Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.`);
      }
      if (ShouldDecrementDesiredCapacity) group.DesiredCapacity = from - 1;
      r.terminate(instance, now, `At ${r.causeTime(now)} instance ${InstanceId} was taken out of service in response to a user request${ShouldDecrementDesiredCapacity ? `, shrinking the capacity from ${from} to ${from - 1}` : ''}.`);
      return ShouldDecrementDesiredCapacity ? `\`${InstanceId}\` terminated, desired capacity ${from} → ${from - 1}` : `\`${InstanceId}\` terminated; the group launches a replacement`;
    }
    case 'StopInstances':
    case 'TerminateInstances': {
      // EC2 acts outside Auto Scaling: the group's EC2 health check finds the instance not running, marks it
      // Unhealthy and replaces it (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html).
      const state = call.Action === 'StopInstances' ? 'stopped' : 'terminated';
      const ids = call.Parameters.InstanceIds ?? [];
      for (const id of ids) if (!group.Instances.some((i) => i.InstanceId === id && i.LifecycleState !== 'Terminated')) throw new InvalidInstanceIDNotFound(`The instance ID '${id}' does not exist`);
      for (const id of ids) {
        r.stopped.set(id, state);
        const behaviour = r.targets.behaviours.get(id);
        if (behaviour) behaviour.Running = false;
      }
      r.targets.touch();
      return `${ids.map((id) => `\`${id}\``).join(', ')} ${state}`;
    }
  }
}
