import { z } from 'zod';
import { autoScalingGroupSchema, scalingPolicySchema, scheduledActionSchema } from '../schemas/auto-scaling.ts';
import { cloudwatchAlarmSchema } from '../schemas/cloudwatch-alarm.ts';
import { int, list } from '../schemas/common.ts';
import { kebabId, text } from './fields.ts';

// The `auto-scaling-group` task: the learner writes a group with its scaling policies, scheduled actions and
// alarms, in the shapes of CreateAutoScalingGroup, PutScalingPolicy, PutScheduledUpdateGroupAction and
// PutMetricAlarm. The task names the group; ids the learner cannot know before the attempt starts are
// written as lab names: subnets in `VPCZoneIdentifier`, target groups in `TargetGroupARNs`, and the policies
// an alarm runs in `AlarmActions` (by `PolicyName`).

/** How the group's instances behave in the simulation (an application property, not an AWS setting). */
export const asgWorkloadSchema = z
  .strictObject({
    launchSeconds: int(0, 3600, '`launchSeconds`').prefault(60).describe('Seconds from launch until an instance is InService'),
    bootSeconds: int(0, 7200, '`bootSeconds`').prefault(120).describe('Seconds from launch until the application answers health checks and serves'),
    requestsPerSecondAtFullCpu: z.number().positive().optional().describe("Requests per second one instance serves at 100% CPU; the instance type's default profile when left out"),
  })
  .prefault({})
  .describe('How long instances take to boot and how much each serves, for every simulation of the task');

/** The `auto-scaling-group` task of the lab format. */
export const asgTaskSchema = z
  .strictObject({
    kind: z.literal('auto-scaling-group').describe('The learner writes an Auto Scaling group with its scaling policies, scheduled actions and alarms'),
    id: kebabId('task id').describe('The task id, the key of its answer'),
    title: text('a task title').describe('A short title'),
    prompt: text('a task prompt').describe('What to do, in markdown'),
    starter: z.string().prefault('').describe('The text the editor starts with'),
    language: z.enum(['json', 'yaml']).prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
    AutoScalingGroupName: text('`AutoScalingGroupName`').describe('The name of the group the answer creates (CreateAutoScalingGroup)'),
    workload: asgWorkloadSchema,
  })
  .describe('Write an Auto Scaling group, its scaling policies, scheduled actions and alarms in the shapes of the Auto Scaling and CloudWatch APIs');

/** A learner's `auto-scaling-group` answer. */
export const asgAnswerSchema = z
  .strictObject({
    AutoScalingGroup: autoScalingGroupSchema.partial({ AutoScalingGroupName: true }).describe('The group as CreateAutoScalingGroup takes it; `VPCZoneIdentifier` lists subnet names and `TargetGroupARNs` target group names'),
    ScalingPolicies: list(scalingPolicySchema, 'scaling policies', 50).prefault([]).describe('Scaling policies (PutScalingPolicy)'),
    ScheduledUpdateGroupActions: list(scheduledActionSchema, 'scheduled actions', 125).prefault([]).describe('Scheduled actions (PutScheduledUpdateGroupAction)'),
    MetricAlarms: list(cloudwatchAlarmSchema, 'alarms', 50).prefault([]).describe('CloudWatch alarms (PutMetricAlarm); `AlarmActions` may name a policy of the answer by `PolicyName`'),
  })
  .describe('An Auto Scaling group with its policies, scheduled actions and alarms');

/** An `auto-scaling-group` task. */
export type AsgTask = z.output<typeof asgTaskSchema>;
/** A parsed `auto-scaling-group` answer. */
export type AsgAnswer = z.output<typeof asgAnswerSchema>;
