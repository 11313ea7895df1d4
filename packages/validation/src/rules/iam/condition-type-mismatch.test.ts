import { policy, ruleTable } from '../rule-table.ts';

const withCondition = (Condition: object) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition });
ruleTable('iam/condition-type-mismatch', 'iam-identity-policy', {
  hit: [
    withCondition({ StringEquals: { 'aws:SourceIp': '203.0.113.0/24' } }),
    withCondition({ NumericLessThan: { 'aws:SecureTransport': '1' } }),
    withCondition({ ArnLike: { 'aws:PrincipalTag/team': 'arn:aws:iam::*' } }),
    withCondition({ StringEquals: { 's3:max-keys': '10' } }),
    withCondition({ Bool: { 's3:prefix': 'true' } }),
    withCondition({ StringLike: { 'ec2:Encrypted': 'true' } }),
    withCondition({ NumericEquals: { 'iam:PassedToService': '1' } }),
    withCondition({ DateGreaterThan: { 'kms:ViaService': '2020-01-01T00:00:00Z' } }),
  ],
  miss: [
    withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
    withCondition({ StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } }),
    withCondition({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }),
    withCondition({ StringEquals: { 'custom:Unknown': 'x' } }),
    withCondition({ NumericLessThanEquals: { 's3:max-keys': '10' } }),
    withCondition({ StringEquals: { 's3:ExistingObjectTag/classification': 'public' } }),
    withCondition({ StringEquals: { 'ec2:ResourceTag/team': 'data' } }),
    withCondition({ Bool: { 'ec2:Encrypted': 'true' } }),
    withCondition({ ArnLike: { 'iam:PolicyARN': 'arn:aws:iam::*:policy/*' } }),
  ],
});
