import { records } from '../records.ts';

// CloudWatch state in the shapes of the CloudWatch API (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_Types.html).

/** A metric dimension. */
export interface Dimension {
  Name: string;
  Value: string;
}

/** One stored observation, kept as a statistic set so every period statistic can be derived. */
export interface StoredDatapoint {
  /** Epoch ms. */
  Timestamp: number;
  SampleCount: number;
  Sum: number;
  Minimum: number;
  Maximum: number;
}

/** A metric (namespace, name, dimensions) and its observations in time order. */
export interface MetricSeries {
  Namespace: string;
  MetricName: string;
  Dimensions: Dimension[];
  Unit?: string;
  Datapoints: StoredDatapoint[];
}

/** The statistics an alarm or GetMetricStatistics can use. */
export type Statistic = 'SampleCount' | 'Average' | 'Sum' | 'Minimum' | 'Maximum';

/** The threshold comparisons the emulator models (the anomaly-band operators are not). */
export type ComparisonOperator = 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';

/** The alarm states. */
export type StateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** A metric alarm as `DescribeAlarms` returns it. */
export interface MetricAlarm {
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string;
  ActionsEnabled: boolean;
  OKActions: string[];
  AlarmActions: string[];
  InsufficientDataActions: string[];
  StateValue: StateValue;
  StateReason: string;
  StateUpdatedTimestamp: string;
  AlarmConfigurationUpdatedTimestamp: string;
  MetricName: string;
  Namespace: string;
  Statistic: Statistic;
  Dimensions: Dimension[];
  Period: number;
  Unit?: string;
  EvaluationPeriods: number;
  DatapointsToAlarm: number;
  Threshold: number;
  ComparisonOperator: ComparisonOperator;
  TreatMissingData: 'breaching' | 'notBreaching' | 'ignore' | 'missing';
}

/** An entry of `DescribeAlarmHistory`. */
export interface AlarmHistoryItem {
  AlarmName: string;
  Timestamp: string;
  HistoryItemType: 'ConfigurationUpdate' | 'StateUpdate' | 'Action';
  HistorySummary: string;
}

/** The CloudWatch part of an account. */
export interface CloudWatchState {
  /** Metrics by `metricKey(namespace, name, dimensions)`. */
  metrics: Record<string, MetricSeries>;
  /** Alarms by name. */
  alarms: Record<string, MetricAlarm>;
  alarmHistory: AlarmHistoryItem[];
}

/** CloudWatch with no metrics and no alarms. */
export function emptyCloudWatchState(): CloudWatchState {
  return { metrics: records(), alarms: records(), alarmHistory: [] };
}

/** What CloudWatch operations need of an account: its `cloudwatch` part (AccountState satisfies it). */
export interface CloudWatchAccount {
  cloudwatch: CloudWatchState;
}

const keyCache = new WeakMap<Dimension[], Map<string, Map<string, string>>>();

/** The key of a metric: namespace, name and the dimensions sorted by name (dimension order does not matter to CloudWatch). */
export function metricKey(namespace: string, metricName: string, dimensions: Dimension[]): string {
  // Alarms and simulations ask for the same metric every period: remember the key per dimensions array.
  let byNamespace = keyCache.get(dimensions);
  if (!byNamespace) {
    byNamespace = new Map();
    keyCache.set(dimensions, byNamespace);
  }
  let byName = byNamespace.get(namespace);
  if (!byName) {
    byName = new Map();
    byNamespace.set(namespace, byName);
  }
  let key = byName.get(metricName);
  if (key === undefined) {
    const dims = [...dimensions].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0)).map((d) => `${d.Name}=${d.Value}`);
    key = `${namespace}|${metricName}|${dims.join(',')}`;
    byName.set(metricName, key);
  }
  return key;
}
