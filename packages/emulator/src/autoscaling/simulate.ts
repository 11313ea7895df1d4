import { compileAlarms, evaluateCompiledAlarms, stepSeries, type StepSeries } from '../cloudwatch/step-series.ts';
import { addDatapoint } from '../cloudwatch/metrics.ts';
import { metricKey, type MetricSeries } from '../cloudwatch/state.ts';
import type { Ec2State } from '../ec2/state.ts';
import { ec2Network } from '../elbv2/ec2-network.ts';
import type { RegisteredTarget } from '../elbv2/state.ts';
import { AwsError } from '../errors.ts';
import { causeTime, launchData, reconcileCapacity, recordActivity } from './capacity.ts';
import { cronMatcher, parseCron } from './cron.ts';
import { ValidationError } from './errors.ts';
import { groupSubnets } from './operations.ts';
import { clampCapacity } from './scaling.ts';
import { applyProposal, decideCapacity, type Decision, type PolicyRun } from './simulation-policies.ts';
import { applyApiCall, inputSeries, inputTime, timed, type CallRun } from './simulation-inputs.ts';
import { memoizedNetwork, simTargets } from './simulation-targets.ts';
import { DEFAULT_INSTANCE_PROFILES, type InstanceProfile, type SimulationOptions, type SimulationResult, type TimelineEvent, type TimelinePoint } from './simulation-types.ts';
import type { AutoScalingAccount, GroupInstance } from './state.ts';
import { getRecord } from '../records.ts';

export { DEFAULT_INSTANCE_PROFILES, type HealthCheckResponse, type InstanceProfile, type SimulationApiCall, type SimulationLoad, type SimulationMetricData, type SimulationOptions, type SimulationResult, type TimelineEvent, type TimelinePoint } from './simulation-types.ts';

// A deterministic discrete-time run of one Auto Scaling group on the virtual clock: load → CPU and request
// metrics → CloudWatch alarms → scaling policies → desired capacity → launches, health checks and
// replacements. Times are epoch ms; nothing reads the real clock. The loop runs for every step of a week
// (10,080 at one minute), so what it reads every step is prepared once: metrics the run publishes are
// typed arrays, alarms are compiled, and text is built only for what the timeline records.

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


/** A metric the run publishes: one value per step, and the stored series too when the account already had datapoints in it. */
interface Published {
  series: StepSeries;
  stored: MetricSeries | undefined;
  /** Given as input: the run does not publish over it. */
  fixed?: boolean;
}

/** One datapoint of a step, as PutMetricData with a single value stores it. */
function publish(p: Published, step: number, at: number, value: number): void {
  if (p.fixed) return;
  p.series.values[step] = value;
  if (p.stored) addDatapoint(p.stored, { Timestamp: at, SampleCount: 1, Sum: value, Minimum: value, Maximum: value });
}

/** Whether the load balancer routes to an instance: 2 a healthy (or unused-group) target, 1 only registered, 0 not at all. */
function routedState(targets: RegisteredTarget[]): number {
  let best = 0;
  for (const t of targets) {
    const st = t.TargetHealth.State;
    if (st === 'healthy' || st === 'unused' || st === 'unavailable') return 2;
    if (st !== 'draining') best = 1;
  }
  return best;
}

/** Runs the group through the load on the virtual clock; the account passed in is not changed. */
export function simulate(input: AutoScalingAccount, runOptions: SimulationOptions): SimulationResult {
  let options = runOptions;
  const account = JSON.parse(JSON.stringify(input)) as AutoScalingAccount;
  const ec2 = account.ec2 as (AutoScalingAccount['ec2'] & Partial<Ec2State>) | undefined;
  if (!options.network && ec2?.subnets && ec2.instances && ec2.securityGroups) options = { ...options, network: ec2Network(ec2 as Ec2State) };
  const groups = Object.values(account.autoscaling.groups);
  const group = options.AutoScalingGroupName ? getRecord(account.autoscaling.groups, options.AutoScalingGroupName) : groups.length === 1 ? groups[0] : undefined;
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
  const steps = Math.floor((options.duration * 1000) / stepMs);
  const launchMs = (options.launchSeconds ?? 60) * 1000;
  const bootMs = (options.bootSeconds ?? 120) * 1000;
  const profiles = options.instanceProfiles ?? DEFAULT_INSTANCE_PROFILES;
  const bytes = options.bytesPerRequest ?? { In: 2048, Out: 20480 };
  const ids = counterIds(new Set([...Object.values(account.autoscaling.groups).flatMap((g) => g.Instances.map((i) => i.InstanceId)), ...Object.keys(ec2?.instances ?? {})]));
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
  const profileOf = (type: string): InstanceProfile => {
    const p = getRecord(profiles, type);
    if (p) return p;
    const fallback = { RequestsPerSecondAtFullCpu: 50, IdleCpuPercent: 3 };
    const note = `no capacity profile for \`${type}\`: assumed ${fallback.RequestsPerSecondAtFullCpu} requests per second at full CPU`;
    if (!assumptions.includes(note)) assumptions.push(note);
    return fallback;
  };
  assumptions.push(`instances are InService ${launchMs / 1000} s after launch and answer health checks ${bootMs / 1000} s after launch`);

  const network = memoizedNetwork(options.network);
  const targets = simTargets(account.elbv2, group.TargetGroupARNs, network);
  const targetGroups = targets.targetGroups;
  // The metrics the run publishes (AWS/EC2 by group, AWS/ApplicationELB by target group), one value per step.
  const published = new Map<string, Published>();
  const publisher = (namespace: string, metricName: string, dimensions: { Name: string; Value: string }[]): Published => {
    const key = metricKey(namespace, metricName, dimensions);
    let p = published.get(key);
    if (!p) {
      const existing = getRecord(account.cloudwatch.metrics, key);
      p = { series: stepSeries(start, stepMs, steps), stored: existing && existing.Datapoints.length > 0 ? existing : undefined };
      published.set(key, p);
    }
    return p;
  };
  // Metrics from the input come first, so alarms read them and the run does not publish over them.
  for (const m of options.MetricData ?? []) {
    const key = metricKey(m.Namespace, m.MetricName, m.Dimensions ?? []);
    published.set(key, { series: inputSeries(m, start, stepMs, steps), stored: undefined, fixed: true });
    assumptions.push(`the metric \`${m.Namespace}/${m.MetricName}\`${(m.Dimensions ?? []).map((d) => ` ${d.Name}=${d.Value}`).join('')} comes from the input`);
  }
  const cpuSeries = publisher('AWS/EC2', 'CPUUtilization', byGroup);
  const networkIn = publisher('AWS/EC2', 'NetworkIn', byGroup);
  const networkOut = publisher('AWS/EC2', 'NetworkOut', byGroup);
  const targetGroupSeries = targetGroups.map((tg) => {
    const dims = [{ Name: 'TargetGroup', Value: tg.TargetGroupArn.slice(tg.TargetGroupArn.indexOf('targetgroup/')) }];
    return { requests: publisher('AWS/ApplicationELB', 'RequestCountPerTarget', dims), healthy: publisher('AWS/ApplicationELB', 'HealthyHostCount', dims) };
  });
  if (group.TargetGroupARNs.length > targetGroups.length) unsupported.push('some target groups of the group are not in the account: their health checks are not run');
  if (targetGroups.some((g) => g.LoadBalancerArns.length > 0) && !options.network) throw new ValidationError('the group sits behind a load balancer: pass a `network` or an account with EC2 so health checks can be run (`openNetwork()` assumes every target is reachable)');
  const alarms = compileAlarms(account, (key) => {
    const p = published.get(key);
    return p && !p.stored ? p.series : undefined;
  });

  const policies = Object.values(account.autoscaling.policies).filter((p) => p.AutoScalingGroupName === name);
  const run: PolicyRun = { group, policies, policyByArn: new Map(policies.map((p) => [p.PolicyARN, p])), cooldownUntil: -Infinity, lastDecision: new Map(), unsupported };
  const scheduled = Object.values(account.autoscaling.scheduledActions)
    .filter((a) => a.AutoScalingGroupName === name)
    .map((a) => ({ action: a, matches: a.Recurrence ? cronMatcher(parseCron(a.Recurrence), a.TimeZone ?? 'UTC') : undefined, startMs: a.StartTime ? Date.parse(a.StartTime) : undefined, endMs: a.EndTime ? Date.parse(a.EndTime) : undefined }));
  let launches = 0;
  let terminations = 0;
  let replacements = 0;
  let offered = 0;
  let served = 0;

  // The first time a Pending instance finishes launching; steps before it skip the scan.
  let pendingDue = -Infinity;
  const afterReconcile = (now: number, result: ReturnType<typeof reconcileCapacity>) => {
    launches += result.Launched.length;
    terminations += result.Terminated.length;
    for (const i of result.Launched) {
      targets.behaviourFor(i, i.LaunchTime + bootMs, launch.SecurityGroupIds);
      pendingDue = Math.min(pendingDue, i.LaunchTime + launchMs);
    }
    for (const t of result.Terminated) targets.deregister(t.Instance.InstanceId, now);
    if (result.Activities.length === 0) return;
    const iso = new Date(now).toISOString();
    for (const a of result.Activities) events.push({ Time: iso, Type: 'ScalingActivity', Description: a.Description, Cause: a.Cause });
  };
  const changeDesired = (now: number, desired: number, causePrefix: string) => {
    group.DesiredCapacity = desired;
    afterReconcile(now, reconcileCapacity(account, group, now, ids, subnets, causePrefix));
  };

  // Instances already InService are taken as ready at the start; Pending ones go on booting from their launch.
  // An instance whose launch time the input gives is Pending, booting and warming up as that time says.
  const end = start + steps * stepMs;
  const launchTimes = options.InstanceLaunchTimes ?? {};
  for (const id of Object.keys(launchTimes)) {
    const i = group.Instances.find((x) => x.InstanceId === id && (x.LifecycleState === 'InService' || x.LifecycleState === 'Pending'));
    if (!i) throw new ValidationError(`\`InstanceLaunchTimes\` names \`${id}\`, which is not an instance of the group`);
    const at = inputTime(getRecord(launchTimes, id) as string | number, -Infinity, start + 1, `the launch of \`${id}\``);
    i.LaunchTime = at;
    if (at + launchMs <= start) Object.assign(i, { LifecycleState: 'InService', InServiceTime: at + launchMs });
    else Object.assign(i, { LifecycleState: 'Pending', InServiceTime: undefined });
  }
  for (const i of group.Instances) {
    const inService = i.LifecycleState === 'InService';
    if (getRecord(launchTimes, i.InstanceId) !== undefined) {
      targets.behaviourFor(i, i.LaunchTime + bootMs, launch.SecurityGroupIds);
      if (!inService) continue;
      for (const tg of targetGroups) targets.register(tg, i.InstanceId, i.InServiceTime ?? start, tg.LoadBalancerArns.length === 0 ? 'unused' : i.LaunchTime + bootMs <= start ? 'healthy' : 'initial');
      continue;
    }
    if (inService) i.InServiceTime = Math.min(i.InServiceTime ?? i.LaunchTime, start - bootMs);
    targets.behaviourFor(i, inService ? start : i.LaunchTime + bootMs, launch.SecurityGroupIds);
    if (!inService) continue;
    for (const tg of targetGroups) {
      const existing = tg.Targets.find((t) => t.Target.Id === i.InstanceId);
      if (existing) targets.adopt(existing, i.InstanceId);
      else targets.register(tg, i.InstanceId, start, tg.LoadBalancerArns.length > 0 ? 'healthy' : 'unused');
    }
  }
  afterReconcile(start, reconcileCapacity(account, group, start, ids, subnets, `At ${causeTime(start)} the simulation started with a desired capacity of ${group.DesiredCapacity}. `));

  const series = 'RequestsPerSecond' in options.load ? options.load.RequestsPerSecond : options.load.CPUUtilization;
  if (series.length === 0) throw new ValidationError('the load series is empty');
  const byRequests = 'RequestsPerSecond' in options.load;
  const seriesStepMs = (options.load.StepSeconds ?? step) * 1000;
  const calls = timed(options.ApiCalls, start, end, (c) => `the call \`${c.Action}\``);
  const responses = timed(options.HealthCheckResponses, start, end, (h) => `the health-check response of \`${h.InstanceId}\``);
  if (responses.length > 0 && !targetGroups.some((tg) => tg.LoadBalancerArns.length > 0)) throw new ValidationError('`HealthCheckResponses` need the group behind a load balancer: no target group of the group has one');
  let nextCall = 0;
  let nextResponse = 0;
  const stopped = new Map<string, 'stopped' | 'terminated'>();
  const sickBecause = new Map<string, string>();
  const callRun: CallRun = {
    group,
    run,
    targets,
    stopped,
    sickBecause,
    causeTime,
    changeDesired,
    terminate: (i: GroupInstance, now: number, cause: string) => {
      i.LifecycleState = 'Terminated';
      targets.deregister(i.InstanceId, now);
      terminations++;
      lifecycle++;
      const activity = recordActivity(account, group, now, `Terminating EC2 instance: ${i.InstanceId}`, cause, `${i.InstanceId}-user`);
      events.push({ Time: new Date(now).toISOString(), Type: 'ScalingActivity', InstanceId: i.InstanceId, Description: activity.Description, Cause: activity.Cause });
      group.Instances = group.Instances.filter((x) => x.LifecycleState !== 'Terminated');
      afterReconcile(now, reconcileCapacity(account, group, now, ids, subnets));
    },
  };
  let minInService = Infinity;
  let maxInService = 0;
  let maxDesired = group.DesiredCapacity;
  const decisions: Decision[] = [];
  // Whether an instance may be Unhealthy: only the ELB check below marks one, or the account came with one.
  let mayBeSick = group.Instances.some((i) => i.HealthStatus === 'Unhealthy');
  // What a step needs of the InService instances, in instance order: rebuilt only when the instances,
  // their lifecycle or their targets' health change, which most steps of a long run do not.
  let lifecycle = 0;
  const serving = { of: undefined as unknown, version: -1, lifecycle: -1, count: 0, healthyCount: 0, registeredCount: 0, route: new Int8Array(0), readyAt: new Float64Array(0), full: new Float64Array(0), idle: new Float64Array(0) };
  const serve = (all: ReturnType<typeof targets.sims>) => {
    Object.assign(serving, { of: all, version: targets.version, lifecycle, count: 0, healthyCount: 0, registeredCount: 0 });
    if (serving.route.length < all.length) Object.assign(serving, { route: new Int8Array(all.length * 2), readyAt: new Float64Array(all.length * 2), full: new Float64Array(all.length * 2), idle: new Float64Array(all.length * 2) });
    for (const sim of all) {
      if (sim.i.LifecycleState !== 'InService') continue;
      const x = serving.count++;
      if (!byRequests) continue;
      const st = targetGroups.length > 0 ? routedState(sim.t) : 2;
      serving.route[x] = st;
      if (st === 2) serving.healthyCount++;
      if (st !== 0) serving.registeredCount++;
      const profile = profileOf(sim.i.InstanceType);
      serving.readyAt[x] = sim.b.ReadyAt ?? 0;
      serving.full[x] = profile.RequestsPerSecondAtFullCpu;
      serving.idle[x] = profile.IdleCpuPercent;
    }
  };

  for (let k = 0; k < steps; k++) {
    const now = start + k * stepMs;
    const iso = new Date(now).toISOString();

    // 0. API calls due by now, in time order; a refused call is recorded with AWS's error.
    while (nextCall < calls.length && (calls[nextCall] as { at: number }).at <= now) {
      const { at, item: call } = calls[nextCall++] as (typeof calls)[number];
      const called = `${call.Action} at ${new Date(at).toISOString()}`;
      try {
        events.push({ Time: iso, Type: 'ApiCall', Description: `${called}: ${applyApiCall(callRun, call, now)}` });
      } catch (error) {
        if (!(error instanceof AwsError)) throw error;
        events.push({ Time: iso, Type: 'ApiCall', Description: `${called} failed: ${error.code}: ${error.message}` });
      }
      if (call.Action === 'SetInstanceHealth') mayBeSick = true;
    }

    // 1. Launches finish: Pending → InService, registered with the target groups.
    const launching = now >= pendingDue;
    if (launching) pendingDue = Infinity;
    for (const i of launching ? group.Instances : []) {
      if (i.LifecycleState !== 'Pending') continue;
      if (i.LaunchTime + launchMs > now) {
        pendingDue = Math.min(pendingDue, i.LaunchTime + launchMs);
        continue;
      }
      i.LifecycleState = 'InService';
      i.InServiceTime = i.LaunchTime + launchMs;
      events.push({ Time: iso, Type: 'InstanceLifecycle', InstanceId: i.InstanceId, From: 'Pending', To: 'InService', Description: `instance ${i.InstanceId} is InService` });
      lifecycle++;
      for (const tg of targetGroups) targets.register(tg, i.InstanceId, i.InServiceTime, tg.LoadBalancerArns.length > 0 ? 'initial' : 'unused');
    }

    // 2. Load balancer health checks up to now; an application's new answer takes effect at its time.
    const healthChanges = (until: number) => {
      for (const change of account.elbv2 ? targets.advance(account.elbv2, until) : []) {
        const event: TimelineEvent = { Time: new Date(change.Time).toISOString(), Type: 'TargetHealthChange', InstanceId: change.TargetId, From: change.From, To: change.To, Description: change.Description };
        if (change.Reason) event.Cause = change.Reason;
        events.push(event);
      }
    };
    while (nextResponse < responses.length && (responses[nextResponse] as { at: number }).at <= now) {
      const { at, item } = responses[nextResponse++] as (typeof responses)[number];
      const behaviour = targets.behaviours.get(item.InstanceId);
      if (!behaviour) throw new ValidationError(`the health-check response at ${new Date(at).toISOString()} names \`${item.InstanceId}\`, which the group has not launched by then`);
      healthChanges(at - 1);
      behaviour.ResponseCode = item.ResponseCode;
      targets.touch();
    }
    if (account.elbv2) {
      for (const change of targets.advance(account.elbv2, now)) {
        const event: TimelineEvent = { Time: new Date(change.Time).toISOString(), Type: 'TargetHealthChange', InstanceId: change.TargetId, From: change.From, To: change.To, Description: change.Description };
        if (change.Reason) event.Cause = change.Reason;
        events.push(event);
      }
    }

    // 3. Auto Scaling health checks: with type ELB, a target the load balancer reports unhealthy after the
    // grace period is replaced (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-health-checks.html).
    // EC2 health checks: an instance EC2 stopped or terminated is unhealthy once its grace period is over.
    for (const [id, how] of stopped.size > 0 ? stopped : []) {
      const i = group.Instances.find((x) => x.InstanceId === id);
      if (!i || i.LifecycleState !== 'InService') continue;
      if (now < (i.InServiceTime ?? i.LaunchTime) + group.HealthCheckGracePeriod * 1000) continue;
      i.HealthStatus = 'Unhealthy';
      sickBecause.set(id, `an EC2 health check indicating it has been ${how}`);
      mayBeSick = true;
    }
    if (group.HealthCheckType === 'ELB' && targets.unhealthy.size > 0) {
      for (const i of group.Instances) {
        if (i.LifecycleState !== 'InService' || !targets.unhealthy.has(i.InstanceId)) continue;
        if (now < (i.InServiceTime ?? i.LaunchTime) + group.HealthCheckGracePeriod * 1000) continue;
        i.HealthStatus = 'Unhealthy';
        mayBeSick = true;
      }
    }
    if (mayBeSick) mayBeSick = group.Instances.some((i) => i.HealthStatus === 'Unhealthy');
    if (mayBeSick && group.Instances.some((i) => i.LifecycleState === 'InService' && i.HealthStatus === 'Unhealthy')) {
      const sick = group.Instances.filter((i) => i.LifecycleState === 'InService' && i.HealthStatus === 'Unhealthy');
      for (const i of sick) {
        i.LifecycleState = 'Terminated';
        targets.deregister(i.InstanceId, now);
        replacements++;
        terminations++;
        const why = sickBecause.get(i.InstanceId) ?? (group.HealthCheckType === 'ELB' ? 'an ELB system health check failure' : 'an EC2 health check indicating it has been terminated or stopped');
        const activity = recordActivity(account, group, now, `Terminating EC2 instance: ${i.InstanceId}`, `At ${causeTime(now)} an instance was taken out of service in response to ${why}.`, `${i.InstanceId}-unhealthy`);
        events.push({ Time: iso, Type: 'ScalingActivity', InstanceId: i.InstanceId, Description: activity.Description, Cause: activity.Cause });
      }
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
    const { Transitions, Invocations } = evaluateCompiledAlarms(account, alarms, now);
    for (const t of Transitions) events.push({ Time: iso, Type: 'AlarmStateChange', AlarmName: t.AlarmName, From: t.From, To: t.To, Description: `alarm ${t.AlarmName} went from ${t.From} to ${t.To}`, Cause: t.StateReason });
    decisions.length = 0;
    const chosen = decideCapacity(run, Invocations, now, decisions);
    for (const d of decisions) events.push({ Time: iso, Type: 'ScalingDecision', AlarmName: d.AlarmName, PolicyName: d.PolicyName, Description: d.Description });
    if (chosen) {
      const from = group.DesiredCapacity;
      const to = applyProposal(run, chosen, now, launchMs);
      if (to !== from) changeDesired(now, to, `At ${causeTime(now)} a monitor alarm ${chosen.alarm} in state ALARM triggered policy ${chosen.policy.PolicyName} changing the desired capacity from ${from} to ${to}. `);
      else events.push({ Time: iso, Type: 'ScalingDecision', AlarmName: chosen.alarm, PolicyName: chosen.policy.PolicyName, Description: `skipped: ${chosen.Capacity} is outside [${group.MinSize}, ${group.MaxSize}], and the desired capacity is already ${from}` });
    }

    // 6. Load and the metrics of the interval [now, now + step).
    const value = series[Math.min(Math.floor((now - start) / seriesStepMs), series.length - 1)] as number;
    const all = targets.sims(group.Instances);
    if (serving.of !== all || serving.version !== targets.version || serving.lifecycle !== lifecycle) serve(all);
    const inServiceCount = serving.count;
    let cpuSum = 0;
    let healthy: number | undefined;
    let servedRps = 0;
    if (byRequests) {
      // Behind a load balancer requests go to healthy targets (all registered ones when none is: fail open);
      // without one, to every InService instance.
      const { healthyCount, registeredCount, route, readyAt, full, idle } = serving;
      if (targetGroups.length > 0) healthy = healthyCount;
      const routedCount = healthyCount > 0 ? healthyCount : registeredCount;
      const perTarget = routedCount > 0 ? value / routedCount : 0;
      for (let x = 0; x < inServiceCount; x++) {
        const st = route[x] as number;
        const isRouted = healthyCount > 0 ? st === 2 : st !== 0;
        const load = isRouted && (readyAt[x] as number) <= now ? perTarget : 0;
        const rpsAtFull = full[x] as number;
        const idleCpu = idle[x] as number;
        servedRps += Math.min(load, rpsAtFull);
        cpuSum += Math.min(100, idleCpu + (load / rpsAtFull) * (100 - idleCpu));
      }
      offered += value * step;
      served += servedRps * step;
      publish(networkIn, k, now, inServiceCount > 0 ? (servedRps * step * bytes.In) / inServiceCount : 0);
      publish(networkOut, k, now, inServiceCount > 0 ? (servedRps * step * bytes.Out) / inServiceCount : 0);
      for (const tg of targetGroupSeries) {
        publish(tg.requests, k, now, routedCount > 0 ? (value * step) / routedCount : 0);
        publish(tg.healthy, k, now, healthyCount);
      }
    } else {
      for (let x = 0; x < inServiceCount; x++) cpuSum += value;
    }
    const cpu = inServiceCount > 0 ? cpuSum / inServiceCount : undefined;
    if (cpu !== undefined) publish(cpuSeries, k, now, cpu);
    minInService = Math.min(minInService, inServiceCount);
    maxInService = Math.max(maxInService, inServiceCount);
    maxDesired = Math.max(maxDesired, group.DesiredCapacity);
    const servedShown = Math.round(servedRps * 1000) / 1000;
    const cpuShown = cpu === undefined ? undefined : Math.round(cpu * 100) / 100;
    const pending = all.length - inServiceCount;
    // The usual point (behind a load balancer, with instances in service) in one literal: a point is kept
    // for every step, and an object built whole is the cheapest to keep.
    if (healthy !== undefined && byRequests && cpuShown !== undefined) {
      timeline.push({ Time: iso, MinSize: group.MinSize, MaxSize: group.MaxSize, DesiredCapacity: group.DesiredCapacity, InService: inServiceCount, Pending: pending, HealthyTargets: healthy, RequestsPerSecond: value, ServedRequestsPerSecond: servedShown, CPUUtilization: cpuShown });
    } else {
      const point: TimelinePoint = { Time: iso, MinSize: group.MinSize, MaxSize: group.MaxSize, DesiredCapacity: group.DesiredCapacity, InService: inServiceCount, Pending: pending };
      if (healthy !== undefined) point.HealthyTargets = healthy;
      if (byRequests) {
        point.RequestsPerSecond = value;
        point.ServedRequestsPerSecond = servedShown;
      }
      if (cpuShown !== undefined) point.CPUUtilization = cpuShown;
      timeline.push(point);
    }
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
