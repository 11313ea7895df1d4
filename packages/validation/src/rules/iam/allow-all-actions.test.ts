import { policy, ruleTable } from '../rule-table.ts';

ruleTable('iam/allow-all-actions', 'iam-identity-policy', {
  hit: [policy({ Effect: 'Allow', Action: '*', Resource: '*' }), policy({ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: 'arn:aws:s3:::b/*' })],
  miss: [policy({ Effect: 'Deny', Action: '*', Resource: '*' }), policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b' })],
});
