import { policy, ruleTable } from '../rule-table.ts';

const withCondition = (Condition: object) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition });
ruleTable('iam/condition-type-mismatch', 'iam-identity-policy', {
  hit: [
    withCondition({ StringEquals: { 'aws:SourceIp': '203.0.113.0/24' } }),
    withCondition({ NumericLessThan: { 'aws:SecureTransport': '1' } }),
    withCondition({ ArnLike: { 'aws:PrincipalTag/team': 'arn:aws:iam::*' } }),
  ],
  miss: [
    withCondition({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
    withCondition({ StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } }),
    withCondition({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }),
    withCondition({ StringEquals: { 'custom:Unknown': 'x' } }),
  ],
});
