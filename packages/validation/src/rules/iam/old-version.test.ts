import { ruleTable } from '../rule-table.ts';

const statement = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
ruleTable('iam/old-version', 'iam-identity-policy', {
  hit: [{ Version: '2008-10-17', Statement: statement }],
  miss: [{ Version: '2012-10-17', Statement: statement }, { Statement: statement }],
});
