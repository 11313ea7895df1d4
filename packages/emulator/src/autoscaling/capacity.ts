import { AwsError } from '../errors.ts';
import { InvalidLaunchTemplateIdNotFound } from '../ec2/errors.ts';
import { resolveLaunchTemplate } from '../ec2/launch-template-operations.ts';
import type { Ec2State, LaunchTemplateData } from '../ec2/state.ts';
import { ValidationError } from './errors.ts';
import type { Activity, AutoScalingAccount, AutoScalingGroup, GroupInstance, LaunchTemplateSpecification } from './state.ts';

// Bringing a group to its desired capacity, and the activity records AWS writes for it
// (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-verify-scaling-activity.html). Instances go
// to the Availability Zone with the fewest instances; terminations follow the termination policies
// (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-termination-policies.html).

/** AWS's time format in activity causes: ISO without milliseconds. */
export function causeTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A source of instance ids, and where the instances also live (EC2), when they do. */
export interface InstanceIds {
  next(prefix: string): string;
  /** Launches the instance in EC2 too; answers why it failed, if it did. */
  launch?(group: AutoScalingGroup, instance: GroupInstance): string | undefined;
  /** Terminates the instance in EC2 too. */
  terminate?(instance: GroupInstance): void;
}

/**
 * The launch data a group's template spec names (`$Latest`, `$Default` or a number; the default when absent),
 * resolved by EC2's own resolver; undefined when the account has no EC2 launch templates or not this one.
 * Auto Scaling reports EC2's other complaints as its own ValidationError (API_CreateAutoScalingGroup).
 */
export function resolveGroupTemplate(account: AutoScalingAccount, spec: LaunchTemplateSpecification): { version: number; data: LaunchTemplateData } | undefined {
  if (!account.ec2) return undefined;
  try {
    // The resolver reads only the account's launch templates, which is all of EC2 an Auto Scaling account must carry.
    return resolveLaunchTemplate(account.ec2 as Ec2State, spec);
  } catch (e) {
    if (e instanceof InvalidLaunchTemplateIdNotFound) return undefined;
    if (e instanceof AwsError) throw new ValidationError(`You must use a valid fully-formed launch template. ${e.message}`);
    throw e;
  }
}

/** What a new instance of the group launches with: instance type, security groups, and the resolved version. */
export function launchData(account: AutoScalingAccount, group: AutoScalingGroup): { InstanceType: string; SecurityGroupIds: string[]; Version: string } {
  const resolved = resolveGroupTemplate(account, group.LaunchTemplate);
  if (!resolved) return { InstanceType: 't3.micro', SecurityGroupIds: [], Version: group.LaunchTemplate.Version ?? '$Default' };
  return { InstanceType: resolved.data.InstanceType ?? 't3.micro', SecurityGroupIds: resolved.data.SecurityGroupIds ?? [], Version: String(resolved.version) };
}

/** Records an activity and answers it. */
export function recordActivity(account: AutoScalingAccount, group: AutoScalingGroup, at: number, description: string, cause: string, idSuffix: string): Activity {
  const activity: Activity = {
    ActivityId: `${idSuffix}`,
    AutoScalingGroupName: group.AutoScalingGroupName,
    Description: description,
    Cause: cause,
    StartTime: new Date(at).toISOString(),
    EndTime: new Date(at).toISOString(),
    StatusCode: 'Successful',
    Progress: 100,
  };
  account.autoscaling.activities.push(activity);
  return activity;
}

function zoneCounts(group: AutoScalingGroup, live: GroupInstance[]): Map<string, number> {
  const counts = new Map(group.AvailabilityZones.map((z) => [z, 0]));
  for (const i of live) counts.set(i.AvailabilityZone, (counts.get(i.AvailabilityZone) ?? 0) + 1);
  return counts;
}

/** The instance to terminate next under the group's termination policies, and why. */
export function selectForTermination(group: AutoScalingGroup, candidates: GroupInstance[], now: number): { Instance: GroupInstance; Reason: string } | undefined {
  let pool = candidates.filter((i) => !i.ProtectedFromScaleIn);
  if (pool.length === 0) return undefined;
  // Every policy first balances the Availability Zones: pick from the zone with the most instances.
  const counts = zoneCounts(group, candidates);
  let most = -Infinity;
  for (const i of pool) most = Math.max(most, counts.get(i.AvailabilityZone) ?? 0);
  pool = pool.filter((i) => (counts.get(i.AvailabilityZone) ?? 0) === most);
  const reasons = [`${pool[0]?.AvailabilityZone} has the most instances`];
  const order = [...group.TerminationPolicies, 'Default'];
  for (const policy of order) {
    if (pool.length === 1) break;
    const by = (score: (i: GroupInstance) => number, why: string) => {
      let best = Infinity;
      for (const i of pool) best = Math.min(best, score(i));
      const next = pool.filter((i) => score(i) === best);
      if (next.length < pool.length) reasons.push(why);
      pool = next;
    };
    if (policy === 'OldestInstance') by((i) => i.LaunchTime, 'OldestInstance: the oldest instance');
    else if (policy === 'NewestInstance') by((i) => -i.LaunchTime, 'NewestInstance: the newest instance');
    else if (policy === 'OldestLaunchTemplate') by((i) => Number(i.LaunchTemplate.Version) || 0, 'OldestLaunchTemplate: the oldest launch template version');
    else if (policy === 'ClosestToNextInstanceHour') by((i) => 3_600_000 - ((now - i.LaunchTime) % 3_600_000), 'ClosestToNextInstanceHour: the closest to its next billing hour');
    else {
      // Default: the oldest launch template version, then the closest to the next billing hour, then at random
      // (here: the first by instance id, so runs are reproducible).
      by((i) => Number(i.LaunchTemplate.Version) || 0, 'Default: the oldest launch template version');
      by((i) => 3_600_000 - ((now - i.LaunchTime) % 3_600_000), 'Default: the closest to the next billing hour');
      pool = [pool.reduce((first, i) => (i.InstanceId < first.InstanceId ? i : first))];
    }
  }
  const chosen = pool[0] as GroupInstance;
  return { Instance: chosen, Reason: reasons.join('; ') };
}

/** A Pending instance of the group in `zone` (and its subnet, in a VPC), not yet launched or added to the group. */
export function newInstance(group: AutoScalingGroup, data: ReturnType<typeof launchData>, zone: string, subnet: string | undefined, ids: InstanceIds, now: number): GroupInstance {
  return {
    InstanceId: ids.next('i-'),
    InstanceType: data.InstanceType,
    AvailabilityZone: zone,
    ...(subnet ? { SubnetId: subnet } : {}),
    LifecycleState: 'Pending',
    HealthStatus: 'Healthy',
    LaunchTemplate: { ...group.LaunchTemplate, Version: data.Version },
    ProtectedFromScaleIn: group.NewInstancesProtectedFromScaleIn,
    LaunchTime: now,
  };
}

/** What reconciling did: the instances launched and terminated. */
export interface Reconciliation {
  Launched: GroupInstance[];
  Terminated: { Instance: GroupInstance; Reason: string }[];
  Activities: Activity[];
}

/**
 * Launches or terminates instances until the group's live instances (Pending or InService) match the
 * desired capacity, writing AWS's activity wording. `subnets` maps each Availability Zone to a subnet;
 * `causePrefix` is what changed the desired capacity, which AWS puts before the launch or termination.
 */
export function reconcileCapacity(account: AutoScalingAccount, group: AutoScalingGroup, now: number, ids: InstanceIds, subnets: Map<string, string> = new Map(), causePrefix = ''): Reconciliation {
  const out: Reconciliation = { Launched: [], Terminated: [], Activities: [] };
  const live = () => group.Instances.filter((i) => i.LifecycleState === 'Pending' || i.LifecycleState === 'InService');
  let current = live().length;
  if (current < group.DesiredCapacity) {
    const data = launchData(account, group);
    const from = current;
    // Each launch goes to the zone with the fewest live instances (the first by name on a tie).
    const counts = zoneCounts(group, live());
    while (current < group.DesiredCapacity) {
      let zone: string | undefined;
      for (const [z, n] of counts) if (zone === undefined || n < (counts.get(zone) as number) || (n === counts.get(zone) && z < zone)) zone = z;
      zone ??= 'us-east-1a';
      counts.set(zone, (counts.get(zone) ?? 0) + 1);
      const instance = newInstance(group, data, zone, subnets.get(zone), ids, now);
      const failure = ids.launch?.(group, instance);
      if (failure !== undefined) {
        // A failed launch is an activity of its own, and the group stays below its desired capacity (as-verify-scaling-activity.html).
        const failed = recordActivity(account, group, now, `Launching a new EC2 instance.  Status Reason: ${failure}. Launching EC2 instance failed.`, `${causePrefix}At ${causeTime(now)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${from} to ${group.DesiredCapacity}.`, `${instance.InstanceId}-launch`);
        failed.StatusCode = 'Failed';
        failed.StatusMessage = failure;
        out.Activities.push(failed);
        break;
      }
      group.Instances.push(instance);
      current++;
      out.Launched.push(instance);
      out.Activities.push(
        recordActivity(account, group, now, `Launching a new EC2 instance: ${instance.InstanceId}`, `${causePrefix}At ${causeTime(now)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${from} to ${group.DesiredCapacity}.`, `${instance.InstanceId}-launch`),
      );
    }
  } else if (current > group.DesiredCapacity) {
    const from = current;
    while (current > group.DesiredCapacity) {
      const pick = selectForTermination(group, live(), now);
      if (!pick) break;
      pick.Instance.LifecycleState = 'Terminated';
      ids.terminate?.(pick.Instance);
      current--;
      out.Terminated.push(pick);
      out.Activities.push(
        recordActivity(
          account,
          group,
          now,
          `Terminating EC2 instance: ${pick.Instance.InstanceId}`,
          `${causePrefix}At ${causeTime(now)} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${from} to ${group.DesiredCapacity}. At ${causeTime(now)} instance ${pick.Instance.InstanceId} was selected for termination (${pick.Reason}).`,
          `${pick.Instance.InstanceId}-terminate`,
        ),
      );
    }
  }
  // A new list whenever the instances changed, and only then: callers keep views of the list while it is the same.
  if (out.Launched.length > 0 || group.Instances.some((i) => i.LifecycleState === 'Terminated')) group.Instances = group.Instances.filter((i) => i.LifecycleState !== 'Terminated');
  return out;
}
