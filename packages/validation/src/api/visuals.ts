import { z } from 'zod';

// What the grade report draws beside a check's words (`CheckVisual` of the lab engine), as the API sends it.

const ruleWalkRow = z.strictObject({
  rule: z.string(),
  outcome: z.enum(['matched', 'not-matched', 'not-evaluated', 'unsupported']),
  reason: z.string(),
  conditions: z.array(z.strictObject({ field: z.string(), outcome: z.enum(['match', 'no-match', 'unsupported']), reason: z.string() })),
  action: z.string(),
});

export const albRuleWalkVisual = z.strictObject({ kind: z.literal('alb-rule-walk'), request: z.string(), rows: z.array(ruleWalkRow), outcome: z.string() });

const hopType = z.enum(['internet', 'instance', 'network-interface', 'security-group', 'network-acl', 'subnet', 'route-table', 'internet-gateway', 'nat-gateway', 'vpc', 'load-balancer', 'other']);
export const networkHop = z.strictObject({ name: z.string(), type: hopType, detail: z.string().optional() });

export const networkPathVisual = z.strictObject({
  kind: z.literal('network-path'),
  source: z.string(),
  destination: z.string(),
  protocol: z.string(),
  port: z.number().optional(),
  reachable: z.boolean(),
  hops: z.array(networkHop),
  blocks: z.array(
    z.strictObject({ name: z.string(), type: hopType, code: z.string(), reason: z.string(), direction: z.enum(['ingress', 'egress']).optional(), path: z.enum(['forward', 'return']) }),
  ),
});

export const iamDecisionVisual = z.strictObject({
  kind: z.literal('iam-decision'),
  principal: z.string(),
  action: z.string(),
  resource: z.string(),
  decision: z.enum(['Allowed', 'ExplicitDeny', 'ImplicitDeny']),
  layers: z.array(
    z.strictObject({
      policyType: z.enum(['scp', 'rcp', 'resource', 'identity', 'boundary', 'session']),
      decision: z.enum(['Allow', 'ExplicitDeny', 'ImplicitDeny', 'NotApplicable']),
      reason: z.string(),
    }),
  ),
  statements: z.array(
    z.strictObject({
      task: z.string(),
      statementIndex: z.number().int(),
      sid: z.string().optional(),
      effect: z.enum(['Allow', 'Deny']),
      outcome: z.enum(['matched', 'not-matched']),
      reason: z.string().optional(),
      lines: z.strictObject({ from: z.number().int(), to: z.number().int(), text: z.array(z.string()) }),
    }),
  ),
});

export const asgTimelineVisual = z.strictObject({
  kind: z.literal('asg-timeline'),
  start: z.string(),
  minutes: z.number(),
  minSize: z.number(),
  maxSize: z.number(),
  points: z.array(
    z.strictObject({ minute: z.number(), requestsPerSecond: z.number(), cpu: z.number().optional(), desired: z.number(), inService: z.number(), reference: z.number().optional() }),
  ),
  events: z.array(z.strictObject({ minute: z.number(), type: z.enum(['ScalingActivity', 'AlarmStateChange', 'ScheduledAction']), description: z.string() })),
});

/** One cell of the exposure matrix: of the `paths` from the source tier to the destination tier on the service, how many each network lets through. */
export const exposureCell = z.strictObject({
  source: z.number().int(),
  destination: z.number().int(),
  service: z.number().int(),
  paths: z.number().int(),
  learner: z.number().int(),
  reference: z.number().int(),
});

/** Who reaches whom on which ports, in the learner's network and the solution's, and a few paths where they differ. */
export const exposureMatrixVisual = z.strictObject({
  kind: z.literal('exposure-matrix'),
  outage: z.string().optional(),
  grouping: z.enum(['security-group', 'subnet']),
  tiers: z.array(z.strictObject({ name: z.string(), instances: z.array(z.string()), probes: z.number().int() })),
  services: z.array(z.string()),
  cells: z.array(exposureCell),
  closedServices: z.array(z.string()),
  examples: z.array(networkPathVisual),
  differences: z.number().int(),
});

export const checkVisual = z.discriminatedUnion('kind', [albRuleWalkVisual, networkPathVisual, iamDecisionVisual, asgTimelineVisual, exposureMatrixVisual]);

export type AlbRuleWalkVisual = z.infer<typeof albRuleWalkVisual>;
export type NetworkHop = z.infer<typeof networkHop>;
export type NetworkPathVisual = z.infer<typeof networkPathVisual>;
export type IamDecisionVisual = z.infer<typeof iamDecisionVisual>;
export type AsgTimelineVisual = z.infer<typeof asgTimelineVisual>;
export type ExposureCell = z.infer<typeof exposureCell>;
export type ExposureMatrixVisual = z.infer<typeof exposureMatrixVisual>;
export type CheckVisual = z.infer<typeof checkVisual>;
