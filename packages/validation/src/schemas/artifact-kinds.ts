import type { z } from 'zod';
import type { PathSegment } from '../finding.ts';
import type { PolicyType } from '../iam-policy/validate-policy.ts';
import { labSchema } from '../lab/schema.ts';
import { autoScalingGroupSchema, scalingPolicySchema, scheduledActionSchema } from './auto-scaling.ts';
import { cloudwatchAlarmSchema } from './cloudwatch-alarm.ts';
import { listenerRulesSchema, listenerSchema, loadBalancerSchema, targetGroupSchema } from './elb.ts';
import { launchTemplateDataSchema, launchTemplateSchema } from './launch-template.ts';
import type { naclEntrySchema } from './network-acl.ts';
import { naclEntriesSchema } from './network-acl.ts';
import { routeTableSchema } from './route-table.ts';
import { securityGroupRules, securityGroupsSchema, securityGroupsShape } from './security-group.ts';
import { ecrLifecycleSchema, ecrRepositorySchema, s3LifecycleSchema } from './storage.ts';

/** Every kind of learner artifact that `lint` understands. */
export const ARTIFACT_KINDS = [
  'iam-identity-policy',
  'iam-resource-policy',
  'iam-trust-policy',
  'iam-permissions-boundary',
  'iam-scp',
  'iam-session-policy',
  's3-bucket-policy',
  'ecr-repository-policy',
  'security-groups',
  'nacl-entries',
  'route-table',
  'launch-template',
  'auto-scaling-group',
  'scaling-policy',
  'scheduled-action',
  'cloudwatch-alarm',
  'load-balancer',
  'alb-listener',
  'alb-rules',
  'alb-target-group',
  's3-lifecycle',
  'ecr-lifecycle',
  'ecr-repository',
  'lab',
] as const;

/** One kind of learner artifact. */
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** The policy kinds and the policy type `validatePolicy` checks them as (which elements they require or forbid). */
export const POLICY_KINDS = {
  'iam-identity-policy': 'identity',
  'iam-permissions-boundary': 'identity',
  'iam-scp': 'scp',
  'iam-session-policy': 'identity',
  'iam-resource-policy': 'resource',
  's3-bucket-policy': 'resource',
  'ecr-repository-policy': 'resource',
  'iam-trust-policy': 'trust',
} as const satisfies Partial<Record<ArtifactKind, PolicyType>>;

/** A kind that is an IAM policy document. */
export type PolicyKind = keyof typeof POLICY_KINDS;

/** True when `kind` is an IAM policy kind. */
export function isPolicyKind(kind: string): kind is PolicyKind {
  return Object.hasOwn(POLICY_KINDS, kind);
}

/** Network ACL entries with where their list sits in the document. */
export interface NaclInput {
  entries: z.output<typeof naclEntrySchema>[];
  at: PathSegment[];
}

/** Launch template data with where it sits in the document. */
export interface LaunchTemplateInput {
  data: z.output<typeof launchTemplateDataSchema>;
  at: PathSegment[];
}

interface KindSpec {
  /** The schema to check a value with; some kinds accept several AWS shapes and pick by the keys present. */
  schema(value: unknown): z.ZodType;
  /** Every shape the kind accepts, as one schema: what editors get as JSON Schema. */
  shapes: z.ZodType;
  /** The parsed value as the kind's rules take it. */
  prepare?(parsed: never): unknown;
}

const fixed = (schema: z.ZodType): KindSpec => ({ schema: () => schema, shapes: schema });
const hasKey = (value: unknown, key: string) => value !== null && typeof value === 'object' && Object.hasOwn(value, key);

/** How each non-policy kind is checked and handed to its rules. */
export const KIND_SPECS: Record<Exclude<ArtifactKind, PolicyKind>, KindSpec> = {
  'security-groups': { schema: securityGroupsShape, shapes: securityGroupsSchema, prepare: securityGroupRules as (parsed: never) => unknown },
  'nacl-entries': {
    schema: () => naclEntriesSchema,
    shapes: naclEntriesSchema,
    prepare: ((parsed: z.output<typeof naclEntriesSchema>): NaclInput => (Array.isArray(parsed) ? { entries: parsed, at: [] } : { entries: parsed.Entries, at: ['Entries'] })) as (parsed: never) => unknown,
  },
  'route-table': fixed(routeTableSchema),
  'launch-template': {
    schema: (value) => (hasKey(value, 'LaunchTemplateData') ? launchTemplateSchema.options[0] : launchTemplateDataSchema),
    shapes: launchTemplateSchema,
    prepare: ((parsed: z.output<typeof launchTemplateSchema>): LaunchTemplateInput =>
      'LaunchTemplateData' in parsed ? { data: parsed.LaunchTemplateData, at: ['LaunchTemplateData'] } : { data: parsed, at: [] }) as (parsed: never) => unknown,
  },
  'auto-scaling-group': fixed(autoScalingGroupSchema),
  'scaling-policy': fixed(scalingPolicySchema),
  'scheduled-action': fixed(scheduledActionSchema),
  'cloudwatch-alarm': fixed(cloudwatchAlarmSchema),
  'load-balancer': fixed(loadBalancerSchema),
  'alb-listener': fixed(listenerSchema),
  'alb-rules': fixed(listenerRulesSchema),
  'alb-target-group': fixed(targetGroupSchema),
  's3-lifecycle': fixed(s3LifecycleSchema),
  'ecr-lifecycle': fixed(ecrLifecycleSchema),
  'ecr-repository': fixed(ecrRepositorySchema),
  lab: fixed(labSchema),
};
