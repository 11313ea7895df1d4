import { causeTime, launchData, newInstance, recordActivity, selectForTermination, type InstanceIds, type Reconciliation } from './capacity.ts';
import type { AutoScalingAccount, AutoScalingGroup, GroupInstance } from './state.ts';

// Availability Zone rebalancing (https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-benefits.html,
// "Rebalancing activities"): when the group's zones change, instances outside them are replaced and the
// zones are evened out. Auto Scaling launches a new instance before it terminates an old one, so the group
// may exceed its maximum by 10% (at least one instance) while it rebalances. The page does not give the
// activity wording; ours says what happened in AWS's style.

const live = (group: AutoScalingGroup) => group.Instances.filter((i) => i.LifecycleState === 'Pending' || i.LifecycleState === 'InService');

/** How far over MaxSize a rebalancing may take the group: 10% of it, and at least one instance. */
export function rebalanceMargin(maxSize: number): number {
  return Math.max(1, Math.floor(maxSize / 10));
}

/** Live instances per zone of the group (zones without instances count 0). */
function counts(group: AutoScalingGroup, instances: GroupInstance[]): Map<string, number> {
  const byZone = new Map(group.AvailabilityZones.map((z) => [z, 0]));
  for (const i of instances) if (byZone.has(i.AvailabilityZone)) byZone.set(i.AvailabilityZone, (byZone.get(i.AvailabilityZone) as number) + 1);
  return byZone;
}

/** The instance to move next, when the group is out of balance: one outside the group's zones, or one of the fullest zone while it holds two more than the emptiest. */
function surplus(group: AutoScalingGroup, instances: GroupInstance[], now: number): { Instance: GroupInstance; Reason: string } | undefined {
  const outside = instances.filter((i) => !group.AvailabilityZones.includes(i.AvailabilityZone) && !i.ProtectedFromScaleIn);
  if (outside.length > 0) return { Instance: outside[0] as GroupInstance, Reason: `${outside[0]?.AvailabilityZone} is no longer one of the group's Availability Zones` };
  const byZone = counts(group, instances);
  const sizes = [...byZone.values()];
  if (sizes.length < 2 || Math.max(...sizes) - Math.min(...sizes) <= 1) return undefined;
  return selectForTermination(group, instances, now);
}

/**
 * Moves instances until every one is in a zone of the group and the zones differ by at most one: each move
 * launches an instance in the emptiest zone, then terminates one from the fullest (by the termination
 * policies). A move that would pass MaxSize plus the margin, or find nothing it may terminate, stops it.
 */
export function rebalanceZones(account: AutoScalingAccount, group: AutoScalingGroup, now: number, ids: InstanceIds, subnets: Map<string, string>): Reconciliation {
  const out: Reconciliation = { Launched: [], Terminated: [], Activities: [] };
  const data = launchData(account, group);
  const at = causeTime(now);
  for (let pick = surplus(group, live(group), now); pick; pick = surplus(group, live(group), now)) {
    const instances = live(group);
    if (instances.length + 1 > group.MaxSize + rebalanceMargin(group.MaxSize)) break;
    const zone = [...counts(group, instances)].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (zone === undefined || zone === pick.Instance.AvailabilityZone) break;
    const launched = newInstance(group, data, zone, subnets.get(zone), ids, now);
    if (ids.launch?.(group, launched) !== undefined) break;
    group.Instances.push(launched);
    out.Launched.push(launched);
    out.Activities.push(recordActivity(account, group, now, `Launching a new EC2 instance: ${launched.InstanceId}`, `At ${at} an instance was started to rebalance the group's instances across its Availability Zones, launching in ${zone} before terminating in ${pick.Instance.AvailabilityZone}.`, `${launched.InstanceId}-launch`));
    pick.Instance.LifecycleState = 'Terminated';
    ids.terminate?.(pick.Instance);
    out.Terminated.push(pick);
    out.Activities.push(
      recordActivity(account, group, now, `Terminating EC2 instance: ${pick.Instance.InstanceId}`, `At ${at} an instance was taken out of service to rebalance the group's instances across its Availability Zones. At ${at} instance ${pick.Instance.InstanceId} was selected for termination (${pick.Reason}).`, `${pick.Instance.InstanceId}-rebalance`),
    );
  }
  group.Instances = group.Instances.filter((i) => i.LifecycleState !== 'Terminated');
  return out;
}
