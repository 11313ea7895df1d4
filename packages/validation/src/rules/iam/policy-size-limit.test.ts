import { policy, ruleTable } from '../rule-table.ts';

const statements = (n: number) => Array.from({ length: n }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-number-${i}/*` }));
ruleTable('iam/policy-size-limit', 'iam-identity-policy', { hit: [policy(...statements(120))], miss: [policy(...statements(20))] });
ruleTable('iam/policy-size-limit', 'iam-trust-policy', { hit: [policy(...Array.from({ length: 25 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })))], miss: [policy({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })] });
