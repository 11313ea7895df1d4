import { policy, ruleTable } from '../rule-table.ts';

const withCondition = (Condition: object) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition });
ruleTable('iam/condition-value-type', 'iam-identity-policy', {
  hit: [
    withCondition({ Bool: { 'aws:MultiFactorAuthPresent': 'yes' } }),
    withCondition({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'one hour' } }),
    withCondition({ IpAddress: { 'aws:SourceIp': '10.0.0.300/8' } }),
    withCondition({ DateGreaterThan: { 'aws:CurrentTime': 'tomorrow' } }),
    withCondition({ ArnEquals: { 'aws:SourceArn': 'my-bucket' } }),
  ],
  miss: [
    withCondition({ Bool: { 'aws:MultiFactorAuthPresent': true } }),
    withCondition({ NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 } }),
    withCondition({ IpAddress: { 'aws:SourceIp': ['203.0.113.7', '2001:db8::/32'] } }),
    withCondition({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }),
    withCondition({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::${aws:username}' } }),
  ],
});
