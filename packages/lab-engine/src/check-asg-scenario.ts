import { AwsError, type SimulationResult } from '@skylab/emulator';
import { offsetMinutes, type AsgTask, type Lab, type LabCheck } from '@skylab/validation';
import { formatOffset, hourlyCapacity, keyEvents, loadSeries, runGroup, runStart } from './asg-simulation.ts';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { renderDeep } from './template.ts';
import { asgTimelineVisual } from './visuals/asg-timeline.ts';

type Scenario = NonNullable<LabCheck['asg-scenario']>;
type Bounds = { min?: number | undefined; max?: number | undefined };

/** The `auto-scaling-group` task a check names, or why it cannot run. */
export function asgTask(lab: Lab, id: string, params: Record<string, string>): AsgTask | string {
  const task = lab.tasks.find((t) => t.id === id);
  if (!task) return `there is no task \`${id}\``;
  if (task.kind !== 'auto-scaling-group') return `task \`${id}\` is not an \`auto-scaling-group\` task`;
  return renderDeep(task, params);
}

function outside(value: number, bounds: Bounds): boolean {
  return (bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max);
}

function boundsText(bounds: Bounds): string {
  if (bounds.min !== undefined && bounds.max !== undefined) return bounds.min === bounds.max ? `exactly ${bounds.min}` : `between ${bounds.min} and ${bounds.max}`;
  return bounds.min !== undefined ? `at least ${bounds.min}` : `at most ${bounds.max ?? 0}`;
}

/** Every expectation the timeline breaks, in words. */
export function brokenExpectations(spec: Scenario, result: SimulationResult, load: number[], start: number): string[] {
  const broken: string[] = [];
  const { expect } = spec;
  const points = result.Timeline;
  const at = (m: number) => formatOffset(start, start + m * 60_000);
  if (expect.inService) {
    const m = points.findIndex((p) => outside(p.InService, expect.inService ?? {}));
    if (m >= 0) broken.push(`InService must stay ${boundsText(expect.inService)}, but at ${at(m)} it was ${points[m]?.InService}`);
  }
  for (const point of expect.at ?? []) {
    const m = offsetMinutes(point.time);
    // A time past the run cannot be checked: fail closed, so the lab's own self-test shows it.
    if (m >= points.length) {
      broken.push(`${point.time} is after the end of the run (${spec.hours} hour${spec.hours === 1 ? '' : 's'}): nothing to check there`);
      continue;
    }
    const value = points[m]?.InService ?? 0;
    if (outside(value, point.inService)) broken.push(`at ${point.time} InService must be ${boundsText(point.inService)}, but it was ${value}`);
  }
  if (expect.scaleOut) {
    const { requestsPerSecondAbove: level, withinMinutes } = expect.scaleOut;
    const crossing = load.findIndex((v, m) => v > level && (m === 0 || (load[m - 1] ?? 0) <= level));
    if (crossing < 0) broken.push(`the load never rises above ${level} requests per second, so how fast the group scales out cannot be checked`);
    else {
      const before = points[crossing]?.InService ?? 0;
      const end = Math.min(crossing + withinMinutes, points.length - 1);
      const scaled = points.slice(crossing, end + 1).findIndex((p) => p.InService > before);
      if (scaled < 0) broken.push(`the load rose above ${level} requests per second at ${at(crossing)}, but ${withinMinutes} minute${withinMinutes === 1 ? '' : 's'} later no more than ${before} instances were InService`);
    }
  }
  if (expect.maxLaunches !== undefined && result.Summary.Launches > expect.maxLaunches) broken.push(`at most ${expect.maxLaunches} launches were expected, the group launched ${result.Summary.Launches}`);
  if (expect.maxHealthCheckReplacements !== undefined && result.Summary.HealthCheckReplacements > expect.maxHealthCheckReplacements) {
    broken.push(`at most ${expect.maxHealthCheckReplacements} instances may be replaced after failing health checks, ${result.Summary.HealthCheckReplacements} were`);
  }
  const ratio = result.Summary.ServedRequestRatio ?? 1;
  if (expect.minServedRequestRatio !== undefined && ratio < expect.minServedRequestRatio) broken.push(`at least ${expect.minServedRequestRatio * 100}% of the requests must reach a ready instance, ${Math.round(ratio * 1000) / 10}% did`);
  return broken;
}

/** The timeline of a run in words: capacity by the hour, the summary and the key events. */
export function timelineText(result: SimulationResult, start: number, events: number): string {
  const s = result.Summary;
  return [
    `InService by the hour: ${hourlyCapacity(result, start)}`,
    `${s.Launches} launches, ${s.Terminations} terminations (${s.HealthCheckReplacements} after failed health checks), InService between ${s.MinInService} and ${s.MaxInService}${s.ServedRequestRatio !== undefined ? `, ${Math.round(s.ServedRequestRatio * 1000) / 10}% of requests served` : ''}`,
    ...(events > 0 ? ['key events:', ...keyEvents(result, start, events)] : []),
    ...result.Assumptions.map((a) => `assumed: ${a}`),
  ].join('\n');
}

// The solution's InService under each check's load, per lab variant, for the chart's reference line: every
// submission of a variant draws beside the same run, made once.
const referenceSeries = new WeakMap<Lab, Map<string, number[] | undefined>>();

function referenceInService(input: CheckInput, lab: Lab, task: AsgTask, run: Parameters<typeof runGroup>[2]): number[] | undefined {
  const runs = referenceSeries.get(lab) ?? new Map<string, number[] | undefined>();
  referenceSeries.set(lab, runs);
  const key = JSON.stringify([input.check.id, input.params]);
  if (!runs.has(key)) {
    try {
      runs.set(key, runGroup(input.reference(), task, run).Timeline.map((p) => p.InService));
    } catch (error) {
      // The chart goes without its reference line; the lab's self-test reports a solution that cannot run.
      if (!(error instanceof AwsError)) throw error;
      runs.set(key, undefined);
    }
  }
  return runs.get(key);
}

/** An `asg-scenario` check: the learner's group through the check's load, every expectation held. */
export function runAsgScenarioCheck(input: CheckInput, lab: Lab): CheckRun {
  const raw = input.check['asg-scenario'];
  if (raw === undefined) return errored(input, LAB_PROBLEM, 'the check has no `asg-scenario` assertion');
  const spec = renderDeep(raw, input.params);
  const task = asgTask(lab, spec.task, input.params);
  if (typeof task === 'string') return errored(input, LAB_PROBLEM, task);
  const start = runStart(spec.start, spec.timeZone);
  const minutes = spec.hours * 60;
  const load = loadSeries(spec.load, minutes);
  const run = { start, minutes, initial: spec.initial, load, ...(spec.crashAt !== undefined ? { crashMinute: offsetMinutes(spec.crashAt) } : {}) };
  let result: SimulationResult;
  try {
    result = runGroup(input.state, task, run);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return errored(input, 'the simulation could not run your group', `the Auto Scaling simulation refused the group: ${error.message}`, [error.message]);
  }
  const broken = brokenExpectations(spec, result, load, start);
  const explanation = [...broken, timelineText(result, start, spec.events)].join('\n');
  const visual = asgTimelineVisual(result, start, load, referenceInService(input, lab, task, run));
  return decided(input, broken.length === 0, explanation, result.Unsupported, visual);
}
