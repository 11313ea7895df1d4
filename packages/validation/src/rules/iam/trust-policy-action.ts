import type { Rule } from '../rule.ts';
import { actionEntries, actionMatches, type PolicyInput } from './policy-input.ts';

// A role trust policy only governs assuming the role and what may ride along with it:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user.html
const TRUST_ACTIONS = ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity', 'sts:SetContext'];

/** An action in a trust policy that is not one of the `sts:AssumeRole…` family. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/trust-policy-action',
  severity: 'error',
  kinds: ['iam-trust-policy'],
  help: 'a trust policy says who may assume the role (`sts:AssumeRole`); grant other permissions in the role\'s permissions policies',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html',
  check({ policy }) {
    return actionEntries(policy).flatMap(({ action, path }) =>
      TRUST_ACTIONS.some((t) => actionMatches(action, t)) ? [] : [{ path, message: `\`${action}\` cannot be granted in a trust policy, only \`sts:AssumeRole\` and its relatives` }],
    );
  },
};
