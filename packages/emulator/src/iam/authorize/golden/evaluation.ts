import type { GoldenCase as Case } from './harness.ts';

// The first golden cases (issue 1), written with each identity-based policy as a whole document.
const DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
const EVALUATION = `${DOCS}/reference_policies_evaluation-logic.html`;
const INVALID_OPERATOR = `${DOCS}/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-condition-operator`;

type GoldenCase = Omit<Case, 'policies' | 'request'> & { policies: Record<string, object>; request: Case['request'] };

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
    name: 'an allow with an unknown operator: the policy is invalid and never allows',
    source: INVALID_OPERATOR,
    policies: { p: statement({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { IpAddressV7: { 'aws:SourceIp': '203.0.113.0/24' } } }) },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SourceIp': '203.0.113.7' } },
    decision: 'ImplicitDeny',
    invalidPolicies: ['unknown condition operator `IpAddressV7`'],
  },
  {
    name: 'a deny with an unknown operator: the policy is invalid, and it keeps an allow from counting',
    source: INVALID_OPERATOR,
    policies: {
      allow: statement({ Effect: 'Allow', Action: 's3:*', Resource: '*' }),
      deny: statement({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { NotIpAddressV7: { 'aws:SourceIp': '203.0.113.0/24' } } }),
    },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:SourceIp': '203.0.113.7' } },
    decision: 'ImplicitDeny',
    determinate: false,
    invalidPolicies: ['unknown condition operator `NotIpAddressV7`'],
  },
  {
    name: 'an invalid deny cannot matter when nothing allows',
    source: INVALID_OPERATOR,
    policies: { deny: statement({ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { DateAfter: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } } }) },
    request: { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' },
    decision: 'ImplicitDeny',
    determinate: true,
    invalidPolicies: ['unknown condition operator `DateAfter`'],
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

/** Whole-document identity-based policies, one request each. */
export const evaluationCases: Case[] = CASES.map(({ policies, ...rest }) => ({
  ...rest,
  policies: Object.entries(policies).map(([policyName, doc]) => ({ policyName, policyType: 'identity' as const, attachment: 'inline' as const, document: JSON.stringify(doc, null, 2) })),
  request: { principalArn: 'arn:aws:iam::111122223333:user/u', ...rest.request },
}));
