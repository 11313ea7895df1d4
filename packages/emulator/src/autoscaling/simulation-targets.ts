import type { NetworkView, Reachability } from '../elbv2/network.ts';
import type { Elbv2State, LoadBalancer, RegisteredTarget, TargetGroup } from '../elbv2/state.ts';
import { advanceTargetHealth, type TargetBehaviour, type TargetHealthChange } from '../elbv2/target-health.ts';
import type { GroupInstance } from './state.ts';
import { getRecord } from '../records.ts';

// A simulated group's instances as load balancer targets: registration when they enter InService,
// draining when they leave (https://docs.aws.amazon.com/autoscaling/ec2/userguide/attach-load-balancer-asg.html),
// and the health checks that decide where requests go.

/** An instance of the run with what each step reads of it, kept side by side so a step does no lookups. */
export interface SimInstance {
  i: GroupInstance;
  b: TargetBehaviour;
  /** Its registrations with the group's target groups. */
  t: RegisteredTarget[];
}

/** The targets of one run. */
export interface SimTargets {
  targetGroups: TargetGroup[];
  behaviours: Map<string, TargetBehaviour>;
  /** Changes whenever a registration or a target's health may have changed. */
  readonly version: number;
  /** Targets the load balancer now reports unhealthy, kept from the health changes so a step need not scan. */
  unhealthy: Set<string>;
  /** The instances of the group with their behaviour and registrations, rebuilt only when the instance list changes. */
  sims(instances: GroupInstance[]): SimInstance[];
  register(tg: TargetGroup, id: string, at: number, state: 'initial' | 'healthy' | 'unused'): void;
  /** Takes a registration the account already has as the instance's. */
  adopt(target: RegisteredTarget, id: string): void;
  /** Marks an instance stopped and drains its registrations for the deregistration delay. */
  deregister(instanceId: string, now: number): void;
  /** A behaviour for a newly launched (or already running) instance whose application answers from `readyAt`. */
  behaviourFor(i: GroupInstance, readyAt: number, securityGroupIds: string[]): TargetBehaviour;
  /** Says a target's behaviour changed (its application's answer), so the next health checks are run, not skipped as settled. */
  touch(): void;
  /** Runs the health checks due up to `now`, answering the changes of the group's target groups. */
  advance(elbv2: Elbv2State, now: number): TargetHealthChange[];
}

function registered(tg: TargetGroup, id: string, at: number, state: 'initial' | 'healthy' | 'unused'): RegisteredTarget {
  const health =
    state === 'healthy'
      ? { State: 'healthy' as const }
      : state === 'unused'
        ? { State: 'unused' as const, Reason: 'Target.NotInUse', Description: 'Target group is not configured to receive traffic from the load balancer' }
        : { State: 'initial' as const, Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' };
  return { Target: { Id: id, Port: tg.Port }, HealthCheckPort: tg.HealthCheckPort === 'traffic-port' ? String(tg.Port) : tg.HealthCheckPort, TargetHealth: health, RegisteredAt: at, ConsecutiveSuccesses: 0, ConsecutiveFailures: 0 };
}

/**
 * Whether a target's future health checks can only confirm its state: healthy, its last check a success
 * after its application answers. Its behaviour and network do not change while it is registered, so every
 * later probe succeeds and only moves counters, which `advanceTargetHealth` applies in bulk whenever it runs.
 */
function settled(target: RegisteredTarget, behaviour: TargetBehaviour | undefined): boolean {
  const last = target.LastHealthCheckAt;
  if (!behaviour || behaviour.Running === false || last === undefined) return false;
  return target.TargetHealth.State === 'healthy' && target.ConsecutiveFailures === 0 && (behaviour.ReadyAt === undefined || last >= behaviour.ReadyAt);
}

/** The targets of a run over the group's target groups; `network` answers reachability from the load balancer. */
export function simTargets(elbv2: Elbv2State | undefined, targetGroupArns: string[], network: NetworkView | undefined): SimTargets {
  const targetGroups = targetGroupArns.map((arn) => (elbv2 ? getRecord(elbv2.targetGroups, arn) : undefined)).filter((g): g is TargetGroup => g !== undefined);
  const behaviours = new Map<string, TargetBehaviour>();
  const unhealthy = new Set<string>();
  const targetsOf = new Map<string, RegisteredTarget[]>();
  const none: TargetBehaviour = { Running: false };
  const env = { network, behaviour: (id: string) => behaviours.get(id) ?? none };
  let sims: SimInstance[] = [];
  let simsOf: GroupInstance[] | undefined;
  // The earliest time a health check or the end of a draining can change anything; until then steps skip them.
  let due = -Infinity;
  let version = 0;
  const lbOf = (tg: TargetGroup): LoadBalancer | undefined => {
    for (const arn of tg.LoadBalancerArns) {
      const lb = elbv2 ? getRecord(elbv2.loadBalancers, arn) : undefined;
      if (lb) return lb;
    }
    return undefined;
  };
  // With one load balancer in front, a target's reachability is asked once, when it launches.
  const lbs = [...new Set(targetGroups.flatMap((g) => g.LoadBalancerArns))].map((arn) => (elbv2 ? getRecord(elbv2.loadBalancers, arn) : undefined)).filter((x) => x !== undefined);
  const onlyLb = lbs.length === 1 && targetGroups.length === 1 ? lbs[0] : undefined;

  const nextDue = (): number => {
    let next = Infinity;
    for (const tg of targetGroups) {
      const lb = lbOf(tg);
      const interval = tg.HealthCheckIntervalSeconds * 1000;
      for (const target of tg.Targets) {
        const state = target.TargetHealth.State;
        if (state === 'draining') {
          if (target.DrainingUntil !== undefined) next = Math.min(next, target.DrainingUntil);
          continue;
        }
        if (!lb) continue;
        if (!tg.HealthCheckEnabled) {
          if (state !== 'unavailable') return -Infinity;
          continue;
        }
        if (!settled(target, behaviours.get(target.Target.Id))) next = Math.min(next, (target.LastHealthCheckAt ?? target.RegisteredAt) + interval);
      }
    }
    return next;
  };

  return {
    targetGroups,
    behaviours,
    unhealthy,
    get version() {
      return version;
    },
    sims(instances) {
      if (simsOf !== instances) {
        simsOf = instances;
        sims = instances.map((i) => ({ i, b: behaviours.get(i.InstanceId) ?? none, t: targetsOf.get(i.InstanceId) ?? [] }));
      }
      return sims;
    },
    register(tg, id, at, state) {
      const target = registered(tg, id, at, state);
      version++;
      tg.Targets.push(target);
      due = Math.min(due, at + tg.HealthCheckIntervalSeconds * 1000);
      const list = targetsOf.get(id);
      if (list) list.push(target);
      else {
        targetsOf.set(id, [target]);
        simsOf = undefined;
      }
    },
    adopt(target, id) {
      targetsOf.set(id, [...(targetsOf.get(id) ?? []), target]);
      simsOf = undefined;
      version++;
    },
    deregister(instanceId, now) {
      const behaviour = behaviours.get(instanceId);
      if (behaviour) behaviour.Running = false;
      unhealthy.delete(instanceId);
      version++;
      for (const tg of targetGroups) {
        const target = tg.Targets.find((t) => t.Target.Id === instanceId && t.TargetHealth.State !== 'draining');
        if (!target) continue;
        const delay = Number(tg.Attributes.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value ?? '300');
        target.TargetHealth = { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' };
        target.DrainingUntil = now + delay * 1000;
        due = Math.min(due, target.DrainingUntil);
      }
    },
    behaviourFor(i, readyAt, securityGroupIds) {
      const b: TargetBehaviour = { SecurityGroupIds: securityGroupIds, ...(i.SubnetId ? { SubnetId: i.SubnetId } : {}), ReadyAt: readyAt, Running: true };
      const tg = targetGroups[0];
      if (onlyLb && network && tg) {
        const from = { SecurityGroupIds: onlyLb.SecurityGroups, SubnetIds: onlyLb.AvailabilityZones.map((z) => z.SubnetId) };
        b.Reach = network.reach(from, { Id: i.InstanceId, SecurityGroupIds: securityGroupIds, ...(i.SubnetId ? { SubnetId: i.SubnetId } : {}) }, tg.HealthCheckPort === 'traffic-port' ? tg.Port : Number(tg.HealthCheckPort));
      }
      behaviours.set(i.InstanceId, b);
      return b;
    },
    touch() {
      due = -Infinity;
      version++;
    },
    advance(state, now) {
      if (now < due) return [];
      version++;
      const changes: TargetHealthChange[] = [];
      for (const change of advanceTargetHealth(state, now, env)) {
        if (!targetGroupArns.includes(change.TargetGroupArn)) continue;
        changes.push(change);
        if (change.To === 'unhealthy') unhealthy.add(change.TargetId);
        else if (change.From === 'unhealthy') unhealthy.delete(change.TargetId);
      }
      due = nextDue();
      return changes;
    },
  };
}

/** Health checks cross a static network: reachability memoized per target and port. */
export function memoizedNetwork(network: NetworkView | undefined): NetworkView | undefined {
  if (!network) return undefined;
  const cache = new Map<string, Reachability>();
  return {
    subnet: (id) => network.subnet(id),
    reach: (from, target, port) => {
      const key = `${target.Id}:${port}`;
      let r = cache.get(key);
      if (!r) {
        r = network.reach(from, target, port);
        cache.set(key, r);
      }
      return r;
    },
  };
}
