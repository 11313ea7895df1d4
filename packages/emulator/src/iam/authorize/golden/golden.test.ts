import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awsDocPage, parseGolden, uniqueNames } from '../../../../test/golden-schema.ts';
import { evaluatePolicies } from '../evaluate.ts';
import { ALICE } from './harness.ts';
import { GOLDEN_TOPICS } from './topics.ts';

// Every case is read through a strict schema first (a misspelt key fails, naming the file and key), then
// asserts its decision, whether it is certain, what was unsupported and which policies were invalid: an
// absent field means "none" (or `determinate: true`), never "not checked".

const POLICY_TYPES = ['scp', 'rcp', 'resource', 'identity', 'boundary', 'session'] as const;
const contextValue = z.union([z.string(), z.array(z.string())]);

const principalSchema = z.strictObject({
  type: z.enum(['User', 'AssumedRole', 'Account', 'FederatedUser', 'Service', 'Anonymous']).optional(),
  accountId: z.string().optional(),
  roleArn: z.string().optional(),
  sessionIssuerArn: z.string().optional(),
  userId: z.string().optional(),
  userName: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  multiFactorAuthPresent: z.boolean().optional(),
  multiFactorAuthTime: z.number().optional(),
  exemptFromScps: z.boolean().optional(),
});

/** The schema of one IAM golden case. */
export const iamGoldenCase = z.strictObject({
  name: z.string().min(1),
  source: awsDocPage,
  policies: z.array(
    z.strictObject({
      policyName: z.string(),
      policyArn: z.string().optional(),
      policyType: z.enum(POLICY_TYPES),
      attachment: z.enum(['inline', 'managed']).optional(),
      group: z.string().optional(),
      role: z.string().optional(),
      level: z.number().int().optional(),
      document: z.string(),
    }),
  ),
  request: z.strictObject({
    principalArn: z.string().optional(),
    action: z.string(),
    resource: z.string(),
    context: z.record(z.string(), contextValue).optional(),
    resourceAccount: z.string().optional(),
    time: z.number().optional(),
    principal: principalSchema.optional(),
  }),
  decision: z.enum(['Allowed', 'ExplicitDeny', 'ImplicitDeny']),
  determinate: z.boolean().optional(),
  unsupported: z.array(z.string()).optional(),
  invalidPolicies: z.array(z.string()).optional(),
});

const TOPICS = Object.entries(GOLDEN_TOPICS).map(([file, cases]) => {
  const parsed = parseGolden(z.array(iamGoldenCase), cases, `iam/authorize/golden/${file}`);
  uniqueNames(parsed, file);
  return [file, parsed] as const;
});

describe('golden cases from the AWS documentation', () => {
  it('has at least 200 cases', () => {
    expect(TOPICS.flatMap(([, cases]) => cases).length).toBeGreaterThanOrEqual(200);
  });

  for (const [file, cases] of TOPICS) {
    describe(file, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, golden) => {
        const result = evaluatePolicies(golden.policies, { principalArn: ALICE, ...golden.request });
        const why = `${golden.source}\n${result.reason}`;
        expect(result.decision, why).toBe(golden.decision);
        expect(result.determinate, why).toBe(golden.determinate ?? true);
        expect(result.unsupported, why).toEqual(golden.unsupported ?? []);
        expect(result.invalidPolicies.map((p) => p.reason), why).toEqual(golden.invalidPolicies ?? []);
      });
    });
  }
});
