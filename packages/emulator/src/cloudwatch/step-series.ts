import { alarmActionsToInvoke, decideAlarmState, evaluateAlarm, evaluationRange, transitionAlarm, type AlarmTransition } from './alarms.ts';
import { periodStatistic, pickStatistic } from './metrics.ts';
import { metricKey, type CloudWatchAccount, type MetricAlarm, type MetricSeries, type Statistic } from './state.ts';
import { getRecord } from '../records.ts';

// Metrics and alarms for a run on a fixed step (the Auto Scaling simulation): a metric the run publishes
// holds one value per step in a typed array instead of a list of stored datapoints, and each alarm is
// compiled once, so evaluating every alarm every step allocates nothing unless its state changes. The
// statistics and states are those of `periodStatistic` and `evaluateAlarms`
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html).

/** One value per step from `start` (NaN where the step published nothing), as PutMetricData with a single value per step stores it. */
export interface StepSeries {
  start: number;
  stepMs: number;
  values: Float64Array;
}

/** A series of `steps` steps with nothing published yet. */
export function stepSeries(start: number, stepMs: number, steps: number): StepSeries {
  return { start, stepMs, values: new Float64Array(steps).fill(NaN) };
}

/** A statistic over the values published in [start, start + period); undefined when none were, as `periodStatistic`. */
export function stepStatistic(series: StepSeries, start: number, periodSeconds: number, statistic: Statistic): number | undefined {
  const values = series.values;
  const first = Math.max(0, Math.ceil((start - series.start) / series.stepMs));
  const end = Math.min(values.length, Math.ceil((start + periodSeconds * 1000 - series.start) / series.stepMs));
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = first; i < end; i++) {
    const v = values[i] as number;
    if (v !== v) continue;
    count++;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return pickStatistic(statistic, count, sum, min, max);
}

/** An alarm's statistic over its own series; with a period of one step, the single value is every statistic but the count. */
function ownStatistic(series: StepSeries, alarm: MetricAlarm): (start: number) => number | undefined {
  if (alarm.Period * 1000 !== series.stepMs) return (start) => stepStatistic(series, start, alarm.Period, alarm.Statistic);
  const count = alarm.Statistic === 'SampleCount';
  return (start) => {
    const v = series.values[(start - series.start) / series.stepMs];
    return v === undefined || v !== v ? undefined : count ? 1 : v;
  };
}

/** An alarm prepared for evaluation every step. */
export interface CompiledAlarm {
  alarm: MetricAlarm;
  /** The alarm's metric over a window: from the run's own series, or from the stored datapoints. */
  statistic(start: number): number | undefined;
  /** The values of the periods of the evaluation range, reused between evaluations. */
  values: (number | undefined)[];
  /** The actions repeated while the state holds (Auto Scaling ones), per state. */
  repeated: Record<MetricAlarm['StateValue'], string[]>;
}

/**
 * Prepares every alarm of the account. `published` answers the run's own series for a metric key; an alarm
 * on any other metric reads the account's stored datapoints, which the run does not change.
 */
export function compileAlarms(state: CloudWatchAccount, published: (key: string) => StepSeries | undefined): CompiledAlarm[] {
  return Object.values(state.cloudwatch.alarms).map((alarm) => {
    const key = metricKey(alarm.Namespace, alarm.MetricName, alarm.Dimensions);
    const own = published(key);
    const stored: MetricSeries | undefined = getRecord(state.cloudwatch.metrics, key);
    const statistic = own ? ownStatistic(own, alarm) : (start: number) => periodStatistic(stored, start, alarm.Period, alarm.Statistic);
    const repeated = (s: MetricAlarm['StateValue']) => alarmActionsToInvoke({ ...alarm, StateValue: s }, false);
    return { alarm, statistic, values: new Array<number | undefined>(evaluationRange(alarm.EvaluationPeriods)), repeated: { ALARM: repeated('ALARM'), OK: repeated('OK'), INSUFFICIENT_DATA: repeated('INSUFFICIENT_DATA') } };
  });
}

/** An alarm that invokes actions at an evaluation. */
export interface AlarmInvocation {
  compiled: CompiledAlarm;
  Actions: string[];
}

const NONE: never[] = [];

/**
 * Evaluates the compiled alarms whose period ends at `now`, as `evaluateAlarms` does: transitions are
 * recorded in the account's alarm history, and each alarm's invoked actions are answered.
 */
export function evaluateCompiledAlarms(state: CloudWatchAccount, alarms: CompiledAlarm[], now: number): { Transitions: AlarmTransition[]; Invocations: AlarmInvocation[] } {
  let transitions: AlarmTransition[] = NONE;
  let invocations: AlarmInvocation[] = NONE;
  for (const compiled of alarms) {
    const alarm = compiled.alarm;
    const periodMs = alarm.Period * 1000;
    if (now % periodMs !== 0) continue;
    const n = compiled.values.length;
    const values = compiled.values;
    for (let i = 0; i < n; i++) values[i] = compiled.statistic(now - (n - i) * periodMs);
    let actions: string[];
    if (decideAlarmState(alarm, values) === alarm.StateValue) actions = alarm.ActionsEnabled ? compiled.repeated[alarm.StateValue] : NONE;
    else {
      const starts = Array.from({ length: n }, (_, i) => now - (n - i) * periodMs);
      const transition = transitionAlarm(state, alarm, evaluateAlarm(alarm, values, starts), now);
      if (transition) {
        if (transitions === NONE) transitions = [];
        transitions.push(transition);
      }
      actions = alarmActionsToInvoke(alarm, transition !== undefined);
    }
    if (actions.length === 0) continue;
    if (invocations === NONE) invocations = [];
    invocations.push({ compiled, Actions: actions });
  }
  return { Transitions: transitions, Invocations: invocations };
}
