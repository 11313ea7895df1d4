import type { Rule } from '../rule.ts';
import { IDENTITY_KINDS, actionMatches, statements, type PolicyInput } from './policy-input.ts';

/** `iam:PassRole` on every role lets the principal hand any role (an admin role too) to a service: privilege escalation. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/pass-role-wildcard',
  severity: 'security-warning',
  kinds: IDENTITY_KINDS,
  help: 'name the role ARNs that may be passed, and limit the service with `iam:PassedToService`',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  check({ policy }) {
    return statements(policy).flatMap(({ statement, path }) => {
      if (statement.Effect !== 'Allow' || !(statement.Action ?? []).some((a) => a !== '*' && actionMatches(a, 'iam:PassRole'))) return [];
      return (statement.Resource ?? []).flatMap((resource, i) =>
        resource === '*' || /:role\/\*$/.test(resource) ? [{ path: [...path, 'Resource', i], message: `\`iam:PassRole\` on \`${resource}\` allows passing every role to any service` }] : [],
      );
    });
  },
};
