import { policy, ruleTable } from '../rule-table.ts';

const trust = (Action: unknown) => policy({ Effect: 'Allow', Principal: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }, Action });
ruleTable('iam/trust-policy-action', 'iam-trust-policy', {
  hit: [trust('s3:GetObject'), trust(['sts:AssumeRole', 'iam:PassRole'])],
  miss: [trust('sts:AssumeRole'), trust(['sts:AssumeRole', 'sts:TagSession']), trust('sts:AssumeRoleWith*')],
});
