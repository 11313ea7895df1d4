import { policy, ruleTable } from '../rule-table.ts';

ruleTable('iam/allow-with-not-resource', 'iam-identity-policy', {
  hit: [policy({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' })],
  miss: [policy({ Effect: 'Deny', Action: 's3:*', NotResource: 'arn:aws:s3:::b/*' }), policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })],
});
