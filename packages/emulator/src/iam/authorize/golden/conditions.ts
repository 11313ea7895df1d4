import { allow, deny, DOCS, identity, MULTIVALUED, OPERATORS, when, type GoldenCase } from './harness.ts';
import type { ContextValue } from '../types.ts';

const MULTI = `${DOCS}/reference_policies_elements_condition_logic_multiple_context_keys_or_values.html`;
const IF_EXISTS = `${OPERATORS}#Conditions_IfExists`;
const NULL = `${OPERATORS}#Conditions_Null`;
const OBJ = 'arn:aws:s3:::b/k';
const INVALID_OPERATOR = `${DOCS}/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-condition-operator`;

type Row = [name: string, source: string, condition: object, context: Record<string, ContextValue>, decision: GoldenCase['decision'], effect?: 'Allow' | 'Deny'];

const rows: Row[] = [
  ['StringEquals matches', OPERATORS, { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } }, { 'aws:PrincipalTag/job-category': 'iamuser-admin' }, 'Allowed'],
  ['StringEquals is case-sensitive', OPERATORS, { StringEquals: { 'aws:PrincipalTag/job-category': 'iamuser-admin' } }, { 'aws:PrincipalTag/job-category': 'IAMUSER-ADMIN' }, 'ImplicitDeny'],
  ['StringEqualsIgnoreCase', OPERATORS, { StringEqualsIgnoreCase: { 'aws:PrincipalTag/job-category': 'IAMUSER-ADMIN' } }, { 'aws:PrincipalTag/job-category': 'iamuser-admin' }, 'Allowed'],
  ['StringNotEquals with another value', OPERATORS, { StringNotEquals: { 'aws:PrincipalTag/team': 'ops' } }, { 'aws:PrincipalTag/team': 'dev' }, 'Allowed'],
  ['StringNotEquals with a missing key is true', OPERATORS, { StringNotEquals: { 'aws:PrincipalTag/team': 'ops' } }, {}, 'Allowed'],
  ['StringLike with a wildcard', OPERATORS, { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } }, { 's3:prefix': 'home/alice/docs' }, 'Allowed'],
  ['StringLike for another user', OPERATORS, { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } }, { 's3:prefix': 'home/bob/docs' }, 'ImplicitDeny'],
  ['StringNotLike', OPERATORS, { StringNotLike: { 'ec2:InstanceType': ['*.nano', '*.small'] } }, { 'ec2:InstanceType': 't3.large' }, 'Allowed'],
  ['NumericLessThanEquals within the limit', OPERATORS, { NumericLessThanEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10' }, 'Allowed'],
  ['NumericLessThanEquals over the limit', OPERATORS, { NumericLessThanEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '11' }, 'ImplicitDeny'],
  ['NumericGreaterThan', OPERATORS, { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '7200' }, 'Allowed'],
  ['NumericNotEquals', OPERATORS, { NumericNotEquals: { 's3:max-keys': '10' } }, { 's3:max-keys': '10' }, 'ImplicitDeny'],
  ['DateLessThan before the date', OPERATORS, { DateLessThan: { 'aws:CurrentTime': '2026-06-30T00:00:00Z' } }, { 'aws:CurrentTime': '2026-01-01T00:00:00Z' }, 'Allowed'],
  ['DateLessThan after the date', OPERATORS, { DateLessThan: { 'aws:CurrentTime': '2026-06-30T00:00:00Z' } }, { 'aws:CurrentTime': '2026-07-01T00:00:00Z' }, 'ImplicitDeny'],
  ['DateGreaterThan and DateLessThan together make a window', MULTI, { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' }, DateLessThan: { 'aws:CurrentTime': '2026-12-31T23:59:59Z' } }, { 'aws:CurrentTime': '2026-03-01T00:00:00Z' }, 'Allowed'],
  ['a date as epoch seconds', OPERATORS, { DateGreaterThan: { 'aws:TokenIssueTime': '1767225600' } }, { 'aws:TokenIssueTime': '2026-02-01T00:00:00Z' }, 'Allowed'],
  ['Bool true with SecureTransport', OPERATORS, { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'true' }, 'Allowed'],
  ['Bool true without SecureTransport', OPERATORS, { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'false' }, 'ImplicitDeny'],
  ['Bool on a missing key is false', OPERATORS, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }, {}, 'ImplicitDeny'],
  ['BinaryEquals', OPERATORS, { BinaryEquals: { 'key-name': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' } }, { 'key-name': 'QmluYXJ5VmFsdWVJbkJhc2U2NA==' }, 'Allowed'],
  ['IpAddress inside the range', OPERATORS, { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.10' }, 'Allowed'],
  ['IpAddress outside the range', OPERATORS, { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.10' }, 'ImplicitDeny'],
  ['IpAddress with IPv4 and IPv6 ranges, IPv6 caller', OPERATORS, { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:DB8:1234:5678::/64'] } }, { 'aws:SourceIp': '2001:db8:1234:5678::abcd' }, 'Allowed'],
  ['IpAddress with an IPv6 caller outside the /64', OPERATORS, { IpAddress: { 'aws:SourceIp': ['2001:DB8:1234:5678::/64'] } }, { 'aws:SourceIp': '2001:db8:1234:5679::1' }, 'ImplicitDeny'],
  ['NotIpAddress denies outside the range', OPERATORS, { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }, { 'aws:SourceIp': '198.51.100.1' }, 'ExplicitDeny', 'Deny'],
  ['NotIpAddress spares inside the range', OPERATORS, { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } }, { 'aws:SourceIp': '192.0.2.5' }, 'Allowed', 'Deny'],
  ['ArnLike on aws:SourceArn', OPERATORS, { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudtrail:*:111122223333:trail/*' } }, { 'aws:SourceArn': 'arn:aws:cloudtrail:us-east-1:111122223333:trail/main' }, 'Allowed'],
  ['ArnEquals on another ARN', OPERATORS, { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:a' } }, { 'aws:SourceArn': 'arn:aws:sns:us-east-1:111122223333:b' }, 'ImplicitDeny'],
  ['ArnNotLike', OPERATORS, { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin-*' } }, { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app' }, 'Allowed'],
  ['Null true: the tag must be absent', NULL, { Null: { 'aws:RequestTag/owner': 'true' } }, {}, 'Allowed'],
  ['Null false: the tag must be present', NULL, { Null: { 'aws:RequestTag/owner': 'false' } }, {}, 'ImplicitDeny'],
  ['Null false with the tag present', NULL, { Null: { 'aws:RequestTag/owner': 'false' } }, { 'aws:RequestTag/owner': 'alice' }, 'Allowed'],
  ['…IfExists holds when the key is absent', IF_EXISTS, { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } }, {}, 'Allowed'],
  ['…IfExists compares when the key is present', IF_EXISTS, { StringLikeIfExists: { 'ec2:InstanceType': ['t1.*', 't2.*'] } }, { 'ec2:InstanceType': 'm5.large' }, 'ImplicitDeny'],
  ['BoolIfExists deny also denies long-term keys, which lack the key', IF_EXISTS, { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, {}, 'ExplicitDeny', 'Deny'],
  ['Bool deny without IfExists misses long-term keys', IF_EXISTS, { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, {}, 'Allowed', 'Deny'],
  ['condition key names are case-insensitive', MULTI, { StringEquals: { 'AWS:PRINCIPALTAG/TEAM': 'ops' } }, { 'aws:principaltag/team': 'ops' }, 'Allowed'],
  ['values of a key are ORed', MULTI, { StringEquals: { 'aws:PrincipalTag/team': ['ops', 'dev'] } }, { 'aws:PrincipalTag/team': 'dev' }, 'Allowed'],
  ['keys are ANDed', MULTI, { StringEquals: { 'aws:PrincipalTag/team': 'ops', 'aws:PrincipalTag/level': '2' } }, { 'aws:PrincipalTag/team': 'ops', 'aws:PrincipalTag/level': '1' }, 'ImplicitDeny'],
  ['operators are ANDed', MULTI, { StringEquals: { 'aws:PrincipalTag/team': 'ops' }, Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:PrincipalTag/team': 'ops', 'aws:SecureTransport': 'true' }, 'Allowed'],
  ['ForAllValues: every requested tag key is allowed', MULTIVALUED, { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }, { 'aws:TagKeys': ['environment'] }, 'Allowed'],
  ['ForAllValues: one requested tag key is not', MULTIVALUED, { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'cost-center'] } }, { 'aws:TagKeys': ['environment', 'owner'] }, 'ImplicitDeny'],
  ['ForAllValues: no tag keys at all is true', MULTIVALUED, { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment'] } }, {}, 'Allowed'],
  ['ForAnyValue: one requested tag key matches', MULTIVALUED, { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } }, { 'aws:TagKeys': ['owner', 'environment'] }, 'Allowed'],
  ['ForAnyValue: none matches', MULTIVALUED, { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } }, { 'aws:TagKeys': ['owner'] }, 'ImplicitDeny'],
  ['ForAnyValue: no tag keys at all is false', MULTIVALUED, { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['environment'] } }, {}, 'ImplicitDeny'],
  ['ForAnyValue:StringLike', MULTIVALUED, { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['env*'] } }, { 'aws:TagKeys': ['owner', 'environment'] }, 'Allowed'],
  ['ForAllValues deny with an empty set denies', MULTIVALUED, { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['environment'] } }, {}, 'ExplicitDeny', 'Deny'],
  ['ForAnyValue:StringNotEquals deny catches an extra key', MULTIVALUED, { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['environment'] } }, { 'aws:TagKeys': ['environment', 'owner'] }, 'ExplicitDeny', 'Deny'],
];

/** Every operator family, IfExists, Null, set operators and the AND/OR logic of conditions. */
export const conditionCases: GoldenCase[] = [
  ...rows.map(([name, source, condition, context, decision, effect]): GoldenCase => ({
    name,
    source,
    policies: [effect === 'Deny' ? identity(allow('*'), deny('*', '*', when(condition))) : identity(allow('*', '*', when(condition)))],
    request: { action: 's3:GetObject', resource: OBJ, context },
    decision,
  })),
  {
    name: 'a multivalued key without a set operator fails closed',
    source: MULTIVALUED,
    policies: [identity(allow('*', '*', when({ StringEquals: { 'aws:TagKeys': 'environment' } })))],
    request: { action: 's3:GetObject', resource: OBJ, context: { 'aws:TagKeys': ['environment', 'owner'] } },
    decision: 'ImplicitDeny',
    determinate: false,
    unsupported: ['multivalued context key `aws:TagKeys` without a set operator'],
  },
  // An unknown operator makes the whole policy invalid, in a Deny as in an Allow: IAM refuses it and Access
  // Analyzer reports "Invalid condition operator" as an error. An invalid policy never allows, and what it
  // meant to deny cannot be read, so it keeps an allow elsewhere from counting (fail closed).
  {
    name: 'an unknown operator in an Allow makes the policy invalid',
    source: INVALID_OPERATOR,
    policies: [identity(allow('*', '*', when({ StringStartsWith: { 'aws:PrincipalTag/team': 'o' } })))],
    request: { action: 's3:GetObject', resource: OBJ, context: { 'aws:PrincipalTag/team': 'ops' } },
    decision: 'ImplicitDeny',
    invalidPolicies: ['unknown condition operator `StringStartsWith`'],
  },
  {
    name: 'an unknown operator voids the other statements of its policy too',
    source: INVALID_OPERATOR,
    policies: [identity(allow('s3:GetObject'), allow('*', '*', when({ StringStartsWith: { 'aws:PrincipalTag/team': 'o' } })))],
    request: { action: 's3:GetObject', resource: OBJ },
    decision: 'ImplicitDeny',
    invalidPolicies: ['unknown condition operator `StringStartsWith`'],
  },
  {
    name: 'an unknown operator in a Deny makes the policy invalid, and the allow elsewhere does not count',
    source: INVALID_OPERATOR,
    policies: [identity(allow('s3:*')), identity(deny('s3:*', '*', when({ NotIpAddressV7: { 'aws:SourceIp': '203.0.113.0/24' } })))],
    request: { action: 's3:GetObject', resource: OBJ, context: { 'aws:SourceIp': '198.51.100.7' } },
    decision: 'ImplicitDeny',
    determinate: false,
    invalidPolicies: ['unknown condition operator `NotIpAddressV7`'],
  },
  {
    name: 'an unknown operator in a Deny cannot matter when nothing allows',
    source: INVALID_OPERATOR,
    policies: [identity(deny('s3:*', '*', when({ DateAfter: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } })))],
    request: { action: 's3:GetObject', resource: OBJ },
    decision: 'ImplicitDeny',
    invalidPolicies: ['unknown condition operator `DateAfter`'],
  },
  {
    name: 'a miscased operator is unknown: operators are case-sensitive',
    source: INVALID_OPERATOR,
    policies: [identity(allow('s3:*')), identity(deny('s3:*', '*', when({ stringequals: { 'aws:PrincipalTag/team': 'ops' } })))],
    request: { action: 's3:GetObject', resource: OBJ, context: { 'aws:PrincipalTag/team': 'ops' } },
    decision: 'ImplicitDeny',
    determinate: false,
    invalidPolicies: ['unknown condition operator `stringequals`: operators are case-sensitive, did you mean `StringEquals`?'],
  },
];
