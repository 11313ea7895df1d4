import type { Rule } from '../rule.ts';
import { IDENTITY_KINDS, actionEntries, anyResource, exactAction, type PolicyInput } from './policy-input.ts';

/** `"Resource": "*"` for an action that supports resource-level permissions: a narrower ARN exists. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/wildcard-resource',
  severity: 'suggestion',
  kinds: IDENTITY_KINDS,
  help: 'name the ARNs the task needs instead of `*`',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
  check({ policy }, { catalogue }) {
    return actionEntries(policy).flatMap(({ statement, action, path }) => {
      const known = exactAction(catalogue, action);
      if (statement.Effect !== 'Allow' || !anyResource(statement) || !known || known.resourceTypes.length === 0) return [];
      const types = known.resourceTypes.map((t) => `\`${t.name}\``).join(' or ');
      return [{ path, message: `\`${action}\` supports resource-level permissions: name its ${types} ARNs instead of \`*\`` }];
    });
  },
};
