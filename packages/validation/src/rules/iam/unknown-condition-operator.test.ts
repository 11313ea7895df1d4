import { describe, expect, it } from 'vitest';
import { validatePolicy } from '../../iam-policy/validate-policy.ts';
import { policy, ruleFindings, ruleTable } from '../rule-table.ts';

// An unknown operator is a grammar error found by `validatePolicy` (the policy is invalid, as IAM refuses
// it), reported under this rule id so the editor and the lint output keep their name for it.
const withCondition = (Condition: object, Effect = 'Allow') => policy({ Effect, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition });
ruleTable('iam/unknown-condition-operator', 'iam-identity-policy', {
  hit: [withCondition({ StringEqual: { 'aws:PrincipalTag/team': 'a' } }), withCondition({ stringequals: { 'aws:PrincipalTag/team': 'a' } }), withCondition({ NullIfExists: { 'aws:TokenIssueTime': 'true' } }), withCondition({ DateAfter: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } }, 'Deny')],
  miss: [withCondition({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'a*' } }), withCondition({ Null: { 'aws:TokenIssueTime': 'true' } })],
});

describe('iam/unknown-condition-operator', () => {
  it('suggests the right case', () => {
    const [finding] = ruleFindings('iam/unknown-condition-operator', 'iam-identity-policy', withCondition({ stringequals: { 'aws:PrincipalTag/team': 'a' } }));
    expect(finding?.message).toBe('unknown condition operator `stringequals`: operators are case-sensitive, did you mean `StringEquals`?');
  });

  it.each(['Allow', 'Deny'])('makes the policy invalid in an `%s` statement', (effect) => {
    const result = validatePolicy(JSON.stringify(withCondition({ IpAddressV7: { 'aws:SourceIp': '203.0.113.0/24' } }, effect)));
    expect(result.policy).toBeUndefined();
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId)).toEqual(['iam/unknown-condition-operator']);
  });
});
