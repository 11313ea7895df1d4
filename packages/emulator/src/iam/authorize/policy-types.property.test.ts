import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate.ts';
import { globMatch } from './glob.ts';
import type { AuthorizationRequest, PolicyType, SourcePolicy } from './types.ts';

// The invariants of DESIGN §7 over every policy type at once: SCPs, RCPs, resource-based policies with
// principals, identity policies, boundaries and session policies, same-account and cross-account callers.
const CALLERS = ['arn:aws:iam::111122223333:user/u', 'arn:aws:sts::111122223333:assumed-role/app/s', 'arn:aws:iam::444455556666:user/x', 'arn:aws:iam::111122223333:root'];
const PRINCIPALS = ['*', '111122223333', '444455556666', ...CALLERS.slice(0, 3), 'arn:aws:iam::111122223333:role/app'];
const TYPES: PolicyType[] = ['scp', 'rcp', 'resource', 'identity', 'boundary', 'session'];
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const statementArb = (type: PolicyType, effect: fc.Arbitrary<'Allow' | 'Deny'>) =>
  fc
    .record({
      Effect: effect,
      Action: fc.uniqueArray(pick(['*', 'sqs:*', 'sqs:SendMessage', 'sqs:Receive*', 's3:GetObject']), { minLength: 1, maxLength: 2 }),
      Resource: pick(['*', 'arn:aws:sqs:*:111122223333:*', 'arn:aws:sqs:us-east-1:111122223333:q']),
      principal: pick(PRINCIPALS),
      condition: fc.option(pick([{ Bool: { 'aws:SecureTransport': 'true' } }, { StringEquals: { 'aws:PrincipalType': 'User' } }]), { nil: undefined }),
    })
    .map(({ principal, condition, ...s }) => ({
      ...s,
      ...(type === 'resource' || type === 'rcp' ? { Principal: principal === '*' ? '*' : { AWS: principal } } : {}),
      ...(condition ? { Condition: condition } : {}),
    }));

const policyArb = (effect: fc.Arbitrary<'Allow' | 'Deny'>) =>
  pick(TYPES).chain((type) =>
    fc.array(statementArb(type, effect), { minLength: 1, maxLength: 2 }).map(
      (statements): SourcePolicy => ({ policyName: type, policyType: type, level: 0, document: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }),
    ),
  );

const requestArb: fc.Arbitrary<AuthorizationRequest> = fc.record({
  principalArn: pick(CALLERS),
  action: pick(['sqs:SendMessage', 'sqs:ReceiveMessage', 's3:GetObject']),
  resource: pick(['arn:aws:sqs:us-east-1:111122223333:q', 'arn:aws:sqs:us-east-1:111122223333:other']),
  context: fc.record({ 'aws:SecureTransport': pick(['true', 'false']) }),
});

const anyPolicies = fc.array(policyArb(pick(['Allow', 'Deny'] as const)), { maxLength: 4 });
const decide = (policies: SourcePolicy[], request: AuthorizationRequest) => evaluatePolicies(policies, request).decision;

describe('evaluation invariants across policy types', () => {
  it('an explicit deny always wins', () => {
    fc.assert(
      fc.property(anyPolicies, requestArb, (policies, request) => {
        const result = evaluatePolicies(policies, request);
        expect(result.decision === 'ExplicitDeny').toBe(result.matchedStatements.some((s) => s.effect === 'Deny'));
      }),
      { numRuns: 1500 },
    );
  });

  it('adding a Deny never grants', () => {
    fc.assert(
      fc.property(anyPolicies, policyArb(fc.constant('Deny')), requestArb, (policies, extra, request) => {
        if (decide(policies, request) !== 'Allowed') expect(decide([...policies, extra], request)).not.toBe('Allowed');
      }),
      { numRuns: 1500 },
    );
  });

  it('adding an Allow statement to an existing policy never removes access', () => {
    fc.assert(
      fc.property(anyPolicies, fc.nat(), requestArb, (policies, which, request) => {
        if (policies.length === 0 || decide(policies, request) !== 'Allowed') return;
        const index = which % policies.length;
        const target = policies[index] as SourcePolicy;
        const doc = JSON.parse(target.document) as { Statement: object[] };
        const extra = { Effect: 'Allow', Action: 'sqs:*', Resource: '*', ...(target.policyType === 'resource' || target.policyType === 'rcp' ? { Principal: '*' } : {}) };
        const grown = policies.map((p, i) => (i === index ? { ...p, document: JSON.stringify({ ...doc, Statement: [...doc.Statement, extra] }) } : p));
        expect(decide(grown, request)).toBe('Allowed');
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the wildcard matcher never backtracks', () => {
  it('matches 100 stars against a 4 KB ARN without blowing up (timed in the bench)', () => {
    const arn = `arn:aws:s3:::${'a'.repeat(4096)}`;
    expect(globMatch(`${'*a'.repeat(100)}b`, arn)).toBe(false);
    expect(globMatch(`${'*a'.repeat(100)}*`, arn)).toBe(true);
  });
});
