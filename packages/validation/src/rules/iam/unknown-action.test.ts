import { policy, ruleTable } from '../rule-table.ts';
import { catalogueFrom } from './catalogue.ts';

const catalogue = catalogueFrom({
  services: ['s3'],
  complete: ['s3'],
  actions: { s3: [{ name: 'GetObject', resourceTypes: [] }, { name: 'ListBucket', resourceTypes: [] }] },
});
const allow = (Action: unknown) => policy({ Effect: 'Allow', Action, Resource: '*' });
ruleTable(
  'iam/unknown-action',
  'iam-identity-policy',
  { hit: [allow('s3:GetObjects'), allow('s3:Put*'), allow(['s3:ListBucket', 's3:ListBuckets'])], miss: [allow('s3:getobject'), allow('s3:Get*'), allow('s3:*')] },
  { catalogue },
);

// The generated catalogue knows every action of the curriculum's services, and stays silent on other services.
ruleTable('iam/unknown-action', 'iam-identity-policy', {
  hit: [allow('s3:GetObjects'), allow('ec2:DescribeInstance'), allow('iam:CreateRoles'), allow('sqs:Send*Messages'), allow('dynamodb:Query?'), allow('sts:AssumeRoleWithPassword'), allow('kms:Decrypts')],
  miss: [allow('s3:GetObject'), allow('ec2:Describe*'), allow('iam:passrole'), allow('sqs:SendMessage'), allow('dynamodb:Query'), allow('lambda:InvokeFunction'), allow('logs:PutLogEvents'), allow('ssm:GetParameter?'), allow('organizations:*'), allow('rds:DescribeDBInstancez')],
});
