import { policy, ruleTable } from '../rule-table.ts';

const read = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
ruleTable('iam/redundant-statement', 'iam-identity-policy', {
  hit: [
    policy(read, read),
    policy({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::*' }, read),
    policy(read, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/reports/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }),
  ],
  miss: [
    policy(read, { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' }),
    policy({ ...read, Condition: { Bool: { 'aws:SecureTransport': 'true' } } }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/x' }),
    policy(read, { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/secret/*' }),
  ],
});
