import { evaluateAlarms } from '../cloudwatch/alarms.ts';
import { addDatapoint, periodStatistic } from '../cloudwatch/metrics.ts';
import { metricKey, type MetricSeries } from '../cloudwatch/state.ts';
import type { Ec2State } from '../ec2/state.ts';
import { ec2Network } from '../elbv2/ec2-network.ts';
import type { NetworkView, Reachability } from '../elbv2/network.ts';
import type { RegisteredTarget, TargetGroup } from '../elbv2/state.ts';
import { advanceTargetHealth, type TargetBehaviour } from '../elbv2/target-health.ts';
import { causeTime, launchData, reconcileCapacity, recordActivity } from './capacity.ts';
import { cronMatcher, parseCron } from './cron.ts';
import { ValidationError } from './errors.ts';
import { groupSubnets } from './operations.ts';
import { adjustedCapacity, clampCapacity, combineProposals, selectStep, targetTrackingCapacity } from './scaling.ts';
import type { Activity, AutoScalingAccount, GroupInstance, ScalingPolicy } from './state.ts';

// A deterministic discrete-time run of one Auto Scaling group on the virtual clock: load → CPU and request
// metrics → CloudWatch alarms → scaling policies → desired capacity → launches, health checks and
// replacements. Times are epoch ms; nothing reads the real clock.

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
  Type: 'AlarmStateChange' | 'ScalingActivity' | 'ScalingDecision' | 'TargetHealthChange' | 'InstanceLifecycle' | 'ScheduledAction';
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

function toMs(t: string | number): number {
  const ms = typeof t === 'number' ? t : Date.parse(t);
  if (Number.isNaN(ms)) throw new ValidationError(`the start time \`${String(t)}\` is not a date`);
  return ms;
}

/** Instance ids from a counter, skipping ids the account already uses, so runs are reproducible. */
function counterIds(taken: Set<string>): { next(prefix: string): string } {
  let n = 0;
  return {
    next: (prefix) => {
      let id: string;
      do id = `${prefix}${(++n).toString(16).padStart(17, '0')}`;
      while (taken.has(id));
      return id;
    },
  };
}

/** Runs the group through the load on the virtual clock; the account passed in is not changed. */
export function simulate(input: AutoScalingAccount, runOptions: SimulationOptions): SimulationResult {
  let options = runOptions;
  const account = JSON.parse(JSON.stringify(input)) as AutoScalingAccount;
  const ec2 = account.ec2 as (AutoScalingAccount['ec2'] & Partial<Ec2State>) | undefined;
  if (!options.network && ec2?.subnets && ec2.instances && ec2.securityGroups) options = { ...options, network: ec2Network(ec2 as Ec2State) };
  const groups = Object.values(account.autoscaling.groups);
  const group = options.AutoScalingGroupName ? account.autoscaling.groups[options.AutoScalingGroupName] : groups.length === 1 ? groups[0] : undefined;
  if (!group) throw new ValidationError(options.AutoScalingGroupName ? `the group \`${options.AutoScalingGroupName}\` does not exist` : `name the group to simulate: the account has ${groups.length}`);
  const start = toMs(options.start);
  const step = options.step ?? 60;
  const stepMs = step * 1000;
  if (start % 60_000 !== 0) throw new ValidationError('the start time must be on a whole minute');
  if (!(step > 0) || !Number.isInteger(step)) throw new ValidationError('the step must be a positive whole number of seconds');
  if (!(options.duration > 0)) throw new ValidationError('the duration must be positive');
  for (const alarm of Object.values(account.cloudwatch.alarms)) {
    if ((alarm.Period * 1000) % stepMs !== 0) throw new ValidationError(`the alarm \`${alarm.AlarmName}\` has a ${alarm.Period} s period, which is not a multiple of the ${step} s step`);
  }
  const launchMs = (options.launchSeconds ?? 60) * 1000;
  const bootMs = (options.bootSeconds ?? 120) * 1000;
  const profiles = options.instanceProfiles ?? DEFAULT_INSTANCE_PROFILES;
  const bytes = options.bytesPerRequest ?? { In: 2048, Out: 20480 };
  const ids = counterIds(new Set(Object.values(account.autoscaling.groups).flatMap((g) => g.Instances.map((i) => i.InstanceId))));
  const assumptions: string[] = [];
  const unsupported: string[] = [];
  const events: TimelineEvent[] = [];
  const timeline: TimelinePoint[] = [];
  const activitiesBefore = account.autoscaling.activities.length;
  const name = group.AutoScalingGroupName;
  const byGroup = [{ Name: 'AutoScalingGroupName', Value: name }];
  const subnets = groupSubnets(group, options.network ? { network: options.network } : {});
  const launch = launchData(account, group);
  if (!account.ec2) assumptions.push(`no EC2 launch templates in the account: instances are assumed to be \`${launch.InstanceType}\` without security groups`);
  const profileCache = new Map<string, InstanceProfile>();
  const profileOf = (type: string): InstanceProfile => {
    const p = profileCache.get(type) ?? profiles[type];
    if (p) {
      profileCache.set(type, p);
      return p;
    }
    const fallback = { RequestsPerSecondAtFullCpu: 50, IdleCpuPercent: 3 };
    const note = `no capacity profile for \`${type}\`: assumed ${fallback.RequestsPerSecondAtFullCpu} requests per second at full CPU`;
    if (!assumptions.includes(note)) assumptions.push(note);
    return fallback;
  };
  assumptions.push(`instances are InService ${launchMs / 1000} s after launch and answer health checks ${bootMs / 1000} s after launch`);

  const targetGroups = group.TargetGroupARNs.map((arn) => account.elbv2?.targetGroups[arn]).filter((g): g is TargetGroup => g !== undefined);
  // The metrics the run publishes, as CloudWatch stores them (AWS/EC2 by group, AWS/ApplicationELB by target group).
  const seriesOf = (namespace: string, metricName: string, dimensions: { Name: string; Value: string }[]) =>
    (account.cloudwatch.metrics[metricKey(namespace, metricName, dimensions)] ??= { Namespace: namespace, MetricName: metricName, Dimensions: dimensions, Datapoints: [] });
  const cpuSeries = seriesOf('AWS/EC2', 'CPUUtilization', byGroup);
  const networkIn = seriesOf('AWS/EC2', 'NetworkIn', byGroup);
  const networkOut = seriesOf('AWS/EC2', 'NetworkOut', byGroup);
  const targetGroupSeries = targetGroups.map((tg) => {
    const dims = [{ Name: 'TargetGroup', Value: tg.TargetGroupArn.slice(tg.TargetGroupArn.indexOf('targetgroup/')) }];
    return { requests: seriesOf('AWS/ApplicationELB', 'RequestCountPerTarget', dims), healthy: seriesOf('AWS/ApplicationELB', 'HealthyHostCount', dims) };
  });
  if (group.TargetGroupARNs.length > targetGroups.length) unsupported.push('some target groups of the group are not in the account: their health checks are not run');
  if (targetGroups.some((g) => g.LoadBalancerArns.length > 0) && !options.network) throw new ValidationError('the group sits behind a load balancer: pass a `network` or an account with EC2 so health checks can be run (`openNetwork()` assumes every target is reachable)');

  // Health checks cross a static network: memoize reachability per target and port.
  const reachCache = new Map<string, Reachability>();
  const network: NetworkView | undefined = options.network && {
    subnet: (id) => options.network?.subnet(id),
    reach: (from, target, port) => {
      const key = `${target.Id}:${port}`;
      let r = reachCache.get(key);
      if (!r) {
        r = (options.network as NetworkView).reach(from, target, port);
        reachCache.set(key, r);
      }
      return r;
    },
  };
  const behaviours = new Map<string, TargetBehaviour>();
  const healthEnv = { network, behaviour: (id: string) => behaviours.get(id) ?? { Running: false } };
  // Targets the load balancer now reports unhealthy, kept from the health changes so a step need not scan.
  const unhealthyTargets = new Set<string>();
  // Each instance's registrations, so a step reads its targets' health without searching the groups.
  const targetsOf = new Map<string, RegisteredTarget[]>();
  const register = (tg: TargetGroup, id: string, at: number, state: 'initial' | 'healthy' | 'unused') => {
    const target = registered(tg, id, at, state);
    tg.Targets.push(target);
    const list = targetsOf.get(id);
    if (list) list.push(target);
    else {
      targetsOf.set(id, [target]);
      simsOf = undefined;
    }
  };
  // With one load balancer in front, a target's reachability is asked once, when it launches.
  const lbs = [...new Set(targetGroups.flatMap((g) => g.LoadBalancerArns))].map((arn) => account.elbv2?.loadBalancers[arn]).filter((x) => x !== undefined);
  const onlyLb = lbs.length === 1 && targetGroups.length === 1 ? lbs[0] : undefined;
  const behaviourFor = (i: GroupInstance, readyAt: number): TargetBehaviour => {
    const b: TargetBehaviour = { SecurityGroupIds: launch.SecurityGroupIds, ...(i.SubnetId ? { SubnetId: i.SubnetId } : {}), ReadyAt: readyAt, Running: true };
    const tg = targetGroups[0];
    if (onlyLb && network && tg) {
      b.Reach = network.reach({ SecurityGroupIds: onlyLb.SecurityGroups, SubnetIds: onlyLb.AvailabilityZones.map((z) => z.SubnetId) }, { Id: i.InstanceId, SecurityGroupIds: launch.SecurityGroupIds, ...(i.SubnetId ? { SubnetId: i.SubnetId } : {}) }, tg.HealthCheckPort === 'traffic-port' ? tg.Port : Number(tg.HealthCheckPort));
    }
    return b;
  };

  const policies = Object.values(account.autoscaling.policies).filter((p) => p.AutoScalingGroupName === name);
  const policyByArn = new Map(policies.map((p) => [p.PolicyARN, p]));
  const scheduled = Object.values(account.autoscaling.scheduledActions)
    .filter((a) => a.AutoScalingGroupName === name)
    .map((a) => ({ action: a, matches: a.Recurrence ? cronMatcher(parseCron(a.Recurrence), a.TimeZone ?? 'UTC') : undefined, startMs: a.StartTime ? Date.parse(a.StartTime) : undefined, endMs: a.EndTime ? Date.parse(a.EndTime) : undefined }));
  let cooldownUntil = -Infinity;
  const lastDecision = new Map<string, string>();
  let routeBuffer = new Int8Array(256);
  let launches = 0;
  let terminations = 0;
  let replacements = 0;
  let offered = 0;
  let served = 0;

  const warmupOf = (policy: ScalingPolicy | undefined) => (policy?.EstimatedInstanceWarmup ?? group.DefaultInstanceWarmup ?? group.DefaultCooldown) * 1000;
  const isWarming = (i: GroupInstance, now: number, warmup: number) => i.LifecycleState === 'Pending' || now < (i.InServiceTime ?? i.LaunchTime) + warmup;
  const live = () => group.Instances.filter((i) => i.LifecycleState === 'Pending' || i.LifecycleState === 'InService');
  // The group's instances with their behaviour and registrations side by side, rebuilt only when the
  // instance list changes, so a step reads them without lookups.
  let sims: { i: GroupInstance; b: TargetBehaviour; t: RegisteredTarget[] }[] = [];
  let simsOf: GroupInstance[] | undefined;
  const currentSims = () => {
    if (simsOf !== group.Instances) {
      simsOf = group.Instances;
      sims = group.Instances.map((i) => ({ i, b: behaviours.get(i.InstanceId) ?? { Running: false }, t: targetsOf.get(i.InstanceId) ?? [] }));
    }
    return sims;
  };

  const afterReconcile = (now: number, result: ReturnType<typeof reconcileCapacity>) => {
    launches += result.Launched.length;
    terminations += result.Terminated.length;
    for (const i of result.Launched) behaviours.set(i.InstanceId, behaviourFor(i, i.LaunchTime + bootMs));
    for (const t of result.Terminated) deregister(t.Instance.InstanceId, now);
    for (const a of result.Activities) events.push({ Time: new Date(now).toISOString(), Type: 'ScalingActivity', Description: a.Description, Cause: a.Cause });
  };
  const deregister = (instanceId: string, now: number) => {
    const behaviour = behaviours.get(instanceId);
    if (behaviour) behaviour.Running = false;
    unhealthyTargets.delete(instanceId);
    for (const tg of targetGroups) {
      const target = tg.Targets.find((t) => t.Target.Id === instanceId && t.TargetHealth.State !== 'draining');
      if (!target) continue;
      const delay = Number(tg.Attributes.find((a) => a.Key === 'deregistration_delay.timeout_seconds')?.Value ?? '300');
      target.TargetHealth = { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' };
      target.DrainingUntil = now + delay * 1000;
    }
  };
  const changeDesired = (now: number, desired: number, causePrefix: string) => {
    group.DesiredCapacity = desired;
    afterReconcile(now, reconcileCapacity(account, group, now, ids, subnets, causePrefix));
  };

  // Instances already InService are taken as ready at the start; Pending ones go on booting from their launch.
  for (const i of group.Instances) {
    const inService = i.LifecycleState === 'InService';
    if (inService) i.InServiceTime = Math.min(i.InServiceTime ?? i.LaunchTime, start - bootMs);
    behaviours.set(i.InstanceId, behaviourFor(i, inService ? start : i.LaunchTime + bootMs));
    if (!inService) continue;
    for (const tg of targetGroups) {
      const existing = tg.Targets.find((t) => t.Target.Id === i.InstanceId);
      if (existing) targetsOf.set(i.InstanceId, [...(targetsOf.get(i.InstanceId) ?? []), existing]);
      else register(tg, i.InstanceId, start, tg.LoadBalancerArns.length > 0 ? 'healthy' : 'unused');
    }
  }
  afterReconcile(start, reconcileCapacity(account, group, start, ids, subnets, `At ${causeTime(start)} the simulation started with a desired capacity of ${group.DesiredCapacity}. `));

  const series = 'RequestsPerSecond' in options.load ? options.load.RequestsPerSecond : options.load.CPUUtilization;
  if (series.length === 0) throw new ValidationError('the load series is empty');
  const seriesStepMs = (options.load.StepSeconds ?? step) * 1000;
  const steps = Math.floor((options.duration * 1000) / stepMs);
  let minInService = Infinity;
  let maxInService = 0;
  let maxDesired = group.DesiredCapacity;

  for (let k = 0; k < steps; k++) {
    const now = start + k * stepMs;
    const iso = new Date(now).toISOString();

    // 1. Launches finish: Pending → InService, registered with the target groups.
    for (const i of group.Instances) {
      if (i.LifecycleState !== 'Pending' || i.LaunchTime + launchMs > now) continue;
      i.LifecycleState = 'InService';
      i.InServiceTime = i.LaunchTime + launchMs;
      events.push({ Time: iso, Type: 'InstanceLifecycle', InstanceId: i.InstanceId, From: 'Pending', To: 'InService', Description: `instance ${i.InstanceId} is InService` });
      for (const tg of targetGroups) register(tg, i.InstanceId, i.InServiceTime, tg.LoadBalancerArns.length > 0 ? 'initial' : 'unused');
    }

    // 2. Load balancer health checks up to now.
    if (account.elbv2) {
      for (const change of advanceTargetHealth(account.elbv2, now, healthEnv)) {
        if (!group.TargetGroupARNs.includes(change.TargetGroupArn)) continue;
        if (change.To === 'unhealthy') unhealthyTargets.add(change.TargetId);
        else if (change.From === 'unhealthy') unhealthyTargets.delete(change.TargetId);
        events.push({ Time: new Date(change.Time).toISOString(), Type: 'TargetHealthChange', InstanceId: change.TargetId, From: change.From, To: change.To, Description: change.Description, ...(change.Reason ? { Cause: change.Reason } : {}) });
      }
    }

    // 3. Auto Scaling health checks: with type ELB, a target the load balancer reports unhealthy after the
    // grace period is replaced (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html).
    if (group.HealthCheckType === 'ELB' && unhealthyTargets.size > 0) {
      for (const i of group.Instances) {
        if (i.LifecycleState !== 'InService' || !unhealthyTargets.has(i.InstanceId)) continue;
        if (now >= (i.InServiceTime ?? i.LaunchTime) + group.HealthCheckGracePeriod * 1000) i.HealthStatus = 'Unhealthy';
      }
    }
    const sick = group.Instances.filter((i) => i.LifecycleState === 'InService' && i.HealthStatus === 'Unhealthy');
    for (const i of sick) {
      i.LifecycleState = 'Terminated';
      deregister(i.InstanceId, now);
      replacements++;
      terminations++;
      const why = group.HealthCheckType === 'ELB' ? 'an ELB system health check failure' : 'an EC2 health check indicating it has been terminated or stopped';
      const activity = recordActivity(account, group, now, `Terminating EC2 instance: ${i.InstanceId}`, `At ${causeTime(now)} an instance was taken out of service in response to ${why}.`, `${i.InstanceId}-unhealthy`);
      events.push({ Time: iso, Type: 'ScalingActivity', InstanceId: i.InstanceId, Description: activity.Description, Cause: activity.Cause });
    }
    if (sick.length > 0) {
      group.Instances = group.Instances.filter((i) => i.LifecycleState !== 'Terminated');
      afterReconcile(now, reconcileCapacity(account, group, now, ids, subnets));
    }

    // 4. Scheduled actions due in (now - step, now].
    for (const s of scheduled) {
      let due = false;
      if (s.matches) {
        for (let m = Math.ceil((now - stepMs + 1) / 60_000) * 60_000; m <= now; m += 60_000) {
          if ((s.startMs === undefined || m >= s.startMs) && (s.endMs === undefined || m <= s.endMs) && s.matches(m)) due = true;
        }
      } else if (s.startMs !== undefined && s.startMs > now - stepMs && s.startMs <= now) due = true;
      if (!due) continue;
      const a = s.action;
      const min = a.MinSize ?? group.MinSize;
      const max = a.MaxSize ?? group.MaxSize;
      const from = group.DesiredCapacity;
      const desired = a.DesiredCapacity ?? clampCapacity(from, min, max);
      group.MinSize = min;
      group.MaxSize = max;
      const cause = `At ${causeTime(now)} a scheduled action update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired} changing the desired capacity from ${from} to ${desired}. `;
      events.push({ Time: iso, Type: 'ScheduledAction', Description: `scheduled action ${a.ScheduledActionName} ran`, Cause: cause.trim() });
      changeDesired(now, desired, cause);
    }

    // 5. Alarms whose period ends now, and the scaling policies their actions run.
    const { Transitions, Invocations } = evaluateAlarms(account, now);
    for (const t of Transitions) events.push({ Time: iso, Type: 'AlarmStateChange', AlarmName: t.AlarmName, From: t.From, To: t.To, Description: `alarm ${t.AlarmName} went from ${t.From} to ${t.To}`, Cause: t.StateReason });
    const proposals: { Capacity: number; policy: ScalingPolicy; alarm: string; scaleIn: boolean; explanation: string }[] = [];
    const ttScaleInReady = new Map<string, boolean>();
    for (const inv of Invocations) {
      const alarm = account.cloudwatch.alarms[inv.AlarmName];
      if (!alarm) continue;
      for (const arn of inv.Actions) {
        const policy = policyByArn.get(arn);
        if (!policy) {
          const note = `alarm action \`${arn}\` is not modelled: only this group's scaling policies run`;
          if (!unsupported.includes(note)) unsupported.push(note);
          continue;
        }
        if (!policy.Enabled) continue;
        const metric = periodStatistic(account.cloudwatch.metrics[metricKey(alarm.Namespace, alarm.MetricName, alarm.Dimensions)], now - alarm.Period * 1000, alarm.Period, alarm.Statistic);
        // A decision is recorded when it differs from the policy's last one for this alarm: an alarm that
        // stays in ALARM invokes the policy every minute, mostly to the same answer.
        const decide = (outcome: 'skipped' | 'proposed', explanation: string) => {
          const description = `${outcome}: ${explanation}`;
          const key = `${alarm.AlarmName}\n${policy.PolicyARN}`;
          if (lastDecision.get(key) === description) return;
          lastDecision.set(key, description);
          events.push({ Time: iso, Type: 'ScalingDecision', AlarmName: alarm.AlarmName, PolicyName: policy.PolicyName, Description: description });
        };
        const desired = group.DesiredCapacity;
        const warmup = warmupOf(policy);
        const instances = live();
        const warming = instances.filter((i) => isWarming(i, now, warmup)).length;
        if (policy.PolicyType === 'SimpleScaling') {
          // Simple scaling waits out the cooldown after each activity (ec2-auto-scaling-scaling-cooldowns.html).
          if (now < cooldownUntil) {
            decide('skipped', `the group is in its cooldown until ${new Date(cooldownUntil).toISOString()}`);
            continue;
          }
          const adj = adjustedCapacity(policy.AdjustmentType ?? 'ChangeInCapacity', policy.ScalingAdjustment ?? 0, desired, policy.MinAdjustmentMagnitude);
          proposals.push({ Capacity: adj.Capacity, policy, alarm: alarm.AlarmName, scaleIn: adj.Capacity < desired, explanation: adj.Explanation });
          decide('proposed', adj.Explanation);
        } else if (policy.PolicyType === 'StepScaling') {
          if (metric === undefined) {
            decide('skipped', 'the alarm has no datapoint in its last period');
            continue;
          }
          const chosen = selectStep(policy.StepAdjustments ?? [], metric, alarm.Threshold);
          if (!chosen.Step) {
            decide('skipped', chosen.Explanation);
            continue;
          }
          // Instances still warming up count toward the desired capacity but not as current capacity, so a
          // repeated breach in the same step adds nothing (as-scaling-simple-step.html, instance warmup).
          const base = chosen.Step.ScalingAdjustment > 0 ? desired - warming : desired;
          const adj = adjustedCapacity(policy.AdjustmentType ?? 'ChangeInCapacity', chosen.Step.ScalingAdjustment, base, policy.MinAdjustmentMagnitude);
          if (chosen.Step.ScalingAdjustment > 0 && adj.Capacity <= desired) {
            decide('skipped', `${chosen.Explanation}; ${warming} instances are still warming up and already cover it`);
            continue;
          }
          proposals.push({ Capacity: adj.Capacity, policy, alarm: alarm.AlarmName, scaleIn: adj.Capacity < desired, explanation: `${chosen.Explanation}: ${adj.Explanation}` });
          decide('proposed', `${chosen.Explanation}: ${adj.Explanation}`);
        } else if (policy.PolicyType === 'TargetTrackingScaling') {
          const target = policy.TargetTrackingConfiguration?.TargetValue ?? 1;
          if (metric === undefined) {
            decide('skipped', 'the tracked metric has no datapoint in the last minute');
            continue;
          }
          const scaleOut = alarm.ComparisonOperator === 'GreaterThanThreshold';
          const ready = Math.max(instances.length - warming, 0);
          if (scaleOut) {
            const capacity = Math.max(targetTrackingCapacity(ready || desired, metric, target), desired);
            if (capacity <= desired) {
              decide('skipped', `${metric} against a target of ${target} needs no more than the ${desired} instances already desired (${warming} warming up)`);
              continue;
            }
            proposals.push({ Capacity: capacity, policy, alarm: alarm.AlarmName, scaleIn: false, explanation: `${ready || desired} instances at ${Math.round(metric * 100) / 100} against a target of ${target} need ${capacity}` });
            decide('proposed', `scale out to ${capacity}`);
          } else {
            // Scale in slowly: not while instances warm up (as-scaling-target-tracking.html, instance warmup).
            if (warming > 0) {
              ttScaleInReady.set(policy.PolicyARN, false);
              decide('skipped', `${warming} instances are warming up, and target tracking does not scale in meanwhile`);
              continue;
            }
            const capacity = targetTrackingCapacity(desired, metric, target);
            if (capacity >= desired) continue;
            ttScaleInReady.set(policy.PolicyARN, true);
            proposals.push({ Capacity: capacity, policy, alarm: alarm.AlarmName, scaleIn: true, explanation: `${desired} instances at ${Math.round(metric * 100) / 100} against a target of ${target} need only ${capacity}` });
            decide('proposed', `scale in to ${capacity}`);
          }
        }
      }
    }
    // Scale out if any policy asks for more; scale in only when every target tracking policy that may scale in agrees.
    const out = combineProposals(proposals.filter((p) => p.Capacity > group.DesiredCapacity));
    let chosen = out;
    if (!chosen) {
      const ttPolicies = policies.filter((p) => p.PolicyType === 'TargetTrackingScaling' && !p.TargetTrackingConfiguration?.DisableScaleIn && p.Enabled);
      const allAgree = ttPolicies.every((p) => ttScaleInReady.get(p.PolicyARN) === true);
      const ins = proposals.filter((p) => p.Capacity < group.DesiredCapacity && (p.policy.PolicyType !== 'TargetTrackingScaling' || allAgree));
      chosen = combineProposals(ins);
    }
    if (chosen) {
      const from = group.DesiredCapacity;
      const to = clampCapacity(chosen.Capacity, group.MinSize, group.MaxSize);
      if (to !== from) {
        if (chosen.policy.PolicyType === 'SimpleScaling') cooldownUntil = now + (to > from ? launchMs : 0) + (chosen.policy.Cooldown ?? group.DefaultCooldown) * 1000;
        changeDesired(now, to, `At ${causeTime(now)} a monitor alarm ${chosen.alarm} in state ALARM triggered policy ${chosen.policy.PolicyName} changing the desired capacity from ${from} to ${to}. `);
      } else {
        events.push({ Time: iso, Type: 'ScalingDecision', AlarmName: chosen.alarm, PolicyName: chosen.policy.PolicyName, Description: `skipped: ${chosen.Capacity} is outside [${group.MinSize}, ${group.MaxSize}], and the desired capacity is already ${from}` });
      }
    }

    // 6. Load and the metrics of the interval [now, now + step).
    const value = series[Math.min(Math.floor((now - start) / seriesStepMs), series.length - 1)] as number;
    const all = currentSims();
    let inServiceCount = 0;
    let cpuSum = 0;
    let healthy: number | undefined;
    let rps: number | undefined;
    let servedRps: number | undefined;
    if ('RequestsPerSecond' in options.load) {
      rps = value;
      // Behind a load balancer requests go to healthy targets (all registered ones when none is: fail open);
      // without one, to every InService instance.
      let healthyCount = 0;
      let registeredCount = 0;
      if (routeBuffer.length < all.length) routeBuffer = new Int8Array(all.length * 2);
      for (let x = 0; x < all.length; x++) {
        const sim = all[x] as (typeof all)[number];
        if (sim.i.LifecycleState !== 'InService') continue;
        inServiceCount++;
        const st = targetGroups.length > 0 ? routedState(sim.t) : 'healthy';
        routeBuffer[x] = st === 'healthy' ? 2 : st === 'registered' ? 1 : 0;
        if (st === 'healthy') healthyCount++;
        if (st !== 'none') registeredCount++;
      }
      if (targetGroups.length > 0) healthy = healthyCount;
      const routedCount = healthyCount > 0 ? healthyCount : registeredCount;
      const perTarget = routedCount > 0 ? value / routedCount : 0;
      servedRps = 0;
      for (let x = 0; x < all.length; x++) {
        const sim = all[x] as (typeof all)[number];
        if (sim.i.LifecycleState !== 'InService') continue;
        const st = routeBuffer[x] as number;
        const profile = profileOf(sim.i.InstanceType);
        const ready = (sim.b.ReadyAt ?? 0) <= now;
        const isRouted = healthyCount > 0 ? st === 2 : st !== 0;
        const load = isRouted && ready ? perTarget : 0;
        servedRps += Math.min(load, profile.RequestsPerSecondAtFullCpu);
        cpuSum += Math.min(100, profile.IdleCpuPercent + (load / profile.RequestsPerSecondAtFullCpu) * (100 - profile.IdleCpuPercent));
      }
      offered += value * step;
      served += servedRps * step;
      publish(networkIn, now, inServiceCount > 0 ? (servedRps * step * bytes.In) / inServiceCount : 0);
      publish(networkOut, now, inServiceCount > 0 ? (servedRps * step * bytes.Out) / inServiceCount : 0);
      for (const tg of targetGroupSeries) {
        publish(tg.requests, now, routedCount > 0 ? (value * step) / routedCount : 0);
        publish(tg.healthy, now, healthyCount);
      }
    } else {
      for (const sim of all) {
        if (sim.i.LifecycleState !== 'InService') continue;
        inServiceCount++;
        cpuSum += value;
      }
    }
    const cpu = inServiceCount > 0 ? cpuSum / inServiceCount : undefined;
    if (cpu !== undefined) publish(cpuSeries, now, cpu);
    minInService = Math.min(minInService, inServiceCount);
    maxInService = Math.max(maxInService, inServiceCount);
    maxDesired = Math.max(maxDesired, group.DesiredCapacity);
    timeline.push({
      Time: iso,
      MinSize: group.MinSize,
      MaxSize: group.MaxSize,
      DesiredCapacity: group.DesiredCapacity,
      InService: inServiceCount,
      Pending: all.length - inServiceCount,
      ...(healthy !== undefined ? { HealthyTargets: healthy } : {}),
      ...(rps !== undefined ? { RequestsPerSecond: rps, ServedRequestsPerSecond: Math.round((servedRps ?? 0) * 1000) / 1000 } : {}),
      ...(cpu !== undefined ? { CPUUtilization: Math.round(cpu * 100) / 100 } : {}),
    });
  }

  return {
    AutoScalingGroupName: name,
    Timeline: timeline,
    Events: events,
    Activities: account.autoscaling.activities.slice(activitiesBefore),
    Summary: {
      Steps: steps,
      MinInService: Number.isFinite(minInService) ? minInService : 0,
      MaxInService: maxInService,
      MaxDesiredCapacity: maxDesired,
      Launches: launches,
      Terminations: terminations,
      HealthCheckReplacements: replacements,
      ...(offered > 0 ? { ServedRequestRatio: Math.round((served / offered) * 10000) / 10000 } : {}),
    },
    Assumptions: assumptions,
    Unsupported: unsupported,
  };
}

/** Whether the load balancer routes to an instance: a healthy (or unused-group) target, only registered, or not at all. */
function routedState(targets: RegisteredTarget[]): 'healthy' | 'registered' | 'none' {
  let best: 'healthy' | 'registered' | 'none' = 'none';
  for (const t of targets) {
    const st = t.TargetHealth.State;
    if (st === 'healthy' || st === 'unused' || st === 'unavailable') return 'healthy';
    if (st !== 'draining') best = 'registered';
  }
  return best;
}

/** One datapoint of a period, as PutMetricData with a single value stores it. */
function publish(series: MetricSeries, at: number, value: number): void {
  addDatapoint(series, { Timestamp: at, SampleCount: 1, Sum: value, Minimum: value, Maximum: value });
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
