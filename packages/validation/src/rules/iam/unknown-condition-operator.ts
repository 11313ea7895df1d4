import type { Rule } from '../rule.ts';
import { conditionEntries } from './condition-entries.ts';
import { operatorSpelling } from './condition-operators.ts';
import { ALL_POLICY_KINDS, type PolicyInput } from './policy-input.ts';

/** An operator IAM does not know: the condition, and so the statement, never matches. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/unknown-condition-operator',
  severity: 'error',
  kinds: ALL_POLICY_KINDS,
  help: 'use an operator such as `StringEquals`, `ArnLike`, `Bool`, `IpAddress` or `NumericLessThan`',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  check({ policy }) {
    const seen = new Set<string>();
    return conditionEntries(policy).flatMap(({ operatorName, operator, operatorPath }) => {
      const key = JSON.stringify(operatorPath);
      if (operator || seen.has(key)) return [];
      seen.add(key);
      const spelling = operatorSpelling(operatorName);
      const message = spelling ? `unknown condition operator \`${operatorName}\`: operators are case-sensitive, did you mean \`${spelling}\`?` : `unknown condition operator \`${operatorName}\``;
      return [{ path: operatorPath, onKey: true, message }];
    });
  },
};
