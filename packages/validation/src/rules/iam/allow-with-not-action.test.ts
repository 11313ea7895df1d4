import { policy, ruleTable } from '../rule-table.ts';

ruleTable('iam/allow-with-not-action', 'iam-identity-policy', {
  hit: [policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })],
  miss: [policy({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }), policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })],
});
