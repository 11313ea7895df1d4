import { policy, ruleTable } from '../rule-table.ts';

const read = { Effect: 'Allow', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
const tls = { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
ruleTable('s3/missing-secure-transport', 's3-bucket-policy', { hit: [policy(read)], miss: [policy(read, tls)] });
