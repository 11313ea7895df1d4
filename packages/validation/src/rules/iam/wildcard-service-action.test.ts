import { policy, ruleTable } from '../rule-table.ts';

ruleTable('iam/wildcard-service-action', 'iam-identity-policy', {
  hit: [policy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b' }), policy({ Effect: 'Allow', Action: ['ec2:*'], Resource: '*' })],
  miss: [policy({ Effect: 'Deny', Action: 's3:*', Resource: '*' }), policy({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::b/*' })],
});
