import { ruleTable } from '../rule-table.ts';

const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' };
const conditional = { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': '${aws:username}/*' } } };
ruleTable('iam/policy-variable-old-version', 'iam-identity-policy', {
  hit: [{ Version: '2008-10-17', Statement: statement }, { Statement: statement }, { Statement: conditional }],
  miss: [{ Version: '2012-10-17', Statement: [statement, conditional] }, { Version: '2008-10-17', Statement: { ...statement, Resource: 'arn:aws:s3:::b/*' } }],
});
