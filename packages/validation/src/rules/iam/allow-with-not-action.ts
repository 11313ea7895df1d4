import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, statements, type PolicyInput } from './policy-input.ts';

/** `NotAction` with `Allow` grants every action not listed, in every service, including future ones. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/allow-with-not-action',
  severity: 'security-warning',
  kinds: ALL_POLICY_KINDS,
  help: 'list the allowed actions in `Action`; use `NotAction` with `Deny` to carve out exceptions',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
  check({ policy }) {
    return statements(policy)
      .filter(({ statement }) => statement.Effect === 'Allow' && statement.NotAction)
      .map(({ path }) => ({ path: [...path, 'NotAction'], onKey: true, message: '`NotAction` with `Allow` allows every action that is not listed, in every service' }));
  },
};
