import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, statements, type PolicyInput } from './policy-input.ts';

/** `NotResource` with `Allow` grants the actions on every resource not listed, including ones created later. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/allow-with-not-resource',
  severity: 'security-warning',
  kinds: ALL_POLICY_KINDS,
  help: 'list the allowed resources in `Resource`',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
  check({ policy }) {
    return statements(policy)
      .filter(({ statement }) => statement.Effect === 'Allow' && statement.NotResource)
      .map(({ path }) => ({ path: [...path, 'NotResource'], onKey: true, message: '`NotResource` with `Allow` allows the actions on every resource that is not listed' }));
  },
};
