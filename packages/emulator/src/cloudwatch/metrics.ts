import type { Ctx } from '../ctx.ts';
import { InvalidParameterCombination, InvalidParameterValue, MissingParameter } from './errors.ts';
import { metricKey, type CloudWatchAccount, type Dimension, type MetricSeries, type Statistic, type StoredDatapoint } from './state.ts';
import { getRecord, setRecord } from '../records.ts';

// Metrics: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html
// PutMetricData: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html
// GetMetricStatistics: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html

/** One entry of PutMetricData's `MetricData`. */
export interface MetricDatum {
  MetricName: string;
  Dimensions?: Dimension[];
  /** ISO time or epoch ms; the clock's time when absent. */
  Timestamp?: string | number;
  Value?: number;
  StatisticValues?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
  Unit?: string;
}

const STATISTICS: Statistic[] = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

function toMs(t: string | number): number {
  const ms = typeof t === 'number' ? t : Date.parse(t);
  if (Number.isNaN(ms)) throw new InvalidParameterValue(`the timestamp \`${String(t)}\` is not a date`);
  return ms;
}

/** Adds one observation to a series, keeping time order. */
export function addDatapoint(series: MetricSeries, point: StoredDatapoint): void {
  const points = series.Datapoints;
  const last = points[points.length - 1];
  if (last === undefined || last.Timestamp <= point.Timestamp) {
    points.push(point);
    return;
  }
  let i = points.length;
  while (i > 0 && (points[i - 1] as StoredDatapoint).Timestamp > point.Timestamp) i--;
  points.splice(i, 0, point);
}

/** PutMetricData. The `AWS/` namespaces are reserved for AWS services. */
export function putMetricData(state: CloudWatchAccount, input: { Namespace: string; MetricData: MetricDatum[] }, ctx: Ctx): Record<string, never> {
  if (!input.Namespace) throw new MissingParameter('the parameter `Namespace` is required');
  if (input.Namespace.startsWith('AWS/')) throw new InvalidParameterValue(`the namespace \`${input.Namespace}\` is reserved for AWS services`);
  recordMetricData(state, input, ctx.clock.now());
  return {};
}

/** Stores metric data without the namespace check: how the emulated services (EC2, ELB, Auto Scaling) publish theirs. */
export function recordMetricData(state: CloudWatchAccount, input: { Namespace: string; MetricData: MetricDatum[] }, now: number): void {
  for (const datum of input.MetricData) {
    if (datum.Value === undefined && datum.StatisticValues === undefined) throw new MissingParameter(`the datum \`${datum.MetricName}\` needs \`Value\` or \`StatisticValues\``);
    if (datum.Value !== undefined && datum.StatisticValues !== undefined) throw new InvalidParameterCombination('`Value` and `StatisticValues` cannot both be given');
    if ((datum.Dimensions ?? []).length > 30) throw new InvalidParameterValue('a metric can have at most 30 dimensions');
    const dimensions = datum.Dimensions ?? [];
    const key = metricKey(input.Namespace, datum.MetricName, dimensions);
    const series = (getRecord(state.cloudwatch.metrics, key) ?? setRecord(state.cloudwatch.metrics, key, { Namespace: input.Namespace, MetricName: datum.MetricName, Dimensions: dimensions, ...(datum.Unit ? { Unit: datum.Unit } : {}), Datapoints: [] }));
    const v = datum.Value;
    const stats = datum.StatisticValues ?? { SampleCount: 1, Sum: v as number, Minimum: v as number, Maximum: v as number };
    addDatapoint(series, { Timestamp: datum.Timestamp === undefined ? now : toMs(datum.Timestamp), ...stats });
  }
}

/** A statistic over the observations whose time falls in [start, start + period); undefined when none do. */
export function periodStatistic(series: MetricSeries | undefined, start: number, periodSeconds: number, statistic: Statistic): number | undefined {
  if (!series) return undefined;
  const end = start + periodSeconds * 1000;
  const points = series.Datapoints;
  // Binary search for the first observation at or after `start`: alarms evaluate every period over long series.
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as StoredDatapoint).Timestamp < start) lo = mid + 1;
    else hi = mid;
  }
  let count = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = lo; i < points.length; i++) {
    const p = points[i] as StoredDatapoint;
    if (p.Timestamp >= end) break;
    count += p.SampleCount;
    sum += p.Sum;
    min = Math.min(min, p.Minimum);
    max = Math.max(max, p.Maximum);
  }
  return pickStatistic(statistic, count, sum, min, max);
}

/** The statistic from a window's count, sum, minimum and maximum; undefined when the window holds nothing. */
export function pickStatistic(statistic: Statistic, count: number, sum: number, min: number, max: number): number | undefined {
  if (count === 0) return undefined;
  switch (statistic) {
    case 'SampleCount':
      return count;
    case 'Sum':
      return sum;
    case 'Average':
      return sum / count;
    case 'Minimum':
      return min;
    case 'Maximum':
      return max;
  }
}

/** GetMetricStatistics: one datapoint per period that has data, in time order. */
export function getMetricStatistics(
  state: CloudWatchAccount,
  input: { Namespace: string; MetricName: string; Dimensions?: Dimension[]; StartTime: string | number; EndTime: string | number; Period: number; Statistics: Statistic[] },
  _ctx: Ctx,
): { Label: string; Datapoints: ({ Timestamp: string } & Partial<Record<Statistic, number>>)[] } {
  // Periods are 1, 5, 10, 30 or a multiple of 60 seconds.
  if (!([1, 5, 10, 30].includes(input.Period) || (input.Period > 0 && input.Period % 60 === 0))) throw new InvalidParameterValue(`the period ${input.Period} must be 1, 5, 10, 30 or a multiple of 60`);
  for (const s of input.Statistics) if (!STATISTICS.includes(s)) throw new InvalidParameterValue(`the statistic \`${s}\` is not one of ${STATISTICS.join(', ')}`);
  const series = getRecord(state.cloudwatch.metrics, metricKey(input.Namespace, input.MetricName, input.Dimensions ?? []));
  const start = toMs(input.StartTime);
  const end = toMs(input.EndTime);
  const datapoints: ({ Timestamp: string } & Partial<Record<Statistic, number>>)[] = [];
  for (let t = start; t < end; t += input.Period * 1000) {
    const values = Object.fromEntries(input.Statistics.map((s) => [s, periodStatistic(series, t, input.Period, s)]));
    if (Object.values(values).every((v) => v === undefined)) continue;
    datapoints.push({ Timestamp: new Date(t).toISOString(), ...values });
  }
  return { Label: input.MetricName, Datapoints: datapoints };
}

/** ListMetrics, optionally by namespace and name. */
export function listMetrics(state: CloudWatchAccount, input: { Namespace?: string; MetricName?: string }, _ctx: Ctx): { Metrics: { Namespace: string; MetricName: string; Dimensions: Dimension[] }[] } {
  return {
    Metrics: Object.values(state.cloudwatch.metrics)
      .filter((m) => (input.Namespace === undefined || m.Namespace === input.Namespace) && (input.MetricName === undefined || m.MetricName === input.MetricName))
      .map(({ Namespace, MetricName, Dimensions }) => ({ Namespace, MetricName, Dimensions })),
  };
}
