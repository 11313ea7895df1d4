// CloudWatch operations, one function per AWS action, split by topic (metrics, alarms).
export { getMetricStatistics, listMetrics, putMetricData } from './metrics.ts';
export { deleteAlarms, describeAlarmHistory, describeAlarms, putMetricAlarm, setAlarmState } from './alarms.ts';
