import { policy, ruleTable } from '../rule-table.ts';

ruleTable('iam/pass-role-wildcard', 'iam-identity-policy', {
  hit: [
    policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }),
    policy({ Effect: 'Allow', Action: 'iam:Pass*', Resource: 'arn:aws:iam::111122223333:role/*' }),
    policy({ Effect: 'Allow', Action: ['iam:*'], Resource: '*' }),
  ],
  miss: [
    policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-role' }),
    policy({ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }),
    policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }),
  ],
});
