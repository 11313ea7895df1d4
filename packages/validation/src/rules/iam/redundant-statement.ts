import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, statements, type PolicyInput } from './policy-input.ts';
import { coverageOf, covers } from './statement-coverage.ts';

/** A statement whose every request another statement of the same effect already covers. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/redundant-statement',
  severity: 'suggestion',
  kinds: ALL_POLICY_KINDS,
  help: 'remove the statement, or merge the two',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
  check({ policy }) {
    const all = statements(policy);
    const prepared = all.map(({ statement }) => coverageOf(statement));
    return all.flatMap(({ statement, index, path }) => {
      const self = prepared[index]!;
      // The first other statement covering this one; of two equal statements, the later one is the redundant one.
      const by = self.inner ? all.find((other) => other.index !== index && other.statement.Effect === statement.Effect && covers(prepared[other.index]!, self) && !(covers(self, prepared[other.index]!) && other.index > index)) : undefined;
      if (!by) return [];
      const name = by.statement.Sid ? `\`${by.statement.Sid}\`` : `number ${by.index + 1}`;
      return [{ path, message: `this statement is redundant: statement ${name} already covers every action and resource of it` }];
    });
  },
};
