import { policy, ruleTable } from '../rule-table.ts';

const bucket = (Principal: unknown, extra: object = {}) => policy({ Effect: 'Allow', Principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...extra });
ruleTable('iam/public-principal', 'iam-resource-policy', {
  hit: [bucket('*')],
  miss: [
    bucket('*', { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }),
    policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }),
  ],
});
