import { policy, ruleTable } from '../rule-table.ts';

const read = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/secret/*' };
ruleTable('iam/shadowed-by-deny', 'iam-identity-policy', {
  hit: [policy(read, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }), policy({ Effect: 'Deny', Action: '*', Resource: '*' }, read)],
  miss: [
    policy(read, { Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*' }),
    policy(read, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
  ],
});
