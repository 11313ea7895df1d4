import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, statements, type PolicyInput } from './policy-input.ts';
import { statementCovers } from './statement-coverage.ts';

/** An Allow that an unconditional Deny of the same policy fully covers never grants anything (an explicit deny always wins). */
export const rule: Rule<PolicyInput> = {
  id: 'iam/shadowed-by-deny',
  severity: 'warning',
  kinds: ALL_POLICY_KINDS,
  help: 'narrow the Deny, or remove the Allow',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html#policy-eval-denyallow',
  check({ policy }) {
    const all = statements(policy);
    return all.flatMap(({ statement, path }) => {
      if (statement.Effect !== 'Allow') return [];
      const deny = all.find((other) => other.statement.Effect === 'Deny' && statementCovers(other.statement, statement));
      if (!deny) return [];
      const name = deny.statement.Sid ? `\`${deny.statement.Sid}\`` : `number ${deny.index + 1}`;
      return [{ path, message: `this Allow never takes effect: the Deny in statement ${name} covers all of it` }];
    });
  },
};
