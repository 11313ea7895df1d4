import { emptyCloudWatchState, evaluateAlarms, putMetricAlarm, recordMetricData, type AlarmTransition, type Ctx, type MetricAlarm, type StateValue } from '@skylab/emulator';

// One alarm run alone over a series of datapoints on the virtual clock: a fresh copy of the alarm (state
// INSUFFICIENT_DATA, as PutMetricAlarm creates it) in an account that holds only the series, evaluated
// every minute by the emulator's own evaluation (each alarm acts at the end of each of its periods).

/** A statistic set published at one time, as PutMetricData's `StatisticValues` takes it. */
export interface PublishedDatapoint {
  /** Milliseconds from the start of the run. */
  offsetMs: number;
  SampleCount: number;
  Sum: number;
  Minimum: number;
  Maximum: number;
}

/** The metric a series is published on. */
export interface SeriesMetric {
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: string }[];
}

/** What an alarm did over a run: its state after each minute's evaluation, its transitions and the actions it fired. */
export interface AlarmRun {
  states: StateValue[];
  transitions: AlarmTransition[];
  /** `minute state: action, action` for each evaluation that fired actions. */
  fired: string[];
}

/** The fields of an alarm that PutMetricAlarm takes back. */
function putInput(alarm: MetricAlarm): Parameters<typeof putMetricAlarm>[1] {
  const { AlarmArn: _arn, StateValue: _state, StateReason: _reason, StateUpdatedTimestamp: _updated, AlarmConfigurationUpdatedTimestamp: _configured, ...input } = alarm;
  return input;
}

/**
 * Runs `alarm` for `minutes` minutes from `start` (a whole hour, so every period boundary falls on a
 * minute) over `datapoints` published on `metric`. `label` turns an action ARN into what the learner wrote.
 */
export function runAlarm(alarm: MetricAlarm, metric: SeriesMetric, datapoints: readonly PublishedDatapoint[], minutes: number, ctx: Ctx, label: (action: string) => string): AlarmRun {
  const start = ctx.clock.now();
  const account = { cloudwatch: emptyCloudWatchState() };
  putMetricAlarm(account, putInput(alarm), ctx);
  recordMetricData(
    account,
    { Namespace: metric.Namespace, MetricData: datapoints.map(({ offsetMs, ...stats }) => ({ MetricName: metric.MetricName, Dimensions: metric.Dimensions, Timestamp: start + offsetMs, StatisticValues: stats })) },
    start,
  );
  const states: StateValue[] = [];
  const transitions: AlarmTransition[] = [];
  const fired: string[] = [];
  const own = account.cloudwatch.alarms[alarm.AlarmName] as MetricAlarm;
  for (let minute = 1; minute <= minutes; minute++) {
    const { Transitions, Invocations } = evaluateAlarms(account, start + minute * 60_000);
    transitions.push(...Transitions);
    states.push(own.StateValue);
    for (const invocation of Invocations) fired.push(`minute ${minute} ${own.StateValue}: ${invocation.Actions.map(label).sort().join(', ')}`);
  }
  return { states, transitions, fired };
}
