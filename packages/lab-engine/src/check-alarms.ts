import { evaluationRange, type AccountState, type Ctx, type MetricAlarm } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { runAlarm, type AlarmRun, type PublishedDatapoint, type SeriesMetric } from './alarm-timeline.ts';
import { alarmUniverse, PATTERN_LEGEND, seriesDatapoints, type UniverseSeries } from './alarm-universe.ts';
import { topicArn, type CloudwatchAlarmTask } from './apply-cloudwatch-alarms.ts';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { renderDeep } from './template.ts';

// The `cloudwatch-alarm` checks. `alarm-scenario` is a probe: one alarm, one series, the state it ends in.
// `equivalent-alarms` is the gate: each alarm of the answer and the solution's run over every series of
// the universe (alarm-universe.ts), compared minute by minute on their state and the actions they fire.
// Both feed the series on the solution's metric, so an alarm on another metric (a dimension dropped, a
// typo in the namespace) sees no data, as it would in AWS.

/** Midnight UTC: every period (10 s to a day) starts on a multiple of it. */
const START = Date.UTC(2026, 0, 5);

function alarmTask(lab: Lab, id: string, params: Record<string, string>): CloudwatchAlarmTask | undefined {
  const task = lab.tasks.find((t) => t.id === id);
  return task?.kind === 'cloudwatch-alarm' ? renderDeep(task, params) : undefined;
}

function alarmOf(state: AccountState, name: string): MetricAlarm | undefined {
  return Object.values(state.cloudwatch.alarms).find((a) => a.AlarmName === name);
}

function metricOf(alarm: MetricAlarm): SeriesMetric {
  return { Namespace: alarm.Namespace, MetricName: alarm.MetricName, Dimensions: alarm.Dimensions };
}

/** An action as the learner wrote it: a topic's name for the lab's topics. */
function labeller(task: CloudwatchAlarmTask, ctx: Ctx): (action: string) => string {
  const names = new Map(task.topics.map((name) => [topicArn(ctx, name), name]));
  return (action) => names.get(action) ?? action;
}

function runCtx(ctx: Ctx): Ctx {
  return { ...ctx, clock: { now: () => START } };
}

/** An `alarm-scenario` check: the alarm fed one datapoint a minute ends in the expected state. */
export function runAlarmScenarioCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = input.check['alarm-scenario'];
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `alarm-scenario` assertion');
  const task = alarmTask(lab, spec.task, input.params);
  const name = renderDeep(spec.alarm, input.params);
  const alarm = alarmOf(input.state, name);
  const reference = alarmOf(input.reference(), name);
  if (!task || !alarm || !reference) return errored(input, LAB_PROBLEM, `there is no alarm \`${name}\` of a \`cloudwatch-alarm\` task \`${spec.task}\` to run`);
  const datapoints: PublishedDatapoint[] = spec.minutes.flatMap((v, i) => (v === null ? [] : [{ offsetMs: i * 60_000, SampleCount: 1, Sum: v, Minimum: v, Maximum: v }]));
  const run = runAlarm(alarm, metricOf(reference), datapoints, spec.minutes.length, runCtx(input.ctx), labeller(task, input.ctx));
  const final = run.states.at(-1) ?? 'INSUFFICIENT_DATA';
  const series = spec.minutes.map((v) => (v === null ? '-' : String(v))).join(' ');
  const steps = run.transitions.map((t) => `- minute ${(t.Time - START) / 60_000}: ${t.From} → ${t.To}: ${t.StateReason}`);
  const explanation = [
    `one datapoint a minute on \`${reference.Namespace}\` \`${reference.MetricName}\`: ${series}`,
    ...(steps.length > 0 ? steps : ['- the alarm never changed state']),
    `after minute ${spec.minutes.length} the alarm is ${final}${final === spec.expect ? '' : `, not ${spec.expect}`}`,
    ...(run.fired.length > 0 ? [`actions fired: ${run.fired.join('; ')}`] : []),
  ].join('\n');
  return decided(input, final === spec.expect, explanation);
}

/** Minutes to run a series for: its periods, then long enough for either alarm to see it gone. */
function runMinutes(series: UniverseSeries, reference: MetricAlarm, alarm: MetricAlarm): number {
  const tail = (a: MetricAlarm) => (evaluationRange(a.EvaluationPeriods) + 1) * a.Period;
  return Math.ceil((series.pattern.length * reference.Period + Math.max(tail(reference), tail(alarm))) / 60);
}

/** The first minute two runs differ, in words, or undefined when they behave alike. */
function difference(yours: AlarmRun, theirs: AlarmRun): string | undefined {
  const minute = yours.states.findIndex((s, i) => s !== theirs.states[i]);
  if (minute >= 0) return `after minute ${minute + 1} yours is ${yours.states[minute]}, the reference's ${theirs.states[minute]}`;
  const fired = yours.fired.findIndex((f, i) => f !== theirs.fired[i]);
  if (fired >= 0 || yours.fired.length !== theirs.fired.length) {
    const at = fired >= 0 ? fired : Math.min(yours.fired.length, theirs.fired.length);
    return `yours fires ${yours.fired[at] ?? 'nothing more'}, the reference ${theirs.fired[at] ?? 'nothing more'}`;
  }
  return undefined;
}

function describeSeries(series: UniverseSeries, reference: MetricAlarm): string {
  const how = [series.flat ? 'one sample each' : '', series.late ? 'published at the end of each period' : ''].filter(Boolean).join(', ');
  return `\`${series.pattern}\` (one letter per ${reference.Period}-second period${how ? `, ${how}` : ''})`;
}

// The solution's runs by lab, variant, alarm and series: every submission of a variant compares with the
// same runs, and mutation testing grades dozens of answers against them. Deterministic, so safe to keep.
const referenceRuns = new WeakMap<Lab, Map<string, AlarmRun>>();

function keptReferenceRun(lab: Lab, key: unknown[], make: () => AlarmRun): AlarmRun {
  const runs = referenceRuns.get(lab) ?? new Map<string, AlarmRun>();
  referenceRuns.set(lab, runs);
  const id = JSON.stringify(key);
  const known = runs.get(id);
  if (known) return known;
  const made = make();
  runs.set(id, made);
  return made;
}

/** An `equivalent-alarms` check: every alarm of the task behaves as the solution's over the whole universe. */
export function runEquivalentAlarmsCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = input.check['equivalent-alarms'];
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-alarms` assertion');
  const task = alarmTask(lab, spec.task, input.params);
  if (!task) return errored(input, LAB_PROBLEM, `there is no \`cloudwatch-alarm\` task \`${spec.task}\``);
  const ctx = runCtx(input.ctx);
  const label = labeller(task, input.ctx);
  const differences: string[] = [];
  let compared = 0;
  for (const name of task.AlarmNames) {
    const alarm = alarmOf(input.state, name);
    const reference = alarmOf(input.reference(), name);
    if (!alarm || !reference) return errored(input, LAB_PROBLEM, `the alarm \`${name}\` is missing from ${alarm ? 'the solution' : 'the graded account'}`);
    for (const series of alarmUniverse(reference)) {
      compared++;
      const datapoints = seriesDatapoints(series, reference);
      const minutes = runMinutes(series, reference, alarm);
      const theirs = keptReferenceRun(lab, [input.params, input.ctx.accountId, input.ctx.region, spec.task, name, series, minutes], () => runAlarm(reference, metricOf(reference), datapoints, minutes, ctx, label));
      const yours = runAlarm(alarm, metricOf(reference), datapoints, minutes, ctx, label);
      const diff = difference(yours, theirs);
      if (diff !== undefined) differences.push(`- \`${name}\` over ${describeSeries(series, reference)}: ${diff}`);
    }
  }
  const passed = differences.length === 0;
  const explanation = passed
    ? `every alarm changed state and fired its actions as the reference did, minute by minute, over ${compared} series (gaps, breaches, flapping, values at and beside the threshold)`
    : [`${differences.length} of ${compared} series tell your alarms from the reference's (${PATTERN_LEGEND}):`, ...differences.slice(0, spec.examples)].join('\n');
  return decided(input, passed, explanation);
}
