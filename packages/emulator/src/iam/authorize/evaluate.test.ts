import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate.ts';

// The decision cases live in golden/ (evaluation.ts); these check the wording and placement of reasons.

describe('evaluatePolicies reasons', () => {
  const doc = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Sid": "List", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::b" },
    { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b" },
    { "Effect": "Deny", "Action": "s3:GetObject", "Resource": "*", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
  ]
}`;
  const result = evaluatePolicies([{ policyName: 'reader', policyType: 'identity', attachment: 'inline', document: doc }], {
    principalArn: 'arn:aws:iam::111122223333:user/u',
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::b/k',
    context: { 'aws:SecureTransport': 'true' },
  });

  it('says which part of each statement failed and where the statement is', () => {
    expect(result.decision).toBe('ImplicitDeny');
    expect(result.unmatched.map((u) => [u.statementIndex, u.sid, u.failed, u.range?.start.line])).toEqual([
      [0, 'List', 'action', 4],
      [1, 'Read', 'resource', 5],
      [2, undefined, 'condition', 6],
    ]);
    expect(result.unmatched[1]?.reason).toBe('its `Resource` (`arn:aws:s3:::b`) does not match `arn:aws:s3:::b/k`');
    expect(result.unmatched[2]?.condition).toEqual({ operator: 'Bool', key: 'aws:SecureTransport' });
    expect(result.unmatched[2]?.reason).toBe("its condition `Bool` on `aws:SecureTransport` compares `false` with the request's `true` and does not hold");
  });

  it('ignores a policy that does not parse and says so', () => {
    const broken = evaluatePolicies([{ policyName: 'broken', policyType: 'identity', attachment: 'inline', document: '{' }], {
      principalArn: 'arn:aws:iam::111122223333:user/u',
      action: 's3:GetObject',
      resource: '*',
    });
    expect(broken.decision).toBe('ImplicitDeny');
    expect(broken.invalidPolicies).toEqual([{ policyName: 'broken', reason: 'expected a member name in double quotes, found the end of the text' }]);
  });
});
