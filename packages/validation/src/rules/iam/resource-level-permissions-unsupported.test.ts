import { policy, ruleTable } from '../rule-table.ts';

ruleTable('iam/resource-level-permissions-unsupported', 'iam-identity-policy', {
  hit: [
    policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::my-bucket' }),
    policy({ Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ec2:StopInstances'], Resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/*' }),
  ],
  miss: [policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }), policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' })],
});
