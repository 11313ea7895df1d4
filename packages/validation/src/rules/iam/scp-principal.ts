import type { Rule } from '../rule.ts';
import { statements, type PolicyInput } from './policy-input.ts';

/**
 * An SCP applies to every IAM user and role in the accounts it is attached to, so it cannot name principals:
 * `Principal` and `NotPrincipal` are not among the SCP elements
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html).
 */
export const rule: Rule<PolicyInput> = {
  id: 'iam/scp-principal',
  severity: 'error',
  kinds: ['iam-scp'],
  help: 'remove the element; to exempt or target principals, use a condition such as `"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/Admin"}`',
  learnMore: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html',
  check({ policy }) {
    return statements(policy).flatMap(({ statement, path }) =>
      (['Principal', 'NotPrincipal'] as const)
        .filter((element) => statement[element] !== undefined)
        .map((element) => ({ path: [...path, element], onKey: true, message: `a service control policy cannot name a \`${element}\`: it applies to every IAM user and role in the accounts it is attached to` })),
    );
  },
};
