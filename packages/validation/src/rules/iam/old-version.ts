import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, type PolicyInput } from './policy-input.ts';

/** `2008-10-17` is the old policy language: no policy variables, fewer features. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/old-version',
  severity: 'warning',
  kinds: ALL_POLICY_KINDS,
  help: 'use `"Version": "2012-10-17"`',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html',
  check({ policy }) {
    return policy.Version === '2008-10-17' ? [{ path: ['Version'], message: '`2008-10-17` is the old policy language version: policy variables and newer features do not work' }] : [];
  },
};
