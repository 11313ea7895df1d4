import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, actionEntries, splitAction, type PolicyInput } from './policy-input.ts';

/** `s3:*` allows every action of a service, including ones added later; a list of actions is narrower. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/wildcard-service-action',
  severity: 'suggestion',
  kinds: ALL_POLICY_KINDS,
  help: 'list the actions the task needs, or a narrower pattern such as `s3:Get*`',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
  check({ policy }) {
    return actionEntries(policy).flatMap(({ statement, action, path }) => {
      const [service, name] = splitAction(action);
      if (statement.Effect !== 'Allow' || action === '*' || name !== '*') return [];
      return [{ path, message: `\`${action}\` allows every \`${service}\` action, including ones added later` }];
    });
  },
};
