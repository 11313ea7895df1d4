import { policy, ruleTable } from '../rule-table.ts';

ruleTable('iam/wildcard-resource', 'iam-identity-policy', {
  hit: [policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), policy({ Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ec2:StopInstances'], Resource: '*' })],
  miss: [
    policy({ Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' }),
    policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    policy({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }),
  ],
});
