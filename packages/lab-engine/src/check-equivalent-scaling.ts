import { AwsError, type AccountState, type SimulationResult } from '@skylab/emulator';
import type { AsgTask, Lab, LabCheck } from '@skylab/validation';
import { formatOffset, hourlyCapacity, runGroup } from './asg-simulation.ts';
import { asgTask } from './check-asg-scenario.ts';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { LabError } from './lab-error.ts';
import { renderDeep } from './template.ts';
import { scalingUniverse, type LoadProfile } from './scaling-universe.ts';

// `equivalent-scaling`: the learner's group and the solution's, run through the same universe of load
// profiles, must keep the same capacity over time. What counts as the same (docs/labs.md): the smallest and
// largest InService counts exactly, and whether instances are replaced after failed health checks — they
// are MinSize, MaxSize and churn, which no timing explains — and InService minute by minute within `tolerance.instances`, except for at most
// `tolerance.minutes` minutes per profile, which absorbs an alarm evaluated a period later or an instance
// warming up a minute apart, but not a different target, threshold, schedule or time zone.

type Spec = NonNullable<LabCheck['equivalent-scaling']>;

/** What the comparison reads of a run, kept small so the solution's runs can be kept per lab variant. */
export interface RunDigest {
  inService: Int16Array;
  summary: SimulationResult['Summary'];
  hourly: string;
  unsupported: string[];
}

function digest(result: SimulationResult, start: number): RunDigest {
  return { inService: Int16Array.from(result.Timeline, (p) => p.InService), summary: result.Summary, hourly: hourlyCapacity(result, start), unsupported: result.Unsupported };
}

// The solution's runs by lab, variant and profile: every submission of a variant compares with the same
// runs, and mutation testing grades dozens of answers against them. Deterministic, so safe to keep.
const referenceRuns = new WeakMap<Lab, Map<string, RunDigest>>();
// The learner's runs by graded account: a lab's comparison and mutation testing's oracle ask the same ones.
const gradedRuns = new WeakMap<AccountState, Map<string, RunDigest>>();

/** A run kept in `cache` under `owner` and `key`, made once. */
function kept<K extends object>(cache: WeakMap<K, Map<string, RunDigest>>, owner: K, key: string, make: () => RunDigest): RunDigest {
  const runs = cache.get(owner) ?? new Map<string, RunDigest>();
  cache.set(owner, runs);
  const known = runs.get(key);
  if (known) return known;
  const made = make();
  runs.set(key, made);
  return made;
}

function profileKey(params: Record<string, string>, task: AsgTask, profile: LoadProfile): string {
  return JSON.stringify([params, task.id, profile.name, profile.start, profile.minutes, profile.initial, profile.bootSeconds, profile.crashMinute, profile.load]);
}

/** How one profile's runs differ, in words; empty when they agree. */
export function runDifferences(mine: RunDigest, theirs: RunDigest, spec: Spec, profile: Pick<LoadProfile, 'start' | 'healthOnly'>): string[] {
  const out: string[] = [];
  const a = mine.summary;
  const b = theirs.summary;
  // Whether instances are replaced, not how many: with an application that never answers, any grace period
  // replaces instances, a longer one only less often.
  const replaced = a.HealthCheckReplacements > 0 !== b.HealthCheckReplacements > 0 ? [`${a.HealthCheckReplacements} instances replaced after failed health checks, the solution ${b.HealthCheckReplacements}`] : [];
  if (profile.healthOnly) return replaced;
  if (a.MaxInService !== b.MaxInService) out.push(`at most ${a.MaxInService} instances InService, the solution ${b.MaxInService}`);
  if (a.MinInService !== b.MinInService) out.push(`at least ${a.MinInService} instances InService, the solution ${b.MinInService}`);
  out.push(...replaced);
  let apart = 0;
  let first = -1;
  mine.inService.forEach((count, m) => {
    if (Math.abs(count - (theirs.inService[m] ?? 0)) <= spec.tolerance.instances) return;
    apart++;
    if (first < 0) first = m;
  });
  if (apart > spec.tolerance.minutes) {
    const at = formatOffset(profile.start, profile.start + first * 60_000);
    out.push(`InService differs by more than ${spec.tolerance.instances} for ${apart} minutes, first at ${at} (${mine.inService[first]} against ${theirs.inService[first]})`);
  }
  return out;
}

/** The solution's run of a profile, once per lab variant: a failure there is the lab's problem. */
function referenceRun(input: CheckInput, lab: Lab, task: AsgTask, profile: LoadProfile): RunDigest {
  return kept(referenceRuns, lab, profileKey(input.params, task, profile), () => {
    try {
      return digest(runGroup(input.reference(), task, profile), profile.start);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      throw new LabError(`the solution's group cannot be simulated under \`${profile.name}\`: ${error.message}`, []);
    }
  });
}

/** An `equivalent-scaling` check over the universe of load profiles. */
export function runEquivalentScalingCheck(input: CheckInput, lab: Lab): CheckRun {
  const raw = input.check['equivalent-scaling'];
  if (raw === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-scaling` assertion');
  const spec = renderDeep(raw, input.params);
  const task = asgTask(lab, spec.task, input.params);
  if (typeof task === 'string') return errored(input, LAB_PROBLEM, task);
  const scenarios = lab.checks.flatMap((c) => (c['asg-scenario']?.task === spec.task ? [renderDeep(c['asg-scenario'], input.params)] : []));
  const profiles = scalingUniverse(spec, scenarios);
  const differing: string[] = [];
  const unsupported = new Set<string>();
  for (const profile of profiles) {
    let mine: RunDigest;
    try {
      mine = kept(gradedRuns, input.state, profileKey(input.params, task, profile), () => digest(runGroup(input.state, task, profile), profile.start));
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      return errored(input, 'the simulation could not run your group', `the Auto Scaling simulation refused the group under \`${profile.name}\`: ${error.message}`, [error.message]);
    }
    const theirs = referenceRun(input, lab, task, profile);
    for (const item of [...mine.unsupported, ...theirs.unsupported]) unsupported.add(item);
    const differences = runDifferences(mine, theirs, spec, profile);
    if (differences.length === 0) continue;
    differing.push(
      [
        `under ${profile.description} (\`${profile.name}\`): ${differences.join('; ')}`,
        `  yours InService by the hour: ${mine.hourly}`,
        `  the solution's:              ${theirs.hourly}`,
      ].join('\n'),
    );
  }
  const compared = `compared over ${profiles.length} load profiles: ${profiles.map((p) => `\`${p.name}\``).join(', ')}`;
  const explanation = differing.length === 0
    ? `your group keeps the same capacity as the solution's under every profile (${compared.replace('compared over ', '')})`
    : [`your group scales differently from the solution's under ${differing.length} of ${profiles.length} load profiles:`, ...differing.slice(0, spec.examples), compared].join('\n');
  return decided(input, differing.length === 0, explanation, [...unsupported]);
}
