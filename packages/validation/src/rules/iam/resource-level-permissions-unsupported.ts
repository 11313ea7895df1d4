import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, actionEntries, anyResource, exactAction, type PolicyInput } from './policy-input.ts';

/**
 * An action without resource-level permissions only matches `"Resource": "*"`, so naming a specific
 * resource silently grants nothing (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
export const rule: Rule<PolicyInput> = {
  id: 'iam/resource-level-permissions-unsupported',
  severity: 'warning',
  kinds: ALL_POLICY_KINDS,
  help: 'move the action to a statement with `"Resource": "*"` (limit it with conditions if needed)',
  learnMore: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
  check({ policy }, { catalogue }) {
    return actionEntries(policy).flatMap(({ statement, action, path }) => {
      const known = exactAction(catalogue, action);
      if (!known || known.resourceTypes.length > 0 || !statement.Resource || anyResource(statement)) return [];
      return [{ path, message: `\`${action}\` does not support resource-level permissions, so it only matches \`"Resource": "*"\`` }];
    });
  },
};
