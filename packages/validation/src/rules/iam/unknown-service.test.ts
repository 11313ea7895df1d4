import { policy, ruleTable } from '../rule-table.ts';

const allow = (Action: unknown) => policy({ Effect: 'Allow', Action, Resource: '*' });
ruleTable('iam/unknown-service', 'iam-identity-policy', {
  hit: [allow('s4:GetObject'), allow(['s3:GetObject', 'ec3:DescribeInstances']), policy({ Effect: 'Deny', NotAction: 'iamm:*', Resource: '*' })],
  miss: [allow('s3:GetObject'), allow('*'), allow('EC2:Describe*'), allow('s*:Get*')],
});
