import { AwsError, DEFAULT_INSTANCE_PROFILES, simulate, zoneOffset, type AccountState, type InstanceProfile, type SimulationOptions, type SimulationResult } from '@skylab/emulator';
import { offsetMinutes, type AsgTask } from '@skylab/validation';

// Runs a task's Auto Scaling group through a load on the virtual clock (the emulator's `simulate`, one-minute
// steps). The group starts either as it has been running for an hour at its desired capacity, or as just
// created with its first instances booting (where a health check grace period shorter than the boot time
// shows): `InstanceLaunchTimes` says which. A run may crash one instance's application (`HealthCheckResponses`).

/** A level of a load profile, as the lab writes it. */
export interface LoadPoint {
  at: string;
  requestsPerSecond: number;
  rampMinutes: number;
}

/** One run: when it starts, how long, how the group starts and the load per minute. */
export interface GroupRun {
  start: number;
  minutes: number;
  initial: 'in-service' | 'launching';
  /** Requests per second, one value per minute. */
  load: number[];
  /** Seconds until the application answers, instead of the task's: a broken release never does. */
  bootSeconds?: number;
  /** The minute the application of the group's first instance crashes (behind a load balancer only). */
  crashMinute?: number;
}

/** The instant a run starts: `start` with its offset, or read as a local time in `timeZone` (UTC when none). */
export function runStart(start: string, timeZone: string | undefined): number {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(start)) return Date.parse(start);
  const local = Date.parse(`${start}Z`);
  return timeZone === undefined ? local : local - zoneOffset(timeZone, local);
}

/** Requests per second for every minute of `minutes`: each level from its time, reached linearly over its ramp. */
export function loadSeries(points: readonly LoadPoint[], minutes: number): number[] {
  const sorted = points.map((p) => ({ ...p, m: offsetMinutes(p.at) })).sort((a, b) => a.m - b.m);
  const series: number[] = [];
  let k = -1;
  for (let m = 0; m < minutes; m++) {
    while (k + 1 < sorted.length && (sorted[k + 1]?.m ?? Infinity) <= m) k++;
    const point = sorted[Math.max(k, 0)];
    if (!point) break;
    const previous = k > 0 ? (sorted[k - 1]?.requestsPerSecond ?? point.requestsPerSecond) : point.requestsPerSecond;
    const into = m - point.m;
    series.push(k >= 0 && point.rampMinutes > 0 && into < point.rampMinutes ? previous + ((point.requestsPerSecond - previous) * (into + 1)) / point.rampMinutes : point.requestsPerSecond);
  }
  return series;
}

/** When the group's instances launched: an hour before the start (in service and warm), or at the start. */
function launchTimes(state: AccountState, task: AsgTask, run: GroupRun): Record<string, number> {
  const group = state.autoscaling.groups[task.AutoScalingGroupName];
  if (!group) throw new AwsError('ValidationError', `the group \`${task.AutoScalingGroupName}\` does not exist`);
  const at = run.initial === 'in-service' ? run.start - 3_600_000 : run.start;
  return Object.fromEntries(group.Instances.map((i) => [i.InstanceId, at]));
}

/** The application of the group's first instance crashing (answering 500) at the run's `crashMinute`, when a load balancer checks it. */
function crash(state: AccountState, task: AsgTask, run: GroupRun): SimulationOptions['HealthCheckResponses'] {
  const group = state.autoscaling.groups[task.AutoScalingGroupName];
  const checked = group?.TargetGroupARNs.some((arn) => (state.elbv2.targetGroups[arn]?.LoadBalancerArns.length ?? 0) > 0);
  const first = group?.Instances[0];
  if (run.crashMinute === undefined || !checked || !first) return undefined;
  return [{ Time: run.start + run.crashMinute * 60_000, InstanceId: first.InstanceId, ResponseCode: 500 }];
}

/** Capacity per instance type: the defaults, or the task's own requests per second at full CPU for every type. */
function instanceProfiles(state: AccountState, task: AsgTask): Record<string, InstanceProfile> | undefined {
  const full = task.workload.requestsPerSecondAtFullCpu;
  if (full === undefined) return undefined;
  const types = new Set([...Object.keys(DEFAULT_INSTANCE_PROFILES), ...Object.values(state.ec2.launchTemplates).flatMap((t) => t.Versions.flatMap((v) => v.LaunchTemplateData.InstanceType ?? []))]);
  return Object.fromEntries([...types].map((type) => [type, { RequestsPerSecondAtFullCpu: full, IdleCpuPercent: DEFAULT_INSTANCE_PROFILES[type]?.IdleCpuPercent ?? 3 }]));
}

/** Runs the task's group through `run`; throws `AwsError` when the emulator cannot run it (it says why). */
export function runGroup(state: AccountState, task: AsgTask, run: GroupRun): SimulationResult {
  const profiles = instanceProfiles(state, task);
  const responses = crash(state, task, run);
  return simulate(state, {
    start: run.start,
    duration: run.minutes * 60,
    step: 60,
    load: { RequestsPerSecond: run.load, StepSeconds: 60 },
    AutoScalingGroupName: task.AutoScalingGroupName,
    launchSeconds: task.workload.launchSeconds,
    bootSeconds: run.bootSeconds ?? task.workload.bootSeconds,
    InstanceLaunchTimes: launchTimes(state, task, run),
    ...(responses ? { HealthCheckResponses: responses } : {}),
    ...(profiles ? { instanceProfiles: profiles } : {}),
  });
}

/** A time of the run as `D HH:MM` (`HH:MM` on the first day), the way labs write them. */
export function formatOffset(start: number, at: number): string {
  const minutes = Math.floor((at - start) / 60_000);
  const day = Math.floor(minutes / 1440);
  const hh = String(Math.floor((minutes % 1440) / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${day > 0 ? `${day} ` : ''}${hh}:${mm}`;
}

/** InService per minute of a run. */
export function inServiceSeries(result: SimulationResult): number[] {
  return result.Timeline.map((p) => p.InService);
}

/** The key events of a run in words: scaling activities, alarm state changes and scheduled actions. */
export function keyEvents(result: SimulationResult, start: number, limit: number): string[] {
  const key = result.Events.filter((e) => e.Type === 'ScalingActivity' || e.Type === 'AlarmStateChange' || e.Type === 'ScheduledAction');
  const lines = key.slice(0, limit).map((e) => `- ${formatOffset(start, Date.parse(e.Time))} ${e.Description}${e.Cause && e.Type !== 'AlarmStateChange' ? `: ${e.Cause}` : ''}`);
  if (key.length > limit) lines.push(`- … ${key.length - limit} more`);
  return lines;
}

/** InService at the top of every hour (every `everyHours` hours on long runs), one line. */
export function hourlyCapacity(result: SimulationResult, start: number): string {
  const everyHours = result.Timeline.length > 2 * 1440 ? 6 : result.Timeline.length > 1440 ? 3 : 1;
  const points = result.Timeline.filter((_, m) => m % (60 * everyHours) === 0);
  return points.map((p) => `${formatOffset(start, Date.parse(p.Time))} ${p.InService}`).join(', ');
}
