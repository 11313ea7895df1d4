import { applyProbe, ec2Network, healthCheckPort, probeTarget, type AccountState, type HealthProbe, type LoadBalancer, type Reachability, type RegisteredTarget, type TargetBehaviour, type TargetGroup } from '@skylab/emulator';
import type { LabTask } from '@skylab/validation';

// Target health told as a story: the targets are registered at 0, the application behaves as the task
// describes, and from `from` to `until` something breaks. Every health check is the emulator's own probe
// (network reach from the load balancer's nodes, then the application's answer) and its state machine
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html), so
// a timeline says when each target became healthy, how long a failure took to be noticed and how long
// the recovery took.

/** The application on the targets, as the task describes it. */
export type Application = Extract<LabTask, { kind: 'target-group' }>['application'];

/** What breaks in a story. */
export interface Breakage {
  path?: string;
  status?: number;
  down?: boolean;
  responseMilliseconds?: number;
}

/** A story: a label for the explanation, and what breaks when (seconds after registration). */
export interface Story {
  label: string;
  breakage?: Breakage;
  from?: number;
  until?: number;
}

/** A change of a target's health state in a story. */
export interface Transition {
  time: number;
  to: string;
  description: string;
}

/** When things broke in the stories of the universe: after the targets settled, for an hour, then an hour to recover. */
export const BREAK_AT = 1800;
export const OUTAGE_SECONDS = 3600;
const AFTERMATH_SECONDS = 3600;

/** The load balancer a target group serves, if any. */
export function loadBalancerOf(state: AccountState, group: TargetGroup): LoadBalancer | undefined {
  for (const arn of group.LoadBalancerArns) {
    const lb = state.elbv2.loadBalancers[arn];
    if (lb) return lb;
  }
  return undefined;
}

/** Whether the load balancer's nodes reach the target on its health check port, through that account's network. */
export function reachOf(state: AccountState, group: TargetGroup, lb: LoadBalancer, target: RegisteredTarget): Reachability {
  return ec2Network(state.ec2).reach({ SecurityGroupIds: lb.SecurityGroups, SubnetIds: lb.AvailabilityZones.map((z) => z.SubnetId) }, { Id: target.Target.Id }, healthCheckPort(group, target));
}

function behaviourAt(application: Application, port: number, story: Story, time: number, reach: Reachability): TargetBehaviour {
  const broken = story.breakage !== undefined && time >= (story.from ?? 0) && time < (story.until ?? Infinity) ? story.breakage : {};
  const paths = Object.fromEntries(application.Responses.map((r) => [r.Path, r.Status]));
  if (broken.path !== undefined && broken.status !== undefined) paths[broken.path] = broken.status;
  return {
    Reach: reach,
    Running: true,
    Listening: broken.down ? [] : [{ Port: application.Port ?? port, Protocol: application.Protocol }],
    Paths: paths,
    ResponseCode: application.DefaultStatus,
    ResponseMilliseconds: broken.responseMilliseconds ?? application.ResponseMilliseconds,
  };
}

/** The story's end: an hour after the breakage is over (or after it would have begun). */
export function storyEnd(story: Story): number {
  return (story.until ?? BREAK_AT + OUTAGE_SECONDS) + AFTERMATH_SECONDS;
}

/**
 * One target's health through a story: a probe at each interval from registration, and the state changes
 * it made. The application behaves the same within each stretch of the story (before, during and after the
 * breakage), so each stretch is probed once, and once the state agrees with that probe (healthy and
 * passing, unhealthy and failing) nothing can change until the next stretch: the timeline jumps there.
 */
export function healthTimeline(group: TargetGroup, lb: LoadBalancer, target: RegisteredTarget, application: Application, story: Story, reach: Reachability): Transition[] {
  if (!group.HealthCheckEnabled) return [{ time: 0, to: 'unavailable', description: 'health checks are disabled: the target gets traffic whatever its state' }];
  const fresh: RegisteredTarget = { ...target, TargetHealth: { State: 'initial' }, RegisteredAt: 0, ConsecutiveSuccesses: 0, ConsecutiveFailures: 0 };
  delete fresh.LastHealthCheckAt;
  const transitions: Transition[] = [];
  const end = storyEnd(story);
  const interval = group.HealthCheckIntervalSeconds;
  const port = target.Target.Port ?? group.Port;
  const boundaries = [story.from, story.until].filter((b): b is number => b !== undefined);
  let stretch = -1;
  let probe: HealthProbe | undefined;
  for (let time = interval; time <= end; time += interval) {
    const at = boundaries.filter((b) => b <= time).length;
    if (at !== stretch || probe === undefined) {
      stretch = at;
      probe = probeTarget(group, fresh, lb, behaviourAt(application, port, story, time, reach), undefined, time * 1000);
    }
    const change = applyProbe(group, fresh, probe, time * 1000);
    if (change) transitions.push({ time, to: change.To, description: change.Description });
    const state = fresh.TargetHealth.State;
    const settled = (state === 'healthy' && probe.Outcome === 'success') || (state === 'unhealthy' && probe.Outcome === 'failure');
    if (!settled) continue;
    const next = boundaries.find((b) => b > time);
    if (next === undefined) break;
    time = Math.ceil(next / interval) * interval - interval;
  }
  return transitions;
}

/** What a timeline comes to: when the target was first healthy, how long the failure took to be noticed and the recovery. */
export interface Outcome {
  healthyAt?: number;
  detectedAfter?: number;
  recoveredAfter?: number;
  final: string;
}

/** The outcome of a timeline in its story. */
export function outcomeOf(timeline: Transition[], story: Story): Outcome {
  const healthyAt = timeline.find((t) => t.to === 'healthy')?.time;
  const final = timeline.at(-1)?.to ?? 'initial';
  if (story.from === undefined) return { ...(healthyAt !== undefined ? { healthyAt } : {}), final };
  const detected = timeline.find((t) => t.to === 'unhealthy' && t.time >= (story.from as number));
  const recovered = detected ? timeline.find((t) => t.to === 'healthy' && t.time > detected.time) : undefined;
  return {
    ...(healthyAt !== undefined ? { healthyAt } : {}),
    ...(detected ? { detectedAfter: detected.time - story.from } : {}),
    ...(recovered ? { recoveredAfter: recovered.time - (story.until ?? story.from) } : {}),
    final,
  };
}

/** Seconds in words: `20 s`, `10 min`, `1 h 5 min`. */
export function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}

/** An outcome in words. */
export function outcomeText(outcome: Outcome, story: Story): string {
  const parts = [outcome.healthyAt === undefined ? 'never healthy' : `healthy ${duration(outcome.healthyAt)} after registration`];
  if (story.from !== undefined) {
    parts.push(outcome.detectedAfter === undefined ? 'the failure never noticed' : `unhealthy ${duration(outcome.detectedAfter)} after the failure began`);
    if (outcome.detectedAfter !== undefined) parts.push(outcome.recoveredAfter === undefined ? 'never healthy again' : `healthy again ${duration(outcome.recoveredAfter)} after the fix`);
  }
  return `${parts.join(', ')} (${outcome.final} at the end)`;
}
