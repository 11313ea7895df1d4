import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate.ts';
import type { AuthorizationRequest, SourcePolicy } from './types.ts';

const ACTIONS = ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 'iam:CreateUser', 'ec2:RunInstances'];
const ACTION_PATTERNS = [...ACTIONS, '*', 's3:*', 's3:Get*', 'S3:getobject', 's3:?utObject', 'iam:*'];
const RESOURCES = ['arn:aws:s3:::b', 'arn:aws:s3:::b/k', 'arn:aws:s3:::c/k', 'arn:aws:iam::111122223333:user/x'];
const RESOURCE_PATTERNS = [...RESOURCES, '*', 'arn:aws:s3:::b/*', 'arn:aws:s3:::*', 'arn:aws:s3:::b*', 'arn:aws:s3:::b/${aws:username}'];
const CONDITIONS = [
  { Bool: { 'aws:SecureTransport': 'true' } },
  { StringEquals: { 'aws:PrincipalTag/team': ['data', 'ops'] } },
  { StringNotLike: { 'aws:PrincipalTag/team': 'd*' } },
  { Null: { 'aws:SourceVpc': 'true' } },
  { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
  { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'data' } },
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const oneOrMore = <T>(values: readonly T[]) => fc.uniqueArray(pick(values), { minLength: 1, maxLength: 3 });

const statementArb = (effect: fc.Arbitrary<'Allow' | 'Deny'>) =>
  fc
    .record({
      Effect: effect,
      actions: oneOrMore(ACTION_PATTERNS),
      notAction: fc.boolean(),
      resources: oneOrMore(RESOURCE_PATTERNS),
      notResource: fc.boolean(),
      condition: fc.option(pick(CONDITIONS), { nil: undefined }),
    })
    .map(({ Effect, actions, notAction, resources, notResource, condition }) => ({
      Effect,
      [notAction ? 'NotAction' : 'Action']: actions,
      [notResource ? 'NotResource' : 'Resource']: resources,
      ...(condition ? { Condition: condition } : {}),
    }));

const requestArb: fc.Arbitrary<AuthorizationRequest> = fc.record({
  principalArn: fc.constant('arn:aws:iam::111122223333:user/u'),
  action: pick(ACTIONS),
  resource: pick(RESOURCES),
  context: fc.record(
    { 'aws:SecureTransport': pick(['true', 'false']), 'aws:PrincipalTag/team': pick(['data', 'ops', 'web']), 'aws:SourceIp': fc.constant('10.1.2.3') },
    { requiredKeys: [] },
  ),
});

const policies = (statements: object[]): SourcePolicy[] =>
  statements.length === 0 ? [] : [{ policyName: 'p', policyType: 'identity', attachment: 'inline', document: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }];

const decide = (statements: object[], request: AuthorizationRequest) => evaluatePolicies(policies(statements), request);
const anyStatement = statementArb(fc.constantFrom('Allow', 'Deny'));

describe('evaluatePolicies invariants', () => {
  it('adding a Deny statement never turns a deny into an allow', () => {
    fc.assert(
      fc.property(fc.array(anyStatement, { maxLength: 4 }), statementArb(fc.constant('Deny')), requestArb, (base, deny, request) => {
        if (decide(base, request).decision !== 'Allowed') expect(decide([...base, deny], request).decision).not.toBe('Allowed');
      }),
      { numRuns: 1500 },
    );
  });

  it('adding an Allow statement never removes access', () => {
    fc.assert(
      fc.property(fc.array(anyStatement, { maxLength: 4 }), statementArb(fc.constant('Allow')), requestArb, (base, allow, request) => {
        if (decide(base, request).decision === 'Allowed') expect(decide([...base, allow], request).decision).toBe('Allowed');
      }),
      { numRuns: 1500 },
    );
  });

  it('an explicit deny always wins, and an allow is always certain', () => {
    fc.assert(
      fc.property(fc.array(anyStatement, { maxLength: 5 }), requestArb, (statements, request) => {
        const result = decide(statements, request);
        if (result.matchedStatements.some((s) => s.effect === 'Deny')) expect(result.decision).toBe('ExplicitDeny');
        if (result.decision === 'Allowed') {
          expect(result.determinate).toBe(true);
          expect(result.matchedStatements.some((s) => s.effect === 'Allow')).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('does not depend on the order of statements', () => {
    fc.assert(
      fc.property(fc.array(anyStatement, { maxLength: 5 }), requestArb, (statements, request) => {
        const forward = decide(statements, request);
        const backward = decide([...statements].reverse(), request);
        expect([backward.decision, backward.determinate]).toEqual([forward.decision, forward.determinate]);
      }),
      { numRuns: 1000 },
    );
  });
});
