import { z } from 'zod';
import { ec2SecurityGroupSchema } from '../schemas/security-group.ts';
import { cidrIpv4, list } from '../schemas/common.ts';
import { asgCheckFields } from './asg-checks.ts';
import { kebabId, policyDocument, resourceName, text } from './fields.ts';
import { albRouteSchema, equivalentRoutingSchema } from './alb-checks.ts';
import { quizCheckFields } from './quiz.ts';
import { targetGroupCheckFields } from './target-group-task.ts';
import { equivalentLaunchTemplateSchema, resourceCheckSchema } from './launch-template-checks.ts';
import { equivalentEbsSettingsSchema } from './ebs-settings.ts';
import { equivalentRepositorySchema } from './ecr-repository.ts';
import { equivalentBucketSchema, lifecycleCheckSchema } from './lifecycle-checks.ts';
import { cloudwatchAlarmCheckFields } from './cloudwatch-alarm-task.ts';

// What a check asserts: one of an IAM request simulation, a network path (Reachability Analyzer's
// question), the internet exposure of the network, a lint-clean answer, or access equivalent to the
// solution's over a universe of requests (DESIGN §3, behavioural equivalence to the reference).

const contextValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).describe('A context value, or a list for multivalued keys');

const simulateSchema = z
  .strictObject({
    principal: text('`principal`').describe(
      "Who makes the request: the ARN of a user, role or the root of the lab's account, an ARN in another account, or a service principal such as `ec2.amazonaws.com`",
    ),
    action: text('`action`').describe('The action, as `service:Action`; an `sts:` action on a role of the lab is also decided by the role\'s trust policy'),
    resource: text('`resource`').describe('The resource ARN'),
    context: z.record(z.string(), contextValue).optional().describe('Request context keys, such as `aws:SecureTransport`'),
    principalPolicies: z
      .array(policyDocument)
      .optional()
      .describe("For a principal in another account: its identity-based policies, which the lab's account cannot see (none when left out)"),
    expect: z.enum(['allowed', 'denied'], { error: '`expect` must be `allowed` or `denied`' }).describe('The decision that passes the check'),
  })
  .describe('Simulate one request with the IAM policy evaluator');

const endpoint = (role: string) => text(`\`${role}\``).describe(`The ${role}: \`internet\` or the name of an instance in the setup`);

const reachabilitySchema = z
  .strictObject({
    source: endpoint('source'),
    destination: endpoint('destination'),
    protocol: z.enum(['tcp', 'udp', 'icmp'], { error: '`protocol` must be `tcp`, `udp` or `icmp`' }).prefault('tcp').describe('The protocol'),
    port: z.number().int().min(0).max(65535).optional().describe('The destination port, required for tcp and udp'),
    sourceIp: cidrIpv4.optional().describe("The internet client's address or range when the source is `internet`; every address (`0.0.0.0/0`) must get through when left out"),
    destinationIp: cidrIpv4.optional().describe('The internet address or range when the destination is `internet`; every address (`0.0.0.0/0`) when left out'),
    expect: z.enum(['reachable', 'unreachable'], { error: '`expect` must be `reachable` or `unreachable`' }).describe('The answer that passes the check'),
  })
  .refine((r) => r.protocol === 'icmp' || r.port !== undefined, { error: 'a tcp or udp path needs a `port`', path: ['port'] })
  .describe('Ask the network path analyzer whether the source can open a connection to the destination');

const exposureSchema = z
  .strictObject({
    onlyExposed: z.array(resourceName('instance')).optional().describe('Only these instances may accept any connection from the internet'),
    onlyPorts: z.array(z.number().int().min(0).max(65535)).optional().describe('Only these tcp ports may be open to the internet, on any instance'),
    notExposed: z
      .strictObject({
        port: z.number().int().min(0).max(65535).optional().describe('The port that must not be open to the internet; every port when left out'),
        protocol: z.enum(['tcp', 'udp']).prefault('tcp').describe('The protocol of `port`'),
        instances: z.array(resourceName('instance')).optional().describe('Only these instances must keep it closed; every instance when left out'),
        scope: z.enum(['world', 'any']).prefault('any').describe('`world`: no source of `/0` (any address) may reach it; `any`: no internet source at all'),
      })
      .optional()
      .describe('A port the internet must not reach'),
  })
  .refine((e) => e.onlyExposed !== undefined || e.onlyPorts !== undefined || e.notExposed !== undefined, { error: 'an exposure check needs `onlyExposed`, `onlyPorts` or `notExposed`' })
  .describe('Assert what the internet can reach, from the exposure report');

const lintSchema = z
  .strictObject({
    task: kebabId('task id').describe('The task whose answer is linted'),
    severities: z
      .array(z.enum(['error', 'security-warning', 'warning', 'suggestion']))
      .min(1)
      .prefault(['error', 'security-warning'])
      .describe('The finding severities that fail the check'),
    rules: z.array(text('a rule id')).optional().describe('Only findings of these rule ids fail the check, such as `sg/ssh-open-to-world`'),
  })
  .describe("Lint the task's answer with Skylab's rules: the check passes when no finding of the given severities (and rules) remains");

const requestSchema = z
  .strictObject({
    action: text('`action`').describe('The action, as `service:Action`'),
    resource: text('`resource`').describe('The resource ARN, or `*`'),
    context: z.record(z.string(), contextValue).optional().describe('Request context keys'),
  })
  .describe('One request of the universe');

const equivalentAccessSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `iam-policy` or `iam-trust-policy` task whose answer is compared with the solution's answer to it"),
    principal: text('`principal`').optional().describe('For an `iam-policy` task: the ARN of the IAM user making the requests'),
    services: z
      .array(text('a service prefix'))
      .optional()
      .describe('Only these service prefixes take part, such as `s3`; every service of the catalogue when left out (the exhaustive default that grading integrity asks for)'),
    actions: z.array(text('an action pattern')).optional().describe('Action patterns expanded over the IAM catalogue, such as `s3:Get*`, added to the services\' actions'),
    resources: z
      .array(text('a resource ARN'))
      .optional()
      .describe("Resource ARNs added to the universe; the lab's own resources, witnesses drawn from both policies and one resource of every type are always in it"),
    contexts: z
      .array(z.record(z.string(), contextValue))
      .optional()
      .describe('Request contexts every request starts from; the values either policy\'s conditions test are varied on top of them'),
    requests: z.array(requestSchema).optional().describe('An explicit list of requests instead of the exhaustive universe (a probe set, not a gate on its own)'),
    examples: z.number().int().min(1).max(20).prefault(3).describe('How many over- and under-permitted requests the explanation shows'),
  })
  .describe('Compare what the answer allows with what the solution allows over every request that could tell them apart: least privilege, exactly');

const equivalentReachabilitySchema = z
  .strictObject({
    task: kebabId('task id').describe("The `security-groups`, `nacl-entries` or `route-table` task whose answer is compared with the solution's answer to it"),
    examples: z.number().int().min(1).max(20).prefault(3).describe('How many paths opened or closed against the reference the explanation shows'),
  })
  .describe(
    "Compare the network the answer leaves with the solution's on every path: each instance to each other, probe instances launched in every subnet with each group (and with none), the internet to each instance and back, over tcp and udp on every port a rule of either side names (and its neighbours and ports nobody named), and icmp",
  );

const ASSERTIONS = ['simulate', 'reachability', 'exposure', 'lint', 'equivalent-access', 'equivalent-reachability', 'alb-route', 'equivalent-routing', 'asg-scenario', 'equivalent-scaling', 'quiz', 'resource', 'equivalent-launch-template', 'equivalent-ebs-settings', 'equivalent-repository', 'lifecycle', 'equivalent-bucket', 'equivalent-target-health', 'target-health', 'alarm-scenario', 'equivalent-alarms'] as const;

/** A check: an assertion over the account after the learner's answers were applied. */
export const labCheckSchema = z
  .strictObject({
    id: kebabId('check id').describe('The check id'),
    title: text('a check title').describe('What the check verifies, as the learner sees it'),
    points: z.number().min(0, { error: 'points must not be negative' }).prefault(1).describe('Points for passing'),
    simulate: simulateSchema.optional(),
    reachability: reachabilitySchema.optional(),
    exposure: exposureSchema.optional(),
    lint: lintSchema.optional(),
    'equivalent-access': equivalentAccessSchema.optional(),
    'equivalent-reachability': equivalentReachabilitySchema.optional(),
    'alb-route': albRouteSchema.optional(),
    'equivalent-routing': equivalentRoutingSchema.optional(),
    ...asgCheckFields,
    ...quizCheckFields,
    resource: resourceCheckSchema.optional(),
    'equivalent-launch-template': equivalentLaunchTemplateSchema.optional(),
    'equivalent-ebs-settings': equivalentEbsSettingsSchema.optional(),
    'equivalent-repository': equivalentRepositorySchema.optional(),
    lifecycle: lifecycleCheckSchema.optional(),
    'equivalent-bucket': equivalentBucketSchema.optional(),
    ...targetGroupCheckFields,
    ...cloudwatchAlarmCheckFields,
    feedback: z
      .strictObject({
        pass: text('`feedback.pass`').describe('Shown when the check passes'),
        fail: text('`feedback.fail`').describe('Shown when the check fails: point at the misconception, not the answer'),
      })
      .describe('What the learner reads'),
    visibility: z.enum(['immediately', 'after-submission', 'after-due-date']).prefault('immediately').describe('When the result is shown'),
    misconceptions: z.array(kebabId('misconception tag')).prefault([]).describe('Misconception tags a failure points to'),
  })
  .superRefine((check, ctx) => {
    const present = ASSERTIONS.filter((key) => check[key] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: present.length === 0 ? `a check needs one of ${ASSERTIONS.map((k) => `\`${k}\``).join(', ')}` : `a check asserts one thing: it has ${present.map((k) => `\`${k}\``).join(' and ')}`,
        path: present.length === 0 ? [] : [present[1] as string],
      });
    }
  })
  .describe('An assertion over the account after the learner acted');

/** A learner's security groups answer: `DescribeSecurityGroups` output, groups named by `GroupName` (or `GroupId`). */
export const securityGroupsAnswerSchema = z
  .strictObject({ SecurityGroups: list(ec2SecurityGroupSchema, 'security groups', 100).describe('The groups to set, each with its complete rules') })
  .describe('Security groups in `DescribeSecurityGroups` shape');
