import { describe, expect, it } from 'vitest';
import { policy, ruleFindings, ruleTable } from '../rule-table.ts';

const withCondition = (Condition: object) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition });
ruleTable('iam/unknown-condition-operator', 'iam-identity-policy', {
  hit: [withCondition({ StringEqual: { 'aws:PrincipalTag/team': 'a' } }), withCondition({ stringequals: { 'aws:PrincipalTag/team': 'a' } }), withCondition({ NullIfExists: { 'aws:TokenIssueTime': 'true' } })],
  miss: [withCondition({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'a*' } }), withCondition({ Null: { 'aws:TokenIssueTime': 'true' } })],
});

describe('iam/unknown-condition-operator message', () => {
  it('suggests the right case', () => {
    const [finding] = ruleFindings('iam/unknown-condition-operator', 'iam-identity-policy', withCondition({ stringequals: { 'aws:PrincipalTag/team': 'a' } }));
    expect(finding?.message).toBe('unknown condition operator `stringequals`: operators are case-sensitive, did you mean `StringEquals`?');
  });
});
