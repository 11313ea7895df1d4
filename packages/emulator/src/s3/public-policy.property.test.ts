import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyPublicity } from './public-policy.ts';

// Properties of "the meaning of public" (access-control-block-public-access.html#access-control-block-public-access-policy-status):
// only Allow statements can make a policy public, fixed principals never do, and adding a statement never
// makes a public policy private.

const PRINCIPALS = ['*', { AWS: '*' }, { AWS: 'arn:aws:iam::444455556666:root' }, { AWS: '444455556666' }, { Service: 'cloudfront.amazonaws.com' }];
const CONDITIONS = [undefined, { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, { StringLike: { 'aws:SourceArn': 'arn:aws:cloudfront::*' } }, { Bool: { 'aws:SecureTransport': 'true' } }, { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }];
const statementArb = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Principal: fc.constantFrom(...PRINCIPALS),
  Condition: fc.constantFrom(...CONDITIONS),
});
const text = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ ...s, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })) });

describe('policyPublicity properties', () => {
  it('Deny statements and fixed principals never make a policy public', () => {
    fc.assert(
      fc.property(fc.array(statementArb, { minLength: 1, maxLength: 4 }), (statements) => {
        const safe = statements.map((s) => (s.Effect === 'Allow' && (s.Principal === '*' || JSON.stringify(s.Principal).includes('"*"')) ? { ...s, Effect: 'Deny' } : s));
        expect(policyPublicity(text(safe)).IsPublic).toBe(false);
      }),
    );
  });

  it('adding a statement never makes a public policy private', () => {
    fc.assert(
      fc.property(fc.array(statementArb, { minLength: 1, maxLength: 4 }), statementArb, (statements, extra) => {
        if (policyPublicity(text(statements)).IsPublic) expect(policyPublicity(text([...statements, extra])).IsPublic).toBe(true);
      }),
    );
  });
});
