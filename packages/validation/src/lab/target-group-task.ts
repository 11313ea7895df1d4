import { z } from 'zod';
import { int, oneOf } from '../schemas/common.ts';
import { kebabId, text } from './fields.ts';

// The target group task and its checks: the learner writes the health check settings of a target group
// of the setup (ModifyTargetGroup, which validates them as ELBv2 does: ranges, timeout below the interval,
// matcher syntax, https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyTargetGroup.html),
// and the targets' health is simulated from the network (security groups, network ACLs) and the
// application the task describes (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html).

// Paths may come from params (`{{ healthPath }}`), so they are checked once rendered, by the emulator.
const path = text('a path').describe('A request path, such as `/health`');

/** How the application on the targets behaves when nothing is broken. */
const applicationSchema = z
  .strictObject({
    Port: int(1, 65535, '`Port`').optional().describe("The port it listens on; the target group's port when left out"),
    Protocol: oneOf(['HTTP', 'HTTPS'], '`Protocol`').prefault('HTTP').describe('The protocol it speaks there'),
    Responses: z
      .array(z.strictObject({ Path: path, Status: int(100, 599, '`Status`').describe('The status code it answers') }).describe('A path and its answer'))
      .max(20, { error: 'at most 20 responses are allowed' })
      .prefault([])
      .describe('The status code each path answers, such as `/` → 302 (a redirect to the login page) and `/health` → 200'),
    DefaultStatus: int(100, 599, '`DefaultStatus`').prefault(404).describe('The status code of every other path'),
    ResponseMilliseconds: int(0, 120000, '`ResponseMilliseconds`').prefault(50).describe('How long it takes to answer'),
  })
  .describe('The application on the targets: which path answers which status code, and how fast');

/** The task fields of a `target-group` task (the common ones are added by the lab schema). */
export const targetGroupTaskFields = {
  kind: z.literal('target-group').describe('The learner writes the health check settings of a target group the setup created'),
  language: oneOf(['json', 'yaml'], '`language`').prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
  TargetGroupName: text('`TargetGroupName`').describe('The target group of `setup.elbv2.targetGroups` whose health check the answer sets (ModifyTargetGroup)'),
  application: applicationSchema,
};

/** A learner's `target-group` answer: the health check parameters of ModifyTargetGroup; a field left out keeps its value. */
export const targetGroupAnswerSchema = z
  .strictObject({
    HealthCheckEnabled: z.boolean().optional().describe('Whether targets are health checked'),
    HealthCheckProtocol: oneOf(['HTTP', 'HTTPS'], '`HealthCheckProtocol`').optional().describe('The protocol of the health check'),
    HealthCheckPort: z.union([z.string(), z.number().int()]).optional().transform((p) => (p === undefined ? undefined : String(p))).describe('`traffic-port` (the port each target receives traffic on) or a port number'),
    HealthCheckPath: z.string().optional().describe('The path requested, starting with `/`'),
    HealthCheckIntervalSeconds: z.number().int().optional().describe('Seconds between health checks of a target (5-300)'),
    HealthCheckTimeoutSeconds: z.number().int().optional().describe('Seconds without a response that fail a check (2-120, less than the interval)'),
    HealthyThresholdCount: z.number().int().optional().describe('Consecutive successes before an unhealthy target is healthy again (2-10)'),
    UnhealthyThresholdCount: z.number().int().optional().describe('Consecutive failures before a target is unhealthy (2-10)'),
    Matcher: z.strictObject({ HttpCode: text('`HttpCode`').describe('Codes that count as success: `200`, `200,202` or `200-299` (200 to 499)') }).optional().describe('The success codes'),
  })
  .describe('Health check settings as ModifyTargetGroup takes them');

const equivalentTargetHealthSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `target-group` task whose target group's health is compared with the solution's"),
    toleranceSeconds: int(0, 3600, '`toleranceSeconds`').prefault(0).describe('How far apart the times to become healthy, to detect a failure and to recover may be'),
    examples: z.number().int().min(1).max(20).prefault(3).describe('How many differing scenarios the explanation shows'),
  })
  .describe(
    "Compare the health timeline of every target with the solution's under every application behaviour that could tell them apart: each path either side checks answering each status code around either matcher, responses around either timeout, the application down for streaks around either threshold, and the network either side's security groups leave",
  );

const failureSchema = z
  .strictObject({
    path: path.optional().describe('The path that starts answering `status`'),
    status: int(100, 599, '`status`').optional().describe('The status code the path answers'),
    down: z.boolean().optional().describe('The application stops answering at all (connection refused)'),
    responseMilliseconds: int(0, 120000, '`responseMilliseconds`').optional().describe('The application answers this slowly'),
  })
  .refine((f) => (f.path !== undefined) === (f.status !== undefined), { error: '`path` and `status` go together' })
  .refine((f) => [f.path !== undefined, f.down === true, f.responseMilliseconds !== undefined].filter(Boolean).length === 1, { error: 'a failure is one of `path` with `status`, `down: true` or `responseMilliseconds`' })
  .describe('What breaks, 30 minutes after the targets were registered');

const targetHealthSchema = z
  .strictObject({
    task: kebabId('task id').describe('The `target-group` task whose target group is checked'),
    failure: failureSchema.optional().describe('What breaks; nothing when left out'),
    expect: z
      .strictObject({
        healthyWithinSeconds: int(0, 86400, '`healthyWithinSeconds`').optional().describe('Every target is healthy within this many seconds of being registered (without `failure`)'),
        unhealthyWithinSeconds: int(0, 86400, '`unhealthyWithinSeconds`').optional().describe('Every target is unhealthy within this many seconds of the failure'),
        staysHealthy: z.boolean().optional().describe('No target is ever unhealthy (a failure the health check should not notice)'),
      })
      .describe('What must happen'),
  })
  .describe('Simulate the health checks of the target group through one story and expect an outcome');

/** The check fields of the target group checks. */
export const targetGroupCheckFields = {
  'equivalent-target-health': equivalentTargetHealthSchema.optional(),
  'target-health': targetHealthSchema.optional(),
};
