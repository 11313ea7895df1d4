import { policy, ruleTable } from '../rule-table.ts';

ruleTable('iam/resource-level-permissions-unsupported', 'iam-identity-policy', {
  hit: [
    policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::my-bucket' }),
    policy({ Effect: 'Allow', Action: ['ec2:DescribeInstances', 'ec2:StopInstances'], Resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/*' }),
    policy({ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: 'arn:aws:iam::111122223333:user/alice' }),
    policy({ Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: 'arn:aws:ecr:us-east-1:111122223333:repository/app' }),
    policy({ Effect: 'Allow', Action: 'sqs:ListQueues', Resource: 'arn:aws:sqs:us-east-1:111122223333:orders' }),
    policy({ Effect: 'Allow', Action: 'autoscaling:DescribeAutoScalingGroups', Resource: 'arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:*' }),
  ],
  miss: [
    policy({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }),
    policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    policy({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: 'arn:aws:ec2:eu-west-1:111122223333:instance/*' }),
    policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:orders' }),
  ],
});
