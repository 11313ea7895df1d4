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
      if (!self.inner) return [];
      // The first other statement covering this one; of two equal statements, the later one is the redundant one.
      let by: (typeof all)[number] | undefined;
      for (let j = 0; j < all.length && !by; j++) {
        const other = all[j]!;
        if (j !== index && other.statement.Effect === statement.Effect && covers(prepared[j]!, self) && !(covers(self, prepared[j]!) && j > index)) by = other;
      }
      if (!by) return [];
      const name = by.statement.Sid ? `\`${by.statement.Sid}\`` : `number ${by.index + 1}`;
      return [{ path, message: `this statement is redundant: statement ${name} already covers every action and resource of it` }];
    });
  },
};
