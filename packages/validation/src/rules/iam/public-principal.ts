import type { Rule } from '../rule.ts';
import { RESOURCE_KINDS, statements, type PolicyInput } from './policy-input.ts';

/** An unconditional Allow to `"Principal": "*"` opens the resource (or role) to everyone, anonymous callers included. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/public-principal',
  severity: 'security-warning',
  kinds: [...RESOURCE_KINDS, 'iam-trust-policy'],
  help: 'name the accounts or roles in `Principal`, or limit with a condition such as `aws:PrincipalOrgID` or `aws:SourceArn`',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-anonymous',
  check({ policy }) {
    return statements(policy).flatMap(({ statement, path }) => {
      const principal = statement.Principal;
      const everyone = principal === '*' || (typeof principal === 'object' && (principal.AWS ?? []).includes('*'));
      if (statement.Effect !== 'Allow' || !everyone || statement.Condition) return [];
      return [{ path: [...path, 'Principal'], message: 'this statement allows everyone (`*`), anonymous callers included, and has no condition' }];
    });
  },
};
