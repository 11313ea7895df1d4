import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessUniverse, compareAccess } from './compare-access.ts';
import { evaluatePolicies } from './evaluate.ts';
import type { AuthorizationRequest, SourcePolicy } from './types.ts';

const USER = 'arn:aws:iam::111122223333:user/learner';
const identity = (...Statement: object[]): SourcePolicy[] => [{ policyName: 'p', policyType: 'identity', attachment: 'inline', document: JSON.stringify({ Version: '2012-10-17', Statement }) }];
const allow = (Action: unknown, Resource: unknown, extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const req = (action: string, resource: string, context?: Record<string, string>): AuthorizationRequest => ({ principalArn: USER, action, resource, ...(context ? { context } : {}) });

const BUCKET = 'arn:aws:s3:::reports';
const OBJECT = 'arn:aws:s3:::reports/2026/q1.csv';
const REFERENCE = identity(allow('s3:GetObject', `${BUCKET}/*`), allow('s3:ListBucket', BUCKET));
const UNIVERSE = [req('s3:GetObject', OBJECT), req('s3:PutObject', OBJECT), req('s3:DeleteObject', OBJECT), req('s3:ListBucket', BUCKET), req('s3:DeleteBucket', BUCKET)];

describe('compareAccess', () => {
  it.each([
    ['the same policy written differently', identity(allow(['s3:getobject'], 'arn:aws:s3:::reports/*'), allow('s3:List*', BUCKET)), [], []],
    ['an over-broad wildcard', identity(allow('s3:*', [BUCKET, `${BUCKET}/*`])), ['s3:PutObject', 's3:DeleteObject', 's3:DeleteBucket'], []],
    ['a forgotten ListBucket', identity(allow('s3:GetObject', `${BUCKET}/*`)), [], ['s3:ListBucket']],
    ['the bucket ARN where objects were meant', identity(allow(['s3:GetObject', 's3:ListBucket'], BUCKET)), [], ['s3:GetObject']],
    ['a deny that removes what an allow grants', identity(allow('s3:*', '*'), { Effect: 'Deny', NotAction: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }), [], []],
    ['no policy at all', [], [], ['s3:GetObject', 's3:ListBucket']],
  ] as const)('finds the differences for %s', (_name, learner, over, under) => {
    const result = compareAccess(learner, REFERENCE, UNIVERSE);
    expect(result.onlyA.map((d) => d.request.action)).toEqual(over);
    expect(result.onlyB.map((d) => d.request.action)).toEqual(under);
    expect(result.onlyA.every((d) => d.a === 'Allowed' && d.b !== 'Allowed')).toBe(true);
    expect(result.bothAllow + result.neitherAllows + result.onlyA.length + result.onlyB.length).toBe(UNIVERSE.length);
  });

  it('tells requests apart by their context', () => {
    const tls = identity(allow('s3:GetObject', `${BUCKET}/*`, { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }));
    const result = compareAccess(REFERENCE, tls, [req('s3:GetObject', OBJECT, { 'aws:SecureTransport': 'true' }), req('s3:GetObject', OBJECT, { 'aws:SecureTransport': 'false' })]);
    expect(result.onlyA.map((d) => d.request.context)).toEqual([{ 'aws:SecureTransport': 'false' }]);
    expect(result.onlyB).toEqual([]);
  });

  it('reports requests it could not decide for sure', () => {
    // A multivalued key tested without a set operator is not evaluated (fail closed).
    const odd = identity(allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:TagKeys': 'x' } } }));
    expect(compareAccess(odd, REFERENCE, [{ ...req('s3:GetObject', OBJECT), context: { 'aws:TagKeys': ['x', 'y'] } }]).indeterminate).toHaveLength(1);
  });

  it('takes a KMS key without a key policy to have the default one, which lets IAM policies count', () => {
    const key = 'arn:aws:kms:us-east-1:111122223333:key/k';
    const decrypt = identity(allow('kms:Decrypt', '*'));
    const comparison = compareAccess(decrypt, REFERENCE, [req('kms:Decrypt', key)]);
    expect(comparison.indeterminate).toEqual([]);
    expect(comparison.onlyA.map((d) => d.request.action)).toEqual(['kms:Decrypt']);
    expect(evaluatePolicies(decrypt, req('kms:Decrypt', key)).determinate).toBe(false);
  });
});

describe('accessUniverse', () => {
  it('pairs each catalogue action with the resources of the types it acts on', () => {
    const universe = accessUniverse({ principalArn: USER, actions: ['s3:GetObject', 's3:ListBucket', 's3:ListAllMyBuckets'], resources: [BUCKET, OBJECT] });
    expect(universe.map((r) => [r.action, r.resource])).toEqual([
      ['s3:GetObject', OBJECT],
      ['s3:ListBucket', BUCKET],
      ['s3:ListAllMyBuckets', '*'],
    ]);
  });

  it('expands services and patterns, once per context', () => {
    const universe = accessUniverse({ principalArn: USER, services: ['sqs'], actions: ['s3:Get*'], resources: ['arn:aws:sqs:us-east-1:111122223333:orders', OBJECT], contexts: [{}, { 'aws:SecureTransport': 'false' }] });
    expect(universe.filter((r) => r.action === 'sqs:SendMessage').map((r) => r.resource)).toEqual(['arn:aws:sqs:us-east-1:111122223333:orders', 'arn:aws:sqs:us-east-1:111122223333:orders']);
    expect(universe.filter((r) => r.action === 's3:GetObject')).toHaveLength(2);
    expect(universe.some((r) => r.action === 'sqs:ListQueues' && r.resource === '*')).toBe(true);
    expect(new Set(universe.map((r) => r.action)).size).toBeGreaterThan(30);
  });

  it('grades least privilege over a generated universe', () => {
    const spec = { principalArn: USER, services: ['s3'], resources: [BUCKET, OBJECT] };
    const result = compareAccess(identity(allow('s3:*', '*')), REFERENCE, spec);
    expect(result.onlyB).toEqual([]);
    expect(result.onlyA.length).toBe(result.evaluated - 2);
    expect(result.onlyA.map((d) => d.request.action)).toContain('s3:PutBucketPolicy');
  });
});

const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'iam:CreateUser'];
const RESOURCES = [BUCKET, OBJECT, 'arn:aws:s3:::other/k', 'arn:aws:iam::111122223333:user/x'];
const statementArb = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Action: fc.uniqueArray(fc.constantFrom(...ACTIONS, 's3:*', 's3:Get*', '*', 'S3:putobject'), { minLength: 1, maxLength: 3 }),
  Resource: fc.uniqueArray(fc.constantFrom(...RESOURCES, '*', `${BUCKET}/*`, 'arn:aws:s3:::*'), { minLength: 1, maxLength: 2 }),
  Condition: fc.option(fc.constantFrom({ Bool: { 'aws:SecureTransport': 'true' } }, { StringEquals: { 'aws:PrincipalTag/team': 'data' } }), { nil: undefined }),
}).map(({ Condition, ...s }) => (Condition ? { ...s, Condition } : s));
const policySetArb = fc.array(statementArb, { maxLength: 4 }).map((statements) => (statements.length === 0 ? [] : identity(...statements)));
const universeArb = fc.array(
  fc.record({ action: fc.constantFrom(...ACTIONS), resource: fc.constantFrom(...RESOURCES), secure: fc.constantFrom('true', 'false') }).map(({ action, resource, secure }) => req(action, resource, { 'aws:SecureTransport': secure })),
  { maxLength: 12 },
);

describe('compareAccess properties', () => {
  it('finds no difference between a policy set and itself', () => {
    fc.assert(fc.property(policySetArb, universeArb, (a, universe) => {
      const result = compareAccess(a, a, universe);
      expect(result.onlyA).toEqual([]);
      expect(result.onlyB).toEqual([]);
    }));
  });

  it('reports exactly the requests one side allows and the other does not, and mirrors when swapped', () => {
    fc.assert(fc.property(policySetArb, policySetArb, universeArb, (a, b, universe) => {
      const result = compareAccess(a, b, universe);
      const allowed = (p: SourcePolicy[], r: AuthorizationRequest) => evaluatePolicies(p, r).decision === 'Allowed';
      expect(result.onlyA.map((d) => d.request)).toEqual(universe.filter((r) => allowed(a, r) && !allowed(b, r)));
      expect(result.onlyB.map((d) => d.request)).toEqual(universe.filter((r) => !allowed(a, r) && allowed(b, r)));
      const swapped = compareAccess(b, a, universe);
      expect(swapped.onlyA.map((d) => d.request)).toEqual(result.onlyB.map((d) => d.request));
      expect(swapped.bothAllow).toBe(result.bothAllow);
    }));
  });
});
