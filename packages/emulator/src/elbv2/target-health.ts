import type { NetworkView, Reachability } from './network.ts';
import type { Elbv2State, LoadBalancer, RegisteredTarget, TargetGroup, TargetHealth } from './state.ts';
import { getRecord } from '../records.ts';

// The target health state machine of an Application Load Balancer
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html):
// a newly registered target is `initial` and must pass one health check to become `healthy`; a target
// turns `unhealthy` after UnhealthyThresholdCount consecutive failures and back to `healthy` after
// HealthyThresholdCount consecutive successes; a deregistered target is `draining` for the
// deregistration delay and then leaves the group. Reason codes are those of the TargetHealth API type
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html).

/** What a target does when probed: its network identity, whether it runs, when its application answers, and with which code. */
export interface TargetBehaviour {
  SecurityGroupIds?: string[];
  SubnetId?: string;
  /** False when the instance is stopped or terminated. */
  Running?: boolean;
  /** Epoch ms from which the application answers on the health-check port; before that connections are refused. */
  ReadyAt?: number;
  /** The HTTP status the health-check path returns when `Paths` does not name it; 200 when not given. */
  ResponseCode?: number;
  /** The HTTP status each path returns (`/` → 302 to a login page, `/health` → 200). */
  Paths?: Record<string, number>;
  /** How long the application takes to answer; at or past the health check timeout the check times out. */
  ResponseMilliseconds?: number;
  /** The ports the application listens on and the protocol it speaks there; every port, in the check's protocol, when not given. */
  Listening?: { Port: number; Protocol: 'HTTP' | 'HTTPS' }[];
  /** The network's answer for this target, when the caller already has it (a simulation asks once per target). */
  Reach?: Reachability;
}

/** The outcome of one health-check probe. */
export type HealthProbe =
  | { Outcome: 'success'; Description: string }
  | { Outcome: 'failure'; Reason: 'Target.Timeout' | 'Target.ResponseCodeMismatch' | 'Target.FailedHealthChecks'; Description: string };

/** A change of a target's health state. */
export interface TargetHealthChange {
  Time: number;
  TargetGroupArn: string;
  TargetId: string;
  From: TargetHealth['State'];
  To: TargetHealth['State'];
  Reason?: string;
  Description: string;
}

const SUCCESS: HealthProbe = { Outcome: 'success', Description: 'the health check succeeded' };

const matchers = new Map<string, [number, number][]>();

/** Whether a status code satisfies the matcher (`200`, `200,202`, `200-299`). */
export function matcherAccepts(httpCode: string, status: number): boolean {
  let ranges = matchers.get(httpCode);
  if (!ranges) {
    ranges = httpCode.split(',').map((part) => {
      const [lo, hi] = part.trim().split('-');
      return [Number(lo), Number(hi ?? lo)] as [number, number];
    });
    matchers.set(httpCode, ranges);
  }
  for (const [lo, hi] of ranges) if (lo <= status && status <= hi) return true;
  return false;
}

/** The port a health check goes to: `traffic-port` means the target's own port. */
export function healthCheckPort(group: TargetGroup, target: RegisteredTarget): number {
  return group.HealthCheckPort === 'traffic-port' ? (target.Target.Port ?? group.Port) : Number(group.HealthCheckPort);
}

/** Probes one target once: not running, blocked by the network, not answering yet, or the wrong status code. */
export function probeTarget(
  group: TargetGroup,
  target: RegisteredTarget,
  lb: Pick<LoadBalancer, 'SecurityGroups' | 'AvailabilityZones'>,
  behaviour: TargetBehaviour,
  network: NetworkView | undefined,
  now: number,
): HealthProbe {
  const port = healthCheckPort(group, target);
  if (behaviour.Running === false) return { Outcome: 'failure', Reason: 'Target.FailedHealthChecks', Description: 'the target is not running' };
  if (!network && !behaviour.Reach) return { Outcome: 'failure', Reason: 'Target.Timeout', Description: 'no network is attached, so reachability from the load balancer cannot be established' };
  const reach =
    behaviour.Reach ??
    (network as NetworkView).reach(
      { SecurityGroupIds: lb.SecurityGroups, SubnetIds: lb.AvailabilityZones.map((z) => z.SubnetId) },
      { Id: target.Target.Id, ...(behaviour.SecurityGroupIds ? { SecurityGroupIds: behaviour.SecurityGroupIds } : {}), ...(behaviour.SubnetId ? { SubnetId: behaviour.SubnetId } : {}) },
      port,
    );
  // Security groups drop packets silently, so a blocked health check times out.
  if (reach.Outcome === 'blocked') return { Outcome: 'failure', Reason: 'Target.Timeout', Description: `Request timed out: ${reach.Explanation}` };
  if (behaviour.ReadyAt !== undefined && now < behaviour.ReadyAt) {
    return { Outcome: 'failure', Reason: 'Target.FailedHealthChecks', Description: `Health checks failed: the application is not answering on port ${port} yet (still booting)` };
  }
  const refused = applicationRefuses(group, behaviour, port);
  if (refused) return refused;
  // The load balancer waits HealthCheckTimeoutSeconds for the response, then counts a failure.
  if (behaviour.ResponseMilliseconds !== undefined && behaviour.ResponseMilliseconds >= group.HealthCheckTimeoutSeconds * 1000) {
    return { Outcome: 'failure', Reason: 'Target.Timeout', Description: `Request timed out: the application took ${behaviour.ResponseMilliseconds} ms, the timeout is ${group.HealthCheckTimeoutSeconds} s` };
  }
  const status = (behaviour.Paths ? getRecord(behaviour.Paths, group.HealthCheckPath) : undefined) ?? behaviour.ResponseCode ?? 200;
  if (!matcherAccepts(group.Matcher.HttpCode, status)) {
    return { Outcome: 'failure', Reason: 'Target.ResponseCodeMismatch', Description: `Health checks failed with these codes: [${status}]` };
  }
  return SUCCESS;
}

/** A health check the application cannot answer: nothing listens on the port, or it speaks the other protocol there. */
function applicationRefuses(group: TargetGroup, behaviour: TargetBehaviour, port: number): HealthProbe | undefined {
  if (!behaviour.Listening) return undefined;
  const listener = behaviour.Listening.find((l) => l.Port === port);
  if (!listener) return { Outcome: 'failure', Reason: 'Target.FailedHealthChecks', Description: `Health checks failed: connection refused on port ${port}, where the application does not listen` };
  if (listener.Protocol !== group.HealthCheckProtocol) {
    return { Outcome: 'failure', Reason: 'Target.FailedHealthChecks', Description: `Health checks failed: the application speaks ${listener.Protocol} on port ${port}, the health check ${group.HealthCheckProtocol}` };
  }
  return undefined;
}

/** Applies one probe to a target's counters and state; returns the change when the state moved. */
export function applyProbe(group: TargetGroup, target: RegisteredTarget, probe: HealthProbe, now: number): TargetHealthChange | undefined {
  target.LastHealthCheckAt = now;
  const from = target.TargetHealth.State;
  if (probe.Outcome === 'success') {
    target.ConsecutiveSuccesses++;
    target.ConsecutiveFailures = 0;
  } else {
    target.ConsecutiveFailures++;
    target.ConsecutiveSuccesses = 0;
  }
  let next: TargetHealth = target.TargetHealth;
  if (from === 'initial') {
    if (probe.Outcome === 'success') next = { State: 'healthy' };
    else if (target.ConsecutiveFailures >= group.UnhealthyThresholdCount) next = { State: 'unhealthy', Reason: probe.Reason, Description: probe.Description };
    else next = { State: 'initial', Reason: 'Elb.InitialHealthChecking', Description: 'Initial health checks in progress' };
  } else if (from === 'healthy') {
    if (probe.Outcome === 'failure' && target.ConsecutiveFailures >= group.UnhealthyThresholdCount) next = { State: 'unhealthy', Reason: probe.Reason, Description: probe.Description };
  } else if (from === 'unhealthy') {
    if (probe.Outcome === 'success' && target.ConsecutiveSuccesses >= group.HealthyThresholdCount) next = { State: 'healthy' };
    else if (probe.Outcome === 'failure') next = { State: 'unhealthy', Reason: probe.Reason, Description: probe.Description };
  }
  target.TargetHealth = next;
  if (next.State === from) return undefined;
  const why =
    next.State === 'healthy'
      ? from === 'initial'
        ? 'passed its first health check'
        : `passed ${group.HealthyThresholdCount} consecutive health checks (HealthyThresholdCount)`
      : `failed ${group.UnhealthyThresholdCount} consecutive health checks (UnhealthyThresholdCount): ${probe.Description}`;
  return {
    Time: now,
    TargetGroupArn: group.TargetGroupArn,
    TargetId: target.Target.Id,
    From: from,
    To: next.State,
    ...(next.Reason ? { Reason: next.Reason } : {}),
    Description: `target \`${target.Target.Id}\` ${why}`,
  };
}

/**
 * Runs every health check due up to `until` (epoch ms) for the targets of every target group in use, and
 * ends draining whose deregistration delay has passed. Probes happen every HealthCheckIntervalSeconds
 * after registration. Returns the state changes in time order.
 */
export function advanceTargetHealth(
  elbv2: Elbv2State,
  until: number,
  env: { network: NetworkView | undefined; behaviour(targetId: string): TargetBehaviour },
): TargetHealthChange[] {
  const changes: TargetHealthChange[] = [];
  for (const group of Object.values(elbv2.targetGroups)) {
    let lb: LoadBalancer | undefined;
    for (const arn of group.LoadBalancerArns) lb ??= getRecord(elbv2.loadBalancers, arn);
    const interval = group.HealthCheckIntervalSeconds * 1000;
    let drained = false;
    for (const target of group.Targets) {
      if (target.TargetHealth.State === 'draining') {
        if (target.DrainingUntil !== undefined && target.DrainingUntil <= until) {
          drained = true;
          changes.push({ Time: target.DrainingUntil, TargetGroupArn: group.TargetGroupArn, TargetId: target.Target.Id, From: 'draining', To: 'unused', Reason: 'Target.NotRegistered', Description: `target \`${target.Target.Id}\` finished draining and left the target group` });
        }
        continue;
      }
      if (!lb) continue;
      if (!group.HealthCheckEnabled) {
        // With health checks off a target is `unavailable` (Target.HealthCheckDisabled) and still gets traffic.
        if (target.TargetHealth.State !== 'unavailable') {
          changes.push({ Time: until, TargetGroupArn: group.TargetGroupArn, TargetId: target.Target.Id, From: target.TargetHealth.State, To: 'unavailable', Reason: 'Target.HealthCheckDisabled', Description: `target \`${target.Target.Id}\` is not health checked: health checks are disabled` });
          target.TargetHealth = { State: 'unavailable', Reason: 'Target.HealthCheckDisabled', Description: 'Health checks are disabled' };
        }
        continue;
      }
      if (target.TargetHealth.State === 'unused') target.TargetHealth = { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' };
      let next = (target.LastHealthCheckAt ?? target.RegisteredAt) + interval;
      if (next > until) continue;
      const behaviour = env.behaviour(target.Target.Id);
      // A probe's outcome depends on the time only through ReadyAt, so it is worked out once per side of it.
      let before: HealthProbe | undefined;
      let after: HealthProbe | undefined;
      while (next <= until) {
        const ready = behaviour.ReadyAt === undefined || next >= behaviour.ReadyAt;
        const probe = ready ? (after ??= probeTarget(group, target, lb, behaviour, env.network, next)) : (before ??= probeTarget(group, target, lb, behaviour, env.network, next));
        const state = target.TargetHealth.State;
        if ((state === 'healthy' && probe.Outcome === 'success') || (state === 'unhealthy' && probe.Outcome === 'failure' && target.ConsecutiveFailures > 0)) {
          // A probe that confirms the state changes only the counters: apply every such probe up to the
          // end of this side of ReadyAt at once.
          const sideEnd = ready || behaviour.ReadyAt === undefined ? until : Math.min(until, behaviour.ReadyAt - 1);
          const count = Math.floor((sideEnd - next) / interval) + 1;
          if (probe.Outcome === 'success') target.ConsecutiveSuccesses += count;
          else target.ConsecutiveFailures += count;
          next += count * interval;
          target.LastHealthCheckAt = next - interval;
          continue;
        }
        const change = applyProbe(group, target, probe, next);
        if (change) changes.push(change);
        next += interval;
      }
    }
    if (drained) group.Targets = group.Targets.filter((t) => !(t.TargetHealth.State === 'draining' && t.DrainingUntil !== undefined && t.DrainingUntil <= until));
  }
  return changes.length > 1 ? changes.sort(byTime) : changes;
}

function byTime(a: TargetHealthChange, b: TargetHealthChange): number {
  return a.Time - b.Time;
}
