import { deleteAlarms, describeAlarmHistory, describeAlarms, getMetricStatistics, listMetrics, putMetricAlarm, putMetricData, setAlarmState } from './operations.ts';

/** The only place where CloudWatch wire action names meet their functions (the wire layer dispatches through it). */
export const cloudwatchActions = {
  PutMetricData: putMetricData,
  GetMetricStatistics: getMetricStatistics,
  ListMetrics: listMetrics,
  PutMetricAlarm: putMetricAlarm,
  DescribeAlarms: describeAlarms,
  DeleteAlarms: deleteAlarms,
  DescribeAlarmHistory: describeAlarmHistory,
  SetAlarmState: setAlarmState,
} as const;

/** A CloudWatch action name the emulator implements. */
export type CloudWatchActionName = keyof typeof cloudwatchActions;
