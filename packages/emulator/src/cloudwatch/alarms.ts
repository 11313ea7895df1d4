import type { Ctx } from '../ctx.ts';
import { InvalidParameterCombination, InvalidParameterValue, MissingParameter, ResourceNotFound } from './errors.ts';
import { periodStatistic } from './metrics.ts';
import { metricKey, type CloudWatchAccount, type ComparisonOperator, type Dimension, type MetricAlarm, type StateValue, type Statistic } from './state.ts';
import { deleteRecord, getRecord, hasRecord, setRecord } from '../records.ts';

// Alarm evaluation: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
// An alarm judges EvaluationPeriods (N) datapoints and goes to ALARM when DatapointsToAlarm (M) of them
// breach ("M out of N"). It reads more periods than N, its evaluation range, in case some are missing
// (alarms-and-missing-data.html, "How alarm state is evaluated when data is missing"): with at least N
// real datapoints in the range it judges the N most recent of them and TreatMissingData plays no part;
// with fewer, it judges all of them and fills the rest as TreatMissingData says: `breaching` and
// `notBreaching` substitute the missing points; `missing` and `ignore` judge only the points present,
// going to INSUFFICIENT_DATA (`missing`) or keeping the state (`ignore`) when none is.

/** The input of PutMetricAlarm for a single-metric alarm. */
export interface PutMetricAlarmInput {
  AlarmName: string;
  AlarmDescription?: string;
  ActionsEnabled?: boolean;
  OKActions?: string[];
  AlarmActions?: string[];
  InsufficientDataActions?: string[];
  MetricName?: string;
  Namespace?: string;
  Statistic?: Statistic;
  ExtendedStatistic?: string;
  Dimensions?: Dimension[];
  Period?: number;
  Unit?: string;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold?: number;
  ComparisonOperator: ComparisonOperator | string;
  TreatMissingData?: MetricAlarm['TreatMissingData'];
  Metrics?: unknown[];
  ThresholdMetricId?: string;
}

const OPERATORS: Record<ComparisonOperator, { test(v: number, t: number): boolean; words: string }> = {
  GreaterThanOrEqualToThreshold: { test: (v, t) => v >= t, words: 'greater than or equal to' },
  GreaterThanThreshold: { test: (v, t) => v > t, words: 'greater than' },
  LessThanThreshold: { test: (v, t) => v < t, words: 'less than' },
  LessThanOrEqualToThreshold: { test: (v, t) => v <= t, words: 'less than or equal to' },
};

/**
 * How many periods an evaluation reads: the page's examples read 5 for 3 evaluation periods; AWS does
 * not publish the rule ("depends on the length of the alarm period"), so two more than N throughout.
 */
export function evaluationRange(evaluationPeriods: number): number {
  return evaluationPeriods + 2;
}

/** The outcome of one alarm evaluation. */
export interface AlarmEvaluation {
  StateValue: StateValue;
  StateReason: string;
  /** How many of the evaluated periods breached (missing points counted as the treatment says). */
  Breaching: number;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(Math.round(n * 1000) / 1000);
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

type Judged = Pick<MetricAlarm, 'EvaluationPeriods' | 'DatapointsToAlarm' | 'Threshold' | 'ComparisonOperator' | 'TreatMissingData' | 'StateValue'>;

/** What an evaluation counts: the datapoints present and breaching once TreatMissingData filled in the missing ones. */
interface Tally {
  present: number;
  breaching: number;
}

/**
 * Counts the N most recent real datapoints of the range (all of them when fewer are real) and fills the
 * rest as TreatMissingData says: `breaching` and `notBreaching` count, `missing` and `ignore` do not.
 * The indexes of the real datapoints judged go to `judged`, newest first, when given (the decision alone,
 * taken every period of a simulation, allocates nothing).
 */
function tally(alarm: Judged, values: readonly (number | undefined)[], judged?: number[]): Tally {
  const test = OPERATORS[alarm.ComparisonOperator].test;
  const n = alarm.EvaluationPeriods;
  let real = 0;
  let breaching = 0;
  for (let i = values.length - 1; i >= 0 && real < n; i--) {
    const v = values[i];
    if (v === undefined) continue;
    real++;
    judged?.push(i);
    if (test(v, alarm.Threshold)) breaching++;
  }
  if (alarm.TreatMissingData === 'breaching') return { present: n, breaching: breaching + n - real };
  if (alarm.TreatMissingData === 'notBreaching') return { present: n, breaching };
  return { present: real, breaching };
}

/** The state a tally leads to, or `keep` when the alarm keeps its state (`ignore`). */
function stateOf(alarm: Judged, t: Tally): StateValue | 'keep' {
  const m = alarm.DatapointsToAlarm;
  if (t.present === 0) return alarm.TreatMissingData === 'ignore' ? 'keep' : 'INSUFFICIENT_DATA';
  if (t.breaching >= m) return 'ALARM';
  // With fewer than M points present, all of them breaching still means ALARM for `missing`: the missing
  // periods cannot show that the alarm should be OK (the page's `- - X - -` example). `ignore` keeps the state.
  if (t.present < m && t.breaching === t.present) {
    if (alarm.TreatMissingData === 'missing') return 'ALARM';
    if (alarm.TreatMissingData === 'ignore') return 'keep';
  }
  return 'OK';
}

/**
 * Evaluates an alarm over the values of its evaluation range (oldest first, `undefined` for a period
 * without data; see `evaluationRange`) whose periods start at `starts`. Pure: the caller stores the result.
 */
export function evaluateAlarm(alarm: Judged, values: (number | undefined)[], starts: number[] = []): AlarmEvaluation {
  const op = OPERATORS[alarm.ComparisonOperator];
  const m = alarm.DatapointsToAlarm;
  const n = alarm.EvaluationPeriods;
  const judged: number[] = [];
  const t = tally(alarm, values, judged);
  const state = stateOf(alarm, t);
  const shown = judged.map((i) => `${fmt(values[i] as number)}${starts[i] !== undefined ? ` (${stamp(starts[i] as number)})` : ''}`);
  const list = `[${shown.join(', ')}]`;
  const words = `${op.words} the threshold (${fmt(alarm.Threshold)})`;
  const filled = n - judged.length;
  const substitutes = alarm.TreatMissingData === 'breaching' || alarm.TreatMissingData === 'notBreaching';
  const fill = filled > 0 && substitutes ? `; ${filled} missing datapoints counted as ${alarm.TreatMissingData}` : '';
  if (t.present === 0) {
    if (state === 'keep') return { StateValue: alarm.StateValue, StateReason: `no datapoints in the last ${values.length} periods: missing data is ignored, so the alarm keeps its state`, Breaching: 0 };
    return { StateValue: 'INSUFFICIENT_DATA', StateReason: `Insufficient Data: ${n} datapoints were unknown.`, Breaching: 0 };
  }
  if (state === 'keep') return { StateValue: alarm.StateValue, StateReason: `only ${t.present} datapoints are present and all breach: missing data is ignored, so the alarm keeps its state`, Breaching: t.breaching };
  if (state === 'ALARM' && t.breaching < m) {
    return { StateValue: 'ALARM', StateReason: `Threshold Crossed: ${t.breaching} out of ${t.present} present datapoints ${list} were ${words}; the other periods had no data.`, Breaching: t.breaching };
  }
  if (state === 'ALARM') {
    return { StateValue: 'ALARM', StateReason: `Threshold Crossed: ${t.breaching} out of the last ${n} datapoints ${list} were ${words}${fill} (minimum ${m} datapoints for OK -> ALARM transition).`, Breaching: t.breaching };
  }
  return { StateValue: 'OK', StateReason: `Threshold Crossed: ${t.present - t.breaching} out of the last ${n} datapoints ${list} were not ${words}${fill} (minimum ${n - m + 1} datapoints for ALARM -> OK transition).`, Breaching: t.breaching };
}

/**
 * The state an evaluation leads to, without building its reason: the same rules as `evaluateAlarm`, for
 * evaluating often and explaining only the changes.
 */
export function decideAlarmState(alarm: Judged, values: readonly (number | undefined)[]): StateValue {
  const state = stateOf(alarm, tally(alarm, values));
  return state === 'keep' ? alarm.StateValue : state;
}

/** PutMetricAlarm for a single metric with a static threshold; metric math, percentiles and anomaly bands are not modelled. */
export function putMetricAlarm(state: CloudWatchAccount, input: PutMetricAlarmInput, ctx: Ctx): Record<string, never> {
  if (!input.AlarmName || input.AlarmName.length > 255) throw new InvalidParameterValue('the alarm name must be 1 to 255 characters long');
  if (input.Metrics !== undefined || input.ThresholdMetricId !== undefined) throw new InvalidParameterValue('metric math and anomaly detection alarms are not modelled by the emulator');
  if (input.ExtendedStatistic !== undefined) throw new InvalidParameterValue(`the extended statistic \`${input.ExtendedStatistic}\` is not modelled: use Statistic`);
  if (!hasRecord(OPERATORS, input.ComparisonOperator)) throw new InvalidParameterValue(`the comparison operator \`${input.ComparisonOperator}\` is not modelled: use one of ${Object.keys(OPERATORS).join(', ')}`);
  if (!input.MetricName || !input.Namespace) throw new MissingParameter('`MetricName` and `Namespace` are required');
  if (!input.Statistic) throw new MissingParameter('`Statistic` is required');
  if (input.Threshold === undefined) throw new MissingParameter('`Threshold` is required');
  const period = input.Period ?? 0;
  // Period: 10, 30 or a multiple of 60 seconds; the total evaluation window is at most one day for periods
  // under an hour and seven days otherwise (PutMetricAlarm).
  if (!(period === 10 || period === 30 || (period >= 60 && period % 60 === 0))) throw new InvalidParameterValue(`the period ${period} must be 10, 30 or a multiple of 60 seconds`);
  if (!Number.isInteger(input.EvaluationPeriods) || input.EvaluationPeriods < 1) throw new InvalidParameterValue('`EvaluationPeriods` must be a positive integer');
  const window = input.EvaluationPeriods * period;
  if (window > (period < 3600 ? 86400 : 604800)) throw new InvalidParameterValue(`EvaluationPeriods × Period is ${window} seconds, more than the ${period < 3600 ? 'one day' : 'seven days'} an alarm may evaluate`);
  const m = input.DatapointsToAlarm ?? input.EvaluationPeriods;
  if (!Number.isInteger(m) || m < 1 || m > input.EvaluationPeriods) throw new InvalidParameterCombination(`DatapointsToAlarm (${m}) must be from 1 to EvaluationPeriods (${input.EvaluationPeriods})`);
  const now = new Date(ctx.clock.now()).toISOString();
  const existing = getRecord(state.cloudwatch.alarms, input.AlarmName);
  const alarm: MetricAlarm = {
    AlarmName: input.AlarmName,
    AlarmArn: `arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${input.AlarmName}`,
    ...(input.AlarmDescription !== undefined ? { AlarmDescription: input.AlarmDescription } : {}),
    ActionsEnabled: input.ActionsEnabled ?? true,
    OKActions: input.OKActions ?? [],
    AlarmActions: input.AlarmActions ?? [],
    InsufficientDataActions: input.InsufficientDataActions ?? [],
    // A new alarm starts in INSUFFICIENT_DATA until it is first evaluated; an update keeps the state.
    StateValue: existing?.StateValue ?? 'INSUFFICIENT_DATA',
    StateReason: existing?.StateReason ?? 'Unchecked: Initial alarm creation',
    StateUpdatedTimestamp: existing?.StateUpdatedTimestamp ?? now,
    AlarmConfigurationUpdatedTimestamp: now,
    MetricName: input.MetricName,
    Namespace: input.Namespace,
    Statistic: input.Statistic,
    Dimensions: input.Dimensions ?? [],
    Period: period,
    ...(input.Unit !== undefined ? { Unit: input.Unit } : {}),
    EvaluationPeriods: input.EvaluationPeriods,
    DatapointsToAlarm: m,
    Threshold: input.Threshold,
    ComparisonOperator: input.ComparisonOperator as ComparisonOperator,
    TreatMissingData: input.TreatMissingData ?? 'missing',
  };
  setRecord(state.cloudwatch.alarms, alarm.AlarmName, alarm);
  state.cloudwatch.alarmHistory.push({ AlarmName: alarm.AlarmName, Timestamp: now, HistoryItemType: 'ConfigurationUpdate', HistorySummary: `Alarm "${alarm.AlarmName}" ${existing ? 'updated' : 'created'}` });
  return {};
}

/** DescribeAlarms, all or by name or name prefix. */
export function describeAlarms(state: CloudWatchAccount, input: { AlarmNames?: string[]; AlarmNamePrefix?: string; StateValue?: StateValue }, _ctx: Ctx): { MetricAlarms: MetricAlarm[] } {
  return {
    MetricAlarms: Object.values(state.cloudwatch.alarms)
      .filter((a) => (input.AlarmNames === undefined || input.AlarmNames.includes(a.AlarmName)) && (input.AlarmNamePrefix === undefined || a.AlarmName.startsWith(input.AlarmNamePrefix)) && (input.StateValue === undefined || a.StateValue === input.StateValue))
      .sort((a, b) => (a.AlarmName < b.AlarmName ? -1 : 1)),
  };
}

/** DeleteAlarms: every named alarm must exist. */
export function deleteAlarms(state: CloudWatchAccount, input: { AlarmNames: string[] }, _ctx: Ctx): Record<string, never> {
  for (const name of input.AlarmNames) if (!getRecord(state.cloudwatch.alarms, name)) throw new ResourceNotFound(`the alarm \`${name}\` does not exist`);
  for (const name of input.AlarmNames) deleteRecord(state.cloudwatch.alarms, name);
  return {};
}

/** DescribeAlarmHistory of one alarm or all. */
export function describeAlarmHistory(state: CloudWatchAccount, input: { AlarmName?: string }, _ctx: Ctx): { AlarmHistoryItems: CloudWatchAccount['cloudwatch']['alarmHistory'] } {
  return { AlarmHistoryItems: state.cloudwatch.alarmHistory.filter((h) => input.AlarmName === undefined || h.AlarmName === input.AlarmName).reverse() };
}

/** A state change of an alarm and the actions it invokes. */
export interface AlarmTransition {
  AlarmName: string;
  Time: number;
  From: StateValue;
  To: StateValue;
  StateReason: string;
}

/** Moves an alarm to a state, records history, and answers the transition when the state changed. */
export function transitionAlarm(state: CloudWatchAccount, alarm: MetricAlarm, evaluation: { StateValue: StateValue; StateReason: string }, now: number): AlarmTransition | undefined {
  const from = alarm.StateValue;
  if (from === evaluation.StateValue) return undefined;
  const iso = new Date(now).toISOString();
  alarm.StateValue = evaluation.StateValue;
  alarm.StateReason = evaluation.StateReason;
  alarm.StateUpdatedTimestamp = iso;
  state.cloudwatch.alarmHistory.push({ AlarmName: alarm.AlarmName, Timestamp: iso, HistoryItemType: 'StateUpdate', HistorySummary: `Alarm updated from ${from} to ${evaluation.StateValue}` });
  return { AlarmName: alarm.AlarmName, Time: now, From: from, To: evaluation.StateValue, StateReason: evaluation.StateReason };
}

/** SetAlarmState: a temporary state for testing actions; the next evaluation sets the real one again. */
export function setAlarmState(state: CloudWatchAccount, input: { AlarmName: string; StateValue: StateValue; StateReason: string }, ctx: Ctx): Record<string, never> {
  const alarm = getRecord(state.cloudwatch.alarms, input.AlarmName);
  if (!alarm) throw new ResourceNotFound(`the alarm \`${input.AlarmName}\` does not exist`);
  transitionAlarm(state, alarm, input, ctx.clock.now());
  return {};
}

/** Which actions an alarm invokes now: all of its state's actions on a change, Auto Scaling ones again every evaluation in ALARM. */
export function alarmActionsToInvoke(alarm: MetricAlarm, changed: boolean): string[] {
  if (!alarm.ActionsEnabled) return [];
  const actions = alarm.StateValue === 'ALARM' ? alarm.AlarmActions : alarm.StateValue === 'OK' ? alarm.OKActions : alarm.InsufficientDataActions;
  // Alarms invoke actions on a state change, except Auto Scaling actions, which the alarm keeps invoking
  // for as long as it stays in the state (AlarmThatSendsEmail.html, "Alarm actions").
  return changed ? actions : actions.filter((a) => a.includes(':autoscaling:'));
}

/**
 * Evaluates every alarm whose period ends at `now` (epoch ms, on a period boundary) from the stored metrics.
 * Returns the transitions and, per alarm, the actions it invokes.
 */
export function evaluateAlarms(state: CloudWatchAccount, now: number): { Transitions: AlarmTransition[]; Invocations: { AlarmName: string; Actions: string[] }[] } {
  const transitions: AlarmTransition[] = [];
  const invocations: { AlarmName: string; Actions: string[] }[] = [];
  for (const alarm of Object.values(state.cloudwatch.alarms)) {
    const periodMs = alarm.Period * 1000;
    if (now % periodMs !== 0) continue;
    const series = getRecord(state.cloudwatch.metrics, metricKey(alarm.Namespace, alarm.MetricName, alarm.Dimensions));
    const range = evaluationRange(alarm.EvaluationPeriods);
    const starts: number[] = new Array<number>(range);
    const values: (number | undefined)[] = new Array<number | undefined>(range);
    for (let i = 0; i < range; i++) {
      starts[i] = now - (range - i) * periodMs;
      values[i] = periodStatistic(series, starts[i] as number, alarm.Period, alarm.Statistic);
    }
    const next = decideAlarmState(alarm, values);
    const transition = next === alarm.StateValue ? undefined : transitionAlarm(state, alarm, evaluateAlarm(alarm, values, starts), now);
    if (transition) transitions.push(transition);
    const actions = alarmActionsToInvoke(alarm, transition !== undefined);
    if (actions.length > 0) invocations.push({ AlarmName: alarm.AlarmName, Actions: actions });
  }
  return { Transitions: transitions, Invocations: invocations };
}
