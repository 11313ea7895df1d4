import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, actionEntries, type PolicyInput } from './policy-input.ts';

/** `"Action": "*"` in an Allow grants administrator access to whatever the resources cover. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/allow-all-actions',
  severity: 'security-warning',
  kinds: ALL_POLICY_KINDS,
  help: 'list only the actions the task needs (least privilege)',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  check({ policy }) {
    return actionEntries(policy)
      .filter(({ statement, action }) => statement.Effect === 'Allow' && action === '*')
      .map(({ path }) => ({ path, message: '`"Action": "*"` allows every action of every service' }));
  },
};
