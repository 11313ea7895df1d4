import { policy, ruleTable } from '../rule-table.ts';

const deny = { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' };
ruleTable('iam/scp-principal', 'iam-scp', {
  hit: [
    policy({ ...deny, Principal: '*' }),
    policy({ ...deny, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/Admin' } }),
    policy({ Effect: 'Allow', Action: '*', Resource: '*' }, { ...deny, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }),
  ],
  miss: [
    policy(deny),
    policy({ ...deny, Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/Admin' } } }),
    policy({ Effect: 'Allow', Action: '*', Resource: '*' }),
  ],
});
