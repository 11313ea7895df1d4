import type { AlarmInvocation, CompiledAlarm } from '../cloudwatch/step-series.ts';
import { adjustedCapacity, clampCapacity, selectStep, targetTrackingCapacity } from './scaling.ts';
import type { AutoScalingGroup, GroupInstance, ScalingPolicy } from './state.ts';

// What a group's scaling policies do when their alarms invoke them, one simulation step at a time:
// simple scaling with cooldowns, step scaling relative to the alarm threshold, target tracking that scales
// out fast and in slowly, and instance warmup for all three
// (https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-scale-based-on-demand.html).

/** A capacity a policy asks for. */
export interface Proposal {
  Capacity: number;
  policy: ScalingPolicy;
  alarm: string;
}

/** A scaling decision worth recording. */
export interface Decision {
  AlarmName: string;
  PolicyName: string;
  Description: string;
}

/** What the policies need of the run, kept between steps. */
export interface PolicyRun {
  group: AutoScalingGroup;
  policies: ScalingPolicy[];
  policyByArn: Map<string, ScalingPolicy>;
  /** The end of the cooldown simple scaling waits out (epoch ms). */
  cooldownUntil: number;
  /** The last decision per alarm and policy: an alarm that stays in ALARM invokes its policy every period, mostly to the same answer. */
  lastDecision: Map<CompiledAlarm, Map<ScalingPolicy, string>>;
  unsupported: string[];
}

/** Records a decision when it differs from the policy's last one for the alarm. */
function decide(run: PolicyRun, compiled: CompiledAlarm, policy: ScalingPolicy, decisions: Decision[], outcome: 'skipped' | 'proposed', explanation: string): void {
  const description = `${outcome}: ${explanation}`;
  let last = run.lastDecision.get(compiled);
  if (!last) run.lastDecision.set(compiled, (last = new Map()));
  if (last.get(policy) === description) return;
  last.set(policy, description);
  decisions.push({ AlarmName: compiled.alarm.AlarmName, PolicyName: policy.PolicyName, Description: description });
}

/**
 * When several policies answer at once, the group takes the one that gives the largest capacity, for scale
 * out and for scale in alike (as-scaling-simple-step.html, "Multiple scaling policies"): here among those
 * above (or below) the current capacity, the first on a tie.
 */
function largest(proposals: Proposal[], desired: number, above: boolean, scaleInAgreed: boolean): Proposal | undefined {
  let best: Proposal | undefined;
  for (const p of proposals) {
    if (above ? p.Capacity <= desired : p.Capacity >= desired || (p.policy.PolicyType === 'TargetTrackingScaling' && !scaleInAgreed)) continue;
    if (best === undefined || p.Capacity > best.Capacity) best = p;
  }
  return best;
}

function warmupOf(group: AutoScalingGroup, policy: ScalingPolicy): number {
  return (policy.EstimatedInstanceWarmup ?? group.DefaultInstanceWarmup ?? group.DefaultCooldown) * 1000;
}

/** Live (Pending or InService) instances, and those of them still warming up. */
function liveAndWarming(instances: GroupInstance[], now: number, warmup: number): { live: number; warming: number } {
  let live = 0;
  let warming = 0;
  for (const i of instances) {
    if (i.LifecycleState !== 'Pending' && i.LifecycleState !== 'InService') continue;
    live++;
    if (i.LifecycleState === 'Pending' || now < (i.InServiceTime ?? i.LaunchTime) + warmup) warming++;
  }
  return { live, warming };
}

/**
 * While instances warm up, dynamic scaling does not scale in, whatever the policy type: "this blocks the
 * scale-in activities for dynamic scaling until the new instances finish warming up", and without a
 * default instance warmup the default cooldown plays its part
 * (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-default-instance-warmup.html).
 */
function scaleInBlocked(warming: number, explanation: string): string {
  return `${explanation}; ${warming} ${warming === 1 ? 'instance is' : 'instances are'} still warming up, and dynamic scaling does not scale in until they finish (default instance warmup)`;
}

/**
 * Runs the policies the invocations name and answers the capacity to move to (none when no policy asks
 * for a change), with the decisions that differ from each policy's last one.
 */
export function decideCapacity(run: PolicyRun, invocations: AlarmInvocation[], now: number, decisions: Decision[]): Proposal | undefined {
  if (invocations.length === 0) return undefined;
  const group = run.group;
  const proposals: Proposal[] = [];
  const ttScaleInReady = new Map<string, boolean>();
  for (const inv of invocations) {
    const compiled = inv.compiled;
    const alarm = compiled.alarm;
    for (const arn of inv.Actions) {
      const policy = run.policyByArn.get(arn);
      if (!policy) {
        const note = `alarm action \`${arn}\` is not modelled: only this group's scaling policies run`;
        if (!run.unsupported.includes(note)) run.unsupported.push(note);
        continue;
      }
      if (!policy.Enabled) continue;
      const metric = compiled.statistic(now - alarm.Period * 1000);
      const desired = group.DesiredCapacity;
      const { live, warming } = liveAndWarming(group.Instances, now, warmupOf(group, policy));
      if (policy.PolicyType === 'SimpleScaling') {
        // Simple scaling waits out the cooldown after each activity (ec2-auto-scaling-scaling-cooldowns.html).
        if (now < run.cooldownUntil) {
          decide(run, compiled, policy, decisions, 'skipped', `the group is in its cooldown until ${new Date(run.cooldownUntil).toISOString()}`);
          continue;
        }
        const adj = adjustedCapacity(policy.AdjustmentType ?? 'ChangeInCapacity', policy.ScalingAdjustment ?? 0, desired, policy.MinAdjustmentMagnitude);
        if (adj.Capacity < desired && warming > 0) {
          decide(run, compiled, policy, decisions, 'skipped', scaleInBlocked(warming, adj.Explanation));
          continue;
        }
        proposals.push({ Capacity: adj.Capacity, policy, alarm: alarm.AlarmName });
        decide(run, compiled, policy, decisions, 'proposed', adj.Explanation);
      } else if (policy.PolicyType === 'StepScaling') {
        if (metric === undefined) {
          decide(run, compiled, policy, decisions, 'skipped', 'the alarm has no datapoint in its last period');
          continue;
        }
        const chosen = selectStep(policy.StepAdjustments ?? [], metric, alarm.Threshold);
        if (!chosen.Step) {
          decide(run, compiled, policy, decisions, 'skipped', chosen.Explanation);
          continue;
        }
        // Instances still warming up count toward the desired capacity but not as current capacity, so a
        // repeated breach in the same step adds nothing (as-scaling-simple-step.html, instance warmup).
        const base = chosen.Step.ScalingAdjustment > 0 ? desired - warming : desired;
        const adj = adjustedCapacity(policy.AdjustmentType ?? 'ChangeInCapacity', chosen.Step.ScalingAdjustment, base, policy.MinAdjustmentMagnitude);
        if (adj.Capacity < desired && warming > 0) {
          decide(run, compiled, policy, decisions, 'skipped', scaleInBlocked(warming, `${chosen.Explanation}: ${adj.Explanation}`));
          continue;
        }
        if (chosen.Step.ScalingAdjustment > 0 && adj.Capacity <= desired) {
          decide(run, compiled, policy, decisions, 'skipped', `${chosen.Explanation}; ${warming} instances are still warming up and already cover it`);
          continue;
        }
        proposals.push({ Capacity: adj.Capacity, policy, alarm: alarm.AlarmName });
        decide(run, compiled, policy, decisions, 'proposed', `${chosen.Explanation}: ${adj.Explanation}`);
      } else if (policy.PolicyType === 'TargetTrackingScaling') {
        const target = policy.TargetTrackingConfiguration?.TargetValue ?? 1;
        if (metric === undefined) {
          decide(run, compiled, policy, decisions, 'skipped', 'the tracked metric has no datapoint in the last minute');
          continue;
        }
        const ready = Math.max(live - warming, 0);
        if (alarm.ComparisonOperator === 'GreaterThanThreshold') {
          const capacity = Math.max(targetTrackingCapacity(ready || desired, metric, target), desired);
          if (capacity <= desired) {
            decide(run, compiled, policy, decisions, 'skipped', `${metric} against a target of ${target} needs no more than the ${desired} instances already desired (${warming} warming up)`);
            continue;
          }
          proposals.push({ Capacity: capacity, policy, alarm: alarm.AlarmName });
          decide(run, compiled, policy, decisions, 'proposed', `scale out to ${capacity}`);
        } else {
          // Scale in slowly: not while instances warm up (as-scaling-target-tracking.html, instance warmup).
          if (warming > 0) {
            ttScaleInReady.set(policy.PolicyARN, false);
            decide(run, compiled, policy, decisions, 'skipped', `${warming} instances are warming up, and target tracking does not scale in meanwhile`);
            continue;
          }
          const capacity = targetTrackingCapacity(desired, metric, target);
          if (capacity >= desired) continue;
          ttScaleInReady.set(policy.PolicyARN, true);
          proposals.push({ Capacity: capacity, policy, alarm: alarm.AlarmName });
          decide(run, compiled, policy, decisions, 'proposed', `scale in to ${capacity}`);
        }
      }
    }
  }
  // Scale out if any policy asks for more; scale in only when every target tracking policy that may scale in agrees.
  const out = largest(proposals, group.DesiredCapacity, true, false);
  if (out) return out;
  let allAgree = true;
  for (const p of run.policies) {
    if (p.PolicyType === 'TargetTrackingScaling' && !p.TargetTrackingConfiguration?.DisableScaleIn && p.Enabled && ttScaleInReady.get(p.PolicyARN) !== true) allAgree = false;
  }
  return largest(proposals, group.DesiredCapacity, false, allAgree);
}

/** The desired capacity a proposal leads to within the group's bounds; sets the cooldown of a simple scaling policy that changes it. */
export function applyProposal(run: PolicyRun, chosen: Proposal, now: number, launchMs: number): number {
  const group = run.group;
  const from = group.DesiredCapacity;
  const to = clampCapacity(chosen.Capacity, group.MinSize, group.MaxSize);
  if (to !== from && chosen.policy.PolicyType === 'SimpleScaling') run.cooldownUntil = now + (to > from ? launchMs : 0) + (chosen.policy.Cooldown ?? group.DefaultCooldown) * 1000;
  return to;
}
