import type { AccountState, LoadBalancer, TargetGroup } from '@skylab/emulator';
import type { Lab, LabCheck } from '@skylab/validation';
import { targetGroupNamed } from './apply-target-group.ts';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { BREAK_AT, duration, healthTimeline, loadBalancerOf, OUTAGE_SECONDS, outcomeOf, outcomeText, reachOf, type Application, type Outcome, type Story } from './health-timeline.ts';
import { resourceNames, withNames } from './resource-names.ts';
import { renderDeep } from './template.ts';
import { healthStories } from './target-health-universe.ts';

// `equivalent-target-health` compares the learner's health check with the solution's through every story
// of the universe; `target-health` runs one story and expects an outcome. Both read each side's own
// account: its target group settings and the security groups and network ACLs between the load balancer
// and the targets.

type TargetGroupTask = Extract<Lab['tasks'][number], { kind: 'target-group' }>;

interface Side {
  group: TargetGroup;
  lb: LoadBalancer;
}

function sideOf(state: AccountState, task: TargetGroupTask): Side | string {
  const group = targetGroupNamed(state, task.TargetGroupName);
  if (!group) return `there is no target group \`${task.TargetGroupName}\``;
  const lb = loadBalancerOf(state, group);
  if (!lb) return `no load balancer forwards to \`${task.TargetGroupName}\`, so nothing health checks its targets`;
  if (group.Targets.length === 0) return `\`${task.TargetGroupName}\` has no targets`;
  // An `ip` target's security groups and subnet are not the account's to read, so its reach is unknown: fail closed.
  if (group.TargetType !== 'instance') return `\`${task.TargetGroupName}\` registers \`${group.TargetType}\` targets: only instance targets are health checked through the network`;
  return { group, lb };
}

function taskOf(lab: Lab, input: CheckInput, id: string): TargetGroupTask | undefined {
  const task = lab.tasks.find((t) => t.id === id);
  return task?.kind === 'target-group' ? renderDeep(task, input.params) : undefined;
}

/** Each target's outcome in the story, by target id. */
function outcomes(state: AccountState, side: Side, application: Application, story: Story): Map<string, Outcome> {
  return new Map(side.group.Targets.map((target) => [target.Target.Id, outcomeOf(healthTimeline(side.group, side.lb, target, application, story, reachOf(state, side.group, side.lb, target)), story)]));
}

const close = (a: number | undefined, b: number | undefined, tolerance: number) => (a === undefined) === (b === undefined) && (a === undefined || Math.abs(a - (b as number)) <= tolerance);

function same(a: Outcome, b: Outcome, tolerance: number): boolean {
  return a.final === b.final && close(a.healthyAt, b.healthyAt, tolerance) && close(a.detectedAfter, b.detectedAfter, tolerance) && close(a.recoveredAfter, b.recoveredAfter, tolerance);
}

/**
 * An `equivalent-target-health` check: every target of the task's group goes through every story of the
 * universe as under the solution's settings and network — healthy, unhealthy and healthy again at the
 * same times, within `toleranceSeconds` — or the explanation lists the stories where it does not.
 */
export function runEquivalentTargetHealthCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['equivalent-target-health'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-target-health` assertion');
  const task = taskOf(lab, input, spec.task);
  if (!task) return errored(input, LAB_PROBLEM, `task \`${spec.task}\` is not a target-group task`);
  const reference = input.reference();
  const mine = sideOf(input.state, task);
  const theirs = sideOf(reference, task);
  if (typeof mine === 'string') return errored(input, LAB_PROBLEM, mine);
  if (typeof theirs === 'string') return errored(input, LAB_PROBLEM, theirs);
  const names = resourceNames(input.state);
  const stories = healthStories(task.application, [mine.group, theirs.group]);
  const differences: string[] = [];
  for (const story of stories) {
    const a = outcomes(input.state, mine, task.application, story);
    const b = outcomes(reference, theirs, task.application, story);
    for (const [id, outcome] of a) {
      const other = b.get(id);
      if (!other || same(outcome, other, spec.toleranceSeconds)) continue;
      differences.push(`- ${story.label}: \`${names.byId.get(id) ?? id}\` is ${outcomeText(outcome, story)}; with the reference's settings it is ${outcomeText(other, story)}`);
    }
  }
  const tolerance = spec.toleranceSeconds > 0 ? ` within ${duration(spec.toleranceSeconds)}` : '';
  const head = `compared ${mine.group.Targets.length} targets through ${stories.length} stories (nothing broken, each path answering each status code around either matcher, answers around either timeout, the application down for an hour and for streaks around either threshold)${tolerance}`;
  const shown = differences.slice(0, spec.examples);
  const more = differences.length > shown.length ? [`… and ${differences.length - shown.length} more`] : [];
  const lines = differences.length === 0 ? [head, 'every target is healthy, unhealthy and healthy again when it is with the reference settings'] : [head, `your health check differs in ${differences.length} cases:`, ...shown, ...more];
  return decided(input, differences.length === 0, lines.join('\n'));
}

type HealthSpec = NonNullable<LabCheck['target-health']>;

function storyOf(spec: HealthSpec): Story {
  if (!spec.failure) return { label: 'nothing breaks' };
  const f = spec.failure;
  const what = f.down ? 'the application stops answering' : f.path !== undefined ? `\`${f.path}\` answers ${f.status}` : `the application takes ${f.responseMilliseconds} ms to answer`;
  return { label: what, breakage: f, from: BREAK_AT, until: BREAK_AT + OUTAGE_SECONDS };
}

/** Why an outcome misses the expectation, or undefined when it meets it. */
function miss(outcome: Outcome, expect: HealthSpec['expect']): string | undefined {
  if (expect.healthyWithinSeconds !== undefined && (outcome.healthyAt === undefined || outcome.healthyAt > expect.healthyWithinSeconds)) return `it should be healthy within ${duration(expect.healthyWithinSeconds)}`;
  if (expect.unhealthyWithinSeconds !== undefined && (outcome.detectedAfter === undefined || outcome.detectedAfter > expect.unhealthyWithinSeconds)) return `the failure should be noticed within ${duration(expect.unhealthyWithinSeconds)}`;
  if (expect.staysHealthy === true && (outcome.healthyAt === undefined || outcome.detectedAfter !== undefined || outcome.final !== 'healthy')) return 'it should stay healthy';
  return undefined;
}

/** A `target-health` check: every target of the task's group, through the check's story, meets the expectation. */
export function runTargetHealthCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['target-health'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `target-health` assertion');
  const task = taskOf(lab, input, spec.task);
  if (!task) return errored(input, LAB_PROBLEM, `task \`${spec.task}\` is not a target-group task`);
  const side = sideOf(input.state, task);
  if (typeof side === 'string') return errored(input, LAB_PROBLEM, side);
  const names = resourceNames(input.state);
  const story = storyOf(spec);
  const lines: string[] = [];
  let passed = true;
  for (const target of side.group.Targets) {
    const timeline = healthTimeline(side.group, side.lb, target, task.application, story, reachOf(input.state, side.group, side.lb, target));
    const outcome = outcomeOf(timeline, story);
    const missed = miss(outcome, spec.expect);
    passed &&= missed === undefined;
    const why = timeline.find((t) => t.to === 'unhealthy')?.description;
    lines.push(`- \`${names.byId.get(target.Target.Id) ?? target.Target.Id}\`: ${outcomeText(outcome, story)}${missed ? `, but ${missed}` : ''}${why ? ` (${withNames(why, names)})` : ''}`);
  }
  const when = story.from === undefined ? '' : ` (from ${duration(BREAK_AT)} after registration, for ${duration(OUTAGE_SECONDS)})`;
  return decided(input, passed, [`${story.label}${when}:`, ...lines].join('\n'));
}
