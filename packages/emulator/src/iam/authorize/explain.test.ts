import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate.ts';
import { explainAuthorization } from './explain.ts';
import type { SourcePolicy } from './types.ts';

const policy = (...Statement: object[]): SourcePolicy => ({ policyName: 'p', policyType: 'identity', attachment: 'inline', document: JSON.stringify({ Version: '2012-10-17', Statement }) });
const request = (action: string) => ({ principalArn: 'arn:aws:iam::111122223333:user/alice', action, resource: 'arn:aws:s3:::b/k' });

describe('explainAuthorization with expanded wildcards', () => {
  it.each([
    ['s3:Get*', 's3:GetObject', /^- statement 1 of inline policy `p`, line 1 allows it \(`s3:Get\*` matches \d+ actions, among them `s3:GetObject`\)$/],
    ['s3:getobj?ct', 's3:GetObject', /\(`s3:getobj\?ct` matches 1 action, among them `s3:GetObject`\)$/],
    ['*', 's3:PutObject', /\(`\*` matches \d{4,} actions, among them `s3:PutObject`\)$/],
    ['s3:Frobnicate*', 's3:FrobnicateBucket', /\(`s3:Frobnicate\*` matches no action the catalogue knows\)$/],
    ['rds:*', 'rds:DescribeDBInstances', /allows it$/],
  ])('names what `%s` stands for', (pattern, action, line) => {
    const result = evaluatePolicies([policy({ Effect: 'Allow', Action: pattern, Resource: '*' })], request(action));
    expect(explainAuthorization(result, { expandWildcards: true }).split('\n')[1]).toMatch(line);
    expect(explainAuthorization(result).split('\n')[1]).toBe('- statement 1 of inline policy `p`, line 1 allows it');
  });

  it('expands the pattern of a deny and leaves exact actions alone', () => {
    const result = evaluatePolicies([policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:List*'], Resource: '*' }, { Effect: 'Deny', Action: ['s3:Get*', 'ec2:*'], Resource: '*' })], request('s3:GetObject'));
    const lines = explainAuthorization(result, { expandWildcards: true }).split('\n');
    expect(lines[1]).toMatch(/denies it \(`s3:Get\*` matches \d+ actions, among them `s3:GetObject`\)$/);
    expect(lines[2]).toBe('- statement 1 of inline policy `p`, line 1 would allow it, but the deny wins');
  });
});
