import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate.ts';
import type { AuthorizationRequest, Decision, SourcePolicy } from './types.ts';

// Golden cases written from the AWS documentation; each keeps the page it comes from.
const DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const EVALUATION = `${DOCS}/reference_policies_evaluation-logic.html`;

interface GoldenCase {
  name: string;
  source: string;
  policies: Record<string, object>;
  request: Omit<AuthorizationRequest, 'principalArn'>;
  decision: Decision;
  determinate?: boolean;
  unsupported?: string[];
}

const statement = (s: object) => ({ Version: '2012-10-17', Statement: [s] });

const CASES: GoldenCase[] = [
  {
    name: 'no policy: the default is an implicit deny',
    source: EVALUATION,
    policies: {},
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    decision: 'ImplicitDeny',
  },
  {
    name: 'an identity-based allow allows',
    source: EVALUATION,
    policies: { p: statement({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }) },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    decision: 'Allowed',
  },
  {
    name: 'an explicit deny in one policy overrides an allow in another',
    source: EVALUATION,
    policies: {
      allow: statement({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      deny: statement({ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' }),
    },
    request: { action: 's3:DeleteBucket', resource: 'arn:aws:s3:::b' },
    decision: 'ExplicitDeny',
  },
  {
    name: 'action names are case-insensitive',
    source: `${DOCS}/reference_policies_elements_action.html`,
    policies: { p: statement({ Effect: 'Allow', Action: 'S3:getobject', Resource: '*' }) },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    decision: 'Allowed',
  },
  {
    name: 'Allow with NotAction grants everything except the listed actions',
    source: `${DOCS}/reference_policies_elements_notaction.html`,
    policies: { p: statement({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) },
    request: { action: 'iam:CreateUser', resource: 'arn:aws:iam::111122223333:user/x' },
    decision: 'ImplicitDeny',
  },
  {
    name: 'Allow with NotAction still grants other services',
    source: `${DOCS}/reference_policies_elements_notaction.html`,
    policies: { p: statement({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) },
    request: { action: 's3:ListBucket', resource: 'arn:aws:s3:::b' },
    decision: 'Allowed',
  },
  {
    name: 'Deny with NotResource denies everything outside the listed resources',
    source: `${DOCS}/reference_policies_elements_notresource.html`,
    policies: {
      allow: statement({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      deny: statement({ Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::HRBucket/Payroll', 'arn:aws:s3:::HRBucket/Payroll/*'] }),
    },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::HRBucket/Reports/q1.csv' },
    decision: 'ExplicitDeny',
  },
  {
    name: 'Deny with NotResource leaves the listed resources to the allow',
    source: `${DOCS}/reference_policies_elements_notresource.html`,
    policies: {
      allow: statement({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      deny: statement({ Effect: 'Deny', Action: 's3:*', NotResource: ['arn:aws:s3:::HRBucket/Payroll', 'arn:aws:s3:::HRBucket/Payroll/*'] }),
    },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::HRBucket/Payroll/june.csv' },
    decision: 'Allowed',
  },
  {
    name: 'a deny on insecure transport applies when aws:SecureTransport is false',
    source: `${DOCS}/reference_policies_condition-keys.html#condition-keys-securetransport`,
    policies: {
      allow: statement({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      deny: statement({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SecureTransport': 'false' } },
    decision: 'ExplicitDeny',
  },
  {
    name: 'the same deny does not apply over TLS',
    source: `${DOCS}/reference_policies_condition-keys.html#condition-keys-securetransport`,
    policies: {
      allow: statement({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
      deny: statement({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SecureTransport': 'true' } },
    decision: 'Allowed',
  },
  {
    name: 'an allow whose condition key is missing from the request does not apply',
    source: `${DOCS}/reference_policies_elements_condition_operators.html`,
    policies: { p: statement({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } } }) },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    decision: 'ImplicitDeny',
  },
  {
    name: 'an allow with an unknown operator fails closed',
    source: `${DOCS}/reference_policies_elements_condition_operators.html`,
    policies: { p: statement({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { IpAddressV7: { 'aws:SourceIp': '203.0.113.0/24' } } }) },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SourceIp': '203.0.113.7' } },
    decision: 'ImplicitDeny',
    determinate: false,
    unsupported: ['condition operator `IpAddressV7`'],
  },
  {
    name: 'a deny with an unknown operator keeps an allow from counting',
    source: EVALUATION,
    policies: {
      allow: statement({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      deny: statement({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { NotIpAddressV7: { 'aws:SourceIp': '203.0.113.0/24' } } }),
    },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SourceIp': '203.0.113.7' } },
    decision: 'ImplicitDeny',
    determinate: false,
    unsupported: ['condition operator `NotIpAddressV7`'],
  },
  {
    name: 'an unknown deny cannot matter when nothing allows',
    source: EVALUATION,
    policies: { deny: statement({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { DateAfter: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } }) },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    decision: 'ImplicitDeny',
    determinate: true,
    unsupported: ['condition operator `DateAfter`'],
  },
  {
    name: 'a policy variable in Resource is replaced by the user name',
    source: `${DOCS}/reference_policies_variables.html`,
    policies: { p: statement({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/home/${aws:username}/*' }) },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/home/u/k' },
    decision: 'Allowed',
  },
  {
    name: 'a 2008-10-17 policy reads `${…}` literally',
    source: `${DOCS}/reference_policies_variables.html`,
    policies: { p: { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${x}' }] } },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/${x}' },
    decision: 'Allowed',
  },
];

describe('evaluatePolicies (golden cases from the AWS docs)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, golden) => {
    const policies: SourcePolicy[] = Object.entries(golden.policies).map(([policyName, doc]) => ({
      policyName,
      policyType: 'identity',
      attachment: 'inline',
      document: JSON.stringify(doc, null, 2),
    }));
    const result = evaluatePolicies(policies, { principalArn: 'arn:aws:iam::111122223333:user/u', ...golden.request });
    expect(result.decision, golden.source).toBe(golden.decision);
    expect(result.determinate).toBe(golden.determinate ?? true);
    expect(result.unsupported).toEqual(golden.unsupported ?? []);
  });
});

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
