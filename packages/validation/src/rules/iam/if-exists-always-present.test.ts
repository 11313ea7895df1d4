import { policy, ruleTable } from '../rule-table.ts';

const withCondition = (Condition: object) => policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition });
ruleTable('iam/if-exists-always-present', 'iam-identity-policy', {
  hit: [withCondition({ BoolIfExists: { 'aws:SecureTransport': 'true' } }), withCondition({ ArnLikeIfExists: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' } })],
  miss: [withCondition({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }), withCondition({ Bool: { 'aws:SecureTransport': 'true' } })],
});
