import { describe, expect, it } from 'vitest';
import { policy, ruleFindings, ruleTable } from '../rule-table.ts';

ruleTable('iam/resource-type-mismatch', 'iam-identity-policy', {
  hit: [
    policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket' }),
    policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket/*' }),
    policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:user/alice' }),
    policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sns:us-east-1:111122223333:topic' }),
    policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:stream/orders' }),
    policy({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:alias/app' }),
  ],
  miss: [
    policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }),
    policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket*' }),
    policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::*' }),
    policy({ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/${aws:username}/*'] }),
    policy({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: 'arn:aws:ec2:*:*:instance/*' }),
    policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app/*' }),
    policy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:orders' }),
    policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/orders' }),
    policy({ Effect: 'Allow', Action: 'logs:PutLogEvents', Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:*' }),
  ],
});

describe('iam/resource-type-mismatch placement', () => {
  it('points at the action and names the expected ARN shape', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Action": "s3:GetObject",\n    "Resource": "arn:aws:s3:::my-bucket"\n  }\n}';
    const [finding] = ruleFindings('iam/resource-type-mismatch', 'iam-identity-policy', text);
    expect(finding?.range?.start).toMatchObject({ line: 5, column: 15 });
    expect(finding?.path).toEqual(['Statement', 'Action']);
    expect(finding?.message).toBe('`s3:GetObject` acts on `accesspointobject` (`arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}`) or `object` (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`), which no resource of this statement can match');
  });
});
