import { z } from 'zod';
import { cloudwatchAlarmSchema } from '../schemas/cloudwatch-alarm.ts';
import { list, oneOf } from '../schemas/common.ts';
import { kebabId, text } from './fields.ts';

// The `cloudwatch-alarm` task and its checks: the learner writes the alarms the task names as
// PutMetricAlarm takes them; `alarm-scenario` feeds one alarm a series of datapoints and asserts the state
// it ends in, and `equivalent-alarms` compares every alarm's state timeline and actions with the
// solution's over a universe of series (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html).

/** The task fields of a `cloudwatch-alarm` task (the common ones are added by the lab schema). */
export const cloudwatchAlarmTaskFields = {
  kind: z.literal('cloudwatch-alarm').describe('The learner writes CloudWatch metric alarms as PutMetricAlarm takes them'),
  language: oneOf(['json', 'yaml'], '`language`').prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
  AlarmNames: list(text('an alarm name').describe('An alarm the answer must define'), 'alarm names', 10)
    .min(1, { error: 'a `cloudwatch-alarm` task names at least one alarm' })
    .describe('The alarms the answer defines, each exactly once; no other alarm is accepted'),
  topics: list(kebabId('topic name').describe('An SNS topic name'), 'topics', 10)
    .prefault([])
    .describe("SNS topics of the lab's account that alarm actions may name, by name or `arn:aws:sns:<region>:<account>:<name>` (the emulator has no SNS: these are the only action targets)"),
};

/** A learner's `cloudwatch-alarm` answer. */
export const cloudwatchAlarmAnswerSchema = z
  .strictObject({ MetricAlarms: list(cloudwatchAlarmSchema, 'alarms', 10).describe('The alarms, as PutMetricAlarm takes them; actions name topics of the task by name or ARN') })
  .describe('CloudWatch metric alarms in PutMetricAlarm shape');

const minuteValue = z.number().nullable().describe('The value published in that minute, or `null` for none');

const alarmScenarioSchema = z
  .strictObject({
    task: kebabId('task id').describe('The `cloudwatch-alarm` task'),
    alarm: text('`alarm`').describe('The alarm, one of the task\'s `AlarmNames`'),
    minutes: list(minuteValue, 'minutes', 1440).min(1, { error: '`minutes` needs at least one value' }).describe("One datapoint per minute on the alarm's metric (`null`: nothing published), from a freshly created alarm"),
    expect: oneOf(['OK', 'ALARM', 'INSUFFICIENT_DATA'], '`expect`').describe('The state the alarm must be in after the last minute'),
  })
  .describe('Feed one alarm a series of datapoints, evaluated every period as CloudWatch does, and assert the state it ends in');

const equivalentAlarmsSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `cloudwatch-alarm` task whose alarms are compared with the solution's"),
    examples: z.number().int().min(1).max(20).prefault(3).describe('How many differing series the explanation shows'),
  })
  .describe(
    "Run each alarm of the answer and the solution's over every series of the universe — values on both sides of the threshold, equal to it and just beside it, spikes and dips that only some statistics see, gaps of every length up to the evaluation range, at the start and after a breach, no data at all, flapping — and compare their state minute by minute and the actions they fire",
  );

/** The check fields of the `cloudwatch-alarm` task's checks. */
export const cloudwatchAlarmCheckFields = {
  'alarm-scenario': alarmScenarioSchema.optional(),
  'equivalent-alarms': equivalentAlarmsSchema.optional(),
};
